// Texts customers send us, on real databases: one conversation per number matched to its one
// customer, answered through the outbox under the contact rules, opt-out keywords turned into a
// lasting suppression (and lifted only by the customer's own opt-in), and each agent seeing only
// what is theirs or nobody's.
#include <algorithm>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/sql_sms_inbox.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/adapters/sql/sql_sms_template_store.hpp"
#include "dialler/app/sms_inbox_service.hpp"
#include "dialler/app/sms_service.hpp"

#include "fakes.hpp"
#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const app::RequestContext kCtx{"test", "127.0.0.1"};
const std::string kOurs = "+441134960000";

class SmsInboxTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("first@test.local");
        other_ = env_->AddAgent("second@test.local");
        supervisor_ = env_->AddAgent("boss@test.local");
        supervisor_.role = domain::Role::kSupervisor;
        outbox_ = std::make_unique<adapters::sql::SqlSmsOutbox>(*env_->db);
        inbox_store_ = std::make_unique<adapters::sql::SqlSmsInbox>(*env_->db);
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
            app::SmsServiceConfig{{kOurs}, "", seconds{60}, 20}
        );
        template_store_ = std::make_unique<adapters::sql::SqlSmsTemplateStore>(*env_->db);
        templates_ = std::make_unique<app::SmsTemplateService>(app::SmsTemplateService::Ports{
            *template_store_, *env_->replica, *env_->audit, clock_});
        inbox_ = std::make_unique<app::SmsInboxService>(app::SmsInboxService::Ports{
            *inbox_store_,
            *outbox_,
            *sms_,
            *templates_,
            *env_->leads,
            *env_->suppressions,
            *env_->agents,
            *env_->replica,
            *env_->audit,
            env_->events,
            clock_});
    }

    // The customer at `from` texts `body` to us; the provider's message id is new each time
    // unless given.
    Status Texts(const std::string& from, const std::string& body, std::string sid = "") {
        if (sid.empty()) {
            sid = "SM" + std::to_string(++sids_);
        }
        return inbox_->Receive({sid, from, kOurs, body}, kCtx);
    }

    std::vector<app::Suppression> StopsFor(const std::string& phone) {
        auto entries = env_->suppressions->List(std::nullopt, phone, false, 50);
        std::erase_if(entries, [](const auto& s) { return s.source != "sms_stop"; });
        return entries;
    }

    int AuditCount(const std::string& action) {
        const auto entries = env_->audit->ListRecent(500, 0);
        return static_cast<int>(std::count_if(entries.begin(), entries.end(), [&](const auto& e) {
            return e.action == action;
        }));
    }

    app::Lead Mobile() { return env_->LeadWithPhone(domain::PhoneType::kMobile); }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    domain::Agent other_;
    domain::Agent supervisor_;
    testing::FakeTokenService tokens_;
    std::unique_ptr<adapters::sql::SqlSmsOutbox> outbox_;
    std::unique_ptr<adapters::sql::SqlSmsInbox> inbox_store_;
    std::unique_ptr<app::SmsService> sms_;
    std::unique_ptr<adapters::sql::SqlSmsTemplateStore> template_store_;
    std::unique_ptr<app::SmsTemplateService> templates_;
    std::unique_ptr<app::SmsInboxService> inbox_;
    int sids_ = 0;
};

