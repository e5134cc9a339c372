#pragma once

#include <chrono>
#include <optional>

#include "dialler/base/clock.hpp"

namespace dialler::domain {

// How long a login session lives: it ends after `idle` without a request, and after `absolute`
// whatever the activity (a shift is at most a working day).
struct SessionPolicy {
    std::chrono::minutes idle{30};
    std::chrono::minutes absolute{12 * 60};
    // last_seen_at is written at most this often, so that a busy agent does not cost a database
    // write per request; idle expiry is therefore exact to within this step.
    std::chrono::seconds touch_every{60};
};

struct SessionTimes {
    Timestamp created_at;
    Timestamp last_seen_at;
    std::optional<Timestamp> revoked_at;
};

enum class SessionState { kActive, kIdleExpired, kExpired, kRevoked };

// Returns the state of a session at `now`. Pure.
SessionState EvaluateSession(const SessionTimes& times, const SessionPolicy& policy, Timestamp now);

Timestamp AbsoluteExpiry(const SessionTimes& times, const SessionPolicy& policy);
// The earlier of the idle and the absolute expiry, as seen after a request at `last_seen_at`.
Timestamp IdleExpiry(const SessionTimes& times, const SessionPolicy& policy);

// Returns whether a request at `now` should persist a new last_seen_at.
bool ShouldTouch(const SessionTimes& times, const SessionPolicy& policy, Timestamp now);

}  // namespace dialler::domain
