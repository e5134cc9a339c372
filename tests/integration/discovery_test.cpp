// Discovery against real databases: a generated replica full of edge cases (SQLite and MariaDB)
// into the own database (SQLite and PostgreSQL).
#include <algorithm>
#include <map>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

const Timestamp kNow = testing::QueueTestNow();

class DiscoveryTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {
protected:
    std::unique_ptr<testing::QueueEnv> Make(int users) {
        const auto& [replica, own] = GetParam();
        const std::string replica_url =
            replica == "Mysql" ? testing::NewMysqlDatabase() : dir_.SqliteUrl("replica.db");
        testing::WriteTestReplica(replica_url, users);
        return std::make_unique<testing::QueueEnv>(
            replica_url,
            own == "Postgres" ? testing::NewPostgresDatabase() : dir_.SqliteUrl("own.db"),
            clock_
        );
    }
    testing::TempDir dir_;
    testing::ManualClock clock_{kNow};
};

TEST_P(DiscoveryTest, BulkRunAgreesWithThePerCustomerEvaluation) {
    auto env = Make(700);
    const auto run = env->discovery->RunFull();
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, "succeeded");
    EXPECT_EQ(run->customers_read, 700);
    EXPECT_GT(run->leads_in_queue, 100);
    EXPECT_LT(run->leads_in_queue, 600);

    const auto stored = env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{700});
    ASSERT_EQ(stored.size(), 700U);
    std::map<std::string, int> seen_reasons;
    for (const app::Lead& lead : stored) {
        const auto inspected = env->inspection->Inspect(lead.user_id);
        ASSERT_TRUE(inspected) << lead.user_id.ToString();
        const auto& fresh = inspected->evaluation;
        EXPECT_EQ(lead.queue, fresh.eligibility.queue) << lead.user_id.ToString();
        EXPECT_EQ(lead.reasons, fresh.lead.reasons) << lead.user_id.ToString();
        EXPECT_EQ(lead.score, fresh.lead.score) << lead.user_id.ToString();
        EXPECT_EQ(lead.history_key, fresh.lead.history_key) << lead.user_id.ToString();
        EXPECT_EQ(lead.phone.has_value(), fresh.phone.has_value()) << lead.user_id.ToString();
        ++seen_reasons[lead.reasons];
    }
    // A second run over an unchanged replica writes nothing: every lead is already right.
    const auto again = env->discovery->RunFull();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->leads_written, 0);
    EXPECT_EQ(again->unchanged, 700);
    // The generated replica exercises every way out of the queues.
    for (const char* reason :
         {"unsigned", "outstanding_requirements", "no_valid_phone", "nothing_outstanding"}) {
        EXPECT_GT(seen_reasons[reason], 0) << reason;
    }
}

TEST_P(DiscoveryTest, NeverQueuesSuppressedCustomersAndLeavesLeasedLeadsAlone) {
    auto env = Make(300);
    ASSERT_TRUE(env->discovery->RunFull());
    const auto queued = [&] {
        std::vector<app::Lead> out;
        for (auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{300})) {
            if (l.queue) {
                out.push_back(l);
            }
        }
        return out;
    }();
    ASSERT_GE(queued.size(), 3U);
    const app::Lead by_user = queued[0];
    const app::Lead by_phone = queued[1];
    const app::Lead held = queued[2];
    env->suppressions->Add(app::Suppression{
        0,
        by_user.user_id,
        std::nullopt,
        app::SuppressionChannel::kAll,
        "asked",
        "admin",
        app::Actor::Cli(),
        kNow,
        {},
        {},
        {}});
    env->suppressions->Add(app::Suppression{
        0,
        std::nullopt,
        by_phone.phone->e164,
        app::SuppressionChannel::kCall,
        "asked",
        "admin",
        app::Actor::Cli(),
        kNow,
        {},
        {},
        {}});
    env->db->Write([&](soci::session& s) {
        s << "UPDATE leads SET lease_agent_id = 1, lease_expires_at = " +
                 std::to_string((kNow + std::chrono::minutes{10}).time_since_epoch().count()) +
                 " WHERE user_id = " + held.user_id.ToString();
    });
    // The held customer signs on the platform while an agent has them on screen.
    env->OnReplica(
        "UPDATE users SET current_signature_file_id = 'sig-x' WHERE id = " + held.user_id.ToString()
    );

    env->clock.Advance(std::chrono::minutes{1});
    const auto run = env->discovery->RunFull();
    ASSERT_TRUE(run);
    EXPECT_EQ(run->skipped_leased, 1);
    EXPECT_FALSE(env->leads->FindLead(by_user.user_id)->queue);
    EXPECT_FALSE(env->leads->FindLead(by_phone.user_id)->queue);
    const auto still_held = env->leads->FindLead(held.user_id);
    EXPECT_EQ(still_held->queue, held.queue);
    EXPECT_EQ(still_held->evaluated_at, held.evaluated_at);
    EXPECT_EQ(still_held->lease_agent_id, domain::AgentId{1});
}

