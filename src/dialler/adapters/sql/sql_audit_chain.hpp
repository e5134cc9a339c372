#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/audit_chain.hpp"

namespace dialler::adapters::sql {

// The audit log's rows as stored and their seals (`audit_seals`, append-only by trigger).
class SqlAuditChain final : public app::AuditChainStore {
public:
    explicit SqlAuditChain(SqlDatabase& db) : db_(db) {}
    std::optional<app::AuditSeal> LastSeal() override;
    std::vector<app::AuditRow> RowsAfter(std::int64_t after_id, int limit) override;
    std::vector<app::AuditSeal> SealsAfter(std::int64_t after_id, int limit) override;
    std::int64_t MaxRowId() override;
    bool AddSeals(std::int64_t after, const std::vector<app::AuditSeal>& seals, Timestamp now)
        override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
