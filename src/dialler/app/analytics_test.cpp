#include "dialler/app/analytics.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "dialler/domain/outcomes.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::app {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using namespace std::chrono_literals;

constexpr std::chrono::year_month_day kMonday{2026y, std::chrono::November, 2d};
constexpr std::chrono::year_month_day kTuesday{2026y, std::chrono::November, 3d};
// November: GMT, so UK midnight is UTC midnight.
const Timestamp kMon{std::chrono::sys_days{kMonday}};

Timestamp At(int hour, int minute = 0, const Timestamp& day = kMon) {
    return day + hours{hour} + minutes{minute};
}

CallSession Call(
    std::int64_t agent,
    Timestamp created,
    std::optional<int> talk,
    int length,
    std::optional<std::string> outcome = std::nullopt
) {
    CallSession c;
    c.agent_id = domain::AgentId{agent};
    c.state.created_at = created;
    c.state.status = talk ? domain::CallStatus::kCompleted : domain::CallStatus::kNoAnswer;
    if (talk) {
        c.state.answered_at = created + seconds{length - *talk};
    }
    c.state.ended_at = created + seconds{length};
    c.outcome_code = std::move(outcome);
    return c;
}

AgentStatusEntry Change(domain::AgentStatus status, Timestamp at, std::string cause = "agent") {
    AgentStatusEntry e;
    e.agent_id = domain::AgentId{1};
    e.status = status;
    e.at = at;
    e.cause = std::move(cause);
    return e;
}

// Monday: signed in 09:00-17:00 with one call (5 min, 1 min wrap-up), a half-hour lunch break.
std::vector<AgentStatusEntry> Monday() {
    using domain::AgentStatus;
    return {
        Change(AgentStatus::kOffline, kMon - hours{2}, "logout"),  // Sunday night
        Change(AgentStatus::kAvailable, At(9), "login"),
        Change(AgentStatus::kOnCall, At(9, 30), "call_started"),
        Change(AgentStatus::kWrapUp, At(9, 35), "call_ended"),
        Change(AgentStatus::kAvailable, At(9, 36), "outcome_saved"),
        Change(AgentStatus::kBreak, At(12)),
        Change(AgentStatus::kAvailable, At(12, 30)),
        Change(AgentStatus::kOffline, At(17), "logout"),
    };
}

TEST(UkDayRange, IsWholeUkDaysBothEndsIncludedAndRefusesBackwardsOrLongRanges) {
    const auto range = MakeUkDayRange(kMonday, kTuesday, 92);
    ASSERT_TRUE(range);
    EXPECT_EQ(range->from, kMon);
    EXPECT_EQ(range->to, kMon + days{2});
    // In summer a UK day starts at 23:00 UTC the day before.
    const auto june =
        MakeUkDayRange({2026y, std::chrono::June, 1d}, {2026y, std::chrono::June, 1d}, 92);
    ASSERT_TRUE(june);
    EXPECT_EQ(june->from, Timestamp{std::chrono::sys_days{2026y / std::chrono::May / 31d} + 23h});

    const auto backwards = MakeUkDayRange(kTuesday, kMonday, 92);
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().field, "to");
    EXPECT_TRUE(MakeUkDayRange(kMonday, {2026y, std::chrono::November, 6d}, 5));
    const auto long_range = MakeUkDayRange(kMonday, {2026y, std::chrono::November, 7d}, 5);
    ASSERT_FALSE(long_range);
    EXPECT_EQ(long_range.error().field, "to");
}

TEST(StatusTime, EachStatusLastsUntilTheNextChangeClippedToTheRange) {
    const auto timeline = Monday();
    const StatusTime t = SumStatusTime(timeline, kMon, kMon + days{1});
    EXPECT_EQ(t.available, (30 + 144 + 270) * 60);
    EXPECT_EQ(t.on_call, 5 * 60);
    EXPECT_EQ(t.wrap_up, 60);
    EXPECT_EQ(t.on_break, 30 * 60);
    EXPECT_EQ(t.logins, 1);
    EXPECT_EQ(t.SignedIn(), 8 * 3600);
    EXPECT_EQ(t.Busy(), 6 * 60);

    // Cut at 10:00 (now, say): the last status runs only until then.
    const StatusTime morning = SumStatusTime(timeline, kMon, At(10));
    EXPECT_EQ(morning.available, (30 + 24) * 60);
    EXPECT_EQ(morning.on_break, 0);
    // A range starting mid-break counts from its start.
    EXPECT_EQ(SumStatusTime(timeline, At(12, 10), At(12, 30)).on_break, 20 * 60);
    EXPECT_EQ(SumStatusTime({}, kMon, At(10)).SignedIn(), 0);
}

