#include "dialler/domain/session_policy.hpp"

#include <algorithm>

namespace dialler::domain {

SessionState EvaluateSession(
    const SessionTimes& times, const SessionPolicy& policy, Timestamp now
) {
    if (times.revoked_at && *times.revoked_at <= now) {
        return SessionState::kRevoked;
    }
    if (now >= AbsoluteExpiry(times, policy)) {
        return SessionState::kExpired;
    }
    if (now >= times.last_seen_at + policy.idle) {
        return SessionState::kIdleExpired;
    }
    return SessionState::kActive;
}

Timestamp AbsoluteExpiry(const SessionTimes& times, const SessionPolicy& policy) {
    return times.created_at + policy.absolute;
}

Timestamp IdleExpiry(const SessionTimes& times, const SessionPolicy& policy) {
    return std::min(times.last_seen_at + policy.idle, AbsoluteExpiry(times, policy));
}

bool ShouldTouch(const SessionTimes& times, const SessionPolicy& policy, Timestamp now) {
    return now - times.last_seen_at >= policy.touch_every;
}

}  // namespace dialler::domain
