#include "dialler/app/floor_board.hpp"

#include <gtest/gtest.h>

namespace dialler::app {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kMidnight{std::chrono::sys_days{std::chrono::year{2026} / 11 / 4}};
const Timestamp kNow = kMidnight + std::chrono::hours{11};

domain::Agent Person(std::int64_t id, std::string name, domain::Role role = domain::Role::kAgent) {
    domain::Agent a;
    a.id = domain::AgentId{id};
    a.display_name = std::move(name);
    a.role = role;
    return a;
}

CallSession Call(
    std::int64_t id,
    std::int64_t agent,
    domain::CallStatus status,
    Timestamp created,
    std::optional<int> answered_after = std::nullopt,
    int ended_after = 0
) {
    CallSession c;
    c.id = id;
    c.agent_id = domain::AgentId{agent};
    c.state.status = status;
    c.state.created_at = created;
    if (answered_after) {
        c.state.answered_at = created + seconds{*answered_after};
    }
    if (domain::IsFinal(status)) {
        c.state.ended_at = created + seconds{ended_after};
    }
    return c;
}

AgentStatusEntry Status(
    std::int64_t agent, domain::AgentStatus status, Timestamp at, std::string reason = ""
) {
    AgentStatusEntry e;
    e.agent_id = domain::AgentId{agent};
    e.status = status;
    e.reason = std::move(reason);
    e.at = at;
    return e;
}

LeadCounts Queue(domain::Queue queue, long long total, long long callable) {
    LeadCounts c;
    c.queue = queue;
    c.total = total;
    c.callable_now = callable;
    return c;
}

struct Fixture {
    std::vector<CallSession> calls;
    std::vector<AgentStatusEntry> statuses;
    std::vector<Conversion> conversions;
    LinkDayCounts links;

