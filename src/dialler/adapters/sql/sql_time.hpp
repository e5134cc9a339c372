#pragma once

#include <chrono>

#include "dialler/base/clock.hpp"

namespace dialler::adapters::sql {

// Own-database times are BIGINT epoch milliseconds (docs/decisions/0003-timestamps.md), bound as
// long long: SOCI 4.0.3 binds long long portably, not int64_t (long on LP64).
inline long long Ms(Timestamp t) {
    return t.time_since_epoch().count();
}
inline Timestamp FromMs(long long ms) {
    return Timestamp{std::chrono::milliseconds{ms}};
}

}  // namespace dialler::adapters::sql
