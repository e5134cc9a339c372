// Texts on real databases: accepted after the contact gate into the outbox, sent by the worker
// through the Telephony port at most once (claims, a sender killed between the provider's yes and
// the record, two instances), retried only when the provider certainly did not take them, and
// settled by delivery reports in whatever order they come.
#include <algorithm>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/app/sms_service.hpp"

#include "fakes.hpp"
#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using domain::SmsStatus;
using std::chrono::minutes;
using std::chrono::seconds;

const app::RequestContext kCtx{"test", "127.0.0.1"};
const std::string kFrom = "+441134960000";
const std::string kReports = "https://dialler.example/api/webhooks/twilio/sms-status";

// Not a std::exception: nothing in the sender catches it, as nothing survives a killed process.
struct Killed {};

// The provider, with faults on demand in front of the fake: the next texts are either not taken
// (unreachable), taken with no answer (a timeout after the request went out), or taken and then
// the sender is killed before it can record the answer.
class FaultyTelephony final : public app::Telephony {
public:
    explicit FaultyTelephony(testing::FakeTelephony& real) : real_(real) {}
    enum class Fault { kNone, kNotTaken, kNoAnswer, kKilledAfterSend };
    void Next(Fault fault) { fault_ = fault; }

    std::string Mode() const override { return real_.Mode(); }
    std::string VoiceToken(const std::string& identity, Timestamp now) const override {
        return real_.VoiceToken(identity, now);
    }
    std::chrono::seconds TokenTtl() const override { return real_.TokenTtl(); }
    std::optional<app::ProviderCall> FetchCall(const std::string& sid) override {
        return real_.FetchCall(sid);
    }
    std::optional<app::RecordingMedia> FetchRecording(const app::CallRecording& r) override {
        return real_.FetchRecording(r);
    }
    app::SentMessage SendMessage(const app::OutgoingMessage& message) override {
        const Fault fault = std::exchange(fault_, Fault::kNone);
        switch (fault) {
            case Fault::kNotTaken:
                return {"", "", 0, "could not connect", true};
            case Fault::kNoAnswer:
                (void)real_.SendMessage(message);
                throw std::runtime_error("telephony provider did not answer: timeout");
            case Fault::kKilledAfterSend:
                (void)real_.SendMessage(message);
                throw Killed{};
            case Fault::kNone:
                break;
        }
        return real_.SendMessage(message);
    }
    bool IsGenuineWebhook(
        std::string_view url,
        const UrlEncodedPairs& params,
        std::string_view body,
        std::string_view signature
    ) const override {
        return real_.IsGenuineWebhook(url, params, body, signature);
    }
    std::string DialResponse(const app::DialInstruction& dial) const override {
        return real_.DialResponse(dial);
    }
    std::string RingAgentResponse(const app::RingInstruction& ring) const override {
        return real_.RingAgentResponse(ring);
    }
    std::string VoicemailResponse(std::string_view message, std::int64_t callback_id)
        const override {
        return real_.VoicemailResponse(message, callback_id);
    }
    std::string RefusalResponse(std::string_view message) const override {
        return real_.RefusalResponse(message);
    }
    std::string HangUpResponse() const override { return real_.HangUpResponse(); }
    std::string NoReplyResponse() const override { return real_.NoReplyResponse(); }
    std::string WebhookContentType() const override { return real_.WebhookContentType(); }

private:
    testing::FakeTelephony& real_;
    Fault fault_ = Fault::kNone;
};

class SmsTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("texter@test.local");
        supervisor_ = env_->AddAgent("boss@test.local");
        supervisor_.role = domain::Role::kSupervisor;
        outbox_ = std::make_unique<adapters::sql::SqlSmsOutbox>(*env_->db);
        sms_ = NewService();
    }

    // Another sender on the same database: another instance, or this one after a restart.
    std::unique_ptr<app::SmsService> NewService() {
        return std::make_unique<app::SmsService>(
            app::SmsService::Ports{
                *env_->queue,
                *outbox_,
                *env_->suppressions,
                provider_,
                tokens_,
                *env_->audit,
                env_->events,
                clock_},
            app::SmsServiceConfig{{kFrom}, kReports, seconds{60}, 20}
        );
    }

    app::Lead LeadWith(
        domain::PhoneType type, std::optional<domain::UserId> except = std::nullopt
    ) {
        return env_->LeadWithPhone(type, except);
    }

    // The agent takes the next customer (holding them) and that customer has a mobile.
    app::Lead HeldMobile() {
        for (int i = 0; i < 20; ++i) {
            const auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
            EXPECT_TRUE(next && next->lead);
            const auto& lead = next->lead->lead;
            if (lead.phone && lead.phone->type == domain::PhoneType::kMobile) {
                return lead;
            }
            EXPECT_TRUE(env_->queue->Skip(agent_, lead.user_id, kCtx));
        }
        throw std::logic_error("no mobile among the first customers handed out");
    }

    app::OutboundSms Stored(std::int64_t id) { return *outbox_->Find(id); }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    domain::Agent supervisor_;
    testing::FakeTelephony provider_fake_;
    FaultyTelephony provider_{provider_fake_};
    testing::FakeTokenService tokens_;
    std::unique_ptr<adapters::sql::SqlSmsOutbox> outbox_;
    std::unique_ptr<app::SmsService> sms_;
};

