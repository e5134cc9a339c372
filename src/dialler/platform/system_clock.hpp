#pragma once

#include <atomic>
#include <chrono>

#include "dialler/base/clock.hpp"

namespace dialler::platform {

// The real time, for production. Tests use tests/support/manual_clock.hpp.
class SystemClock final : public Clock {
public:
    Timestamp Now() const override {
        return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
};

// The real time, unless a black-box test has pinned it (ENABLE_TEST_ENDPOINTS, development only):
// the end-to-end tests must see a weekday inside the calling window whatever day CI runs on.
class ControllableClock final : public Clock {
public:
    Timestamp Now() const override {
        const long long pinned = pinned_ms_.load();
        return pinned == kReal ? system_.Now() : Timestamp{std::chrono::milliseconds{pinned}};
    }
    void Pin(Timestamp t) { pinned_ms_.store(t.time_since_epoch().count()); }
    void Unpin() { pinned_ms_.store(kReal); }

private:
    static constexpr long long kReal = -1;
    SystemClock system_;
    std::atomic<long long> pinned_ms_{kReal};
};

}  // namespace dialler::platform
