// Customers calling our number, on real databases, driven as Twilio drives it: the voice
// webhook's question (Route), the agent's leg's status callbacks, the dial's action (DialEnded).
// A known caller rings an available agent (the last one who spoke to them first); with nobody
// available, or nobody answering, the call is missed and the team gets one callback; unknown
// numbers, other numbers and calls out of hours hear a message. Every refusal changes nothing.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using domain::AgentStatus;
using domain::CallStatus;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kNow = testing::QueueTestNow();  // a Wednesday at 11:00
const app::RequestContext kCtx{"test", "127.0.0.1"};
const std::string kOurNumber = "+441134960000";

class InboundCallTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        ann_ = env_->AddAgent("ann@test.local");
        bob_ = env_->AddAgent("bob@test.local");
        caller_ = env_->LeadWithPhone(domain::PhoneType::kMobile);
    }

    void SetStatus(const domain::Agent& agent, const std::string& status) {
        ASSERT_TRUE(
            env_->agent_status->Request(agent, status, status == "break" ? "lunch" : "", kCtx)
        );
    }

    // A customer ringing us from `from` as CallSid `sid`.
    app::InboundAnswer Rings(const std::string& sid, const std::string& from) {
        return env_->inbound->Route({sid, from, kOurNumber});
    }
    app::InboundAnswer CallerRings(const std::string& sid) {
        return Rings(sid, caller_.phone->e164);
    }

    // A status callback for the agent's leg of the customer's call `parent`.
    Status AgentLeg(const std::string& parent, const std::string& status, std::int64_t sequence) {
        return env_->calls->OnStatus({"CA-agent-" + parent, parent, status, sequence, clock_.Now()}
        );
    }

    std::vector<app::Callback> PendingCallbacks(domain::UserId user) {
        std::vector<app::Callback> out;
        for (auto& c : env_->outcomes->CallbacksFor(user)) {
            if (c.status == app::CallbackStatus::kPending) {
                out.push_back(std::move(c));
            }
        }
        return out;
    }

    std::vector<app::AuditEntry> Audited(const std::string& action) {
        std::vector<app::AuditEntry> out;
        for (auto& e : env_->audit->ListRecent(500, 0)) {
            if (e.action == action) {
                out.push_back(std::move(e));
            }
        }
        return out;
    }

    std::size_t SessionCount() { return env_->call_sessions->List({}).size(); }

    testing::TempDir dir_;
    testing::ManualClock clock_{kNow};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent ann_;
    domain::Agent bob_;
    app::Lead caller_;
};

TEST_P(InboundCallTest, AKnownCallerRingsTheAvailableAgentWhoAnswersAndTakesThem) {
    SetStatus(ann_, "available");
    const auto answer = CallerRings("CA-in-1");
    ASSERT_TRUE(answer.ring);
    EXPECT_EQ(answer.ring->identity, app::CallService::IdentityOf(ann_));
    EXPECT_EQ(answer.ring->timeout, seconds{20});
    EXPECT_EQ(env_->telephony.RingAgentResponse(*answer.ring), "ring agent-" + ann_.id.ToString());

    const auto session = env_->call_sessions->Find(answer.ring->session_id);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->direction, app::CallDirection::kInbound);
    EXPECT_EQ(session->user_id, caller_.user_id);
    EXPECT_EQ(session->agent_id, ann_.id);
    EXPECT_EQ(session->call_sid, "CA-in-1");
    EXPECT_EQ(session->caller_id, kOurNumber);
    const auto& events = env_->events.Events();
    const auto incoming = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.type == "call.incoming";
    });
    ASSERT_NE(incoming, events.end());
    EXPECT_EQ(incoming->subject_id, session->id);
    EXPECT_EQ(incoming->agent_id, ann_.id);

    const auto ringing = env_->inbound->Ringing(ann_);
    ASSERT_EQ(ringing.size(), 1U);
    EXPECT_EQ(ringing[0].session_id, session->id);
    EXPECT_TRUE(ringing[0].customer_name);
    EXPECT_TRUE(env_->inbound->Ringing(bob_).empty());

    ASSERT_TRUE(AgentLeg("CA-in-1", "initiated", 0));
    ASSERT_TRUE(AgentLeg("CA-in-1", "ringing", 1));
    clock_.Advance(seconds{4});
    const auto answered = env_->inbound->Answer(ann_, session->id, kCtx);
    ASSERT_TRUE(answered) << answered.error().message;
    EXPECT_EQ(answered->lead.lead.user_id, caller_.user_id);
    EXPECT_EQ(env_->leases->HeldBy(ann_.id, clock_.Now())->user_id, caller_.user_id);
    EXPECT_EQ(env_->agent_status->Current(ann_.id).status, AgentStatus::kOnCall);
    // No gate was asked and no call attempt recorded: the customer rang us.
    EXPECT_TRUE(env_->contacts->Since(caller_.user_id, kNow - minutes{1}).empty());

    ASSERT_TRUE(AgentLeg("CA-in-1", "answered", 2));
    EXPECT_TRUE(env_->inbound->Ringing(ann_).empty());
    clock_.Advance(seconds{60});
    ASSERT_TRUE(AgentLeg("CA-in-1", "completed", 3));
    const auto over =
        env_->inbound->DialEnded({"CA-in-1", std::nullopt, "completed", std::nullopt, clock_.Now()}
        );
    EXPECT_FALSE(over.ring);
    EXPECT_EQ(over.message, "");  // simply hang up
    const auto stored = env_->call_sessions->Find(session->id);
    EXPECT_EQ(stored->state.status, CallStatus::kCompleted);
    EXPECT_EQ(domain::TalkSeconds(stored->state), 60);
    EXPECT_EQ(stored->dialled_call_sid, "CA-agent-CA-in-1");
    EXPECT_TRUE(PendingCallbacks(caller_.user_id).empty());
    EXPECT_EQ(Audited("call.answered").size(), 1U);

    // The outcome form links to it as to any call of theirs.
    EXPECT_TRUE(env_->calls->CheckOutcomeLink(ann_, session->id, caller_.user_id));
}

