// The contract every implementation of the storage ports must meet: the in-memory fakes that unit
// tests use, and the SQL adapters on SQLite and PostgreSQL. A fake that passes here can be trusted
// in unit tests.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/migrator.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_stores.hpp"

#include "fakes.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::minutes;
const Timestamp kT0{std::chrono::milliseconds{1'800'000'000'000}};

struct Stores {
    virtual ~Stores() = default;
    virtual app::AgentStore& agents() = 0;
    virtual app::SessionStore& sessions() = 0;
    virtual app::AuditLog& audit() = 0;
    virtual app::LoginThrottleStore& throttle() = 0;
    virtual app::SettingsStore& settings() = 0;
};

struct MemoryStores final : Stores {
    testing::InMemoryAgentStore a;
    testing::InMemorySessionStore s;
    testing::InMemoryAuditLog l;
    testing::InMemoryLoginThrottleStore t;
    testing::InMemorySettingsStore k;
    app::SettingsStore& settings() override { return k; }
    app::AgentStore& agents() override { return a; }
    app::SessionStore& sessions() override { return s; }
    app::AuditLog& audit() override { return l; }
    app::LoginThrottleStore& throttle() override { return t; }
};

struct SqlStores final : Stores {
    explicit SqlStores(const std::string& url)
        : db(adapters::sql::SqlDatabase::Open(*platform::ParseDatabaseUrl(url, "url"), 2)),
          a(*db),
          s(*db),
          l(*db),
          t(*db) {
        adapters::sql::Migrator(*db).Apply(kT0);
    }
    std::unique_ptr<adapters::sql::SqlDatabase> db;
    adapters::sql::SqlAgentStore a;
    adapters::sql::SqlSessionStore s;
    adapters::sql::SqlAuditLog l;
    adapters::sql::SqlLoginThrottleStore t;
    adapters::sql::SqlSettingsStore k{*db};
    app::SettingsStore& settings() override { return k; }
    app::AgentStore& agents() override { return a; }
    app::SessionStore& sessions() override { return s; }
    app::AuditLog& audit() override { return l; }
    app::LoginThrottleStore& throttle() override { return t; }
};

struct InMemory {
    static std::unique_ptr<Stores> Make() { return std::make_unique<MemoryStores>(); }
};
struct Sqlite {
    static std::unique_ptr<Stores> Make() {
        static testing::TempDir dir;
        static int n = 0;
        return std::make_unique<SqlStores>(dir.SqliteUrl("own-" + std::to_string(n++) + ".db"));
    }
};
struct Postgres {
    static std::unique_ptr<Stores> Make() {
        return std::make_unique<SqlStores>(testing::NewPostgresDatabase());
    }
};

template <typename Impl>
class StoreContract : public ::testing::Test {
protected:
    std::unique_ptr<Stores> stores_ = Impl::Make();

    domain::Agent AddAgent(const std::string& email) {
        auto r = stores_->agents().Create(
            app::NewAgent{
                email, "Name", domain::Role::kAgent, {domain::Queue::kUnsigned}, "hash-1", "", {}},
            kT0
        );
        EXPECT_TRUE(r);
        return *r;
    }
    app::LoginSession AddSession(domain::AgentId agent, const std::string& token_hash) {
        return stores_->sessions().Create(app::LoginSession{
            {}, agent, token_hash, "csrf", kT0, kT0, std::nullopt});
    }
};

using Implementations = ::testing::Types<InMemory, Sqlite, Postgres>;
class ImplNames {
public:
    template <typename T>
    static std::string GetName(int) {
        if (std::is_same_v<T, InMemory>) {
            return "InMemory";
        }
        return std::is_same_v<T, Sqlite> ? "Sqlite" : "Postgres";
    }
};
TYPED_TEST_SUITE(StoreContract, Implementations, ImplNames);

