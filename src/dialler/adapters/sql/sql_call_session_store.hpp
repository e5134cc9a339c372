#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/call_session_store.hpp"

namespace dialler::adapters::sql {

class SqlCallSessionStore final : public app::CallSessionStore {
public:
    explicit SqlCallSessionStore(SqlDatabase& db) : db_(db) {}
    app::CallSession Create(const app::CallSession& session) override;
    std::optional<app::CallSession> Find(std::int64_t id) override;
    std::optional<app::CallSession> FindByCallSid(std::string_view call_sid) override;
    bool AttachCallSid(std::int64_t id, const std::string& call_sid) override;
    bool UpdateState(
        std::int64_t id,
        const domain::CallState& expected,
        const domain::CallState& next,
        const std::optional<std::string>& dialled_call_sid,
        Timestamp now
    ) override;
    bool SetRecording(std::int64_t id, const app::CallRecording& recording, Timestamp now) override;
    bool LinkOutcome(
        std::int64_t id, std::int64_t outcome_id, std::string_view outcome_code, Timestamp now
    ) override;
    std::vector<app::CallSession> List(const app::CallSessionFilter& filter) override;
    std::vector<app::CallSession> Unfinished(Timestamp created_before, int limit) override;

private:
    // The sessions matching `where` (an SQL condition over literals we produced), in `order`.
    std::vector<app::CallSession> Select(
        const std::string& where,
        const std::string& order,
        int limit,
        const std::string* text = nullptr
    );
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
