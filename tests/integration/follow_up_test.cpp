// Texts outcomes schedule, on real databases: recorded with the outcome, sent by the system when
// due through the same gate as every text (a reminder with a magic link, a check-in, a callback
// confirmation), put off while the gate says "later", and cancelled for a customer who has texted
// us since or left the queues.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/crypto/hs256_assertion_signer.hpp"
#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/sql/sql_follow_up_store.hpp"
#include "dialler/adapters/sql/sql_magic_link_store.hpp"
#include "dialler/adapters/sql/sql_sms_inbox.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/app/follow_up_service.hpp"
#include "dialler/base/text.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using app::FollowUpStatus;
using domain::FollowUpKind;
using std::chrono::hours;
using std::chrono::minutes;

const app::RequestContext kCtx{"test", "127.0.0.1"};
const std::string kPublic = "https://dialler.example";

class FollowUpTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("caller@test.local");
        outbox_ = std::make_unique<adapters::sql::SqlSmsOutbox>(*env_->db);
        links_ = std::make_unique<adapters::sql::SqlMagicLinkStore>(*env_->db);
        inbox_ = std::make_unique<adapters::sql::SqlSmsInbox>(*env_->db);
        store_ = std::make_unique<adapters::sql::SqlFollowUpStore>(*env_->db);
        sms_ = std::make_unique<app::SmsService>(
            app::SmsService::Ports{
                *env_->queue,
                *outbox_,
                *env_->suppressions,
                env_->telephony,
                tokens_,
                *env_->audit,
                env_->events,
                clock_},
            app::SmsServiceConfig{{"+441134960000"}, "", std::chrono::seconds{60}, 20}
        );
        app::MagicLinkConfig links_config;
        links_config.public_url = kPublic;
        links_config.main_app_url = "https://claims.example";
        links_service_ = std::make_unique<app::MagicLinkService>(
            app::MagicLinkService::Ports{
                *links_, *sms_, tokens_, signer_, *env_->audit, env_->events, clock_},
            links_config
        );
        follow_ups_ = std::make_unique<app::FollowUpService>(app::FollowUpService::Ports{
            *store_,
            *env_->leads,
            *env_->outcomes,
            *inbox_,
            *sms_,
            *links_service_,
            *env_->replica,
            *env_->audit,
            clock_});
        env_->queue->SetOutcomeListener(follow_ups_.get());
    }

    void TearDown() override {
        if (env_) {
            env_->queue->SetOutcomeListener(nullptr);
        }
    }

    // The agent takes customers until one with a mobile, and records `outcome` for them.
    app::Lead CalledWith(
        domain::Outcome outcome, std::optional<std::chrono::sys_seconds> callback_at = {}
    ) {
        for (int i = 0; i < 20; ++i) {
            const auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
            EXPECT_TRUE(next && next->lead);
            const app::Lead lead = next->lead->lead;
            if (lead.phone && lead.phone->type == domain::PhoneType::kMobile) {
                const auto saved = env_->queue->RecordOutcome(
                    agent_, lead.user_id, {outcome, "", callback_at}, kCtx
                );
                EXPECT_TRUE(saved) << saved.error().message;
                return lead;
            }
            EXPECT_TRUE(env_->queue->Skip(agent_, lead.user_id, kCtx));
        }
        throw std::logic_error("no mobile among the first customers handed out");
    }

    app::FollowUp Only(domain::UserId user) {
        const auto all = follow_ups_->ForUser(user);
        EXPECT_EQ(all.size(), 1U);
        return all.empty() ? app::FollowUp{} : all.front();
    }

    std::string FirstName(domain::UserId user) {
        const auto context = env_->replica->ReadCustomerContext(user);
        return context ? context->record.user.first_name.value_or("") : "";
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};  // Wed 4 Nov 2026, 11:00 UK time
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    adapters::crypto::SodiumTokenService tokens_;
    adapters::crypto::Hs256AssertionSigner signer_{"follow-up-test-secret-0123456789abcdef"};
    std::unique_ptr<adapters::sql::SqlSmsOutbox> outbox_;
    std::unique_ptr<adapters::sql::SqlMagicLinkStore> links_;
    std::unique_ptr<adapters::sql::SqlSmsInbox> inbox_;
    std::unique_ptr<adapters::sql::SqlFollowUpStore> store_;
    std::unique_ptr<app::SmsService> sms_;
    std::unique_ptr<app::MagicLinkService> links_service_;
    std::unique_ptr<app::FollowUpService> follow_ups_;
};