TEST_P(InboundCallTest, TheLastAgentWhoSpokeToTheCallerIsRungFirst) {
    // Ann spoke to the caller yesterday.
    app::CallSession earlier;
    earlier.user_id = caller_.user_id;
    earlier.agent_id = ann_.id;
    earlier.phone_e164 = caller_.phone->e164;
    earlier.caller_id = kOurNumber;
    earlier.state.created_at = kNow - hours{24};
    earlier = env_->call_sessions->Create(earlier);
    domain::CallState talked = earlier.state;
    talked.status = CallStatus::kCompleted;
    talked.answered_at = kNow - hours{24} + seconds{5};
    talked.ended_at = kNow - hours{24} + seconds{65};
    ASSERT_TRUE(env_->call_sessions->UpdateState(
        earlier.id, earlier.state, talked, std::nullopt, kNow - hours{24}
    ));

    SetStatus(bob_, "available");
    clock_.Advance(minutes{1});
    SetStatus(ann_, "available");
    // Bob has waited longest, yet the caller goes to Ann...
    const auto to_ann = CallerRings("CA-in-a");
    ASSERT_TRUE(to_ann.ring);
    EXPECT_EQ(to_ann.ring->identity, app::CallService::IdentityOf(ann_));
    // ... while someone nobody has spoken to goes to whoever waited longest.
    const auto stranger = env_->LeadWithPhone(domain::PhoneType::kMobile, caller_.user_id);
    const auto to_bob = Rings("CA-in-b", stranger.phone->e164);
    ASSERT_TRUE(to_bob.ring);
    EXPECT_EQ(to_bob.ring->identity, app::CallService::IdentityOf(bob_));
}

TEST_P(InboundCallTest, WithNobodyAvailableTheCallIsMissedAndTheTeamGetsOneCallback) {
    SetStatus(ann_, "break");
    const auto answer = CallerRings("CA-in-2");
    EXPECT_FALSE(answer.ring);
    EXPECT_NE(answer.message.find("Everyone is busy"), std::string::npos);
    EXPECT_EQ(SessionCount(), 0U);
    auto pending = PendingCallbacks(caller_.user_id);
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending[0].notes, "Missed call");
    EXPECT_FALSE(pending[0].agent);  // the team's
    EXPECT_EQ(pending[0].scheduled_for, kNow);
    const auto missed = Audited("call.inbound_missed");
    ASSERT_EQ(missed.size(), 1U);
    EXPECT_EQ(missed[0].subject_id, caller_.user_id.ToString());
    for (const auto& [key, value] : missed[0].details) {
        EXPECT_EQ(value.find(caller_.phone->e164.substr(3)), std::string::npos) << key;
    }

    // They ring again at once: still one callback.
    clock_.Advance(minutes{2});
    EXPECT_FALSE(CallerRings("CA-in-3").ring);
    EXPECT_EQ(PendingCallbacks(caller_.user_id).size(), 1U);
    EXPECT_EQ(Audited("call.inbound_missed").size(), 2U);
}

