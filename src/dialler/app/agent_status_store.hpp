#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/agent_status.hpp"

namespace dialler::app {

// One status change (and, as the current row, where the agent is now and since when).
struct AgentStatusEntry {
    domain::AgentId agent_id;
    domain::AgentStatus status = domain::AgentStatus::kOffline;
    std::string reason;  // a break's reason; empty otherwise
    std::string cause;   // "agent", "login", "call_started", ... (domain::StatusCauseName)
    Timestamp at;
};

// Agents' statuses, shared by every instance. Thread-safe; faults are exceptions.
class AgentStatusStore {
public:
    virtual ~AgentStatusStore() = default;
    // nullopt: never recorded (an agent who never logged in is offline).
    virtual std::optional<AgentStatusEntry> Current(domain::AgentId agent) = 0;
    virtual std::vector<AgentStatusEntry> AllCurrent() = 0;
    // Records `entry` as the agent's current status and in their timeline, in one transaction,
    // only if the current status is still `expected` (never recorded counts as offline), so two
    // changes racing never both apply. False when it moved meanwhile.
    virtual bool Record(const AgentStatusEntry& entry, domain::AgentStatus expected) = 0;
    // The agent's changes with from <= at < to, oldest first.
    virtual std::vector<AgentStatusEntry> Timeline(
        domain::AgentId agent, Timestamp from, Timestamp to
    ) = 0;
};

}  // namespace dialler::app
