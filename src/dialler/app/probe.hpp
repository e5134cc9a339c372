#pragma once

#include <string_view>

namespace dialler::app {

// A dependency that readiness checks ask "can I reach you now?". Check() throws on failure.
class Probe {
public:
    virtual ~Probe() = default;
    virtual std::string_view ProbeName() const = 0;
    virtual void Check() = 0;
};

}  // namespace dialler::app