TEST_P(SmsInboxTest, ACustomersTextIsUnreadForTheFloorUntilAnAgentAnswersAndTakesIt) {
    const app::Lead lead = Mobile();
    const std::string phone = lead.phone->e164;
    ASSERT_TRUE(Texts(phone, "Is my claim going ahead?", "SM-first"));
    // The provider retrying its webhook: still one text.
    ASSERT_TRUE(Texts(phone, "Is my claim going ahead?", "SM-first"));

    const auto listed = inbox_->List(agent_, true);
    ASSERT_EQ(listed.size(), 1U);
    const app::SmsConversation& c = listed[0].conversation;
    EXPECT_EQ(c.user_id, lead.user_id);
    EXPECT_EQ(c.unread, 1);
    EXPECT_FALSE(c.assigned_agent_id);
    EXPECT_TRUE(listed[0].customer_name && !listed[0].customer_name->empty());
    EXPECT_EQ(inbox_->Unread(agent_), 1);
    EXPECT_EQ(inbox_->Unread(other_), 1);
    EXPECT_EQ(inbox_->Unread(supervisor_), 1);
    const auto events = env_->events.Events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().type, "sms_conversation");
    EXPECT_EQ(events.back().state, "message");
    EXPECT_EQ(AuditCount("sms.received"), 1);

    // The other agent answers: they do not hold the customer, but the conversation makes it
    // theirs.
    const auto reply = inbox_->Reply(
        other_, c.id, app::TextToSend{"Yes, it is. Any questions?", std::nullopt}, "", kCtx
    );
    ASSERT_TRUE(reply) << reply.error().message;
    ASSERT_TRUE(reply->sms);
    EXPECT_EQ(reply->sms->to_e164, phone);
    EXPECT_EQ(inbox_store_->Find(c.id)->assigned_agent_id, other_.id);
    // The first agent no longer sees it; it is not theirs.
    EXPECT_EQ(inbox_->Thread(agent_, c.id).error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(inbox_->List(agent_, true).empty());
    EXPECT_EQ(
        inbox_->Reply(agent_, c.id, app::TextToSend{"Me too", std::nullopt}, "", kCtx).error().code,
        ErrorCode::kNotFound
    );
    EXPECT_EQ(sms_->Deliver(), 1);

    clock_.Advance(minutes{1});
    ASSERT_TRUE(Texts(phone, "Thanks!"));
    const auto thread = inbox_->Thread(other_, c.id);
    ASSERT_TRUE(thread);
    ASSERT_EQ(thread->entries.size(), 3U);
    EXPECT_TRUE(thread->entries[0].inbound);
    EXPECT_FALSE(thread->entries[1].inbound);
    EXPECT_EQ(thread->entries[1].status, domain::SmsStatus::kSent);
    EXPECT_EQ(thread->entries[1].agent_id, other_.id);
    EXPECT_EQ(thread->entries[2].body, "Thanks!");
    EXPECT_FALSE(thread->reply_blocked);
    EXPECT_FALSE(thread->opted_out);

    const auto read = inbox_->MarkRead(other_, c.id, kCtx);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->conversation.unread, 0);
    EXPECT_EQ(inbox_->Unread(supervisor_), 0);
}

TEST_P(SmsInboxTest, ANewConversationGoesToTheAgentWhoLastTextedTheNumber) {
    const auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    app::Lead lead = next->lead->lead;
    for (int i = 0; i < 20 && !(lead.phone && lead.phone->type == domain::PhoneType::kMobile);
         ++i) {
        ASSERT_TRUE(env_->queue->Skip(agent_, lead.user_id, kCtx));
        lead = env_->queue->NextLead(agent_, std::nullopt, kCtx)->lead->lead;
    }
    ASSERT_TRUE(lead.phone && lead.phone->type == domain::PhoneType::kMobile);
    ASSERT_TRUE(sms_->Send(agent_, lead.user_id, "Here is your link", "", kCtx));
    ASSERT_TRUE(Texts(lead.phone->e164, "Done it"));
    const auto mine = inbox_->List(agent_, true);
    ASSERT_EQ(mine.size(), 1U);
    EXPECT_EQ(mine[0].conversation.assigned_agent_id, agent_.id);
    EXPECT_EQ(mine[0].agent_name, agent_.display_name);
    EXPECT_TRUE(inbox_->List(other_, true).empty());
    EXPECT_EQ(inbox_->Unread(other_), 0);
}

