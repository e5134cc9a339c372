// Calls on real databases, driven as Twilio drives them: the gate's yes opens a session, the
// voice webhook binds the browser's call to it, status callbacks move it in order whatever order
// they arrive in, a recording is kept once, reconciliation finishes what the callbacks never did.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "dialler/app/callback_reminders.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using domain::CallStatus;
using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kNow = testing::QueueTestNow();
const app::RequestContext kCtx{"test", "127.0.0.1"};

class CallTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("caller@test.local");
    }

    // Takes the next customer and opens a call session for them.
    app::CallSession StartCall() {
        auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
        EXPECT_TRUE(next && next->lead);
        auto started = env_->calls->Start(agent_, next->lead->lead.user_id, kCtx);
        EXPECT_TRUE(started && started->session);
        return *started->session;
    }

    // The voice webhook for the browser's call `sid`, from this agent's device.
    Result<app::DialInstruction> Connect(const app::CallSession& session, const std::string& sid) {
        return env_->calls->Connect(
            {sid, "client:" + app::CallService::IdentityOf(agent_), session.id}
        );
    }

    // A callback for the dialled (customer's) leg of the browser's call `parent`.
    Status Child(const std::string& parent, const std::string& status, std::int64_t sequence) {
        return env_->calls->OnStatus({"CA-child-" + parent, parent, status, sequence, clock_.Now()}
        );
    }

    app::CallSession Stored(std::int64_t id) { return *env_->call_sessions->Find(id); }

    testing::TempDir dir_;
    testing::ManualClock clock_{kNow};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
};

TEST_P(CallTest, ACallFromDialToHangUpRecordsItsTimesAndOneAttempt) {
    const auto session = StartCall();
    EXPECT_EQ(session.state.status, CallStatus::kCreated);
    EXPECT_EQ(session.caller_id, "+441134960000");
    EXPECT_EQ(env_->contacts->Since(session.user_id, kNow - minutes{1}).size(), 1U);

    auto dial = Connect(session, "CA-browser-1");
    ASSERT_TRUE(dial) << dial.error().message;
    EXPECT_EQ(dial->number, session.phone_e164);
    EXPECT_EQ(dial->caller_id, "+441134960000");
    EXPECT_EQ(dial->timeout, seconds{25});

    ASSERT_TRUE(Child("CA-browser-1", "initiated", 0));
    clock_.Advance(seconds{1});
    ASSERT_TRUE(Child("CA-browser-1", "ringing", 1));
    clock_.Advance(seconds{6});
    ASSERT_TRUE(Child("CA-browser-1", "answered", 2));
    clock_.Advance(seconds{95});
    ASSERT_TRUE(Child("CA-browser-1", "completed", 3));

    const auto stored = Stored(session.id);
    EXPECT_EQ(stored.state.status, CallStatus::kCompleted);
    EXPECT_EQ(stored.dialled_call_sid, "CA-child-CA-browser-1");
    // The agent went on_call when the call started and is in wrap-up now.
    const auto timeline =
        env_->agent_statuses->Timeline(agent_.id, kNow, clock_.Now() + seconds{1});
    ASSERT_EQ(timeline.size(), 2U);
    EXPECT_EQ(timeline[0].status, domain::AgentStatus::kOnCall);
    EXPECT_EQ(timeline[0].cause, "call_started");
    EXPECT_EQ(timeline[1].status, domain::AgentStatus::kWrapUp);
    EXPECT_EQ(timeline[1].cause, "call_ended");
    EXPECT_EQ(domain::RingSeconds(stored.state), 6);
    EXPECT_EQ(domain::TalkSeconds(stored.state), 95);
    std::vector<app::LiveEvent> call_events;
    for (const auto& e : env_->events.Events()) {
        if (e.type == "call") {
            call_events.push_back(e);
        }
    }
    ASSERT_FALSE(call_events.empty());
    EXPECT_EQ(call_events.back().state, "completed");
    EXPECT_EQ(call_events.back().subject_id, session.id);
    EXPECT_EQ(call_events.back().agent_id, agent_.id);
}

