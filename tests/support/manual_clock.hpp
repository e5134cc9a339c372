#pragma once

#include <atomic>
#include <chrono>

#include "dialler/base/clock.hpp"

namespace dialler::testing {

// A clock that moves only when the test says so.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start = Timestamp{std::chrono::milliseconds{1'790'000'000'000}})
        : now_(start) {}
    Timestamp Now() const override { return now_.load(); }
    void Set(Timestamp t) { now_.store(t); }
    template <typename Rep, typename Period>
    void Advance(std::chrono::duration<Rep, Period> d) {
        now_.store(now_.load() + std::chrono::duration_cast<std::chrono::milliseconds>(d));
    }

private:
    std::atomic<Timestamp> now_;
};

}  // namespace dialler::testing
