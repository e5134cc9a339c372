#include "dialler/domain/agent_status.hpp"

#include <algorithm>
#include <array>

namespace dialler::domain {

namespace {
constexpr std::array<std::pair<AgentStatus, std::string_view>, 5> kNames{{
    {AgentStatus::kOffline, "offline"},
    {AgentStatus::kAvailable, "available"},
    {AgentStatus::kOnCall, "on_call"},
    {AgentStatus::kWrapUp, "wrap_up"},
    {AgentStatus::kBreak, "break"},
}};
constexpr std::array<std::string_view, 6> kBreakReasons{
    "break", "lunch", "training", "meeting", "admin", "comfort"};
}  // namespace

std::string_view AgentStatusName(AgentStatus status) {
    for (const auto& [s, name] : kNames) {
        if (s == status) {
            return name;
        }
    }
    return "offline";
}

std::optional<AgentStatus> ParseAgentStatus(std::string_view name) {
    for (const auto& [s, n] : kNames) {
        if (n == name) {
            return s;
        }
    }
    return std::nullopt;
}

std::string_view StatusCauseName(StatusCause cause) {
    switch (cause) {
        case StatusCause::kLogin:
            return "login";
        case StatusCause::kLogout:
            return "logout";
        case StatusCause::kSessionExpired:
            return "session_expired";
        case StatusCause::kCallStarted:
            return "call_started";
        case StatusCause::kCallEnded:
            return "call_ended";
        case StatusCause::kOutcomeSaved:
            return "outcome_saved";
    }
    return "unknown";
}

std::optional<AgentStatus> StatusAfter(AgentStatus current, StatusCause cause) {
    AgentStatus next = current;
    switch (cause) {
        case StatusCause::kLogin:
        case StatusCause::kLogout:
        case StatusCause::kSessionExpired:
            next = AgentStatus::kOffline;
            break;
        case StatusCause::kCallStarted:
            next = AgentStatus::kOnCall;
            break;
        case StatusCause::kCallEnded:
            // Only the call's own end: an agent who already saved the outcome stays available.
            if (current == AgentStatus::kOnCall) {
                next = AgentStatus::kWrapUp;
            }
            break;
        case StatusCause::kOutcomeSaved:
            if (current == AgentStatus::kOnCall || current == AgentStatus::kWrapUp) {
                next = AgentStatus::kAvailable;
            }
            break;
    }
    return next == current ? std::nullopt : std::optional(next);
}

std::span<const std::string_view> BreakReasons() {
    return kBreakReasons;
}

Result<AgentStatus> DecideStatusRequest(
    AgentStatus current, std::string_view requested, std::string_view reason
) {
    const auto wanted = ParseAgentStatus(requested);
    if (!wanted || *wanted == AgentStatus::kOnCall || *wanted == AgentStatus::kWrapUp) {
        return InvalidField("status", "status must be available, break or offline");
    }
    if (*wanted == AgentStatus::kBreak &&
        std::find(kBreakReasons.begin(), kBreakReasons.end(), reason) == kBreakReasons.end()) {
        return InvalidField(
            "reason", "a break needs a reason: break, lunch, training, meeting, admin or comfort"
        );
    }
    if (*wanted != AgentStatus::kBreak && !reason.empty()) {
        return InvalidField("reason", "only a break takes a reason");
    }
    if (current == AgentStatus::kOnCall || current == AgentStatus::kWrapUp) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            current == AgentStatus::kOnCall ? "finish the call first"
                                            : "save the call's outcome first"
        );
    }
    return *wanted;
}

}  // namespace dialler::domain