TEST_P(CallTest, RepeatedLateAndOutOfOrderCallbacksChangeNothing) {
    const auto session = StartCall();
    ASSERT_TRUE(Connect(session, "CA-browser-2"));
    ASSERT_TRUE(Child("CA-browser-2", "ringing", 1));
    clock_.Advance(seconds{4});
    ASSERT_TRUE(Child("CA-browser-2", "answered", 2));
    clock_.Advance(seconds{30});
    ASSERT_TRUE(Child("CA-browser-2", "completed", 3));
    const auto finished = Stored(session.id);
    const auto published = env_->events.Events().size();

    clock_.Advance(seconds{5});
    ASSERT_TRUE(Child("CA-browser-2", "completed", 3));  // Twilio retried it
    ASSERT_TRUE(Child("CA-browser-2", "ringing", 1));    // a late one
    ASSERT_TRUE(Child("CA-browser-2", "initiated", 0));  // arriving last of all
    ASSERT_TRUE(env_->calls->OnStatus({"CA-browser-2", std::nullopt, "completed", 9, clock_.Now()})
    );

    const auto after = Stored(session.id);
    EXPECT_EQ(after.state.status, CallStatus::kCompleted);
    EXPECT_EQ(after.state.ended_at, finished.state.ended_at);
    EXPECT_EQ(after.state.answered_at, finished.state.answered_at);
    EXPECT_EQ(domain::TalkSeconds(after.state), 30);
    EXPECT_EQ(env_->events.Events().size(), published);
}

TEST_P(CallTest, BusyAndNoAnswerEndTheCallWithoutTalkTime) {
    for (const std::string status : {"busy", "no-answer"}) {
        const auto session = StartCall();
        const std::string sid = "CA-" + status;
        ASSERT_TRUE(Connect(session, sid));
        ASSERT_TRUE(Child(sid, "ringing", 1));
        clock_.Advance(seconds{25});
        ASSERT_TRUE(Child(sid, status, 2));
        const auto stored = Stored(session.id);
        EXPECT_EQ(domain::CallStatusName(stored.state.status), status);
        EXPECT_EQ(domain::TalkSeconds(stored.state), 0);
        EXPECT_EQ(domain::RingSeconds(stored.state), 25);
        ASSERT_TRUE(env_->queue->RecordOutcome(
            agent_, session.user_id, {domain::Outcome::kNoAnswer, "", {}}, kCtx
        ));
        clock_.Advance(minutes{1});
    }
}

TEST_P(CallTest, TheAgentHangingUpBeforeAnAnswerIsACancelledCall) {
    const auto session = StartCall();
    ASSERT_TRUE(Connect(session, "CA-browser-3"));
    ASSERT_TRUE(Child("CA-browser-3", "ringing", 1));
    clock_.Advance(seconds{8});
    // The browser's leg ends: the dial action reports it with the parent's sid only.
    ASSERT_TRUE(env_->calls->OnStatus({"CA-browser-3", std::nullopt, "completed", 4, clock_.Now()})
    );
    const auto stored = Stored(session.id);
    EXPECT_EQ(stored.state.status, CallStatus::kCanceled);
    EXPECT_EQ(domain::TalkSeconds(stored.state), 0);
}

TEST_P(CallTest, TheVoiceWebhookDialsOnlyTheSessionsOwnCallOnce) {
    const auto session = StartCall();
    ASSERT_TRUE(Connect(session, "CA-first"));
    // Twilio retrying the same webhook gets the same answer.
    auto retried = Connect(session, "CA-first");
    ASSERT_TRUE(retried);
    EXPECT_EQ(retried->number, session.phone_e164);
    // A second call on the same gate decision is refused.
    auto second = Connect(session, "CA-second");
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kPermissionDenied);
    // Another agent's device cannot use the session.
    auto stolen = env_->calls->Connect({"CA-stolen", "client:agent-999999", session.id});
    ASSERT_FALSE(stolen);
    EXPECT_EQ(stolen.error().code, ErrorCode::kPermissionDenied);
    // A session that does not exist, or none named.
    auto unknown = env_->calls->Connect(
        {"CA-x", "client:" + app::CallService::IdentityOf(agent_), session.id + 1000}
    );
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    auto unnamed = env_->calls->Connect(
        {"CA-y", "client:" + app::CallService::IdentityOf(agent_), std::nullopt}
    );
    ASSERT_FALSE(unnamed);
    EXPECT_EQ(unnamed.error().field, "sessionId");
    // Callbacks for calls no session has are refused, not guessed at.
    auto stray = env_->calls->OnStatus({"CA-nobody", std::nullopt, "completed", 1, clock_.Now()});
    ASSERT_FALSE(stray);
    EXPECT_EQ(stray.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Stored(session.id).call_sid, "CA-first");
}