TYPED_TEST(StoreContract, AgentRoundTripsByEmailAndId) {
    const domain::Agent a = this->AddAgent("a@example.com");
    const auto by_email = this->stores_->agents().FindByEmail("a@example.com");
    ASSERT_TRUE(by_email);
    EXPECT_EQ(by_email->agent.id, a.id);
    EXPECT_EQ(by_email->password_hash, "hash-1");
    EXPECT_EQ(by_email->agent.queues, std::vector<domain::Queue>{domain::Queue::kUnsigned});
    EXPECT_EQ(by_email->agent.created_at, kT0);
    EXPECT_TRUE(by_email->agent.is_active);
    const auto by_id = this->stores_->agents().FindById(a.id);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->email, "a@example.com");
    EXPECT_FALSE(this->stores_->agents().FindByEmail("b@example.com"));
    EXPECT_FALSE(this->stores_->agents().FindById(domain::AgentId{a.id.Value() + 100}));
}

TYPED_TEST(StoreContract, AgentEmailIsUnique) {
    this->AddAgent("a@example.com");
    const auto again = this->stores_->agents().Create(
        app::NewAgent{"a@example.com", "Other", domain::Role::kAdmin, {}, "h", "", {}}, kT0
    );
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    EXPECT_EQ(this->stores_->agents().List().size(), 1U);
}

TYPED_TEST(StoreContract, AgentListIsOrderedById) {
    const auto b = this->AddAgent("b@example.com");
    const auto a = this->AddAgent("a@example.com");
    const auto all = this->stores_->agents().List();
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].id, b.id);
    EXPECT_EQ(all[1].id, a.id);
}

TYPED_TEST(StoreContract, AgentPasswordAndActiveFlagUpdate) {
    const auto a = this->AddAgent("a@example.com");
    EXPECT_TRUE(this->stores_->agents().UpdatePassword(a.id, "hash-2", kT0 + minutes{1}));
    EXPECT_TRUE(this->stores_->agents().SetActive(a.id, false, kT0 + minutes{2}));
    const auto got = this->stores_->agents().FindByEmail("a@example.com");
    EXPECT_EQ(got->password_hash, "hash-2");
    EXPECT_EQ(got->agent.password_changed_at, kT0 + minutes{1});
    EXPECT_FALSE(got->agent.is_active);
    EXPECT_EQ(got->agent.updated_at, kT0 + minutes{2});
    EXPECT_FALSE(this->stores_->agents().UpdatePassword(domain::AgentId{a.id.Value() + 9}, "x", kT0)
    );
    EXPECT_FALSE(this->stores_->agents().SetActive(domain::AgentId{a.id.Value() + 9}, true, kT0));
}

TYPED_TEST(StoreContract, AgentProfileUpdateChangesNameRoleQueuesAndTeam) {
    const auto a = this->AddAgent("a@example.com");
    EXPECT_EQ(a.team, "");
    const app::AgentProfile profile{
        "Ann Other", domain::Role::kSupervisor, {domain::Queue::kCallbacks}, "North"};
    EXPECT_TRUE(this->stores_->agents().UpdateProfile(a.id, profile, kT0 + minutes{3}));
    const auto got = this->stores_->agents().FindById(a.id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->display_name, "Ann Other");
    EXPECT_EQ(got->role, domain::Role::kSupervisor);
    EXPECT_EQ(got->queues, std::vector<domain::Queue>{domain::Queue::kCallbacks});
    EXPECT_EQ(got->team, "North");
    EXPECT_EQ(got->updated_at, kT0 + minutes{3});
    EXPECT_EQ(got->email, "a@example.com");  // never changed this way
    EXPECT_EQ(this->stores_->agents().List().front().team, "North");
    EXPECT_FALSE(
        this->stores_->agents().UpdateProfile(domain::AgentId{a.id.Value() + 9}, profile, kT0)
    );
}

