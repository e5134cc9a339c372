#pragma once

#include <functional>
#include <vector>

#include "dialler/app/agent_status_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// What the services that move an agent (calls, outcomes, sessions) tell the status; they
// depend on this, not on AgentStatusService.
class AgentActivity {
public:
    virtual ~AgentActivity() = default;
    // Applies domain::StatusAfter for this cause; never fails the action that caused it.
    virtual void Happened(domain::AgentId agent, domain::StatusCause cause) = 0;
};

// Agents' statuses: chosen by the agent (available, break with a reason, offline) and moved by
// what happens (login, calls, outcomes), each change (and every login and logout) in the timeline,
// audited when the agent chose it, and published live ("agent.status"). Thread-safe; blocking.
class AgentStatusService final : public AgentActivity {
public:
    struct Ports {
        AgentStatusStore& store;
        AuditLog& audit;
        EventSink& events;
        const Clock& clock;
    };
    explicit AgentStatusService(Ports ports) : ports_(ports) {}

    AgentStatusEntry Current(domain::AgentId agent);
    // Errors: domain::DecideStatusRequest's; kUnavailable if it kept changing underneath.
    Result<AgentStatusEntry> Request(
        const domain::Agent& agent,
        std::string_view status,
        std::string_view reason,
        const RequestContext& ctx
    );
    void Happened(domain::AgentId agent, domain::StatusCause cause) override;

    // Sets offline every agent shown in another status who is no longer signed in (their session
    // ran out without a logout), with cause "session_expired". `signed_in` is asked after the
    // floor is read, so an agent who signs in meanwhile is in it; each change is made only from
    // the status read (compare-and-set). Returns how many changed.
    int SignOutExpired(const std::function<std::vector<domain::AgentId>()>& signed_in);

    // Supervisors and admins: every agent's current status.
    std::vector<AgentStatusEntry> Floor();
    // An agent's own timeline, or anyone's for supervisors and admins (kNotFound otherwise).
    // Errors: kInvalidArgument (field "to") when the range is empty or longer than 31 days.
    Result<std::vector<AgentStatusEntry>> Timeline(
        const domain::Agent& viewer, domain::AgentId agent, Timestamp from, Timestamp to
    );

private:
    // Records the change from `current` (CAS) and publishes it; false if it moved meanwhile.
    bool Move(const AgentStatusEntry& current, AgentStatusEntry next);

    Ports ports_;
};

}  // namespace dialler::app