TEST_P(InboundCallTest, AMissedCallerMayLeaveAVoicemailKeptWithTheirCallbackAndPlayedAudited) {
    SetStatus(ann_, "break");
    const auto answer = CallerRings("CA-in-vm");
    ASSERT_TRUE(answer.voicemail_for);
    EXPECT_NE(answer.message.find("leave a message after the tone"), std::string::npos);
    const auto pending = PendingCallbacks(caller_.user_id);
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(*answer.voicemail_for, pending[0].id);
    EXPECT_EQ(
        env_->telephony.VoicemailResponse(answer.message, *answer.voicemail_for),
        answer.message + " record for callback " + std::to_string(pending[0].id)
    );

    // Only a finished recording is kept, once; a callback that does not exist is refused.
    const app::RecordingEvent left{
        "CA-in-vm", "RE-vm-1", "https://api.example/RE-vm-1", "completed", 9};
    app::RecordingEvent in_progress = left;
    in_progress.status = "in-progress";
    ASSERT_TRUE(env_->inbound->OnVoicemail(pending[0].id, in_progress));
    EXPECT_FALSE(env_->outcomes->FindCallback(pending[0].id)->voicemail);
    ASSERT_TRUE(env_->inbound->OnVoicemail(pending[0].id, left));
    app::RecordingEvent second = left;
    second.recording_sid = "RE-vm-2";
    ASSERT_TRUE(env_->inbound->OnVoicemail(pending[0].id, second));
    const auto missing = env_->inbound->OnVoicemail(pending[0].id + 100, left);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    const auto kept = env_->outcomes->FindCallback(pending[0].id)->voicemail;
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->sid, "RE-vm-1");
    EXPECT_EQ(kept->seconds, 9);
    EXPECT_EQ(Audited("callback.voicemail_left").size(), 1U);

    // Played through the proxy (by SID), each play audited; gone at the provider: not found.
    const auto gone = env_->inbound->Voicemail(bob_, pending[0].id, kCtx);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
    env_->telephony.SetRecording("RE-vm-1", {"audio/wav", "RIFF-voicemail"});
    const auto played = env_->inbound->Voicemail(bob_, pending[0].id, kCtx);
    ASSERT_TRUE(played);
    EXPECT_EQ(played->bytes, "RIFF-voicemail");
    EXPECT_EQ(Audited("callback.voicemail_played").size(), 2U);
    const auto none = env_->inbound->Voicemail(bob_, pending[0].id + 100, kCtx);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::kNotFound);

    // With voicemail switched off the caller only hears why.
    app::QueueSettings settings = env_->settings.Current();
    settings.inbound.voicemail = false;
    env_->settings.Set(settings);
    const auto plain = CallerRings("CA-in-vm-2");
    EXPECT_FALSE(plain.voicemail_for);
    EXPECT_EQ(plain.message.find("leave a message"), std::string::npos);
}

TEST_P(InboundCallTest, AnAgentOnACallIsNotRungAndADeclinedCallIsMissed) {
    SetStatus(ann_, "available");
    SetStatus(bob_, "available");
    // Bob is on a call the status has not caught up with yet: not rung.
    app::CallSession busy;
    busy.user_id = env_->LeadWithPhone(domain::PhoneType::kMobile, caller_.user_id).user_id;
    busy.agent_id = bob_.id;
    busy.phone_e164 = "+447400000001";
    busy.caller_id = kOurNumber;
    busy.state.created_at = clock_.Now();
    env_->call_sessions->Create(busy);

    const auto answer = CallerRings("CA-in-4");
    ASSERT_TRUE(answer.ring);
    EXPECT_EQ(answer.ring->identity, app::CallService::IdentityOf(ann_));
    ASSERT_TRUE(AgentLeg("CA-in-4", "ringing", 1));
    ASSERT_TRUE(AgentLeg("CA-in-4", "busy", 2));  // Ann declined
    const auto end =
        env_->inbound->DialEnded({"CA-in-4", std::nullopt, "busy", std::nullopt, clock_.Now()});
    EXPECT_FALSE(end.ring);
    EXPECT_NE(end.message.find("Everyone is busy"), std::string::npos);
    EXPECT_EQ(PendingCallbacks(caller_.user_id).size(), 1U);
    EXPECT_EQ(env_->call_sessions->Find(answer.ring->session_id)->state.status, CallStatus::kBusy);
    // A call she did not take leaves her available, and it no longer rings.
    EXPECT_EQ(env_->agent_status->Current(ann_.id).status, AgentStatus::kAvailable);
    EXPECT_TRUE(env_->inbound->Ringing(ann_).empty());
    const auto late = env_->inbound->Answer(ann_, answer.ring->session_id, kCtx);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_FALSE(env_->leases->HeldBy(ann_.id, clock_.Now()));
}

