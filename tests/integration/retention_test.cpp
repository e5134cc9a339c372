// Retention and legal holds on real databases: the job clears each class's personal content once
// it is past that class's period, never for a customer under an active hold, never what is newer
// or still in flight (a queued text, a pending callback); a second run clears nothing; the job
// runs once per UK day across instances; holds refuse what would protect nobody.
#include "dialler/app/retention.hpp"

#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/sql_retention_store.hpp"
#include "dialler/adapters/sql/sql_time.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::days;
using std::chrono::hours;

const app::RequestContext kCtx{"test", "127.0.0.1"};

// What the job may clear about one customer, read back from the tables.
struct Held {
    std::string call_phone;
    std::string recording;
    std::string voicemail;
    std::string attempt_phone;
    std::string text_body;
    std::string text_to;
    std::string received_body;
    std::string received_from;
    std::string last_message;
    std::string outcome_notes;
    std::string callback_notes;
    long long clicks = 0;
    bool operator==(const Held&) const = default;
};

class RetentionTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 20);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        admin_ = env_->AddAgent("admin@test.local", domain::Role::kAdmin);
        const auto leads = env_->leads->LeadsInRange(domain::UserId{1}, domain::UserId{20});
        ASSERT_GE(leads.size(), 3U);
        held_ = leads.at(0).user_id;
        free_ = leads.at(1).user_id;
        fresh_ = leads.at(2).user_id;
        app::QueueSettings s = app::QueueSettings::Defaults();
        s.retention = app::RetentionSettings{days{30}, days{60}, days{90}, days{40}};
        env_->settings.Set(s);
        store_ = std::make_unique<adapters::sql::SqlRetentionStore>(*env_->db);
        retention_ = MakeService("instance-a");
    }

    std::unique_ptr<app::RetentionService> MakeService(const std::string& instance) {
        return std::make_unique<app::RetentionService>(
            app::RetentionService::Ports{
                *store_, *env_->leads, env_->settings, *env_->job_leases, *env_->audit, clock_},
            instance
        );
    }

    // One record of every class for `user`, made at `at`, its numbers and words tagged `tag`.
    void Seed(domain::UserId user, Timestamp at, const std::string& tag) {
        const std::string u = std::to_string(user.Value());
        const std::string t = std::to_string(adapters::sql::Ms(at));
        const std::string agent = std::to_string(admin_.id.Value());
        const std::string phone = "'+4477009" + std::to_string(10000 + (++seq_)) + "'";
        env_->db->AutoCommit([&](soci::session& s) {
            s << "INSERT INTO call_sessions (user_id, agent_id, phone_e164, caller_id, status, "
                 "created_at, ended_at, recording_sid, recording_url, updated_at) VALUES (" +
                     u + ", " + agent + ", " + phone + ", '+441134960000', 'completed', " + t +
                     ", " + t + ", 'RE" + tag + "', 'https://rec/" + tag + "', " + t + ")";
            s << "INSERT INTO callbacks (user_id, scheduled_for, status, notes, created_by_kind, "
                 "created_at, updated_at, voicemail_sid, voicemail_url) VALUES (" +
                     u + ", " + t + ", 'completed', 'callback " + tag + "', 'agent', " + t + ", " +
                     t + ", 'VM" + tag + "', 'https://vm/" + tag + "')";
            s << "INSERT INTO contact_attempts (user_id, channel, phone_e164, at) VALUES (" + u +
                     ", 'call', " + phone + ", " + t + ")";
            s << "INSERT INTO sms_outbox (user_id, to_e164, from_e164, body, idempotency_key, "
                 "status, next_attempt_at, created_at, updated_at) VALUES (" +
                     u + ", " + phone + ", '+441134960000', 'text " + tag + "', 'key-" + tag +
                     "', 'delivered', " + t + ", " + t + ", " + t + ")";
            long long conversation = 0;
            s << "INSERT INTO sms_conversations (phone_e164, user_id, last_message, "
                 "last_message_at, created_at, updated_at) VALUES (" +
                     phone + ", " + u + ", 'reply " + tag + "', " + t + ", " + t + ", " + t +
                     ") RETURNING id",
                soci::into(conversation);
            s << "INSERT INTO sms_inbound (conversation_id, provider_sid, from_e164, to_e164, "
                 "body, consent, received_at) VALUES (" +
                     std::to_string(conversation) + ", 'SM" + tag + "', " + phone +
                     ", '+441134960000', 'reply " + tag + "', 'none', " + t + ")";
            s << "INSERT INTO lead_outcomes (user_id, agent_id, outcome, notes, score_adjustment, "
                 "recorded_at) VALUES (" +
                     u + ", " + agent + ", 'no_answer', 'notes " + tag + "', 0, " + t + ")";
            long long link = 0;
            s << "INSERT INTO magic_links (user_id, link_type, token_hash, created_at, "
                 "expires_at) VALUES (" +
                     u + ", 'documentUpload', 'hash-" + tag + "', " + t + ", " + t +
                     ") RETURNING id",
                soci::into(link);
            s << "INSERT INTO magic_link_clicks (link_id, clicked_at, user_agent, assertion_id) "
                 "VALUES (" +
                     std::to_string(link) + ", " + t + ", 'Mozilla " + tag + "', 'jti-" + tag +
                     "')";
        });
    }

    Held Read(domain::UserId user) const {
        const std::string u = std::to_string(user.Value());
        Held h;
        env_->db->Read([&](soci::session& s) {
            s << "SELECT phone_e164, COALESCE(recording_sid, '') FROM call_sessions WHERE user_id "
                 "= " +
                     u,
                soci::into(h.call_phone), soci::into(h.recording);
            s << "SELECT COALESCE(voicemail_sid, ''), notes FROM callbacks WHERE user_id = " + u,
                soci::into(h.voicemail), soci::into(h.callback_notes);
            s << "SELECT phone_e164 FROM contact_attempts WHERE user_id = " + u,
                soci::into(h.attempt_phone);
            s << "SELECT body, to_e164 FROM sms_outbox WHERE user_id = " + u,
                soci::into(h.text_body), soci::into(h.text_to);
            s << "SELECT i.body, i.from_e164, c.last_message FROM sms_inbound i JOIN "
                 "sms_conversations c ON c.id = i.conversation_id WHERE c.user_id = " +
                     u,
                soci::into(h.received_body), soci::into(h.received_from),
                soci::into(h.last_message);
            s << "SELECT notes FROM lead_outcomes WHERE user_id = " + u,
                soci::into(h.outcome_notes);
            s << "SELECT COUNT(*) FROM magic_link_clicks k JOIN magic_links l ON l.id = k.link_id "
                 "WHERE l.user_id = " +
                     u,
                soci::into(h.clicks);
        });
        return h;
    }

    // Every number and word gone, every open of a link deleted.
    static Held Cleared() { return Held{}; }

    // Everything seeded with `tag`, as it was (numbers aside: see WithoutPhones).
    static Held Untouched(const std::string& tag) {
        return Held{
            "",  // the phones differ per seed: compared separately
            "RE" + tag,
            "VM" + tag,
            "",
            "text " + tag,
            "",
            "reply " + tag,
            "",
            "reply " + tag,
            "notes " + tag,
            "callback " + tag,
            1};
    }
    // `h` with its phone numbers blanked, for comparing with Untouched(): a number is checked
    // to be kept as "not empty".
    static Held WithoutPhones(Held h) {
        EXPECT_FALSE(h.call_phone.empty());
        EXPECT_FALSE(h.attempt_phone.empty());
        EXPECT_FALSE(h.text_to.empty());
        EXPECT_FALSE(h.received_from.empty());
        h.call_phone.clear();
        h.attempt_phone.clear();
        h.text_to.clear();
        h.received_from.clear();
        return h;
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    std::unique_ptr<adapters::sql::SqlRetentionStore> store_;
    std::unique_ptr<app::RetentionService> retention_;
    domain::Agent admin_;
    domain::UserId held_{0};
    domain::UserId free_{0};
    domain::UserId fresh_{0};
    int seq_ = 0;
};