TEST_P(SmsInboxTest, StopSuppressesTextsOnceAndStartLiftsOnlyWhatStopSet) {
    const app::Lead lead = Mobile();
    const std::string phone = lead.phone->e164;
    ASSERT_TRUE(Texts(phone, " Stop "));
    ASSERT_EQ(StopsFor(phone).size(), 1U);
    EXPECT_EQ(StopsFor(phone)[0].channel, app::SuppressionChannel::kSms);
    EXPECT_EQ(StopsFor(phone)[0].user_id, lead.user_id);
    ASSERT_TRUE(Texts(phone, "STOPALL"));  // opted out already: nothing more
    EXPECT_EQ(StopsFor(phone).size(), 1U);
    EXPECT_EQ(AuditCount("sms.opted_out"), 1);

    // The next text is refused by the gate, and nothing is queued.
    const auto refused = sms_->Send(supervisor_, lead.user_id, "Hello", "", kCtx);
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->sms);
    EXPECT_FALSE(refused->refusal.allowed);
    const auto conversation = *inbox_store_->FindByPhone(phone);
    const auto thread = inbox_->Thread(supervisor_, conversation.id);
    ASSERT_TRUE(thread);
    EXPECT_TRUE(thread->opted_out);
    EXPECT_TRUE(thread->reply_blocked);
    EXPECT_EQ(thread->entries[0].consent, domain::InboundConsent::kOptOut);
    const auto answered = inbox_->Reply(
        supervisor_, conversation.id, app::TextToSend{"Sorry", std::nullopt}, "", kCtx
    );
    ASSERT_TRUE(answered);
    EXPECT_FALSE(answered->sms);
    EXPECT_TRUE(outbox_->ToNumber(phone, 10).empty());

    // An admin's own entry for the number stays when the customer opts back in.
    const auto admins = env_->suppressions->Add(
        testing::DoNotCall(std::nullopt, phone, app::SuppressionChannel::kSms, clock_.Now())
    );
    clock_.Advance(minutes{1});
    ASSERT_TRUE(Texts(phone, "unstop"));
    EXPECT_TRUE(StopsFor(phone).empty());
    const auto left = env_->suppressions->List(std::nullopt, phone, false, 50);
    ASSERT_EQ(left.size(), 1U);
    EXPECT_EQ(left[0].id, admins.id);
    EXPECT_EQ(AuditCount("sms.opted_in"), 1);

    ASSERT_TRUE(env_->suppressions->Remove(admins.id, app::Actor::System(), "test", clock_.Now()));
    const auto allowed = sms_->Send(supervisor_, lead.user_id, "Welcome back", "", kCtx);
    ASSERT_TRUE(allowed);
    EXPECT_TRUE(allowed->sms);
}

TEST_P(SmsInboxTest, ATextThatOnlyMentionsStoppingWaitsForAPersonAndSuppressesNothing) {
    const app::Lead lead = Mobile();
    ASSERT_TRUE(Texts(lead.phone->e164, "please stop texting me so often"));
    EXPECT_TRUE(StopsFor(lead.phone->e164).empty());
    auto c = inbox_store_->FindByPhone(lead.phone->e164);
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->needs_attention);
    const auto closed = inbox_->SetOpen(agent_, c->id, false, kCtx);
    ASSERT_TRUE(closed);
    EXPECT_FALSE(closed->conversation.open);
    EXPECT_FALSE(closed->conversation.needs_attention);
    EXPECT_TRUE(inbox_->List(agent_, true).empty());
    EXPECT_EQ(inbox_->List(agent_, false).size(), 1U);
    const auto reopened = inbox_->SetOpen(agent_, c->id, true, kCtx);
    ASSERT_TRUE(reopened);
    EXPECT_TRUE(reopened->conversation.open);
    EXPECT_EQ(AuditCount("sms.conversation_closed"), 1);
    EXPECT_EQ(AuditCount("sms.conversation_reopened"), 1);
}

