#pragma once

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

}  // namespace dialler::platform