TEST_P(SmsTest, ATextIsQueuedAfterTheGateSentOnceAndSettledByItsReports) {
    const app::Lead lead = HeldMobile();
    const auto sent = sms_->Send(agent_, lead.user_id, "  Hello, here is your link  ", "", kCtx);
    ASSERT_TRUE(sent) << sent.error().message;
    ASSERT_TRUE(sent->sms);
    EXPECT_EQ(sent->sms->status, SmsStatus::kQueued);
    EXPECT_EQ(sent->sms->body, "Hello, here is your link");
    EXPECT_EQ(sent->sms->to_e164, lead.phone->e164);
    // The SMS cap counts it from now.
    const auto contacts = env_->contacts->Since(lead.user_id, clock_.Now() - minutes{1});
    ASSERT_EQ(contacts.size(), 1U);
    EXPECT_EQ(contacts[0].channel, domain::Channel::kSms);

    EXPECT_EQ(sms_->Deliver(), 1);
    EXPECT_EQ(sms_->Deliver(), 0);  // nothing left to send
    const auto out = provider_fake_.Sent();
    ASSERT_EQ(out.size(), 1U);
    EXPECT_EQ(out[0].to, lead.phone->e164);
    EXPECT_EQ(out[0].from, kFrom);
    EXPECT_EQ(out[0].status_callback_url, kReports + "?id=" + std::to_string(sent->sms->id));
    const auto stored = Stored(sent->sms->id);
    EXPECT_EQ(stored.status, SmsStatus::kSent);
    EXPECT_EQ(stored.attempts, 1);
    EXPECT_EQ(stored.provider_sid, "SM1");

    // Reports out of order and twice: delivered stays delivered.
    ASSERT_TRUE(sms_->OnReport({stored.id, "SM1", "delivered", 0}));
    ASSERT_TRUE(sms_->OnReport({stored.id, "SM1", "sent", 0}));
    ASSERT_TRUE(sms_->OnReport({stored.id, "SM1", "delivered", 0}));
    EXPECT_EQ(Stored(stored.id).status, SmsStatus::kDelivered);
    // A report naming another text's SID, or no text, changes nothing.
    EXPECT_EQ(
        sms_->OnReport({stored.id, "SM999", "failed", 30003}).error().code, ErrorCode::kNotFound
    );
    EXPECT_EQ(
        sms_->OnReport({stored.id + 1000, "SM1", "failed", 0}).error().code, ErrorCode::kNotFound
    );
    EXPECT_EQ(Stored(stored.id).status, SmsStatus::kDelivered);
    const auto events = env_->events.Events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().type, "sms");
    EXPECT_EQ(events.back().state, "delivered");
}

TEST_P(SmsTest, TheSameRequestTwiceIsOneText) {
    const app::Lead lead = HeldMobile();
    const auto first = sms_->Send(agent_, lead.user_id, "Hello", "request-0001", kCtx);
    const auto again = sms_->Send(agent_, lead.user_id, "Hello", "request-0001", kCtx);
    ASSERT_TRUE(first && first->sms && again && again->sms);
    EXPECT_EQ(first->sms->id, again->sms->id);
    EXPECT_EQ(env_->contacts->Since(lead.user_id, clock_.Now() - minutes{1}).size(), 1U);
    EXPECT_EQ(sms_->Deliver(), 1);
    EXPECT_EQ(provider_fake_.Sent().size(), 1U);
    // Keys are the sender's own: another sender's same key is another text; the same sender's
    // key for another customer is refused, naming the field.
    const auto theirs = sms_->Send(supervisor_, lead.user_id, "Hello", "request-0001", kCtx);
    ASSERT_TRUE(theirs && theirs->sms);
    EXPECT_NE(theirs->sms->id, first->sms->id);
    const app::Lead other = LeadWith(domain::PhoneType::kMobile, lead.user_id);
    const auto clash = sms_->Send(supervisor_, other.user_id, "Hello", "request-0001", kCtx);
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().field, "idempotencyKey");
    const auto bad = sms_->Send(agent_, lead.user_id, "Hello", "no spaces allowed", kCtx);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "idempotencyKey");
}