TYPED_TEST(StoreContract, SessionRoundTripsByTokenHash) {
    const auto a = this->AddAgent("a@example.com");
    const auto s = this->AddSession(a.id, "fp-1");
    const auto found = this->stores_->sessions().FindByTokenHash("fp-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, s.id);
    EXPECT_EQ(found->agent_id, a.id);
    EXPECT_EQ(found->csrf_token, "csrf");
    EXPECT_EQ(found->created_at, kT0);
    EXPECT_FALSE(found->revoked_at);
    EXPECT_FALSE(this->stores_->sessions().FindByTokenHash("fp-2"));
}

TYPED_TEST(StoreContract, SessionTouchOnlyMovesForward) {
    const auto a = this->AddAgent("a@example.com");
    const auto s = this->AddSession(a.id, "fp-1");
    this->stores_->sessions().Touch(s.id, kT0 + minutes{5});
    this->stores_->sessions().Touch(s.id, kT0 + minutes{3});
    EXPECT_EQ(this->stores_->sessions().FindByTokenHash("fp-1")->last_seen_at, kT0 + minutes{5});
}

TYPED_TEST(StoreContract, SessionRevokeKeepsTheFirstTime) {
    const auto a = this->AddAgent("a@example.com");
    const auto s = this->AddSession(a.id, "fp-1");
    this->stores_->sessions().Revoke(s.id, kT0 + minutes{1});
    this->stores_->sessions().Revoke(s.id, kT0 + minutes{2});
    EXPECT_EQ(this->stores_->sessions().FindByTokenHash("fp-1")->revoked_at, kT0 + minutes{1});
}

TYPED_TEST(StoreContract, RevokeAllForAgentCountsOnlyThatAgentsLiveSessions) {
    const auto a = this->AddAgent("a@example.com");
    const auto b = this->AddAgent("b@example.com");
    const auto s1 = this->AddSession(a.id, "fp-1");
    this->AddSession(a.id, "fp-2");
    this->AddSession(b.id, "fp-3");
    this->stores_->sessions().Revoke(s1.id, kT0);
    EXPECT_EQ(this->stores_->sessions().RevokeAllForAgent(a.id, kT0 + minutes{1}), 1);
    EXPECT_TRUE(this->stores_->sessions().FindByTokenHash("fp-2")->revoked_at);
    EXPECT_FALSE(this->stores_->sessions().FindByTokenHash("fp-3")->revoked_at);
}

TYPED_TEST(StoreContract, AgentsWithSessionsListsEachSignedInAgentOnce) {
    const auto a = this->AddAgent("a@example.com");
    const auto b = this->AddAgent("b@example.com");
    const auto c = this->AddAgent("c@example.com");
    const auto d = this->AddAgent("d@example.com");
    auto& sessions = this->stores_->sessions();
    this->AddSession(a.id, "fp-a1");
    const auto a2 = this->AddSession(a.id, "fp-a2");
    sessions.Touch(a2.id, kT0 + minutes{20});
    this->AddSession(b.id, "fp-b1");  // seen only at kT0: idle since
    const auto c1 = this->AddSession(c.id, "fp-c1");
    sessions.Touch(c1.id, kT0 + minutes{20});
    sessions.Revoke(c1.id, kT0 + minutes{21});  // logged out
    sessions.Create(app::LoginSession{
        {}, d.id, "fp-d1", "csrf", kT0 + minutes{1}, kT0 + minutes{20}, std::nullopt});

    // Seen after kT0 + 10 min: a (by its second session) and d, each once; b is idle.
    EXPECT_EQ(
        sessions.AgentsWithSessions(kT0 + minutes{10}, kT0 - minutes{1}),
        (std::vector<domain::AgentId>{a.id, d.id})
    );
    // Created after kT0: a's sessions (created at kT0) have reached their end; d's has not.
    EXPECT_EQ(
        sessions.AgentsWithSessions(kT0 + minutes{10}, kT0), (std::vector<domain::AgentId>{d.id})
    );
    // Seen after kT0 - 1 min: b's session too.
    EXPECT_EQ(
        sessions.AgentsWithSessions(kT0 - minutes{1}, kT0 - minutes{1}),
        (std::vector<domain::AgentId>{a.id, b.id, d.id})
    );
    EXPECT_TRUE(sessions.AgentsWithSessions(kT0 + minutes{20}, kT0 - minutes{1}).empty());
}

TYPED_TEST(StoreContract, AuditListsNewestFirstWithDetails) {
    for (int i = 0; i < 5; ++i) {
        this->stores_->audit().Append(app::AuditEntry{
            0,
            kT0 + minutes{i},
            i == 0 ? app::Actor::OfAgent(domain::AgentId{7}) : app::Actor::Cli(),
            "test.action" + std::to_string(i),
            "agent",
            std::to_string(i),
            {{"k", "v" + std::to_string(i)}, {"quote", "it's \"fine\""}},
            "rid-" + std::to_string(i),
        });
    }
    const auto recent = this->stores_->audit().ListRecent(3, 0);
    ASSERT_EQ(recent.size(), 3U);
    EXPECT_EQ(recent[0].action, "test.action4");
    EXPECT_EQ(recent[2].action, "test.action2");
    EXPECT_EQ(recent[0].actor.kind, app::Actor::Kind::kCli);
    EXPECT_EQ(recent[0].request_id, "rid-4");
    const auto older = this->stores_->audit().ListRecent(10, recent[2].id);
    ASSERT_EQ(older.size(), 2U);
    EXPECT_EQ(older[1].action, "test.action0");
    EXPECT_EQ(older[1].actor.agent_id, domain::AgentId{7});
    EXPECT_EQ(older[1].at, kT0);
    ASSERT_EQ(older[1].details.size(), 2U);
    bool found_quote = false;
    for (const auto& [k, v] : older[1].details) {
        found_quote = found_quote || (k == "quote" && v == "it's \"fine\"");
    }
    EXPECT_TRUE(found_quote);
}

std::vector<app::ThrottleKey> Keys(const std::string& account, const std::string& address) {
    return {
        app::ThrottleKey{
            app::ThrottleScope::kAccount, account, domain::ThrottleRule{5, minutes{15}}},
        app::ThrottleKey{
            app::ThrottleScope::kAddress, address, domain::ThrottleRule{20, minutes{15}}},
    };
}

TYPED_TEST(StoreContract, ThrottleAttemptsCountPerScopeAndKeyAndCanBeWithdrawn) {
    auto& t = this->stores_->throttle();
    const Timestamp forget = kT0 - std::chrono::hours{24};
    const auto first = t.TryAttempt(Keys("a@example.com", "10.0.0.1"), kT0, forget);
    ASSERT_TRUE(first.allowed);
    ASSERT_EQ(first.ids.size(), 2U);
    ASSERT_TRUE(t.TryAttempt(Keys("a@example.com", "10.0.0.1"), kT0 + minutes{1}, forget).allowed);
    ASSERT_TRUE(t.TryAttempt(Keys("b@example.com", "10.0.0.1"), kT0, forget).allowed);
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAccount, "a@example.com", kT0).size(), 2U);
    EXPECT_EQ(
        t.FailuresSince(app::ThrottleScope::kAccount, "a@example.com", kT0 + minutes{1}),
        std::vector<Timestamp>{kT0 + minutes{1}}
    );
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAddress, "10.0.0.1", kT0).size(), 3U);

    t.Withdraw(first.ids);
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAccount, "a@example.com", kT0).size(), 1U);
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAddress, "10.0.0.1", kT0).size(), 2U);
    t.Clear(app::ThrottleScope::kAccount, "a@example.com");
    EXPECT_TRUE(t.FailuresSince(app::ThrottleScope::kAccount, "a@example.com", kT0).empty());
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAccount, "b@example.com", kT0).size(), 1U);
}

