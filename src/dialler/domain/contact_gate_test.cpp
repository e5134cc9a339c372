#include "dialler/domain/contact_gate.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using namespace std::chrono;  // NOLINT(google-build-using-namespace): calendar literals in tests

const sys_days kFriday = sys_days{year{2026} / 11 / 20};
const sys_seconds kFriday10 = kFriday + hours{10};  // GMT in November: 10:00 local
const GateRules kRules;

ContactSubject Callable() {
    ContactSubject s;
    s.phone = PhoneNumber{"+447400123456", PhoneType::kMobile, "GB"};
    return s;
}

bool Denied(const GateDecision& d, GateReason reason) {
    return std::any_of(d.denials.begin(), d.denials.end(), [reason](const GateDenial& x) {
        return x.reason == reason;
    });
}

TEST(DecideContact, AllowsACallableCustomerInsideTheWindow) {
    const auto d = DecideContact(Channel::kCall, Callable(), kRules, kFriday10);
    EXPECT_TRUE(d.allowed);
    EXPECT_TRUE(d.denials.empty());
}

TEST(DecideContact, RefusesOutsideTheWindowWithTheReasonAndTheNextOpening) {
    const sys_seconds sunday = kFriday + days{2} + hours{11};
    const auto d = DecideContact(Channel::kCall, Callable(), kRules, sunday);
    EXPECT_FALSE(d.allowed);
    ASSERT_TRUE(Denied(d, GateReason::kOutsideWindow));
    EXPECT_NE(d.denials[0].message.find("Outside the calling window"), std::string::npos);
    EXPECT_EQ(d.retry_at, kFriday + days{3} + hours{8});  // Monday 08:00 GMT
}

TEST(DecideContact, RefusesSuppressedClosedAndBadNumbersPermanently) {
    ContactSubject s = Callable();
    s.suppressed = true;
    s.closed = true;
    s.bad_number = true;
    const auto d = DecideContact(Channel::kCall, s, kRules, kFriday10);
    EXPECT_FALSE(d.allowed);
    EXPECT_TRUE(Denied(d, GateReason::kSuppressed));
    EXPECT_TRUE(Denied(d, GateReason::kClosed));
    EXPECT_TRUE(Denied(d, GateReason::kBadNumber));
    EXPECT_FALSE(d.retry_at);
}

TEST(DecideContact, EnforcesTheDailyCapAcrossAgentsUntilTheNextDay) {
    ContactSubject s = Callable();
    s.recent_calls = {kFriday + hours{8}, kFriday + hours{9}, kFriday + hours{9} + minutes{30}};
    const auto d = DecideContact(Channel::kCall, s, kRules, kFriday10);
    EXPECT_FALSE(d.allowed);
    EXPECT_TRUE(Denied(d, GateReason::kDailyCap));
    EXPECT_EQ(d.retry_at, kFriday + days{1} + hours{9});  // Saturday opens at 09:00
    s.recent_calls.pop_back();
    EXPECT_TRUE(DecideContact(Channel::kCall, s, kRules, kFriday10).allowed);
}

TEST(DecideContact, CountsTheDayInUkTimeDuringSummerTime) {
    // 23:30 UTC on 1 July is 00:30 BST on 2 July: not "today" for a call at 10:00 BST on 2 July.
    const sys_days july1 = sys_days{year{2026} / 7 / 1};
    ContactSubject s = Callable();
    s.recent_calls = {
        july1 + hours{23} + minutes{30}, july1 + days{1} + hours{7}, july1 + days{1} + hours{8}};
    const auto d = DecideContact(Channel::kCall, s, kRules, july1 + days{1} + hours{9});
    EXPECT_FALSE(d.allowed);                              // all three are on 2 July, local time
    s.recent_calls[0] = july1 + hours{22} + minutes{30};  // 23:30 BST on 1 July
    EXPECT_TRUE(DecideContact(Channel::kCall, s, kRules, july1 + days{1} + hours{9}).allowed);
}

TEST(DecideContact, EnforcesTheRollingWeeklyCap) {
    ContactSubject s = Callable();
    for (int i = 1; i <= 7; ++i) {
        s.recent_calls.push_back(kFriday10 - days{i} + hours{1});
    }
    const auto d = DecideContact(Channel::kCall, s, kRules, kFriday10);
    EXPECT_FALSE(d.allowed);
    EXPECT_TRUE(Denied(d, GateReason::kWeeklyCap));
    EXPECT_EQ(d.retry_at, kFriday10 + hours{1});  // the oldest attempt leaves the 7 days
}

TEST(DecideContact, WaitsForTheLastOutcomesDelay) {
    ContactSubject s = Callable();
    s.next_call_at = kFriday10 + hours{4};
    const auto d = DecideContact(Channel::kCall, s, kRules, kFriday10);
    EXPECT_TRUE(Denied(d, GateReason::kTooSoon));
    EXPECT_EQ(d.retry_at, kFriday10 + hours{4});
    s.next_call_at = kFriday10 + hours{11};  // 21:00: after closing, so Saturday 09:00
    EXPECT_EQ(
        DecideContact(Channel::kCall, s, kRules, kFriday10).retry_at, kFriday + days{1} + hours{9}
    );
}

TEST(DecideContact, TextsOnlyUkMobilesWithinTheirOwnCap) {
    ContactSubject landline = Callable();
    landline.phone = PhoneNumber{"+442030000000", PhoneType::kFixedLine, "GB"};
    EXPECT_TRUE(DecideContact(Channel::kCall, landline, kRules, kFriday10).allowed);
    EXPECT_TRUE(
        Denied(DecideContact(Channel::kSms, landline, kRules, kFriday10), GateReason::kNotMobile)
    );

    ContactSubject s = Callable();
    s.recent_sms = {kFriday + hours{8}, kFriday + hours{9}, kFriday + hours{9}};
    s.recent_calls = {kFriday + hours{8}, kFriday + hours{9}, kFriday + hours{9}};
    EXPECT_TRUE(Denied(DecideContact(Channel::kSms, s, kRules, kFriday10), GateReason::kDailyCap));
    s.recent_sms.clear();
    EXPECT_TRUE(DecideContact(Channel::kSms, s, kRules, kFriday10).allowed
    );  // call caps do not apply
}

TEST(DecideContact, RefusesMissingAndForeignNumbers) {
    ContactSubject none = Callable();
    none.phone.reset();
    EXPECT_TRUE(
        Denied(DecideContact(Channel::kCall, none, kRules, kFriday10), GateReason::kNoValidPhone)
    );
    ContactSubject french = Callable();
    french.phone = PhoneNumber{"+33612345678", PhoneType::kMobile, "FR"};
    EXPECT_TRUE(
        Denied(DecideContact(Channel::kCall, french, kRules, kFriday10), GateReason::kNotDialable)
    );
}

}  // namespace
}  // namespace dialler::domain
