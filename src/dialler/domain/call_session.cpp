#include "dialler/domain/call_session.hpp"

#include <array>
#include <utility>

namespace dialler::domain {

namespace {

constexpr std::array<std::pair<CallStatus, std::string_view>, 10> kNames{{
    {CallStatus::kCreated, "created"},
    {CallStatus::kQueued, "queued"},
    {CallStatus::kInitiated, "initiated"},
    {CallStatus::kRinging, "ringing"},
    {CallStatus::kInProgress, "in-progress"},
    {CallStatus::kCompleted, "completed"},
    {CallStatus::kBusy, "busy"},
    {CallStatus::kNoAnswer, "no-answer"},
    {CallStatus::kFailed, "failed"},
    {CallStatus::kCanceled, "canceled"},
}};

// How far along a call is; every end is as far as it goes.
int Rank(CallStatus s) {
    switch (s) {
        case CallStatus::kCreated:
            return 0;
        case CallStatus::kQueued:
            return 1;
        case CallStatus::kInitiated:
            return 2;
        case CallStatus::kRinging:
            return 3;
        case CallStatus::kInProgress:
            return 4;
        default:
            return 5;
    }
}

int SecondsBetween(Timestamp from, Timestamp to) {
    return to > from ? static_cast<int>(
                           std::chrono::duration_cast<std::chrono::seconds>(to - from).count()
                       )
                     : 0;
}

}  // namespace

std::string_view CallStatusName(CallStatus status) {
    for (const auto& [s, name] : kNames) {
        if (s == status) {
            return name;
        }
    }
    return "created";
}

std::optional<CallStatus> ParseCallStatus(std::string_view name) {
    if (name == "answered") {
        return CallStatus::kInProgress;
    }
    for (const auto& [s, n] : kNames) {
        if (n == name && s != CallStatus::kCreated) {
            return s;
        }
    }
    return std::nullopt;
}

bool IsFinal(CallStatus status) {
    return Rank(status) == 5;
}

std::optional<CallState> ApplyCallEvent(const CallState& state, const CallEvent& event) {
    if (IsFinal(state.status)) {
        return std::nullopt;
    }
    if (event.sequence && *event.sequence <= state.last_sequence) {
        return std::nullopt;
    }
    if (Rank(event.status) <= Rank(state.status)) {
        return std::nullopt;
    }
    CallState next = state;
    next.status = event.status;
    if (event.sequence) {
        next.last_sequence = *event.sequence;
    }
    if (event.status == CallStatus::kRinging) {
        next.ringing_at = event.at;
    }
    if (event.status == CallStatus::kInProgress) {
        next.answered_at = event.at;
    }
    if (IsFinal(event.status)) {
        next.ended_at = event.at;
    }
    return next;
}

int RingSeconds(const CallState& state) {
    const Timestamp from = state.ringing_at.value_or(state.created_at);
    if (state.answered_at) {
        return SecondsBetween(from, *state.answered_at);
    }
    if (state.ended_at && state.ringing_at) {
        return SecondsBetween(from, *state.ended_at);
    }
    return 0;
}

int TalkSeconds(const CallState& state) {
    if (!state.answered_at || !state.ended_at) {
        return 0;
    }
    return SecondsBetween(*state.answered_at, *state.ended_at);
}

}  // namespace dialler::domain
