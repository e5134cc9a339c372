#pragma once

#include <chrono>
#include <span>

#include "dialler/base/clock.hpp"

namespace dialler::domain {

// At most `max_failures` failed logins within a sliding `window`.
struct ThrottleRule {
    int max_failures = 5;
    std::chrono::seconds window{15 * 60};
};

struct ThrottleDecision {
    bool allowed = true;
    std::chrono::seconds retry_after{0};  // > 0 when not allowed
};

// Decides whether another login attempt may be tried at `now`, given the times of earlier
// failures for one key (account or address), in any order. Pure.
//
// A blocked key is let through again when enough of its failures have aged out of the window,
// so the wait is exact rather than a fixed lock-out that an attacker could keep extending.
ThrottleDecision DecideThrottle(
    std::span<const Timestamp> failures, const ThrottleRule& rule, Timestamp now
);

}  // namespace dialler::domain