TEST_P(FollowUpTest, AFirstNoAnswerGetsOneCheckInHalfAnHourLaterFromTheSystem) {
    const app::Lead lead = CalledWith(domain::Outcome::kNoAnswer);
    const app::FollowUp planned = Only(lead.user_id);
    EXPECT_EQ(planned.kind, FollowUpKind::kCheckIn);
    EXPECT_EQ(planned.due_at, clock_.Now() + minutes{30});
    EXPECT_EQ(follow_ups_->SendDue(), 0);  // not yet

    clock_.Advance(minutes{30});
    EXPECT_EQ(follow_ups_->SendDue(), 1);
    EXPECT_EQ(follow_ups_->SendDue(), 0);  // once
    const app::FollowUp sent = Only(lead.user_id);
    EXPECT_EQ(sent.status, FollowUpStatus::kSent);
    ASSERT_TRUE(sent.sms_id);
    const auto text = outbox_->Find(*sent.sms_id);
    ASSERT_TRUE(text);
    EXPECT_FALSE(text->agent_id);  // the system's
    EXPECT_EQ(text->to_e164, lead.phone->e164);
    EXPECT_EQ(text->body.find("Hi " + FirstName(lead.user_id) + ", we tried to call you"), 0U)
        << text->body;
}

TEST_P(FollowUpTest, ABookedCallbackIsConfirmedInUkTimeAndAReminderCarriesALink) {
    const auto callback_at = *ParseRfc3339("2026-11-05T14:30:00Z");
    const app::Lead booked = CalledWith(domain::Outcome::kCallBack, callback_at);
    EXPECT_EQ(follow_ups_->SendDue(), 1);
    const auto confirmation = outbox_->Find(*Only(booked.user_id).sms_id);
    EXPECT_NE(confirmation->body.find("call you back on Thu 5 Nov at 14:30"), std::string::npos)
        << confirmation->body;

    const app::Lead going = CalledWith(domain::Outcome::kGoingToComplete);
    const app::FollowUp reminder = Only(going.user_id);
    EXPECT_EQ(reminder.kind, FollowUpKind::kReminder);
    EXPECT_EQ(reminder.due_at, *ParseRfc3339("2026-11-04T18:30:00Z"));
    clock_.Set(reminder.due_at);
    EXPECT_EQ(follow_ups_->SendDue(), 1);
    const auto text = outbox_->Find(*Only(going.user_id).sms_id);
    EXPECT_NE(text->body.find(kPublic + "/l/"), std::string::npos) << text->body;
    const auto link = links_->ForUser(going.user_id, 10);
    ASSERT_EQ(link.size(), 1U);
    EXPECT_FALSE(link[0].created_by);
    EXPECT_EQ(link[0].type, domain::LinkType::kClaimCompletion);
}

TEST_P(FollowUpTest, ACustomerWhoTextedUsSinceGetsNothing) {
    const app::Lead lead = CalledWith(domain::Outcome::kNoAnswer);
    clock_.Advance(minutes{5});
    app::InboundSms reply;
    reply.provider_sid = "SM-reply";
    reply.from_e164 = lead.phone->e164;
    reply.to_e164 = "+441134960000";
    reply.body = "Who is this?";
    reply.received_at = clock_.Now();
    inbox_->Receive(reply, lead.user_id, std::nullopt);

    clock_.Advance(minutes{30});
    EXPECT_EQ(follow_ups_->SendDue(), 0);
    const app::FollowUp cancelled = Only(lead.user_id);
    EXPECT_EQ(cancelled.status, FollowUpStatus::kCancelled);
    EXPECT_EQ(cancelled.reason, "the customer has texted us since");
    EXPECT_TRUE(outbox_->ForUser(lead.user_id, 10).empty());
}

TEST_P(FollowUpTest, OutsideTheCallingWindowItWaitsForTheNextOpening) {
    clock_.Set(*ParseRfc3339("2026-11-04T19:50:00Z"));
    const app::Lead lead = CalledWith(domain::Outcome::kNoAnswer);  // check-in due 20:20
    clock_.Set(*ParseRfc3339("2026-11-04T20:20:00Z"));
    EXPECT_EQ(follow_ups_->SendDue(), 0);
    const app::FollowUp waiting = Only(lead.user_id);
    EXPECT_EQ(waiting.status, FollowUpStatus::kScheduled);
    EXPECT_EQ(waiting.due_at, *ParseRfc3339("2026-11-05T08:00:00Z"));
    EXPECT_FALSE(waiting.reason.empty());
    EXPECT_TRUE(outbox_->ForUser(lead.user_id, 10).empty());

    clock_.Set(*ParseRfc3339("2026-11-05T08:00:00Z"));
    EXPECT_EQ(follow_ups_->SendDue(), 1);
    EXPECT_EQ(Only(lead.user_id).status, FollowUpStatus::kSent);
}

TEST_P(FollowUpTest, ASuppressedCustomerGetsNothingAndTheReasonIsKept) {
    const app::Lead lead = CalledWith(domain::Outcome::kNoAnswer);
    env_->suppressions->Add(
        testing::DoNotCall(lead.user_id, std::nullopt, app::SuppressionChannel::kSms, clock_.Now())
    );
    clock_.Advance(minutes{30});
    EXPECT_EQ(follow_ups_->SendDue(), 0);
    const app::FollowUp cancelled = Only(lead.user_id);
    EXPECT_EQ(cancelled.status, FollowUpStatus::kCancelled);
    EXPECT_FALSE(cancelled.reason.empty());
    EXPECT_TRUE(outbox_->ForUser(lead.user_id, 10).empty());
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    FollowUpTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