TEST_P(DiscoveryTest, IncrementalRunPicksUpChangesAndRecordsConversions) {
    auto env = Make(300);
    ASSERT_TRUE(env->discovery->RunFull());
    std::optional<app::Lead> unsigned_lead;
    for (auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{300})) {
        if (l.queue == domain::Queue::kUnsigned) {
            unsigned_lead = l;
            break;
        }
    }
    ASSERT_TRUE(unsigned_lead);
    env->contacts->Record(app::ContactAttempt{
        0,
        unsigned_lead->user_id,
        domain::Channel::kCall,
        domain::AgentId{42},
        unsigned_lead->phone->e164,
        kNow});
    // The customer signs now; the platform stamps updated_at with its (UTC) clock.
    env->OnReplica(
        "UPDATE users SET current_signature_file_id = 'sig-1', updated_at = '2026-11-04 11:30:00' "
        "WHERE id = " +
        unsigned_lead->user_id.ToString()
    );
    env->clock.Advance(std::chrono::hours{1});
    const auto run = env->discovery->RunIncremental();
    ASSERT_TRUE(run);
    EXPECT_EQ(run->kind, "incremental");
    // The changed customer, plus whatever the watermark overlap re-reads: far fewer than all.
    EXPECT_GE(run->customers_read, 1);
    EXPECT_LT(run->customers_read, 30);
    EXPECT_EQ(run->conversions, 1);
    const auto after = env->leads->FindLead(unsigned_lead->user_id);
    EXPECT_NE(after->queue, domain::Queue::kUnsigned);
    const auto conversions = env->runs->ConversionsSince(kNow, 10);
    ASSERT_EQ(conversions.size(), 1U);
    EXPECT_EQ(conversions[0].kind, "signed");
    EXPECT_EQ(conversions[0].agents, std::vector<domain::AgentId>{domain::AgentId{42}});

    // Nothing changed since: the next incremental run reads nothing new (only the overlap).
    env->clock.Advance(std::chrono::hours{1});
    const auto again = env->discovery->RunIncremental();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->conversions, 0);
}

TEST_P(DiscoveryTest, RefusesToRunTwiceAtOnce) {
    auto env = Make(20);
    ASSERT_TRUE(env->job_leases->TryAcquire(
        "discovery", "other-instance", kNow, kNow + std::chrono::minutes{5}
    ));
    const auto run = env->discovery->RunFull();
    ASSERT_FALSE(run);
    EXPECT_EQ(run.error().code, ErrorCode::kFailedPrecondition);
    env->clock.Advance(std::chrono::minutes{6});  // the other instance died; its lease expired
    EXPECT_TRUE(env->discovery->RunFull());
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    DiscoveryTest,
    ::testing::Values(
        std::pair<std::string, std::string>{"Sqlite", "Sqlite"},
        std::pair<std::string, std::string>{"Mysql", "Postgres"}
    ),
    [](const auto& param_info) { return param_info.param.first + "To" + param_info.param.second; }
);

}  // namespace
}  // namespace dialler