TEST_P(CallTest, AnEndedSessionCannotBeConnectedAgain) {
    const auto session = StartCall();
    ASSERT_TRUE(Connect(session, "CA-ended"));
    ASSERT_TRUE(Child("CA-ended", "busy", 1));
    auto again = Connect(session, "CA-ended");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(CallTest, TheGatesRefusalAtCallTimeOpensNoSession) {
    auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    const auto user = next->lead->lead.user_id;
    env_->suppressions->Add(
        testing::DoNotCall(user, std::nullopt, app::SuppressionChannel::kAll, kNow)
    );

    auto refused = env_->calls->Start(agent_, user, kCtx);
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->session);
    ASSERT_FALSE(refused->refusal.denials.empty());
    EXPECT_EQ(refused->refusal.denials.front().reason, domain::GateReason::kSuppressed);
    app::CallSessionFilter mine;
    mine.user_id = user;
    EXPECT_TRUE(env_->call_sessions->List(mine).empty());

    // Someone the agent does not hold cannot be called at all.
    const domain::Agent other = env_->AddAgent("other-caller@test.local");
    auto not_held = env_->calls->Start(other, user, kCtx);
    ASSERT_FALSE(not_held);
    EXPECT_EQ(not_held.error().code, ErrorCode::kFailedPrecondition);
}

TEST_P(CallTest, ARecordingIsKeptOnceAndPlayedThroughAnAuditedFetch) {
    const auto session = StartCall();
    ASSERT_TRUE(Connect(session, "CA-rec"));
    ASSERT_TRUE(Child("CA-rec", "answered", 2));
    ASSERT_TRUE(Child("CA-rec", "completed", 3));
    ASSERT_TRUE(
        env_->calls->OnRecording({"CA-rec", "RE-1", "https://api.example/RE-1", "in-progress", 0})
    );
    EXPECT_FALSE(Stored(session.id).recording);
    ASSERT_TRUE(
        env_->calls->OnRecording({"CA-rec", "RE-1", "https://api.example/RE-1", "completed", 12})
    );
    ASSERT_TRUE(
        env_->calls->OnRecording({"CA-rec", "RE-2", "https://api.example/RE-2", "completed", 3})
    );
    const auto stored = Stored(session.id);
    ASSERT_TRUE(stored.recording);
    EXPECT_EQ(stored.recording->sid, "RE-1");
    EXPECT_EQ(stored.recording->seconds, 12);

    auto missing = env_->calls->Recording(agent_, session.id, kCtx);
    ASSERT_FALSE(missing);  // the provider no longer has it
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    env_->telephony.SetRecording("RE-1", {"audio/wav", "RIFF...."});
    auto media = env_->calls->Recording(agent_, session.id, kCtx);
    ASSERT_TRUE(media);
    EXPECT_EQ(media->content_type, "audio/wav");
    const auto audit = env_->audit->ListRecent(20, 0);
    EXPECT_TRUE(std::ranges::any_of(audit, [&](const app::AuditEntry& e) {
        return e.action == "call.recording_played" && e.subject_id == std::to_string(session.id);
    }));

    // Another agent cannot see or play it; a supervisor can.
    const domain::Agent other = env_->AddAgent("nosy@test.local");
    auto denied = env_->calls->Recording(other, session.id, kCtx);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kNotFound);
    domain::Agent supervisor = other;
    supervisor.role = domain::Role::kSupervisor;
    EXPECT_TRUE(env_->calls->Recording(supervisor, session.id, kCtx));
}

