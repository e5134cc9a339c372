#include "dialler/domain/login_throttle.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kT0{std::chrono::milliseconds{1'800'000'000'000}};
const ThrottleRule kRule{3, minutes{15}};

TEST(DecideThrottle, AllowsBelowTheLimit) {
    const std::vector<Timestamp> f{kT0, kT0 + minutes{1}};
    EXPECT_TRUE(DecideThrottle(f, kRule, kT0 + minutes{2}).allowed);
}

TEST(DecideThrottle, BlocksAtTheLimitUntilTheOldestFailureAgesOut) {
    const std::vector<Timestamp> f{kT0 + minutes{1}, kT0, kT0 + minutes{2}};  // any order
    const auto d = DecideThrottle(f, kRule, kT0 + minutes{3});
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.retry_after, minutes{12});
    EXPECT_TRUE(DecideThrottle(f, kRule, kT0 + minutes{15}).allowed);
}

TEST(DecideThrottle, WaitsForEnoughFailuresToAgeOutWhenFarOverTheLimit) {
    const std::vector<Timestamp> f{
        kT0, kT0 + minutes{1}, kT0 + minutes{2}, kT0 + minutes{3}, kT0 + minutes{4}};
    // 5 failures, limit 3: the third-oldest (t0+2) must leave the window.
    EXPECT_EQ(DecideThrottle(f, kRule, kT0 + minutes{5}).retry_after, minutes{12});
}

TEST(DecideThrottle, IgnoresFailuresOutsideTheWindow) {
    const std::vector<Timestamp> f{kT0 - minutes{20}, kT0 - minutes{16}, kT0};
    EXPECT_TRUE(DecideThrottle(f, kRule, kT0 + seconds{1}).allowed);
}

TEST(DecideThrottle, RoundsTheWaitUpToWholeSeconds) {
    const std::vector<Timestamp> f{kT0, kT0, kT0};
    const auto d = DecideThrottle(f, kRule, kT0 + minutes{15} - std::chrono::milliseconds{1});
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.retry_after, seconds{1});
}

}  // namespace
}  // namespace dialler::domain