TEST_P(SmsTest, TheGateRefusesLandlinesSuppressedNumbersAndTheFourthTextOfTheDay) {
    const app::Lead landline = LeadWith(domain::PhoneType::kFixedLine);
    const auto refused = sms_->Send(supervisor_, landline.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(refused);
    ASSERT_FALSE(refused->sms);
    ASSERT_FALSE(refused->refusal.denials.empty());
    EXPECT_EQ(refused->refusal.denials[0].reason, domain::GateReason::kNotMobile);
    EXPECT_TRUE(outbox_->ForUser(landline.user_id, 10).empty());
    EXPECT_TRUE(env_->contacts->Since(landline.user_id, clock_.Now() - minutes{1}).empty());

    const app::Lead mobile = LeadWith(domain::PhoneType::kMobile);
    for (int i = 0; i < 3; ++i) {
        const auto ok =
            sms_->Send(supervisor_, mobile.user_id, "Text " + std::to_string(i), "", kCtx);
        ASSERT_TRUE(ok && ok->sms) << i;
    }
    const auto capped = sms_->Send(supervisor_, mobile.user_id, "Text 4", "", kCtx);
    ASSERT_TRUE(capped);
    ASSERT_FALSE(capped->sms);
    EXPECT_EQ(capped->refusal.denials[0].reason, domain::GateReason::kDailyCap);
    EXPECT_EQ(outbox_->ForUser(mobile.user_id, 10).size(), 3U);

    const app::Lead other = LeadWith(domain::PhoneType::kMobile, mobile.user_id);
    env_->suppressions->Add(
        testing::DoNotCall(other.user_id, std::nullopt, app::SuppressionChannel::kSms, clock_.Now())
    );
    const auto suppressed = sms_->Send(supervisor_, other.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(suppressed);
    ASSERT_FALSE(suppressed->sms);
    EXPECT_EQ(suppressed->refusal.denials[0].reason, domain::GateReason::kSuppressed);
}

TEST_P(SmsTest, AnAgentTextsOnlyCustomersTheyHoldOrCalledAndBadBodiesAreRefused) {
    const app::Lead stranger = LeadWith(domain::PhoneType::kMobile);
    const auto denied = sms_->Send(agent_, stranger.user_id, "Hello", "", kCtx);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(
        sms_->Send(agent_, domain::UserId{999999}, "Hello", "", kCtx).error().code,
        ErrorCode::kNotFound
    );
    for (const char* body : {"", "   ", "bell \x07"}) {
        const auto bad = sms_->Send(supervisor_, stranger.user_id, body, "", kCtx);
        ASSERT_FALSE(bad) << body;
        EXPECT_EQ(bad.error().field, "body");
    }
    EXPECT_TRUE(outbox_->ForUser(stranger.user_id, 10).empty());
}

// The provider certainly did not take it: tried again later; after the last try, failed.
TEST_P(SmsTest, ATextTheProviderNeverGotIsRetriedWithBackoff) {
    const app::Lead lead = HeldMobile();
    const auto sent = sms_->Send(agent_, lead.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(sent && sent->sms);
    provider_.Next(FaultyTelephony::Fault::kNotTaken);
    EXPECT_EQ(sms_->Deliver(), 0);
    EXPECT_EQ(Stored(sent->sms->id).status, SmsStatus::kQueued);
    EXPECT_EQ(sms_->Deliver(), 0);  // not due yet
    clock_.Advance(seconds{31});
    EXPECT_EQ(sms_->Deliver(), 1);
    const auto stored = Stored(sent->sms->id);
    EXPECT_EQ(stored.status, SmsStatus::kSent);
    EXPECT_EQ(stored.attempts, 2);
    EXPECT_EQ(provider_fake_.Sent().size(), 1U);
}

// Refused by the provider for good: 21610 (the customer replied STOP) suppresses the number.
TEST_P(SmsTest, AnUnsubscribedNumberFailsTheTextAndIsSuppressed) {
    const app::Lead lead = HeldMobile();
    provider_fake_.OptOut(lead.phone->e164);
    const auto sent = sms_->Send(agent_, lead.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(sent && sent->sms);
    EXPECT_EQ(sms_->Deliver(), 0);
    const auto stored = Stored(sent->sms->id);
    EXPECT_EQ(stored.status, SmsStatus::kFailed);
    EXPECT_EQ(stored.error_code, domain::kProviderUnsubscribed);
    clock_.Advance(minutes{5});
    const auto next = sms_->Send(supervisor_, lead.user_id, "Hello again", "", kCtx);
    ASSERT_TRUE(next) << next.error().message;
    ASSERT_FALSE(next->sms);
    EXPECT_EQ(next->refusal.denials[0].reason, domain::GateReason::kSuppressed);
}

// Killed after the provider took the text, before the record: nobody sends it again, on this
// instance after a restart or on another; its report settles it.
TEST_P(SmsTest, ASenderKilledBetweenSendAndRecordNeverSendsTheTextTwice) {
    const app::Lead lead = HeldMobile();
    const auto first = sms_->Send(agent_, lead.user_id, "First", "", kCtx);
    const auto second = sms_->Send(agent_, lead.user_id, "Second", "", kCtx);
    ASSERT_TRUE(first && first->sms && second && second->sms);
    provider_.Next(FaultyTelephony::Fault::kKilledAfterSend);
    EXPECT_THROW(sms_->Deliver(), Killed);
    ASSERT_EQ(provider_fake_.Sent().size(), 1U);
    EXPECT_EQ(Stored(first->sms->id).status, SmsStatus::kSending);

    // Restarted at once, and a second instance: the claim has not run out, nothing is resent;
    // the text the killed sender never reached is still its own until then too.
    sms_ = NewService();
    auto other = NewService();
    EXPECT_EQ(sms_->Deliver() + other->Deliver(), 0);
    EXPECT_EQ(provider_fake_.Sent().size(), 1U);

    clock_.Advance(seconds{61});
    EXPECT_EQ(sms_->Deliver() + other->Deliver(), 0);
    EXPECT_EQ(Stored(first->sms->id).status, SmsStatus::kUnknown);
    EXPECT_EQ(Stored(second->sms->id).status, SmsStatus::kUnknown);
    EXPECT_EQ(provider_fake_.Sent().size(), 1U);

    // The provider's report for the text it did take settles it.
    ASSERT_TRUE(other->OnReport({first->sms->id, "SM1", "delivered", 0}));
    const auto settled = Stored(first->sms->id);
    EXPECT_EQ(settled.status, SmsStatus::kDelivered);
    EXPECT_EQ(settled.provider_sid, "SM1");
}

// A timeout after the request went out: the provider may have it, so it is not sent again.
TEST_P(SmsTest, ATextWhoseAnswerWasLostIsUnknownNotResent) {
    const app::Lead lead = HeldMobile();
    const auto sent = sms_->Send(agent_, lead.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(sent && sent->sms);
    provider_.Next(FaultyTelephony::Fault::kNoAnswer);
    EXPECT_EQ(sms_->Deliver(), 0);
    EXPECT_EQ(Stored(sent->sms->id).status, SmsStatus::kUnknown);
    clock_.Advance(minutes{30});
    EXPECT_EQ(sms_->Deliver(), 0);
    EXPECT_EQ(provider_fake_.Sent().size(), 1U);
}

// Two senders at once: every text goes out exactly once.
TEST_P(SmsTest, TwoSendersRunningAtOnceSendEachTextOnce) {
    const app::Lead lead = LeadWith(domain::PhoneType::kMobile);
    app::QueueSettings settings = env_->settings.Current();
    settings.gate.caps.sms_per_day = 10;
    env_->settings.Set(settings);
    for (int i = 0; i < 8; ++i) {
        ASSERT_TRUE(sms_->Send(supervisor_, lead.user_id, "Text " + std::to_string(i), "", kCtx));
    }
    auto other = NewService();
    int taken = 0;
    std::thread a([&] { taken += sms_->Deliver(); });
    const int b = other->Deliver();
    a.join();
    EXPECT_EQ(taken + b, 8);
    EXPECT_EQ(provider_fake_.Sent().size(), 8U);
    for (const auto& s : outbox_->ForUser(lead.user_id, 20)) {
        EXPECT_EQ(s.status, SmsStatus::kSent);
        EXPECT_EQ(s.attempts, 1);
    }
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    SmsTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