TEST_P(CallTest, AgentsListOnlyTheirOwnCallsNewestFirst) {
    const auto first = StartCall();
    ASSERT_TRUE(env_->queue->RecordOutcome(
        agent_, first.user_id, {domain::Outcome::kNoAnswer, "", {}}, kCtx
    ));
    clock_.Advance(seconds{10});
    const auto second = StartCall();

    auto mine = env_->calls->List(agent_, {});
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->size(), 2U);
    EXPECT_EQ(mine->front().id, second.id);

    const domain::Agent other = env_->AddAgent("lister@test.local");
    auto theirs = env_->calls->List(other, {});
    ASSERT_TRUE(theirs);
    EXPECT_TRUE(theirs->empty());
    app::CallSessionFilter asking;
    asking.agent_id = agent_.id;
    auto refused = env_->calls->List(other, asking);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "agentId");
    EXPECT_FALSE(env_->calls->Get(other, first.id));
    EXPECT_TRUE(env_->calls->Get(agent_, first.id));
}

TEST_P(CallTest, AnOutcomeIsLinkedToItsOwnCallOnly) {
    const auto session = StartCall();
    auto saved = env_->queue->RecordOutcome(
        agent_, session.user_id, {domain::Outcome::kNoAnswer, "", {}}, kCtx
    );
    ASSERT_TRUE(saved);
    const domain::Agent other = env_->AddAgent("linker@test.local");
    const auto no_answer = domain::Outcome::kNoAnswer;
    auto foreign =
        env_->calls->LinkOutcome(other, session.id, session.user_id, saved->id, no_answer);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().field, "callSessionId");
    auto wrong_customer = env_->calls->LinkOutcome(
        agent_, session.id, domain::UserId{session.user_id.Value() + 1}, saved->id, no_answer
    );
    ASSERT_FALSE(wrong_customer);
    ASSERT_TRUE(env_->calls->LinkOutcome(agent_, session.id, session.user_id, saved->id, no_answer)
    );
    ASSERT_TRUE(env_->calls->LinkOutcome(agent_, session.id, session.user_id, saved->id, no_answer)
    );
    EXPECT_EQ(Stored(session.id).outcome_id, saved->id);
    EXPECT_EQ(Stored(session.id).outcome_code, "no_answer");
    auto second =
        env_->calls->LinkOutcome(agent_, session.id, session.user_id, saved->id + 1, no_answer);
    ASSERT_FALSE(second);
}

TEST_P(CallTest, ReconciliationFinishesACallWhoseCompletedCallbackWasLost) {
    const auto answered = StartCall();
    ASSERT_TRUE(Connect(answered, "CA-lost"));
    ASSERT_TRUE(Child("CA-lost", "ringing", 1));
    clock_.Advance(seconds{5});
    ASSERT_TRUE(Child("CA-lost", "answered", 2));
    const Timestamp answered_at = clock_.Now();
    ASSERT_TRUE(env_->queue->RecordOutcome(
        agent_, answered.user_id, {domain::Outcome::kMightComplete, "", {}}, kCtx
    ));
    const auto never_connected = StartCall();

    // Too early: calls still in progress are left alone.
    clock_.Advance(minutes{1});
    EXPECT_EQ(env_->calls->Reconcile(), 0);

    env_->telephony.SetCall(
        "CA-child-CA-lost", {CallStatus::kCompleted, answered_at, answered_at + seconds{70}}
    );
    clock_.Advance(minutes{10});
    EXPECT_EQ(env_->calls->Reconcile(), 2);
    const auto finished = Stored(answered.id);
    EXPECT_EQ(finished.state.status, CallStatus::kCompleted);
    EXPECT_EQ(domain::TalkSeconds(finished.state), 70);
    const auto given_up = Stored(never_connected.id);
    EXPECT_EQ(given_up.state.status, CallStatus::kFailed);

    // Nothing left to do; a late completed callback changes nothing either.
    EXPECT_EQ(env_->calls->Reconcile(), 0);
    ASSERT_TRUE(Child("CA-lost", "completed", 3));
    EXPECT_EQ(domain::TalkSeconds(Stored(answered.id).state), 70);
}