TEST_P(RetentionTest, ClearsWhatIsPastItsPeriodExceptForHeldCustomersAndOnlyOnce) {
    const Timestamp start = clock_.Now();
    Seed(held_, start, "held");
    Seed(free_, start, "free");
    Seed(fresh_, start + days{80}, "fresh");
    ASSERT_TRUE(retention_->PlaceHold(admin_, held_, "Complaint to the ombudsman", kCtx));

    // 100 days on: every class of `free` is past its period (30/60/90/40); `fresh` is 20 days
    // old, inside every period.
    clock_.Set(start + days{100});
    const app::RetentionCounts first = retention_->Apply();
    EXPECT_EQ(first, (app::RetentionCounts{1, 1, 1, 1, 1, 1, 1, 1, 1}));

    EXPECT_EQ(Read(free_), Cleared());
    EXPECT_EQ(WithoutPhones(Read(held_)), Untouched("held"));
    EXPECT_EQ(WithoutPhones(Read(fresh_)), Untouched("fresh"));

    // Nothing is left to clear: the second run counts nothing and changes nothing.
    EXPECT_EQ(retention_->Apply(), app::RetentionCounts{});
    EXPECT_EQ(WithoutPhones(Read(held_)), Untouched("held"));

    // The audit log says what each run cleared, as counts.
    const auto entries = env_->audit->ListRecent(10, 0);
    int runs = 0;
    for (const auto& e : entries) {
        if (e.action == "retention.applied") {
            ++runs;
            EXPECT_EQ(e.actor.kind, app::Actor::Kind::kSystem);
        }
    }
    EXPECT_EQ(runs, 2);
    ASSERT_EQ(entries.front().action, "retention.applied");
    ASSERT_EQ(entries.at(1).action, "retention.applied");
    const auto& details = entries.at(1).details;
    EXPECT_NE(
        std::find(
            details.begin(), details.end(), std::pair<std::string, std::string>{"textsSent", "1"}
        ),
        details.end()
    );
    EXPECT_NE(
        std::find(
            details.begin(), details.end(), std::pair<std::string, std::string>{"textDays", "60"}
        ),
        details.end()
    );
}

