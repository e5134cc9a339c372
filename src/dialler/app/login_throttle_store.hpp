#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/login_throttle.hpp"

namespace dialler::app {

enum class ThrottleScope { kAccount, kAddress };

// One key a login attempt counts against, with the rule for it.
struct ThrottleKey {
    ThrottleScope scope = ThrottleScope::kAccount;
    std::string key;
    domain::ThrottleRule rule;
};

// What TryAttempt decided.
struct ThrottleAttempt {
    bool allowed = false;
    // When refused: the first key whose rule said no, and how long until it would say yes.
    ThrottleScope refused_by = ThrottleScope::kAccount;
    std::chrono::seconds retry_after{0};
    // When allowed: the provisional failures recorded for this attempt, one per key.
    std::vector<std::int64_t> ids;
};

// Failed login attempts, shared by every server instance (so throttling holds when scaled out).
// Thread-safe.
class LoginThrottleStore {
public:
    virtual ~LoginThrottleStore() = default;

    // In one atomic step, across threads and instances: decides each key with
    // domain::DecideThrottle over its failures inside its rule's window, and only when every key
    // allows, records a provisional failure for each key at `at`; when one refuses, records
    // nothing. A login that then fails leaves its provisional failures as its failures; one that
    // succeeds withdraws them. So a crowd of simultaneous wrong passwords cannot all reach the
    // password check: the attempt after the limit already sees the earlier ones counted.
    // Also forgets failures of any key older than `forget_before`.
    virtual ThrottleAttempt TryAttempt(
        std::span<const ThrottleKey> keys, Timestamp at, Timestamp forget_before
    ) = 0;

    // Takes back the provisional failures of an attempt that succeeded.
    virtual void Withdraw(std::span<const std::int64_t> ids) = 0;

    // Forgets every failure of one key (a successful login clears its account).
    virtual void Clear(ThrottleScope scope, const std::string& key) = 0;

    // The failures of one key at or after `since`, oldest first (support and tests).
    virtual std::vector<Timestamp> FailuresSince(
        ThrottleScope scope, const std::string& key, Timestamp since
    ) = 0;
};

}  // namespace dialler::app
