#pragma once

#include <stdexcept>
#include <string>

namespace dialler {

// Thrown by DIALLER_INVARIANT in release builds: a bug surfaced at run time. Edges turn it into a
// 500 with a request id (and a log line), never into a crash of the whole server.
class InvariantViolation : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

[[noreturn]] void AssertionFailed(
    const char* expr, const char* file, int line, const std::string& msg
);

}  // namespace dialler

// DIALLER_ASSERT(cond): aborts in debug builds, compiled out in release (cheap checks of a bug).
// DIALLER_INVARIANT(cond, msg): aborts in debug, throws InvariantViolation in release.
#ifdef NDEBUG
#define DIALLER_ASSERT(cond) static_cast<void>(0)
#define DIALLER_INVARIANT(cond, msg)                  \
    do {                                              \
        if (!(cond)) {                                \
            throw ::dialler::InvariantViolation(msg); \
        }                                             \
    } while (false)
#else
#define DIALLER_ASSERT(cond)                                           \
    do {                                                               \
        if (!(cond)) {                                                 \
            ::dialler::AssertionFailed(#cond, __FILE__, __LINE__, ""); \
        }                                                              \
    } while (false)
#define DIALLER_INVARIANT(cond, msg)                                      \
    do {                                                                  \
        if (!(cond)) {                                                    \
            ::dialler::AssertionFailed(#cond, __FILE__, __LINE__, (msg)); \
        }                                                                 \
    } while (false)
#endif
