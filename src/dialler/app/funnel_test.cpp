#include "dialler/app/funnel.hpp"

#include <gtest/gtest.h>

namespace dialler::app {
namespace {

using domain::Queue;
using domain::UserId;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

const Timestamp kT0{std::chrono::sys_days{std::chrono::year_month_day{
    std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}}}};

QueueEntry Entry(
    std::int64_t user,
    Queue queue,
    Timestamp entered,
    Timestamp episode,
    std::optional<Timestamp> next = std::nullopt
) {
    return QueueEntry{UserId{user}, queue, episode, entered, next};
}

FunnelCall Dial(std::int64_t user, Timestamp at, bool answered) {
    return FunnelCall{UserId{user}, at, CallDirection::kOutbound, answered};
}

FunnelCall CustomerCall(std::int64_t user, Timestamp at, bool answered) {
    return FunnelCall{UserId{user}, at, CallDirection::kInbound, answered};
}

Conversion Converted(std::int64_t user, Queue from, Timestamp episode) {
    Conversion c;
    c.user_id = UserId{user};
    c.from_queue = from;
    c.episode = episode;
    c.at = episode + days{30};
    return c;
}

// Customer 1 enters unsigned, signs (converted) and enters outstanding three days later; 2
// enters unsigned and is called after more than a day; 3 enters unsigned and is never called;
// 4 enters outstanding and calls us, answered.
FunnelFacts Week() {
    FunnelFacts f;
    f.entries = {
        Entry(1, Queue::kUnsigned, kT0, kT0 - days{10}, kT0 + days{3}),
        Entry(1, Queue::kOutstanding, kT0 + days{3}, kT0 + days{3}),
        Entry(2, Queue::kUnsigned, kT0 + hours{1}, kT0 - days{2}),
        Entry(3, Queue::kUnsigned, kT0 + hours{2}, kT0 + hours{2}),
        Entry(4, Queue::kOutstanding, kT0, kT0 - days{1}),
    };
    f.calls = {
        Dial(1, kT0 + hours{2}, false),
        Dial(1, kT0 + hours{5}, true),
        Dial(1, kT0 + days{4}, true),            // the outstanding entry's, exactly a day after it
        CustomerCall(2, kT0 + hours{2}, false),  // nobody took it: not a call
        Dial(2, kT0 + hours{30}, false),
        CustomerCall(4, kT0 + minutes{10}, true),
    };
    f.links = {
        {UserId{1}, kT0 + hours{6}, true},
        {UserId{2}, kT0, true},  // before 2 entered: another episode's
        {UserId{2}, kT0 + hours{2}, false},
    };
    f.conversions = {
        Converted(1, Queue::kUnsigned, kT0 - days{10}),
        Converted(2, Queue::kUnsigned, kT0 - days{40}),  // an earlier episode of 2's
    };
    return f;
}

TEST(BuildFunnel, CountsEachStepOfEachQueuesEntriesWithinTheirWindow) {
    const auto funnel = BuildFunnel(Week());
    ASSERT_EQ(funnel.size(), 2U);
    const FunnelFigures& u = funnel[0];
    EXPECT_EQ(u.queue, Queue::kUnsigned);
    EXPECT_EQ(u.entered, 3);
    EXPECT_EQ(u.called, 2);     // 1 and 2 (2's unanswered call of their own does not count)
    EXPECT_EQ(u.contacted, 1);  // 1 answered at +5 h; the call at +4 d is the next entry's
    EXPECT_EQ(u.link_sent, 2);
    EXPECT_EQ(u.link_opened, 1);  // 2's opened link was sent before they entered
    EXPECT_EQ(u.converted, 1);    // 2's conversion is of another episode
    EXPECT_EQ(u.called_within_day, 1);
    ASSERT_TRUE(u.CalledWithinDayShare());
    EXPECT_DOUBLE_EQ(*u.CalledWithinDayShare(), 1.0 / 3);
    ASSERT_TRUE(u.median_seconds_to_first_call);
    EXPECT_DOUBLE_EQ(*u.median_seconds_to_first_call, (2 * 3600 + 29 * 3600) / 2.0);

    const FunnelFigures& o = funnel[1];
    EXPECT_EQ(o.queue, Queue::kOutstanding);
    EXPECT_EQ(o.entered, 2);
    EXPECT_EQ(o.called, 2);  // 4's call to us, answered, is a call
    EXPECT_EQ(o.contacted, 2);
    EXPECT_EQ(o.link_sent, 0);
    EXPECT_EQ(o.link_opened, 0);
    EXPECT_EQ(o.converted, 0);
    EXPECT_EQ(o.called_within_day, 1);  // exactly a day is not within it
    EXPECT_DOUBLE_EQ(*o.median_seconds_to_first_call, (86400 + 600) / 2.0);
}

TEST(BuildFunnel, OddCountsTakeTheMiddleWait) {
    FunnelFacts f;
    f.entries = {
        Entry(1, Queue::kUnsigned, kT0, kT0),
        Entry(2, Queue::kUnsigned, kT0, kT0),
        Entry(3, Queue::kUnsigned, kT0, kT0),
    };
    f.calls = {
        Dial(1, kT0 + minutes{1}, false),
        Dial(2, kT0 + minutes{5}, false),
        Dial(3, kT0 + hours{9}, false),
        Dial(3, kT0 + hours{1}, false)};
    EXPECT_DOUBLE_EQ(*BuildFunnel(f)[0].median_seconds_to_first_call, 300);  // 3's first: 1 h
}

TEST(BuildFunnel, NoEntriesIsZerosWithNoShareAndNoMedian) {
    FunnelFacts f;
    f.calls = {Dial(1, kT0, true)};  // a customer who entered no queue in the range
    for (const FunnelFigures& q : BuildFunnel(f)) {
        EXPECT_EQ(q.entered, 0);
        EXPECT_EQ(q.called, 0);
        EXPECT_FALSE(q.CalledWithinDayShare());
        EXPECT_FALSE(q.median_seconds_to_first_call);
    }
}

TEST(BuildFunnel, IgnoresAnEntryOfAQueueLeadsAreNeverIn) {
    FunnelFacts f;
    f.entries = {Entry(1, Queue::kCallbacks, kT0, kT0)};
    const auto funnel = BuildFunnel(f);
    EXPECT_EQ(funnel[0].entered + funnel[1].entered, 0);
}

}  // namespace
}  // namespace dialler::app
