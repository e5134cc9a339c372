#include "dialler/app/agent_day.hpp"

#include <gtest/gtest.h>

namespace dialler::app {
namespace {

using std::chrono::seconds;

const Timestamp kMidnight{std::chrono::sys_days{std::chrono::year{2026} / 11 / 4}};

CallSession Call(std::optional<int> answered_after, int ended_after) {
    CallSession c;
    c.state.created_at = kMidnight + std::chrono::hours{10};
    if (answered_after) {
        c.state.answered_at = c.state.created_at + seconds{*answered_after};
    }
    c.state.ended_at = c.state.created_at + seconds{ended_after};
    return c;
}

TEST(AgentDay, CountsEveryCallAndOnlyAnsweredOnesAsContactsWithTheirTalkTime) {
    const std::vector<CallSession> calls{Call(5, 65), Call(std::nullopt, 25), Call(10, 40)};
    const AgentDay day = SumAgentDay(calls, 2, kMidnight);
    EXPECT_EQ(day.since, kMidnight);
    EXPECT_EQ(day.calls, 3);
    EXPECT_EQ(day.contacts, 2);
    EXPECT_EQ(day.talk_seconds, 60 + 30);
    EXPECT_EQ(day.links_sent, 2);
}

TEST(AgentDay, ACustomersCallCountsOnlyWhenTheAgentTookIt) {
    CallSession taken = Call(3, 63);
    taken.direction = CallDirection::kInbound;
    CallSession missed = Call(std::nullopt, 20);
    missed.direction = CallDirection::kInbound;
    const std::vector<CallSession> calls{taken, missed, Call(std::nullopt, 25)};
    const AgentDay day = SumAgentDay(calls, 0, kMidnight);
    EXPECT_EQ(day.calls, 2);
    EXPECT_EQ(day.contacts, 1);
    EXPECT_EQ(day.talk_seconds, 60);
}

TEST(AgentDay, AnEmptyDayIsAllNoughts) {
    const AgentDay day = SumAgentDay({}, 0, kMidnight);
    EXPECT_EQ(day.calls, 0);
    EXPECT_EQ(day.contacts, 0);
    EXPECT_EQ(day.talk_seconds, 0);
}

}  // namespace
}  // namespace dialler::app
