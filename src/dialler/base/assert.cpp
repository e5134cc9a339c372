#include "dialler/base/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace dialler {

void AssertionFailed(const char* expr, const char* file, int line, const std::string& msg) {
    std::fprintf(stderr, "assertion failed: %s at %s:%d %s\n", expr, file, line, msg.c_str());
    std::abort();
}

}  // namespace dialler
