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
        if (pinned == kReal) {
            return system_.Now();
        }
        const Timestamp at{std::chrono::milliseconds{pinned}};
        const long long since = running_since_ms_.load();
        return since == kStill ? at
                               : at + (system_.Now() - Timestamp{std::chrono::milliseconds{since}});
    }
    // Stops the clock at `t`, or (running) sets it to `t` and lets it run on from there.
    void Pin(Timestamp t, bool running = false) {
        running_since_ms_.store(
            running ? std::chrono::duration_cast<std::chrono::milliseconds>(
                          system_.Now().time_since_epoch()
                      )
                          .count()
                    : kStill
        );
        pinned_ms_.store(t.time_since_epoch().count());
    }
    void Unpin() { pinned_ms_.store(kReal); }

private:
    static constexpr long long kReal = -1;
    static constexpr long long kStill = -1;
    SystemClock system_;
    std::atomic<long long> pinned_ms_{kReal};
    std::atomic<long long> running_since_ms_{kStill};
};

}  // namespace dialler::platform