TEST_P(InboundCallTest, AnsweringIsTheRungAgentsAloneAndReplacesACustomerNotYetCalled) {
    SetStatus(ann_, "available");
    // Ann holds someone she has not called yet (and someone else rings).
    const auto next = env_->queue->NextLead(ann_, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    const auto& other = next->lead;
    if (other->lead.user_id == caller_.user_id) {
        caller_ = env_->LeadWithPhone(domain::PhoneType::kMobile, caller_.user_id);
    }
    const auto answer = CallerRings("CA-in-5");
    ASSERT_TRUE(answer.ring);
    const std::int64_t id = answer.ring->session_id;

    const auto not_bobs = env_->inbound->Answer(bob_, id, kCtx);
    ASSERT_FALSE(not_bobs);
    EXPECT_EQ(not_bobs.error().code, ErrorCode::kNotFound);
    const auto unknown = env_->inbound->Answer(ann_, id + 100, kCtx);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(env_->leases->HeldBy(ann_.id, clock_.Now())->user_id, other->lead.user_id);

    ASSERT_TRUE(env_->inbound->Answer(ann_, id, kCtx));
    EXPECT_EQ(env_->leases->HeldBy(ann_.id, clock_.Now())->user_id, caller_.user_id);
    // The customer she let go is back in the queue, unchanged.
    const auto released = env_->leads->FindLead(other->lead.user_id);
    EXPECT_FALSE(released->IsLeasedAt(clock_.Now()));
    EXPECT_FALSE(released->next_call_at);
}

TEST_P(InboundCallTest, UnknownWithheldSharedAndWrongNumbersHearAMessageAndChangeNothing) {
    SetStatus(ann_, "available");
    const auto unknown = Rings("CA-in-6", "+447700900999");
    EXPECT_FALSE(unknown.ring);
    EXPECT_NE(unknown.message.find("cannot find your details"), std::string::npos);
    const auto withheld = Rings("CA-in-7", "");
    EXPECT_FALSE(withheld.ring);
    EXPECT_EQ(withheld.message, unknown.message);
    // Written another way, the number is still theirs: parsed, then matched exactly.
    const std::string national = "0" + caller_.phone->e164.substr(3);
    EXPECT_TRUE(Rings("CA-in-8", national).ring);

    const auto unmatched = Audited("call.inbound_unmatched");
    ASSERT_EQ(unmatched.size(), 2U);
    for (const auto& e : unmatched) {
        EXPECT_EQ(e.subject_type, "call");
        for (const auto& [key, value] : e.details) {
            EXPECT_EQ(value.find("7700900999"), std::string::npos) << key;
        }
    }

    const auto wrong = env_->inbound->Route({"CA-in-9", caller_.phone->e164, "+441134960999"});
    EXPECT_FALSE(wrong.ring);
    EXPECT_EQ(wrong.message, "This number does not take calls.");
    EXPECT_EQ(SessionCount(), 1U);  // only the matched call's
    EXPECT_TRUE(PendingCallbacks(caller_.user_id).empty());
}

TEST_P(InboundCallTest, ARetriedWebhookRingsTheSameAgentOnce) {
    SetStatus(ann_, "available");
    const auto first = CallerRings("CA-in-10");
    const auto again = CallerRings("CA-in-10");
    ASSERT_TRUE(first.ring && again.ring);
    EXPECT_EQ(first.ring->session_id, again.ring->session_id);
    EXPECT_EQ(SessionCount(), 1U);
    EXPECT_EQ(Audited("call.inbound_offered").size(), 1U);
}

TEST_P(InboundCallTest, OutOfHoursTheCallerHearsTheMessageAndIsCalledBackAtTheOpening) {
    app::QueueSettings settings = env_->settings.Current();
    settings.inbound.out_of_hours_message = "We are closed. We will call you back.";
    env_->settings.Set(settings);
    SetStatus(ann_, "available");
    clock_.Advance(hours{10});  // Wednesday 21:00: after the window
    const auto answer = CallerRings("CA-in-11");
    EXPECT_FALSE(answer.ring);
    EXPECT_EQ(answer.message, "We are closed. We will call you back.");
    EXPECT_EQ(SessionCount(), 0U);
    const auto pending = PendingCallbacks(caller_.user_id);
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending[0].notes, "Called out of hours");
    EXPECT_EQ(pending[0].scheduled_for, kNow + hours{21});  // Thursday 08:00
    EXPECT_EQ(Audited("call.inbound_out_of_hours").size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    InboundCallTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
