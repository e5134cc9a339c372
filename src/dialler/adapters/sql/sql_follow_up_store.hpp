#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/follow_up_store.hpp"

namespace dialler::adapters::sql {

class SqlFollowUpStore final : public app::FollowUpStore {
public:
    explicit SqlFollowUpStore(SqlDatabase& db) : db_(db) {}
    app::FollowUp Schedule(const app::FollowUp& follow_up) override;
    std::vector<app::FollowUp> ClaimDue(Timestamp now, int limit) override;
    bool Finish(
        std::int64_t id,
        app::FollowUpStatus to,
        const std::string& reason,
        std::optional<std::int64_t> sms_id,
        Timestamp at
    ) override;
    bool Defer(std::int64_t id, Timestamp due, const std::string& reason, Timestamp at) override;
    std::vector<app::FollowUp> ForUser(domain::UserId user, int limit) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
