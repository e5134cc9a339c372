#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/retention.hpp"

namespace dialler::adapters::sql {

class SqlRetentionStore final : public app::RetentionStore {
public:
    explicit SqlRetentionStore(SqlDatabase& db) : db_(db) {}
    app::RetentionCounts Apply(const app::RetentionCutoffs& cutoffs) override;
    std::optional<app::LegalHold> PlaceHold(const app::LegalHold& hold) override;
    std::optional<app::LegalHold> ReleaseHold(
        std::int64_t id, domain::AgentId by, const std::string& reason, Timestamp at
    ) override;
    std::optional<app::LegalHold> FindHold(std::int64_t id) override;
    std::vector<app::LegalHold> Holds(bool include_released, int limit) override;
    std::optional<app::LegalHold> ActiveHold(domain::UserId user) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
