// The audit log's hash chain on real databases: entries are sealed a run after they are first
// seen, verification passes on an untouched log, and an entry edited, deleted or slipped in
// after sealing (by someone who lifted the append-only trigger) breaks the chain at that entry.
#include "dialler/app/audit_chain.hpp"

#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/sql/sql_audit_chain.hpp"
#include "dialler/app/audit_search.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

class AuditChainTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 10);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        chain_ = std::make_unique<adapters::sql::SqlAuditChain>(*env_->db);
        sealer_ = std::make_unique<app::AuditSealer>(*chain_, tokens_, clock_);
    }

    void Audit(int n) {
        for (int i = 0; i < n; ++i) {
            env_->audit->Append(app::AuditEntry{
                0,
                clock_.Now(),
                app::Actor::System(),
                "test.happened",
                "customer",
                std::to_string(i),
                {{"n", std::to_string(i)}},
                "req-" + std::to_string(i)});
        }
    }

    // What an operator with the power to lift the append-only trigger could do.
    void Tamper(const std::string& sql) const {
        const bool postgres = GetParam() == "Postgres";
        env_->db->AutoCommit([&](soci::session& s) {
            s
                << (postgres ? "ALTER TABLE audit_log DISABLE TRIGGER USER"
                             : "DROP TRIGGER IF EXISTS audit_log_no_update");
            if (!postgres) {
                s << "DROP TRIGGER IF EXISTS audit_log_no_delete";
            }
            s << sql;
        });
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    adapters::crypto::SodiumTokenService tokens_;
    std::unique_ptr<adapters::sql::SqlAuditChain> chain_;
    std::unique_ptr<app::AuditSealer> sealer_;
};

TEST_P(AuditChainTest, SealsARunAfterSeeingAndVerifiesAnUntouchedLog) {
    Audit(5);
    EXPECT_EQ(sealer_->SealPending(), 0);  // first seen: sealed next run
    Audit(2);
    EXPECT_EQ(sealer_->SealPending(), 5);
    EXPECT_EQ(sealer_->SealPending(), 2);
    EXPECT_EQ(sealer_->SealPending(), 0);
    Audit(1);
    auto v = sealer_->Verify();
    EXPECT_TRUE(v.intact) << v.problem;
    EXPECT_EQ(v.sealed, 7);
    EXPECT_EQ(v.unsealed, 1);
    // A second sealer (another instance) that lost the race adds nothing twice.
    app::AuditSealer other(*chain_, tokens_, clock_);
    EXPECT_EQ(other.SealPending(true), 1);
    EXPECT_EQ(sealer_->SealPending(true), 0);
    v = sealer_->Verify();
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.sealed, 8);
    EXPECT_EQ(v.unsealed, 0);
    // The seals themselves are append-only.
    EXPECT_ANY_THROW(env_->db->AutoCommit([](soci::session& s) { s << "DELETE FROM audit_seals"; })
    );
}

TEST_P(AuditChainTest, AnEntryEditedAfterSealingBreaksTheChainThere) {
    Audit(6);
    ASSERT_EQ(sealer_->SealPending(true), 6);
    const auto rows = chain_->RowsAfter(0, 10);
    Tamper(
        "UPDATE audit_log SET subject_id = 'someone-else' WHERE id = " + std::to_string(rows[3].id)
    );
    const auto v = sealer_->Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, rows[3].id);
    EXPECT_EQ(v.problem, "changed");
    EXPECT_EQ(v.sealed, 3);
}

TEST_P(AuditChainTest, AnEntryDeletedAfterSealingBreaksTheChainThere) {
    Audit(4);
    ASSERT_EQ(sealer_->SealPending(true), 4);
    const auto rows = chain_->RowsAfter(0, 10);
    Tamper("DELETE FROM audit_log WHERE id = " + std::to_string(rows[1].id));
    auto v = sealer_->Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, rows[1].id);
    EXPECT_EQ(v.problem, "deleted");
    // The newest one too: nothing after it hides the gap.
    Tamper("DELETE FROM audit_log WHERE id = " + std::to_string(rows[3].id));
    v = sealer_->Verify();
    EXPECT_EQ(v.broken_at, rows[1].id);
}

