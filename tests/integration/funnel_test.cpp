// The conversion funnel's facts on real databases: discovery's writes record each queue entry
// once (a trigger on leads), a customer who signs and moves on gets a new entry and a conversion
// of the old episode, and the store reads the entries of a range with the calls and links of
// their customers, each entry's window ended by the next.
#include "dialler/app/funnel.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/sql_funnel_store.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/app/analytics.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class FunnelTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 60);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        start_ = clock_.Now();
        ASSERT_TRUE(env_->discovery->RunFull());
        store_ = std::make_unique<adapters::sql::SqlFunnelStore>(*env_->db);
    }

    long long Count(const std::string& sql) const {
        long long n = -1;
        env_->db->Read([&](soci::session& s) { s << sql, soci::into(n); });
        return n;
    }

    // An unsigned lead whose customer has documents outstanding: once they sign, they move on
    // to the outstanding queue.
    std::optional<app::Lead> UnsignedWithDocumentsOwed() const {
        for (const app::Lead& lead :
             env_->leads->LeadsInRange(domain::UserId{1}, domain::UserId{60})) {
            if (lead.queue != domain::Queue::kUnsigned) {
                continue;
            }
            const auto inspected = env_->inspection->Inspect(lead.user_id);
            if (inspected && inspected->evaluation.eligibility.outstanding_requirements > 0) {
                return lead;
            }
        }
        return std::nullopt;
    }

    void Call(domain::UserId user, Timestamp at, bool answered) {
        app::CallSession c;
        c.user_id = user;
        c.agent_id = domain::AgentId{7};
        c.phone_e164 = "+447700900123";
        c.state.created_at = at;
        const app::CallSession made = env_->call_sessions->Create(c);
        if (answered) {
            domain::CallState next = made.state;
            next.status = domain::CallStatus::kInProgress;
            next.last_sequence = 1;
            next.answered_at = at + minutes{1};
            ASSERT_TRUE(
                env_->call_sessions->UpdateState(made.id, made.state, next, std::nullopt, at)
            );
        }
    }

    void Link(domain::UserId user, Timestamp at, bool opened) {
        const std::string t = std::to_string(adapters::sql::Ms(at));
        env_->db->AutoCommit([&](soci::session& s) {
            s << "INSERT INTO magic_links (user_id, link_type, token_hash, created_at, expires_at, "
                 "first_opened_at) VALUES (" +
                     user.ToString() + ", 'documentUpload', 'hash-" + t + "', " + t + ", " + t +
                     ", " + (opened ? t : std::string("NULL")) + ")";
        });
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    std::unique_ptr<adapters::sql::SqlFunnelStore> store_;
    Timestamp start_;
};