TEST_P(RetentionTest, EachClassFollowsItsOwnPeriod) {
    const Timestamp start = clock_.Now();
    Seed(free_, start, "free");
    // 45 days: past calls (30) and link clicks (40), inside texts (60) and notes (90).
    clock_.Set(start + days{45});
    EXPECT_EQ(retention_->Apply(), (app::RetentionCounts{1, 1, 1, 0, 0, 0, 0, 0, 1}));
    const Held h = Read(free_);
    EXPECT_EQ(h.call_phone, "");
    EXPECT_EQ(h.recording, "");
    EXPECT_EQ(h.voicemail, "");
    EXPECT_EQ(h.attempt_phone, "");
    EXPECT_EQ(h.clicks, 0);
    EXPECT_EQ(h.text_body, "text free");
    EXPECT_EQ(h.outcome_notes, "notes free");
    // 61 days: texts too; notes wait until 90.
    clock_.Set(start + days{61});
    EXPECT_EQ(retention_->Apply(), (app::RetentionCounts{0, 0, 0, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(Read(free_).outcome_notes, "notes free");
    clock_.Set(start + days{91});
    EXPECT_EQ(retention_->Apply(), (app::RetentionCounts{0, 0, 0, 0, 0, 0, 1, 1, 0}));
    EXPECT_EQ(Read(free_), Cleared());
}

TEST_P(RetentionTest, WhatIsStillInFlightIsKept) {
    const Timestamp start = clock_.Now();
    Seed(free_, start, "free");
    const std::string u = std::to_string(free_.Value());
    env_->db->AutoCommit([&](soci::session& s) {
        s << "UPDATE sms_outbox SET status = 'queued' WHERE user_id = " + u;
        s << "UPDATE callbacks SET status = 'pending' WHERE user_id = " + u;
        s << "UPDATE call_sessions SET ended_at = NULL WHERE user_id = " + u;
    });
    clock_.Set(start + days{100});
    const app::RetentionCounts c = retention_->Apply();
    // A text waiting to go, a callback still to make and a call not yet ended keep their content.
    EXPECT_EQ(c.texts_sent, 0);
    EXPECT_EQ(c.callback_notes, 0);
    EXPECT_EQ(c.voicemails, 0);
    EXPECT_EQ(c.calls, 0);
    const Held h = Read(free_);
    EXPECT_EQ(h.text_body, "text free");
    EXPECT_EQ(h.callback_notes, "callback free");
    EXPECT_EQ(h.recording, "REfree");
    EXPECT_EQ(h.outcome_notes, "");  // an outcome is final when recorded
}

TEST_P(RetentionTest, AReleasedHoldNoLongerProtects) {
    const Timestamp start = clock_.Now();
    Seed(held_, start, "held");
    const auto hold = retention_->PlaceHold(admin_, held_, "Court case", kCtx);
    ASSERT_TRUE(hold) << hold.error().message;
    clock_.Set(start + days{100});
    EXPECT_EQ(retention_->Apply(), app::RetentionCounts{});

    const auto released = retention_->ReleaseHold(admin_, hold->id, "Case closed", kCtx);
    ASSERT_TRUE(released) << released.error().message;
    EXPECT_FALSE(released->IsActive());
    EXPECT_EQ(released->released_by, admin_.id);
    EXPECT_EQ(released->release_reason, "Case closed");
    EXPECT_EQ(retention_->Apply(), (app::RetentionCounts{1, 1, 1, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(Read(held_), Cleared());
}

TEST_P(RetentionTest, HoldsRefuseWhatWouldProtectNobodyAndAreAudited) {
    // A customer the dialler does not know: refused, so that nobody believes a typo protected.
    const auto unknown = retention_->PlaceHold(admin_, domain::UserId{987654}, "Complaint", kCtx);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(unknown.error().field, "userId");
    const auto blank = retention_->PlaceHold(admin_, held_, "  ", kCtx);
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().field, "reason");
    EXPECT_TRUE(retention_->Holds(false).empty());

    const auto placed = retention_->PlaceHold(admin_, held_, "Complaint", kCtx);
    ASSERT_TRUE(placed);
    const auto again = retention_->PlaceHold(admin_, held_, "Another", kCtx);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    EXPECT_EQ(again.error().field, "userId");
    ASSERT_EQ(retention_->Holds(false).size(), 1U);
    EXPECT_EQ(retention_->ActiveHold(held_)->id, placed->id);

    const auto no_reason = retention_->ReleaseHold(admin_, placed->id, "", kCtx);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().field, "reason");
    EXPECT_TRUE(retention_->ActiveHold(held_));
    ASSERT_TRUE(retention_->ReleaseHold(admin_, placed->id, "Resolved", kCtx));
    const auto twice = retention_->ReleaseHold(admin_, placed->id, "Resolved", kCtx);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(retention_->ActiveHold(held_));
    EXPECT_TRUE(retention_->Holds(false).empty());
    ASSERT_EQ(retention_->Holds(true).size(), 1U);

    // Released, a customer may be held again.
    ASSERT_TRUE(retention_->PlaceHold(admin_, held_, "New complaint", kCtx));
    EXPECT_EQ(retention_->Holds(true).size(), 2U);

    const auto entries = env_->audit->ListRecent(10, 0);
    std::vector<std::string> actions;
    for (const auto& e : entries) {
        if (e.action.starts_with("legal_hold.")) {
            actions.push_back(e.action);
            EXPECT_EQ(e.subject_id, held_.ToString());
            EXPECT_EQ(e.actor.agent_id, admin_.id);
        }
    }
    EXPECT_EQ(
        actions,
        (std::vector<std::string>{"legal_hold.placed", "legal_hold.released", "legal_hold.placed"})
    );
}

TEST_P(RetentionTest, TheJobRunsOncePerUkDayAcrossInstances) {
    const Timestamp start = clock_.Now();  // Wednesday 11:00 UTC
    Seed(free_, start, "free");
    clock_.Set(start + days{100});
    const auto other = MakeService("instance-b");
    const auto first = retention_->ApplyDue();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->Total(), 9);
    // The same UK day, on either instance: already done.
    EXPECT_FALSE(retention_->ApplyDue());
    EXPECT_FALSE(other->ApplyDue());
    clock_.Advance(hours{12});  // 23:00 UK time: still that day
    EXPECT_FALSE(other->ApplyDue());
    clock_.Advance(hours{2});  // the next UK day
    const auto next = other->ApplyDue();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->Total(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    RetentionTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
