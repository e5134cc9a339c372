#pragma once

#include <string>
#include <vector>

#include "dialler/base/clock.hpp"

namespace dialler::app {

enum class ThrottleScope { kAccount, kAddress };

// Failed login attempts, shared by every server instance (so throttling holds when scaled out).
// Thread-safe.
class LoginThrottleStore {
public:
    virtual ~LoginThrottleStore() = default;
    // Records a failure and forgets failures of any key older than `forget_before`.
    virtual void RecordFailure(
        ThrottleScope scope, const std::string& key, Timestamp at, Timestamp forget_before
    ) = 0;
    virtual std::vector<Timestamp> FailuresSince(
        ThrottleScope scope, const std::string& key, Timestamp since
    ) = 0;
    virtual void Clear(ThrottleScope scope, const std::string& key) = 0;
};

}  // namespace dialler::app
