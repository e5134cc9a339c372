// Machine agents' API keys on real databases: a key is shown once and only its hash is stored; it
// names the machine agent with its queues narrowed and its actions; a wrong, revoked or
// deactivated agent's key is refused; keys are only for active machine agents, with actions and
// queues the agent has; creation and revocation are audited without the key.
#include "dialler/app/api_keys.hpp"

#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/sql/sql_api_key_store.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::seconds;

const app::RequestContext kCtx{"test", "127.0.0.1"};

class ApiKeysTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 5);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        admin_ = env_->AddAgent("admin@test.local", domain::Role::kAdmin);
        human_ = env_->AddAgent("person@test.local");
        auto bot = env_->agents->Create(
            app::NewAgent{
                "bot@test.local",
                "Claims bot",
                domain::Role::kAgent,
                {domain::Queue::kUnsigned, domain::Queue::kOutstanding},
                "!no password",
                "",
                domain::AgentKind::kMachine},
            clock_.Now()
        );
        ASSERT_TRUE(bot);
        bot_ = *bot;
        store_ = std::make_unique<adapters::sql::SqlApiKeyStore>(*env_->db);
        keys_ = std::make_unique<app::ApiKeyService>(app::ApiKeyService::Ports{
            *store_, *env_->agents, tokens_, *env_->audit, clock_});
    }

    app::ApiKeyService::CreatedKey Create(
        std::vector<std::string> actions, std::vector<std::string> queues = {}
    ) {
        auto created = keys_->Create(admin_, bot_.id, actions, queues, kCtx);
        EXPECT_TRUE(created) << created.error().message;
        return *created;
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    adapters::crypto::SodiumTokenService tokens_;
    std::unique_ptr<adapters::sql::SqlApiKeyStore> store_;
    std::unique_ptr<app::ApiKeyService> keys_;
    domain::Agent admin_;
    domain::Agent human_;
    domain::Agent bot_;
};

TEST_P(ApiKeysTest, AKeyIsShownOnceStoredHashedAndNamesTheMachineAgent) {
    const auto created = Create({"next_lead", "sms"}, {"unsigned"});
    EXPECT_TRUE(created.secret.starts_with("rmc_"));
    EXPECT_EQ(created.key.prefix, created.secret.substr(0, 12));
    long long stored_as_is = -1;
    env_->db->Read([&](soci::session& s) {
        s << "SELECT COUNT(*) FROM api_keys WHERE key_hash = :k", soci::use(created.secret),
            soci::into(stored_as_is);
    });
    EXPECT_EQ(stored_as_is, 0);

    const auto caller = keys_->Authenticate(created.secret);
    ASSERT_TRUE(caller) << caller.error().message;
    EXPECT_EQ(caller->agent.id, bot_.id);
    EXPECT_EQ(caller->agent.kind, domain::AgentKind::kMachine);
    // The key narrows the agent's two queues to its one.
    EXPECT_EQ(caller->agent.queues, std::vector<domain::Queue>{domain::Queue::kUnsigned});
    EXPECT_TRUE(caller->actions.Contains(app::MachineAction::kNextLead));
    EXPECT_TRUE(caller->actions.Contains(app::MachineAction::kSms));
    EXPECT_FALSE(caller->actions.Contains(app::MachineAction::kOutcome));
    EXPECT_FALSE(caller->actions.Contains(app::MachineAction::kLink));

    // A key without queues works every queue of the agent.
    const auto wide = Create({"outcome"});
    EXPECT_EQ(keys_->Authenticate(wide.secret)->agent.queues, bot_.queues);

    const auto audited = env_->audit->ListRecent(10, 0);
    int created_entries = 0;
    for (const auto& e : audited) {
        if (e.action == "api_key.created") {
            ++created_entries;
            EXPECT_EQ(e.subject_id, bot_.id.ToString());
            for (const auto& [k, v] : e.details) {
                EXPECT_EQ(v.find("rmc_"), std::string::npos) << k;
            }
        }
    }
    EXPECT_EQ(created_entries, 2);
}

TEST_P(ApiKeysTest, WrongRevokedOrDeactivatedKeysAreRefused) {
    const auto created = Create({"next_lead"});
    for (const std::string& wrong :
         {created.secret + "x", created.secret.substr(4), std::string("rmc_"), std::string()}) {
        const auto r = keys_->Authenticate(wrong);
        ASSERT_FALSE(r) << wrong;
        EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
    }

    const auto second = Create({"sms"});
    const auto revoked = keys_->Revoke(admin_, created.key.id, kCtx);
    ASSERT_TRUE(revoked);
    EXPECT_FALSE(revoked->IsActive());
    EXPECT_EQ(revoked->revoked_by, admin_.id);
    EXPECT_FALSE(keys_->Authenticate(created.secret));
    const auto again = keys_->Revoke(admin_, created.key.id, kCtx);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kNotFound);

    // The other key works until the machine agent is deactivated.
    ASSERT_TRUE(keys_->Authenticate(second.secret));
    ASSERT_TRUE(env_->agents->SetActive(bot_.id, false, clock_.Now()));
    const auto off = keys_->Authenticate(second.secret);
    ASSERT_FALSE(off);
    EXPECT_EQ(off.error().code, ErrorCode::kUnauthenticated);
    const auto none = keys_->Create(admin_, bot_.id, {"sms"}, {}, kCtx);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().field, "agentId");
}

TEST_P(ApiKeysTest, KeysAreOnlyForMachineAgentsWithActionsAndQueuesTheyHave) {
    const auto person = keys_->Create(admin_, human_.id, {"sms"}, {}, kCtx);
    ASSERT_FALSE(person);
    EXPECT_EQ(person.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(person.error().field, "agentId");
    const auto nobody = keys_->Create(admin_, domain::AgentId{98765}, {"sms"}, {}, kCtx);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().code, ErrorCode::kNotFound);
    for (const auto& [actions, queues, field] :
         std::vector<std::tuple<std::vector<std::string>, std::vector<std::string>, std::string>>{
             {{}, {}, "actions"},
             {{"call"}, {}, "actions"},
             {{"sms"}, {"callbacks"}, "queues"},  // not one of the machine agent's queues
             {{"sms"}, {"vip"}, "queues"},
         }) {
        const auto r = keys_->Create(admin_, bot_.id, actions, queues, kCtx);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, field);
    }
    EXPECT_TRUE(keys_->ForAgent(bot_.id)->empty());
    EXPECT_FALSE(keys_->ForAgent(domain::AgentId{98765}));
}

TEST_P(ApiKeysTest, LastUseIsRecordedToTheMinute) {
    const auto created = Create({"next_lead"});
    EXPECT_FALSE(keys_->ForAgent(bot_.id)->front().last_used_at);
    const Timestamp first = clock_.Now();
    ASSERT_TRUE(keys_->Authenticate(created.secret));
    EXPECT_EQ(keys_->ForAgent(bot_.id)->front().last_used_at, first);
    clock_.Advance(seconds{30});
    ASSERT_TRUE(keys_->Authenticate(created.secret));
    EXPECT_EQ(keys_->ForAgent(bot_.id)->front().last_used_at, first);
    clock_.Advance(seconds{31});
    ASSERT_TRUE(keys_->Authenticate(created.secret));
    EXPECT_EQ(keys_->ForAgent(bot_.id)->front().last_used_at, clock_.Now());
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    ApiKeysTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