// A callback coming due is announced to its agent once, a few minutes ahead; a second instance
// running the same job repeats nothing.
TEST_P(CallTest, CallbacksComingDueAreAnnouncedOnceAheadToTheirAgent) {
    auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    const auto user = next->lead->lead.user_id;
    auto soon = env_->callbacks->Create(agent_, user, clock_.Now() + minutes{3}, "", kCtx);
    ASSERT_TRUE(soon) << soon.error().message;
    auto later = env_->callbacks->Create(agent_, user, clock_.Now() + minutes{30}, "", kCtx);
    ASSERT_TRUE(later) << later.error().message;

    testing::RecordingEventSink announced;
    app::CallbackReminders one(
        {*env_->outcomes, *env_->job_leases, announced, clock_}, "instance-one"
    );
    app::CallbackReminders two(
        {*env_->outcomes, *env_->job_leases, announced, clock_}, "instance-two"
    );
    EXPECT_EQ(one.AnnounceDue(), 1);
    ASSERT_EQ(announced.Events().size(), 1U);
    const auto event = announced.Events().front();
    EXPECT_EQ(event.type, "callback.due");
    EXPECT_EQ(event.subject_id, soon->id);
    EXPECT_EQ(event.agent_id, agent_.id);
    EXPECT_FALSE(event.everyone);
    EXPECT_EQ(two.AnnounceDue(), 0);
    EXPECT_EQ(one.AnnounceDue(), 0);

    clock_.Advance(minutes{26});  // the later one is 4 minutes away now
    EXPECT_EQ(two.AnnounceDue(), 1);
    EXPECT_EQ(announced.Events().back().subject_id, later->id);
    EXPECT_EQ(one.AnnounceDue(), 0);
}

// An agent whose session ran out without a logout does not stay "available" on the floor.
TEST_P(CallTest, AgentsNoLongerSignedInAreSetOfflineOnce) {
    auto& status = *env_->agent_status;
    const domain::Agent on_break = env_->AddAgent("break@test.local");
    const domain::Agent gone_offline = env_->AddAgent("offline@test.local");
    ASSERT_TRUE(status.Request(agent_, "available", "", kCtx));
    ASSERT_TRUE(status.Request(on_break, "break", "lunch", kCtx));
    ASSERT_TRUE(status.Request(gone_offline, "offline", "", kCtx));
    clock_.Advance(seconds{5});

    // Only the agent on a break is still signed in.
    const auto signed_in = [&on_break] { return std::vector<domain::AgentId>{on_break.id}; };
    EXPECT_EQ(status.SignOutExpired(signed_in), 1);
    EXPECT_EQ(status.Current(agent_.id).status, domain::AgentStatus::kOffline);
    const auto timeline =
        env_->agent_statuses->Timeline(agent_.id, kNow, clock_.Now() + seconds{1});
    ASSERT_FALSE(timeline.empty());
    EXPECT_EQ(timeline.back().status, domain::AgentStatus::kOffline);
    EXPECT_EQ(timeline.back().cause, "session_expired");
    EXPECT_EQ(status.Current(on_break.id).status, domain::AgentStatus::kBreak);
    EXPECT_EQ(status.Current(gone_offline.id).status, domain::AgentStatus::kOffline);
    const auto events = env_->events.Events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().type, "agent.status");
    EXPECT_EQ(events.back().state, "offline");
    EXPECT_EQ(events.back().agent_id, agent_.id);
    EXPECT_EQ(status.SignOutExpired(signed_in), 0);

    // An agent who signs back in and changes status while the floor is being checked is left
    // with the status they chose.
    ASSERT_TRUE(status.Request(agent_, "available", "", kCtx));
    const auto signs_in_meanwhile = [&] {
        EXPECT_TRUE(status.Request(agent_, "break", "training", kCtx));
        return std::vector<domain::AgentId>{};
    };
    EXPECT_EQ(status.SignOutExpired(signs_in_meanwhile), 1);  // only the one on a break
    EXPECT_EQ(status.Current(agent_.id).status, domain::AgentStatus::kBreak);
    EXPECT_EQ(status.Current(on_break.id).status, domain::AgentStatus::kOffline);
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    CallTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