TEST_P(SmsInboxTest, ANumberNoCustomerHasIsKeptButCannotBeAnswered) {
    ASSERT_TRUE(Texts("+447700900999", "Who is this?"));
    const auto listed = inbox_->List(supervisor_, true);
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_FALSE(listed[0].conversation.user_id);
    EXPECT_FALSE(listed[0].customer_name);
    const auto id = listed[0].conversation.id;
    const auto thread = inbox_->Thread(agent_, id);
    ASSERT_TRUE(thread);
    EXPECT_TRUE(thread->reply_blocked);
    EXPECT_EQ(
        inbox_->Reply(agent_, id, app::TextToSend{"Hello", std::nullopt}, "", kCtx).error().code,
        ErrorCode::kFailedPrecondition
    );
    EXPECT_TRUE(outbox_->ToNumber("+447700900999", 10).empty());
    EXPECT_EQ(AuditCount("sms.received"), 1);
}

TEST_P(SmsInboxTest, AssignmentFollowsWhoMayGiveWhatToWhom) {
    const app::Lead lead = Mobile();
    ASSERT_TRUE(Texts(lead.phone->e164, "Hello"));
    const auto id = inbox_store_->FindByPhone(lead.phone->e164)->id;

    EXPECT_EQ(
        inbox_->Assign(agent_, id, other_.id, kCtx).error().code, ErrorCode::kPermissionDenied
    );
    const auto taken = inbox_->Assign(agent_, id, agent_.id, kCtx);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->conversation.assigned_agent_id, agent_.id);
    EXPECT_EQ(inbox_->Assign(other_, id, other_.id, kCtx).error().code, ErrorCode::kNotFound);

    const auto bad = inbox_->Assign(supervisor_, id, domain::AgentId{9999}, kCtx);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "agentId");
    EXPECT_EQ(inbox_store_->Find(id)->assigned_agent_id, agent_.id);
    const auto given = inbox_->Assign(supervisor_, id, other_.id, kCtx);
    ASSERT_TRUE(given);
    EXPECT_EQ(given->conversation.assigned_agent_id, other_.id);
    const auto released = inbox_->Assign(other_, id, std::nullopt, kCtx);
    ASSERT_TRUE(released);
    EXPECT_FALSE(released->conversation.assigned_agent_id);
    EXPECT_EQ(AuditCount("sms.conversation_assigned"), 3);
}

TEST_P(SmsInboxTest, ATextWithABadSenderIsRefusedAndStoresNothing) {
    for (const char* from : {"07700900123", "", "+44 7700 900123", "client:agent-1"}) {
        const Status refused = Texts(from, "hello");
        ASSERT_FALSE(refused) << from;
        EXPECT_EQ(refused.error().field, "From");
    }
    EXPECT_EQ(
        inbox_->Receive({"", "+447700900123", kOurs, "hi"}, kCtx).error().field, "MessageSid"
    );
    EXPECT_TRUE(inbox_->List(supervisor_, true).empty());
    EXPECT_EQ(AuditCount("sms.received"), 0);
}

