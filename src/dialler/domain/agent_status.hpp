#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dialler/base/error.hpp"

namespace dialler::domain {

// Where an agent is in their shift (product.md §6: the supervisor's board shows it live).
enum class AgentStatus { kOffline, kAvailable, kOnCall, kWrapUp, kBreak };

std::string_view AgentStatusName(AgentStatus status);  // "offline", "on_call", ...
std::optional<AgentStatus> ParseAgentStatus(std::string_view name);

// What the system does to an agent's status; the agent's own choices go through
// DecideStatusRequest.
// kSessionExpired: the agent's login session ran out (idle or end of shift) without a logout.
enum class StatusCause {
    kLogin,
    kLogout,
    kSessionExpired,
    kCallStarted,
    kCallEnded,
    kOutcomeSaved
};
std::string_view StatusCauseName(StatusCause cause);  // "login", "call_started", ...

// The status after `cause`, or nullopt when it does not change. Logging in leaves the agent
// offline until they choose to be available (after the microphone check); a call makes them
// on_call, its end wrap_up (the outcome is still to come), the saved outcome available again.
std::optional<AgentStatus> StatusAfter(AgentStatus current, StatusCause cause);

// Why an agent may take a break (a reason is required).
std::span<const std::string_view> BreakReasons();

// An agent asking to be available, on a break (with one of BreakReasons) or offline. Refused
// (kFailedPrecondition) during a call or its wrap-up: the outcome comes first. Errors:
// kInvalidArgument naming "status" or "reason".
Result<AgentStatus> DecideStatusRequest(
    AgentStatus current, std::string_view requested, std::string_view reason
);

}  // namespace dialler::domain
