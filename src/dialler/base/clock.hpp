#pragma once

#include <chrono>

namespace dialler {

// Where time comes from. Domain functions take `now` as a parameter; services read it from a
// Clock so tests can drive time with a ManualClock (tests/support) and production uses the
// system clock (platform/system_clock.hpp). Implementations are thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::sys_time<std::chrono::milliseconds> Now() const = 0;
};

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

}  // namespace dialler