    FloorBoard Build() const {
        return BuildFloorBoard(
            {Person(2, "Zoe"), Person(1, "Alice"), Person(3, "Sam")},
            statuses,
            calls,
            conversions,
            links,
            kNow,
            kMidnight
        );
    }
};

// Hand-computed: Alice made two calls (one answered for 60 s, linked to going_to_complete), Zoe
// one unanswered (no_answer) and is ringing on a second; Sam nothing.
Fixture Day() {
    Fixture f;
    CallSession answered =
        Call(10, 1, domain::CallStatus::kCompleted, kMidnight + std::chrono::hours{9}, 5, 65);
    answered.outcome_code = "going_to_complete";
    CallSession missed = Call(
        11, 2, domain::CallStatus::kNoAnswer, kMidnight + std::chrono::hours{9}, std::nullopt, 25
    );
    missed.outcome_code = "no_answer";
    f.calls = {
        answered,
        missed,
        Call(12, 1, domain::CallStatus::kBusy, kMidnight + std::chrono::hours{10}, std::nullopt, 5),
        Call(13, 2, domain::CallStatus::kRinging, kNow - seconds{30}),
    };
    f.statuses = {
        Status(1, domain::AgentStatus::kAvailable, kNow - minutes{3}),
        Status(2, domain::AgentStatus::kOnCall, kNow - seconds{30}),
    };
    Conversion c;
    c.agents = {domain::AgentId{1}};
    f.conversions = {c};
    f.links.sent = 3;
    f.links.opened = 1;
    f.links.sent_by = {{1, 2}};
    return f;
}

TEST(FloorBoard, EachAgentsFiguresAreTheirOwnDayAndTheTotalsTheFloors) {
    const FloorBoard board = Day().Build();
    ASSERT_EQ(board.agents.size(), 3U);
    const FloorAgent& alice = board.agents[0];
    EXPECT_EQ(alice.agent.display_name, "Alice");  // by name
    EXPECT_EQ(alice.today.calls, 2);
    EXPECT_EQ(alice.today.contacts, 1);
    EXPECT_EQ(alice.today.talk_seconds, 60);
    EXPECT_EQ(alice.today.links_sent, 2);
    EXPECT_EQ(alice.conversions, 1);
    EXPECT_EQ(alice.outcomes, (std::map<std::string, int>{{"going_to_complete", 1}}));
    EXPECT_FALSE(alice.call);
    EXPECT_EQ(alice.status.status, domain::AgentStatus::kAvailable);

    const FloorAgent& zoe = board.agents[2];
    EXPECT_EQ(zoe.today.calls, 2);
    EXPECT_EQ(zoe.today.contacts, 0);
    ASSERT_TRUE(zoe.call);
    EXPECT_EQ(zoe.call->id, 13);
    EXPECT_EQ(zoe.conversions, 0);

    const FloorAgent& sam = board.agents[1];
    EXPECT_EQ(sam.today.calls, 0);
    EXPECT_EQ(sam.status.status, domain::AgentStatus::kOffline);  // never signed in
    EXPECT_EQ(sam.status.at, Timestamp{});

    EXPECT_EQ(board.today.calls.calls, 4);
    EXPECT_EQ(board.today.calls.contacts, 1);
    EXPECT_EQ(board.today.calls.talk_seconds, 60);
    EXPECT_EQ(board.today.calls.links_sent, 3);  // including a rule's link
    EXPECT_EQ(board.today.links_opened, 1);
    EXPECT_EQ(board.today.conversions, 1);
    EXPECT_EQ(
        board.today.outcomes,
        (std::map<std::string, int>{{"going_to_complete", 1}, {"no_answer", 1}})
    );
}

TEST(FloorBoard, AnEmptyFloorIsAllNoughts) {
    const FloorBoard board = Fixture{}.Build();
    ASSERT_EQ(board.agents.size(), 3U);
    EXPECT_EQ(board.today.calls.calls, 0);
    EXPECT_EQ(board.today.conversions, 0);
    EXPECT_TRUE(board.today.outcomes.empty());
    EXPECT_TRUE(FloorAlerts(board, AlertFacts{}).empty());
}

std::vector<std::string> Codes(const std::vector<FloorAlert>& alerts) {
    std::vector<std::string> codes;
    codes.reserve(alerts.size());
    for (const auto& a : alerts) {
        codes.push_back(a.code + "/" + (a.subject_id ? std::to_string(*a.subject_id) : ""));
    }
    return codes;
}

TEST(FloorAlerts, RingingAndBreaksAreFlaggedOnlyPastTheirThresholds) {
    Fixture f = Day();
    f.statuses.push_back(Status(3, domain::AgentStatus::kBreak, kNow - minutes{30}, "lunch"));
    FloorBoard board = f.Build();
    // Exactly at the thresholds: not yet.
    board.thresholds.ringing_long = seconds{30};
    board.thresholds.break_long = minutes{30};
    EXPECT_TRUE(FloorAlerts(board, AlertFacts{}).empty());

    board.thresholds.ringing_long = seconds{29};
    board.thresholds.break_long = minutes{29};
    const auto alerts = FloorAlerts(board, AlertFacts{});
    // In the board's order of agents (by name).
    EXPECT_EQ(Codes(alerts), (std::vector<std::string>{"break_long/3", "call_ringing_long/2"}));
    EXPECT_EQ(alerts[0].message, "Sam has been on a break (lunch) for more than 29 min");
    EXPECT_EQ(alerts[0].since, kNow - minutes{30});
    EXPECT_EQ(alerts[1].message, "Zoe's call has rung for more than 29 s");
    EXPECT_EQ(alerts[1].since, kNow - seconds{30});
    EXPECT_NE(alerts[0].Key(), alerts[1].Key());
}

TEST(FloorAlerts, AnAnsweredCallIsNotRinging) {
    Fixture f;
    f.calls = {Call(20, 1, domain::CallStatus::kInProgress, kNow - minutes{10}, 3)};
    FloorBoard board = f.Build();
    ASSERT_TRUE(board.agents[0].call);
    EXPECT_TRUE(FloorAlerts(board, AlertFacts{}).empty());
}

TEST(FloorAlerts, AQueueWithNobodyCallableNowIsFlaggedButNotTheCallbacks) {
    FloorBoard board = Fixture{}.Build();
    board.queues = {
        Queue(domain::Queue::kUnsigned, 10, 0),
        Queue(domain::Queue::kOutstanding, 5, 2),
        Queue(domain::Queue::kCallbacks, 0, 0),
    };
    const auto alerts = FloorAlerts(board, AlertFacts{});
    ASSERT_EQ(alerts.size(), 1U);
    EXPECT_EQ(alerts[0].code, "queue_empty");
    EXPECT_EQ(alerts[0].message, "Nobody is callable now in Unsigned");
}

DiscoveryRun DiscoveryRunOf(std::string status, Timestamp finished) {
    DiscoveryRun r;
    r.status = std::move(status);
    r.started_at = finished - seconds{5};
    if (r.status != "running") {
        r.finished_at = finished;
    }
    return r;
}

TEST(FloorAlerts, DiscoveryFailingIsTheNewestFinishedRunAndLateOnlyWhenScheduled) {
    const FloorBoard board = Fixture{}.Build();
    const std::vector<DiscoveryRun> failing{
        DiscoveryRunOf("running", kNow),
        DiscoveryRunOf("failed", kNow - minutes{5}),
        DiscoveryRunOf("succeeded", kNow - minutes{10})};
    EXPECT_EQ(
        Codes(FloorAlerts(board, AlertFacts{failing, true, {}})),
        (std::vector<std::string>{"discovery_failing/"})
    );
    const std::vector<DiscoveryRun> recovered{
        DiscoveryRunOf("succeeded", kNow - minutes{5}),
        DiscoveryRunOf("failed", kNow - minutes{10})};
    EXPECT_TRUE(FloorAlerts(board, AlertFacts{recovered, true, {}}).empty());

    const std::vector<DiscoveryRun> stale{
        DiscoveryRunOf("succeeded", kNow - kDiscoveryLateAfter - seconds{1})};
    EXPECT_EQ(
        Codes(FloorAlerts(board, AlertFacts{stale, true, {}})),
        (std::vector<std::string>{"discovery_late/"})
    );
    // Without the schedule (ENABLE_HOURLY_REFRESH off) nobody expects a run.
    EXPECT_TRUE(FloorAlerts(board, AlertFacts{stale, false, {}}).empty());
}

TEST(FloorAlerts, AnUnreachableReplicaIsFlaggedWithWhenItWasChecked) {
    const FloorBoard board = Fixture{}.Build();
    ReplicaHealth down;
    down.reachable = false;
    down.checked_at = kNow - seconds{3};
    const auto alerts = FloorAlerts(board, AlertFacts{{}, false, down});
    ASSERT_EQ(alerts.size(), 1U);
    EXPECT_EQ(alerts[0].code, "replica_unreachable");
    EXPECT_EQ(alerts[0].since, kNow - seconds{3});
}

}  // namespace
}  // namespace dialler::app