TEST_P(SmsInboxTest, ATemplateIsFilledInPerCustomerAndEachTextKeepsItsVersion) {
    domain::Agent admin = env_->AddAgent("admin@test.local");
    admin.role = domain::Role::kAdmin;
    const auto created = templates_->Create(
        admin, {"  Check-in ", "service", "Hi {firstName}, {agentName} here. Any questions?"}, kCtx
    );
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(created->name, "Check-in");
    EXPECT_EQ(created->version, 1);

    const app::Lead lead = Mobile();
    ASSERT_TRUE(Texts(lead.phone->e164, "Hello?"));
    const auto id = inbox_store_->FindByPhone(lead.phone->e164)->id;
    const auto sent = inbox_->Reply(agent_, id, {"", created->id}, "", kCtx);
    ASSERT_TRUE(sent) << sent.error().message;
    ASSERT_TRUE(sent->sms);
    const auto record = env_->replica->ReadCustomerContext(lead.user_id);
    ASSERT_TRUE(record && record->record.user.first_name);
    EXPECT_EQ(
        sent->sms->body,
        "Hi " + *record->record.user.first_name + ", " + agent_.display_name +
            " here. Any questions?"
    );
    EXPECT_EQ(outbox_->Find(sent->sms->id)->template_id, created->id);
    EXPECT_EQ(outbox_->Find(sent->sms->id)->template_version, 1);

    // A change is a new version; the text keeps the one it was written from.
    const auto changed = templates_->Update(
        admin,
        created->id,
        1,
        {"Check-in", "marketing", "Hi {firstName}! Reply STOP to opt out"},
        kCtx
    );
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(changed->version, 2);
    EXPECT_EQ(outbox_->Find(sent->sms->id)->template_version, 1);
    EXPECT_EQ(template_store_->FindVersion(created->id, 1)->kind, domain::TemplateKind::kService);
    EXPECT_EQ(AuditCount("sms_template.created"), 1);
    EXPECT_EQ(AuditCount("sms_template.changed"), 1);
    const auto audit = env_->audit->ListRecent(50, 0);
    const auto change = std::find_if(audit.begin(), audit.end(), [](const auto& e) {
        return e.action == "sms_template.changed";
    });
    ASSERT_NE(change, audit.end());
    const auto detail = [&](const std::string& key) {
        for (const auto& [k, v] : change->details) {
            if (k == key) {
                return v;
            }
        }
        return std::string("(missing)");
    };
    EXPECT_EQ(detail("beforeKind"), "service");
    EXPECT_EQ(detail("afterKind"), "marketing");
    EXPECT_EQ(detail("afterVersion"), "2");

    // Retired: kept, no longer used for texts.
    ASSERT_TRUE(templates_->SetActive(admin, created->id, false, kCtx));
    const auto refused = inbox_->Reply(agent_, id, {"", created->id}, "", kCtx);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "templateId");
    EXPECT_EQ(outbox_->ToNumber(lead.phone->e164, 10).size(), 1U);
}

TEST_P(SmsInboxTest, ABadTemplateIsRefusedNamingTheFieldAndChangesNothing) {
    domain::Agent admin = env_->AddAgent("admin@test.local");
    admin.role = domain::Role::kAdmin;
    const auto before = templates_->List(true).size();
    const auto field = [&](const app::TemplateInput& in) {
        const auto r = templates_->Create(admin, in, kCtx);
        return r ? std::string("(created)") : r.error().field;
    };
    EXPECT_EQ(field({"", "service", "Hi"}), "name");
    EXPECT_EQ(field({"Offer", "advert", "Hi"}), "kind");
    EXPECT_EQ(field({"Offer", "marketing", "Great rates for you"}), "body");
    EXPECT_EQ(field({"Offer", "service", "Hi {name}"}), "body");
    EXPECT_EQ(field({"Missed call", "service", "Hi"}), "name");  // shipped with the dialler
    EXPECT_EQ(templates_->List(true).size(), before);

    const auto t = templates_->Create(admin, {"Offer", "service", "Hi"}, kCtx);
    ASSERT_TRUE(t);
    ASSERT_TRUE(templates_->Update(admin, t->id, 1, {"Offer", "service", "Hello"}, kCtx));
    const auto stale = templates_->Update(admin, t->id, 1, {"Offer", "service", "Hey"}, kCtx);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(template_store_->Find(t->id)->body, "Hello");
    EXPECT_EQ(
        templates_->Update(admin, t->id + 100, 1, {"X", "service", "Hey"}, kCtx).error().code,
        ErrorCode::kNotFound
    );
    EXPECT_EQ(
        templates_->Compose({"", t->id + 100}, Mobile().user_id, agent_).error().field, "templateId"
    );
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    SmsInboxTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