TEST(AverageGap, IsFromOneCallsEndToTheNextCallOnTheSameDay) {
    const std::vector<CallSession> calls{
        Call(1, At(10), std::nullopt, 60),          // ends 10:01
        Call(1, At(9, 30), 240, 300),               // ends 09:35
        Call(1, At(9, 40), std::nullopt, 60),       // 5 min after 09:35; ends 09:41
        Call(1, At(9, 0, kMon + days{1}), 10, 20),  // Tuesday: not a gap
    };
    // 09:35 -> 09:40 (300 s), 09:41 -> 10:00 (1140 s).
    EXPECT_EQ(AverageGapSeconds(calls), (300.0 + 1140.0) / 2);
    EXPECT_FALSE(AverageGapSeconds(std::span(calls).first(1)));
    // A call started before the previous one ended (a second tab) is no negative gap.
    const std::vector<CallSession> overlapping{
        Call(1, At(9), 50, 100), Call(1, At(9, 1), std::nullopt, 10)};
    EXPECT_EQ(AverageGapSeconds(overlapping), 0.0);
}

domain::Agent Person(std::int64_t id, std::string name) {
    domain::Agent a;
    a.id = domain::AgentId{id};
    a.display_name = std::move(name);
    return a;
}

// A hand-made two days: Alice's three Monday calls (two answered: 240 s and 60 s of talk), Bob's
// Tuesday call nobody answered, one conversion crediting Alice on Tuesday.
AnalyticsReport TwoDays() {
    const auto range = MakeUkDayRange(kMonday, kTuesday, 92);
    const std::vector<CallSession> calls{
        Call(1, At(9, 30), 240, 300, "going_to_complete"),
        Call(1, At(9, 40), std::nullopt, 60, "no_answer"),
        Call(1, At(14, 5), 60, 90, "going_to_complete"),
        Call(2, At(10, 0, kMon + days{1}), std::nullopt, 30),
    };
    Conversion c;
    c.at = At(11, 0, kMon + days{1});
    c.agents = {domain::AgentId{1}};
    const std::vector<Conversion> conversions{c};
    AnalyticsInputs in{
        *range, kMon + days{5}, calls, conversions, {Person(2, "Bob"), Person(1, "Alice")}, {}, {}};
    in.timelines[1] = Monday();
    return BuildAnalytics(std::move(in));
}

TEST(Analytics, TotalsDaysAndHoursAreTheAgentDayFiguresOverTheirCalls) {
    const AnalyticsReport r = TwoDays();
    EXPECT_EQ(r.totals.calls, 4);
    EXPECT_EQ(r.totals.contacts, 2);
    EXPECT_EQ(r.totals.talk_seconds, 300);
    EXPECT_EQ(r.conversions, 1);
    ASSERT_EQ(r.days.size(), 2U);
    EXPECT_EQ(r.days[0].day, std::chrono::sys_days{kMonday});
    EXPECT_EQ(r.days[0].calls.calls, 3);
    EXPECT_EQ(r.days[0].calls.contacts, 2);
    EXPECT_EQ(r.days[0].conversions, 0);
    EXPECT_EQ(r.days[1].calls.calls, 1);
    EXPECT_EQ(r.days[1].calls.contacts, 0);
    EXPECT_EQ(r.days[1].conversions, 1);
    EXPECT_EQ(r.hours[9].calls.calls, 2);
    EXPECT_EQ(r.hours[10].calls.calls, 1);
    EXPECT_EQ(r.hours[14].calls.calls, 1);
    EXPECT_EQ(r.hours[14].calls.contacts, 1);
    EXPECT_EQ(r.hours[0].calls.calls, 0);
    EXPECT_EQ(r.hours[23].hour, 23);
    EXPECT_EQ(r.outcomes.at("going_to_complete"), 2);
    EXPECT_EQ(r.outcomes.at("no_answer"), 1);
    EXPECT_EQ(r.outcomes.at("do_not_contact"), 0);  // every outcome, zeros included
    EXPECT_EQ(r.outcomes.size(), domain::AllOutcomes().size());
}

