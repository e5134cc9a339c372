#include "dialler/domain/call_session.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using std::chrono::seconds;
const Timestamp kT0{std::chrono::milliseconds{1'800'000'000'000}};

CallEvent At(CallStatus s, std::int64_t seq, int after_seconds) {
    return CallEvent{s, seq, kT0 + seconds{after_seconds}};
}

TEST(CallStatus, ParsesTwiliosNamesAndRoundTrips) {
    EXPECT_EQ(ParseCallStatus("in-progress"), CallStatus::kInProgress);
    EXPECT_EQ(ParseCallStatus("answered"), CallStatus::kInProgress);
    EXPECT_EQ(ParseCallStatus("no-answer"), CallStatus::kNoAnswer);
    EXPECT_FALSE(ParseCallStatus("created"));  // ours, never Twilio's
    EXPECT_FALSE(ParseCallStatus("Completed"));
    for (CallStatus s : {CallStatus::kRinging, CallStatus::kBusy, CallStatus::kCanceled}) {
        EXPECT_EQ(ParseCallStatus(CallStatusName(s)), s);
    }
}

TEST(ApplyCallEvent, WalksAnAnsweredCallAndTimesIt) {
    CallState s{CallStatus::kCreated, -1, kT0, {}, {}, {}};
    for (const auto& e :
         {At(CallStatus::kInitiated, 0, 1),
          At(CallStatus::kRinging, 1, 2),
          At(CallStatus::kInProgress, 2, 9),
          At(CallStatus::kCompleted, 3, 69)}) {
        auto next = ApplyCallEvent(s, e);
        ASSERT_TRUE(next) << CallStatusName(e.status);
        s = *next;
    }
    EXPECT_EQ(s.status, CallStatus::kCompleted);
    EXPECT_EQ(RingSeconds(s), 7);
    EXPECT_EQ(TalkSeconds(s), 60);
}

TEST(ApplyCallEvent, IgnoresReplaysLateAndBackwardEvents) {
    CallState s{CallStatus::kCreated, -1, kT0, {}, {}, {}};
    s = *ApplyCallEvent(s, At(CallStatus::kRinging, 1, 2));
    EXPECT_FALSE(ApplyCallEvent(s, At(CallStatus::kRinging, 1, 2)));    // the same again
    EXPECT_FALSE(ApplyCallEvent(s, At(CallStatus::kInitiated, 0, 1)));  // arrived late
    EXPECT_FALSE(ApplyCallEvent(s, At(CallStatus::kInitiated, 5, 3)));  // would step back
    s = *ApplyCallEvent(s, At(CallStatus::kCompleted, 4, 20));
    EXPECT_FALSE(ApplyCallEvent(s, At(CallStatus::kInProgress, 3, 10)));  // after the end
    EXPECT_FALSE(ApplyCallEvent(s, At(CallStatus::kBusy, 9, 30)));
    EXPECT_EQ(TalkSeconds(s), 0);
    EXPECT_EQ(RingSeconds(s), 18);  // rang until it ended unanswered
}

TEST(ApplyCallEvent, OrdersBySequenceWhenThereIsOneAndByProgressWhenNot) {
    CallState s{CallStatus::kCreated, -1, kT0, {}, {}, {}};
    s = *ApplyCallEvent(s, CallEvent{CallStatus::kRinging, std::nullopt, kT0 + seconds{2}});
    EXPECT_FALSE(ApplyCallEvent(s, CallEvent{CallStatus::kInitiated, std::nullopt, kT0}));
    const auto busy =
        ApplyCallEvent(s, CallEvent{CallStatus::kBusy, std::nullopt, kT0 + seconds{5}});
    ASSERT_TRUE(busy);
    EXPECT_TRUE(IsFinal(busy->status));
    EXPECT_EQ(busy->ended_at, kT0 + seconds{5});
}

}  // namespace
}  // namespace dialler::domain