TEST_P(FunnelTest, DiscoveryRecordsEachEntryOnceWhenItWritesTheLead) {
    const long long in_queue = Count("SELECT COUNT(*) FROM leads WHERE queue IS NOT NULL");
    ASSERT_GT(in_queue, 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM queue_entries"), in_queue);
    // Entered when discovery wrote them; the episode is the lead's own.
    EXPECT_EQ(
        Count(
            "SELECT COUNT(*) FROM queue_entries e JOIN leads l ON l.user_id = e.user_id AND "
            "l.queue = e.queue AND l.waiting_since = e.episode WHERE e.entered_at = " +
            std::to_string(adapters::sql::Ms(start_))
        ),
        in_queue
    );
    // A later run that changes nothing (or only scores) records nothing.
    clock_.Advance(hours{30});
    ASSERT_TRUE(env_->discovery->RunFull());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM queue_entries"), in_queue);
}

TEST_P(FunnelTest, ACustomerWhoSignsConvertsTheOldEpisodeAndEntersTheNextQueue) {
    const auto lead = UnsignedWithDocumentsOwed();
    ASSERT_TRUE(lead);
    const domain::UserId user = lead->user_id;
    Call(user, start_ + hours{1}, false);
    Call(user, start_ + hours{2}, true);
    Link(user, start_ + hours{3}, true);
    clock_.Advance(hours{5});
    const Timestamp signed_at = clock_.Now();
    env_->OnReplica(
        "UPDATE users SET current_signature_file_id = 'sig-1' WHERE id = " + user.ToString()
    );
    ASSERT_TRUE(env_->discovery->RunFull());
    const auto after = env_->leads->FindLead(user);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->queue, domain::Queue::kOutstanding);
    Call(user, signed_at + hours{1}, false);  // the outstanding entry's

    app::FunnelFacts facts = store_->Facts(start_, start_ + hours{24}, 1000);
    facts.conversions = env_->runs->ConversionsSince(start_, 100);
    std::vector<app::QueueEntry> own;
    for (const app::QueueEntry& e : facts.entries) {
        if (e.user_id == user) {
            own.push_back(e);
        }
    }
    ASSERT_EQ(own.size(), 2U);
    EXPECT_EQ(own[0].queue, domain::Queue::kUnsigned);
    EXPECT_EQ(own[0].entered_at, start_);
    EXPECT_EQ(own[0].episode, lead->waiting_since);
    EXPECT_EQ(own[0].next_entry_at, signed_at);
    EXPECT_EQ(own[1].queue, domain::Queue::kOutstanding);
    EXPECT_EQ(own[1].entered_at, signed_at);
    EXPECT_FALSE(own[1].next_entry_at);
    EXPECT_EQ(facts.calls.size(), 3U);  // only this customer was called
    EXPECT_EQ(facts.links.size(), 1U);
    ASSERT_EQ(facts.conversions.size(), 1U);

    // Only this customer's entries, for the figures to be counted by hand.
    facts.entries = own;
    const auto funnel = app::BuildFunnel(facts);
    EXPECT_EQ(funnel[0].entered, 1);
    EXPECT_EQ(funnel[0].called, 1);
    EXPECT_EQ(funnel[0].contacted, 1);
    EXPECT_EQ(funnel[0].link_sent, 1);
    EXPECT_EQ(funnel[0].link_opened, 1);
    EXPECT_EQ(funnel[0].converted, 1);
    EXPECT_DOUBLE_EQ(*funnel[0].median_seconds_to_first_call, 3600);
    EXPECT_EQ(funnel[1].entered, 1);
    EXPECT_EQ(funnel[1].called, 1);
    EXPECT_EQ(funnel[1].contacted, 0);
    EXPECT_EQ(funnel[1].link_sent, 0);
    EXPECT_EQ(funnel[1].converted, 0);
}

TEST_P(FunnelTest, AnEmptyRangeHasNoEntriesAndReadsNoCalls) {
    Call(domain::UserId{1}, start_ + hours{1}, true);
    const auto facts = store_->Facts(start_ + hours{1}, start_ + hours{48}, 1000);
    EXPECT_TRUE(facts.entries.empty());
    EXPECT_TRUE(facts.calls.empty());  // customer 1 entered no queue in it
    EXPECT_TRUE(facts.links.empty());
}

// The raw calls file's walk (GET /api/analytics/calls.csv): page after page, every call of the
// range once, newest first, even where many calls share a start time.
TEST_P(FunnelTest, TheCallsWalkVisitsEveryCallOfTheRangeOnceAcrossPages) {
    app::AnalyticsService analytics(app::AnalyticsService::Ports{
        *env_->agents, *env_->agent_statuses, *env_->call_sessions, *env_->runs, *store_, clock_});
    const int n = 2 * app::AnalyticsService::kCallPage + 3;
    for (int i = 0; i < n; ++i) {
        Call(domain::UserId{1 + i % 50}, start_ + minutes{i / 7}, i % 3 == 0);
    }
    const auto today = std::chrono::year_month_day{app::UkDayHourOf(start_).day};
    Call(domain::UserId{1}, start_ - std::chrono::days{1}, false);  // the day before
    Call(domain::UserId{1}, start_ + std::chrono::days{1}, false);  // the day after
    const auto range = app::AnalyticsService::Range(today, today);
    ASSERT_TRUE(range);

    std::set<std::int64_t> seen;
    int visited = 0;
    std::optional<Timestamp> previous;
    analytics.ForEachCall(*range, [&](const app::CallSession& c) {
        ++visited;
        seen.insert(c.id);
        EXPECT_TRUE(!previous || c.state.created_at <= *previous);
        previous = c.state.created_at;
        return true;
    });
    EXPECT_EQ(visited, n);
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(n));

    int taken = 0;  // the client went away after ten
    analytics.ForEachCall(*range, [&taken](const app::CallSession&) { return ++taken < 10; });
    EXPECT_EQ(taken, 10);
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    FunnelTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
