#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/agent_status_store.hpp"

namespace dialler::adapters::sql {

class SqlAgentStatusStore final : public app::AgentStatusStore {
public:
    explicit SqlAgentStatusStore(SqlDatabase& db) : db_(db) {}
    std::optional<app::AgentStatusEntry> Current(domain::AgentId agent) override;
    std::vector<app::AgentStatusEntry> AllCurrent() override;
    bool Record(const app::AgentStatusEntry& entry, domain::AgentStatus expected) override;
    std::vector<app::AgentStatusEntry> Timeline(domain::AgentId agent, Timestamp from, Timestamp to)
        override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
