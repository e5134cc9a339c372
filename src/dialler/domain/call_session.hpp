#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/base/clock.hpp"

namespace dialler::domain {

// Where a call to a customer is. Twilio's call statuses, plus kCreated: the session exists (the
// gate allowed the call) and the browser has not connected yet.
enum class CallStatus {
    kCreated,
    kQueued,
    kInitiated,
    kRinging,
    kInProgress,  // answered
    kCompleted,
    kBusy,
    kNoAnswer,
    kFailed,
    kCanceled,
};

std::string_view CallStatusName(CallStatus status);  // "created", "in-progress", "no-answer", ...
// Twilio's CallStatus / DialCallStatus values ("answered" is Twilio's in-progress for a dialled
// leg); nullopt for anything else.
std::optional<CallStatus> ParseCallStatus(std::string_view name);
bool IsFinal(CallStatus status);

// What the server knows about a call; only status callbacks move it (the browser is never
// trusted for call state).
struct CallState {
    CallStatus status = CallStatus::kCreated;
    // The highest SequenceNumber applied (-1: none): Twilio numbers each leg's callbacks.
    std::int64_t last_sequence = -1;
    Timestamp created_at;
    std::optional<Timestamp> ringing_at;
    std::optional<Timestamp> answered_at;
    std::optional<Timestamp> ended_at;
};

// One status callback, as far as the call's state is concerned.
struct CallEvent {
    CallStatus status = CallStatus::kInitiated;
    std::optional<std::int64_t> sequence;  // SequenceNumber, when Twilio sent one
    Timestamp at;                          // Timestamp, or when it arrived
};

// Applies a status callback. nullopt when it changes nothing: the same event again, one older
// than what was applied (by sequence number), one that would step back (a late `ringing` after
// `in-progress`), or anything after the call ended. Pure.
std::optional<CallState> ApplyCallEvent(const CallState& state, const CallEvent& event);

// Seconds from ringing (or, without a ringing event, from creation) to answer or end; 0 if it
// never rang. Talk: from answer to end; 0 if never answered or not ended.
int RingSeconds(const CallState& state);
int TalkSeconds(const CallState& state);

}  // namespace dialler::domain
