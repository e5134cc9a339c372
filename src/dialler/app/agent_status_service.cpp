#include "dialler/app/agent_status_service.hpp"

#include <algorithm>
#include <chrono>

namespace dialler::app {

namespace {
constexpr int kMaxRounds = 5;
constexpr std::chrono::days kMaxTimelineRange{31};
}  // namespace

AgentStatusEntry AgentStatusService::Current(domain::AgentId agent) {
    if (auto current = ports_.store.Current(agent)) {
        return std::move(*current);
    }
    return AgentStatusEntry{agent, domain::AgentStatus::kOffline, "", "", Timestamp{}};
}

bool AgentStatusService::Move(const AgentStatusEntry& current, AgentStatusEntry next) {
    if (!ports_.store.Record(next, current.status)) {
        return false;
    }
    ports_.events.Publish(LiveEvent{
        "agent.status",
        next.agent_id.Value(),
        std::string(domain::AgentStatusName(next.status)),
        next.agent_id,
        next.at});
    return true;
}

Result<AgentStatusEntry> AgentStatusService::Request(
    const domain::Agent& agent,
    std::string_view status,
    std::string_view reason,
    const RequestContext& ctx
) {
    for (int round = 0; round < kMaxRounds; ++round) {
        const AgentStatusEntry current = Current(agent.id);
        DIALLER_ASSIGN_OR_RETURN(
            const domain::AgentStatus wanted,
            domain::DecideStatusRequest(current.status, status, reason)
        );
        if (wanted == current.status && current.reason == reason) {
            return current;  // already so: nothing to record
        }
        AgentStatusEntry next{agent.id, wanted, std::string(reason), "agent", ports_.clock.Now()};
        if (Move(current, next)) {
            AuditAgentAction(
                ports_.audit,
                ports_.clock,
                agent,
                "agent.status_changed",
                "agent",
                agent.id.ToString(),
                ctx,
                {{"from", std::string(domain::AgentStatusName(current.status))},
                 {"to", std::string(domain::AgentStatusName(wanted))},
                 {"reason", std::string(reason)}}
            );
            return next;
        }
    }
    return Fail(ErrorCode::kUnavailable, "your status kept changing; try again");
}

void AgentStatusService::Happened(domain::AgentId agent, domain::StatusCause cause) {
    for (int round = 0; round < kMaxRounds; ++round) {
        const AgentStatusEntry current = Current(agent);
        auto next = domain::StatusAfter(current.status, cause);
        const bool session_edge =
            cause == domain::StatusCause::kLogin || cause == domain::StatusCause::kLogout;
        if (!next && session_edge) {
            next = current.status;  // the timeline keeps every login and logout
        }
        if (!next) {
            return;
        }
        if (Move(
                current,
                AgentStatusEntry{
                    agent,
                    *next,
                    "",
                    std::string(domain::StatusCauseName(cause)),
                    ports_.clock.Now()}
            )) {
            return;
        }
    }
}

std::vector<AgentStatusEntry> AgentStatusService::Floor() {
    return ports_.store.AllCurrent();
}

Result<std::vector<AgentStatusEntry>> AgentStatusService::Timeline(
    const domain::Agent& viewer, domain::AgentId agent, Timestamp from, Timestamp to
) {
    if (viewer.role == domain::Role::kAgent && viewer.id != agent) {
        return Fail(ErrorCode::kNotFound, "no such agent");
    }
    if (to <= from || to - from > kMaxTimelineRange) {
        return InvalidField("to", "to must be after from, at most 31 days later");
    }
    return ports_.store.Timeline(agent, from, to);
}

int AgentStatusService::SignOutExpired(
    const std::function<std::vector<domain::AgentId>()>& signed_in
) {
    const std::vector<AgentStatusEntry> floor = Floor();
    const std::vector<domain::AgentId> present = signed_in();
    int changed = 0;
    for (const AgentStatusEntry& entry : floor) {
        const auto next = domain::StatusAfter(entry.status, domain::StatusCause::kSessionExpired);
        if (!next || std::find(present.begin(), present.end(), entry.agent_id) != present.end()) {
            continue;
        }
        const std::string cause(domain::StatusCauseName(domain::StatusCause::kSessionExpired));
        if (Move(entry, AgentStatusEntry{entry.agent_id, *next, "", cause, ports_.clock.Now()})) {
            ++changed;
        }
    }
    return changed;
}

}  // namespace dialler::app