TEST_P(AuditChainTest, TheLastEntryDeletedIsFoundToo) {
    Audit(3);
    ASSERT_EQ(sealer_->SealPending(true), 3);
    const auto rows = chain_->RowsAfter(0, 10);
    Tamper("DELETE FROM audit_log WHERE id = " + std::to_string(rows[2].id));
    const auto v = sealer_->Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, rows[2].id);
    EXPECT_EQ(v.problem, "deleted");
}

TEST_P(AuditChainTest, TheViewerFindsEntriesByWhoWhatCustomerAndTimeAPageAtATime) {
    const domain::Agent ann = env_->AddAgent("ann@test.local", domain::Role::kSupervisor);
    const domain::Agent bob = env_->AddAgent("bob@test.local");
    const Timestamp t0 = clock_.Now();
    const auto add = [&](const domain::Agent& who,
                         std::string action,
                         std::string type,
                         std::string id,
                         std::vector<std::pair<std::string, std::string>> details) {
        env_->audit->Append(app::AuditEntry{
            0,
            clock_.Now(),
            app::Actor::OfAgent(who.id),
            std::move(action),
            std::move(type),
            std::move(id),
            std::move(details),
            "req"});
        clock_.Advance(std::chrono::minutes{1});
    };
    add(ann, "customer.viewed", "customer", "42", {});
    add(bob, "call.started", "call_session", "7", {{"userId", "42"}});
    add(bob, "call.recording_played", "call_session", "7", {{"userId", "43"}});
    add(ann, "callxrecording_played", "call_session", "8", {});  // '_' and '.' are literal
    add(ann, "sms.sent", "customer", "not-a-number", {});

    app::AuditViewer viewer(*env_->audit, *env_->audit, clock_);
    const auto actions = [&](app::AuditFilter f) {
        std::vector<std::string> out;
        auto page = viewer.Search(ann, std::move(f), {"r", "127.0.0.1"});
        EXPECT_TRUE(page);
        for (const auto& v : page->entries) {
            out.push_back(v.entry.action);
        }
        return out;
    };
    using V = std::vector<std::string>;
    app::AuditFilter f;
    f.user_id = domain::UserId{42};
    EXPECT_EQ(actions(f), (V{"call.started", "customer.viewed"}));
    f = {};
    f.agent_id = bob.id;
    EXPECT_EQ(actions(f), (V{"call.recording_played", "call.started"}));
    f = {};
    f.action = "call.recording_played";
    EXPECT_EQ(actions(f), (V{"call.recording_played"}));
    f.action = "call.";
    EXPECT_EQ(actions(f), (V{"call.recording_played", "call.started"}));
    f = {};
    f.from = t0 + std::chrono::minutes{1};
    f.to = t0 + std::chrono::minutes{3};
    f.action = "call.";
    EXPECT_EQ(actions(f), (V{"call.recording_played", "call.started"}));

    // Paging: one at a time, whether there is more, then below the last id.
    f = {};
    f.agent_id = bob.id;
    f.limit = 1;
    auto page = viewer.Search(ann, f, {});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->entries.size(), 1U);
    EXPECT_TRUE(page->has_more);
    f.before_id = page->entries[0].entry.id;
    page = viewer.Search(ann, f, {});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->entries[0].entry.action, "call.started");
    EXPECT_EQ(page->entries[0].user_id, domain::UserId{42});
    EXPECT_FALSE(page->has_more);

    // A malformed action is refused and nothing is audited for it; a search is audited.
    const auto searched = [&] {
        app::AuditFilter mine;
        mine.action = "audit.searched";
        mine.limit = 200;
        return env_->audit->Search(mine).size();
    };
    const auto before = searched();
    for (const char* bad : {"call%", "Call.started", ".call", "call started"}) {
        app::AuditFilter wrong;
        wrong.action = bad;
        const auto refused = viewer.Search(ann, wrong, {});
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().field, "action");
    }
    EXPECT_EQ(searched(), before);
    ASSERT_TRUE(viewer.Search(ann, {}, {}));
    EXPECT_EQ(searched(), before + 1);
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    AuditChainTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