TEST(Analytics, AnAgentsRatiosAreOverTheirSignedInTime) {
    const AnalyticsReport r = TwoDays();
    ASSERT_EQ(r.agents.size(), 2U);
    const AgentFigures& alice = r.agents[0];
    EXPECT_EQ(alice.agent.display_name, "Alice");  // by name
    EXPECT_EQ(alice.calls.calls, 3);
    EXPECT_EQ(alice.calls.talk_seconds, 300);
    EXPECT_EQ(alice.status.SignedIn(), 8 * 3600);
    EXPECT_DOUBLE_EQ(*alice.CallsPerHour(), 3 * 3600.0 / (8 * 3600));
    EXPECT_DOUBLE_EQ(*alice.TalkShare(), 300.0 / (8 * 3600));
    EXPECT_DOUBLE_EQ(*alice.Utilisation(), 360.0 / (8 * 3600));
    // 09:35 -> 09:40 and 09:41 -> 14:05.
    EXPECT_DOUBLE_EQ(*alice.average_gap_seconds, (300.0 + (4 * 3600 + 24 * 60)) / 2);
    EXPECT_EQ(alice.conversions, 1);

    const AgentFigures& bob = r.agents[1];
    EXPECT_EQ(bob.calls.calls, 1);
    EXPECT_EQ(bob.status.SignedIn(), 0);  // no timeline: never signed in in the range
    EXPECT_FALSE(bob.CallsPerHour());
    EXPECT_FALSE(bob.Utilisation());
    EXPECT_FALSE(bob.average_gap_seconds);
    EXPECT_EQ(bob.conversions, 0);
}

TEST(Analytics, AnHourIsTheUkHourInSummerToo) {
    const auto range =
        MakeUkDayRange({2026y, std::chrono::June, 1d}, {2026y, std::chrono::June, 1d}, 92);
    const Timestamp june{std::chrono::sys_days{2026y / std::chrono::June / 1d}};
    const std::vector<CallSession> calls{Call(1, june + 8h + 30min, std::nullopt, 10)};
    const AnalyticsReport r =
        BuildAnalytics(AnalyticsInputs{*range, june + days{1}, calls, {}, {}, {}, {}});
    EXPECT_EQ(r.hours[9].calls.calls, 1);  // 08:30 UTC is 09:30 BST
    EXPECT_EQ(r.days[0].calls.calls, 1);
}

TEST(Analytics, ScoreBandsCountCallsByTheScoreTheyWerePlacedAtEveryBandListed) {
    const auto range = MakeUkDayRange(kMonday, kMonday, 92);
    std::vector<CallSession> calls{
        Call(1, At(9), 30, 60),
        Call(1, At(10), std::nullopt, 20),
        Call(1, At(11), std::nullopt, 20),
        Call(1, At(12), 10, 40),
        Call(1, At(13), std::nullopt, 20),
    };
    calls[0].lead_score = 0;
    calls[1].lead_score = 19;
    calls[2].lead_score = 45;
    calls[3].direction = CallDirection::kInbound;  // a customer's call: no score
    calls[4].direction = CallDirection::kInbound;  // and nobody took it: not a call at all
    const AnalyticsReport r =
        BuildAnalytics(AnalyticsInputs{*range, kMon + days{1}, calls, {}, {}, {}, {}});
    ASSERT_EQ(r.score_bands.size(), domain::kScoreBands.size());
    const auto band = [&r](std::string_view name) {
        const auto it =
            std::find_if(r.score_bands.begin(), r.score_bands.end(), [name](const auto& b) {
                return b.band == name;
            });
        return it == r.score_bands.end() ? AgentDay{} : it->calls;
    };
    EXPECT_EQ(r.score_bands.front().band, "0-19");
    EXPECT_EQ(r.score_bands.back().band, "none");
    EXPECT_EQ(band("0-19").calls, 2);
    EXPECT_EQ(band("0-19").contacts, 1);
    EXPECT_EQ(band("0-19").talk_seconds, 30);
    EXPECT_EQ(band("40-59").calls, 1);
    EXPECT_EQ(band("40-59").contacts, 0);
    EXPECT_EQ(band("20-39").calls, 0);
    EXPECT_EQ(band("none").calls, 1);
    EXPECT_EQ(band("none").contacts, 1);
}

}  // namespace
}  // namespace dialler::app
