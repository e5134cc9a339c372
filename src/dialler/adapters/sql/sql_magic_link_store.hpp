#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/magic_link_store.hpp"

namespace dialler::adapters::sql {

class SqlMagicLinkStore final : public app::MagicLinkStore {
public:
    explicit SqlMagicLinkStore(SqlDatabase& db) : db_(db) {}
    app::MagicLink Create(const app::MagicLink& link) override;
    void AttachSms(std::int64_t id, std::int64_t sms_id) override;
    bool Revoke(std::int64_t id, std::optional<domain::AgentId> by, Timestamp at) override;
    std::optional<app::MagicLink> Find(std::int64_t id) override;
    std::optional<app::MagicLink> FindByTokenHash(const std::string& token_hash) override;
    std::vector<app::MagicLink> ForUser(domain::UserId user, int limit) override;
    int CountSince(domain::UserId user, Timestamp since) override;
    int CountSentBy(domain::AgentId agent, Timestamp since) override;
    app::LinkDayCounts CountDay(Timestamp since) override;
    std::optional<app::MagicLink> RecordClick(
        std::int64_t id, Timestamp at, const std::string& user_agent, const std::string& jti
    ) override;

private:
    // Links with `column` (user_id, created_by) = key created at or after `since`.
    int CountFrom(const char* column, long long key, Timestamp since);
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