TYPED_TEST(StoreContract, ThrottleRefusesPastTheLimitAndRecordsNothing) {
    auto& t = this->stores_->throttle();
    const Timestamp forget = kT0 - std::chrono::hours{24};
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(
            t.TryAttempt(Keys("a@example.com", "10.0.0.1"), kT0 + minutes{i}, forget).allowed
        ) << i;
    }
    const auto refused = t.TryAttempt(Keys("a@example.com", "10.0.0.2"), kT0 + minutes{5}, forget);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.refused_by, app::ThrottleScope::kAccount);
    EXPECT_EQ(refused.retry_after, minutes{10});  // the oldest failure leaves the window
    EXPECT_TRUE(refused.ids.empty());
    // The refused attempt counted against neither key.
    EXPECT_TRUE(t.FailuresSince(app::ThrottleScope::kAddress, "10.0.0.2", kT0).empty());
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAccount, "a@example.com", kT0).size(), 5U);
    // Once the oldest failure ages out, one more attempt is let through.
    EXPECT_TRUE(t.TryAttempt(Keys("a@example.com", "10.0.0.2"), kT0 + minutes{15}, forget).allowed);
}

// The race a review found: 30 simultaneous wrong passwords for one account must not all reach
// the password check. Exactly the limit gets through, whatever the interleaving.
TYPED_TEST(StoreContract, ThrottleLetsExactlyTheLimitThroughARace) {
    auto& t = this->stores_->throttle();
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 30; ++i) {
        threads.emplace_back([&t, &allowed, i] {
            const auto r = t.TryAttempt(
                Keys("race@example.com", "10.0.1." + std::to_string(i)),
                kT0,
                kT0 - std::chrono::hours{24}
            );
            allowed += r.allowed ? 1 : 0;
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(allowed.load(), 5);
    EXPECT_EQ(t.FailuresSince(app::ThrottleScope::kAccount, "race@example.com", kT0).size(), 5U);
}

TYPED_TEST(StoreContract, SettingsInsertAndOverwriteKeys) {
    auto& k = this->stores_->settings();
    EXPECT_TRUE(k.Load().empty());
    k.Save({{"a.b", "1"}, {"c", "it's; \"x\""}}, app::Actor::Cli(), kT0);
    k.Save({{"a.b", "2"}}, app::Actor::OfAgent(domain::AgentId{3}), kT0 + minutes{1});
    const auto loaded = k.Load();
    EXPECT_EQ(loaded, (app::SettingsMap{{"a.b", "2"}, {"c", "it's; \"x\""}}));
}

TYPED_TEST(StoreContract, ThrottleForgetsOldFailures) {
    auto& t = this->stores_->throttle();
    ASSERT_TRUE(t.TryAttempt(Keys("a@example.com", "10.0.0.1"), kT0, kT0 - minutes{60}).allowed);
    ASSERT_TRUE(
        t.TryAttempt(Keys("b@example.com", "10.0.0.2"), kT0 + minutes{90}, kT0 + minutes{30})
            .allowed
    );
    EXPECT_TRUE(t.FailuresSince(app::ThrottleScope::kAddress, "10.0.0.1", kT0 - minutes{1}).empty()
    );
}

// Instances that share the own database share the limit: two pools on one SQLite file or one
// PostgreSQL database, 15 attempts through each, at once.
class ThrottleAcrossInstances : public ::testing::TestWithParam<std::string> {};

TEST_P(ThrottleAcrossInstances, LetExactlyTheLimitThroughARace) {
    static testing::TempDir dir;
    const std::string url = GetParam() == "sqlite" ? dir.SqliteUrl("shared-throttle.db")
                                                   : testing::NewPostgresDatabase();
    SqlStores one(url);
    SqlStores two(url);
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 30; ++i) {
        app::LoginThrottleStore& store = i % 2 == 0 ? one.throttle() : two.throttle();
        threads.emplace_back([&store, &allowed, i] {
            const auto r = store.TryAttempt(
                Keys("race@example.com", "10.0.2." + std::to_string(i)),
                kT0,
                kT0 - std::chrono::hours{24}
            );
            allowed += r.allowed ? 1 : 0;
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(allowed.load(), 5);
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    ThrottleAcrossInstances,
    ::testing::Values("sqlite", "postgres"),
    [](const ::testing::TestParamInfo<std::string>& p) { return p.param; }
);

}  // namespace
}  // namespace dialler
