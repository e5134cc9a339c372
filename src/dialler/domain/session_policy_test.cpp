#include "dialler/domain/session_policy.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kT0{std::chrono::milliseconds{1'800'000'000'000}};
const SessionPolicy kPolicy{minutes{30}, hours{12}, seconds{60}};

TEST(EvaluateSession, IsActiveWithinBothLimits) {
    const SessionTimes t{kT0, kT0 + hours{11}, std::nullopt};
    EXPECT_EQ(EvaluateSession(t, kPolicy, kT0 + hours{11} + minutes{29}), SessionState::kActive);
}

TEST(EvaluateSession, ExpiresAfterTheIdlePeriod) {
    const SessionTimes t{kT0, kT0, std::nullopt};
    EXPECT_EQ(EvaluateSession(t, kPolicy, kT0 + minutes{30}), SessionState::kIdleExpired);
}

TEST(EvaluateSession, ExpiresAtTheAbsoluteLimitDespiteActivity) {
    const SessionTimes t{kT0, kT0 + hours{12} - minutes{1}, std::nullopt};
    EXPECT_EQ(EvaluateSession(t, kPolicy, kT0 + hours{12}), SessionState::kExpired);
}

TEST(EvaluateSession, RevokedWinsOverEverything) {
    const SessionTimes t{kT0, kT0, kT0 + minutes{1}};
    EXPECT_EQ(EvaluateSession(t, kPolicy, kT0 + minutes{2}), SessionState::kRevoked);
}

TEST(IdleExpiry, NeverPassesTheAbsoluteExpiry) {
    const SessionTimes t{kT0, kT0 + hours{12} - minutes{5}, std::nullopt};
    EXPECT_EQ(IdleExpiry(t, kPolicy), kT0 + hours{12});
    EXPECT_EQ(AbsoluteExpiry(t, kPolicy), kT0 + hours{12});
}

TEST(ShouldTouch, WritesAtMostOncePerStep) {
    const SessionTimes t{kT0, kT0, std::nullopt};
    EXPECT_FALSE(ShouldTouch(t, kPolicy, kT0 + seconds{59}));
    EXPECT_TRUE(ShouldTouch(t, kPolicy, kT0 + seconds{60}));
}

}  // namespace
}  // namespace dialler::domain
