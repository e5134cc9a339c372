#include "dialler/app/agent_service.hpp"

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "manual_clock.hpp"

namespace dialler::app {
namespace {

class AgentServiceTest : public ::testing::Test {
protected:
    testing::ManualClock clock_;
    testing::InMemoryAgentStore agents_;
    testing::InMemorySessionStore sessions_;
    testing::InMemoryAuditLog audit_;
    testing::FakePasswordHasher hasher_;
    AgentService service_{agents_, sessions_, audit_, hasher_, clock_};
};

using Details = std::vector<std::pair<std::string, std::string>>;

AddAgentRequest Valid() {
    return {"lee@example.com", "Lee", "supervisor", "", "long-enough-password", "North", ""};
}

TEST_F(AgentServiceTest, AddsAnAgentWithAllQueuesByDefault) {
    const auto a = service_.Add(Valid(), Actor::Cli());
    ASSERT_TRUE(a);
    EXPECT_EQ(a->role, domain::Role::kSupervisor);
    EXPECT_EQ(a->queues, domain::AllQueues());
    EXPECT_EQ(agents_.FindByEmail("lee@example.com")->password_hash, "fake$long-enough-password");
    const auto created = audit_.WithAction("agent.created");
    ASSERT_EQ(created.size(), 1U);
    EXPECT_EQ(created[0].actor.kind, Actor::Kind::kCli);
}

TEST_F(AgentServiceTest, NamesTheFieldOfBadInputAndStoresNothing) {
    const std::pair<AddAgentRequest, std::string> cases[] = {
        {{"not-an-email", "Lee", "agent", "", "long-enough-password", "", ""}, "email"},
        {{"lee@example.com", "  ", "agent", "", "long-enough-password", "", ""}, "displayName"},
        {{"lee@example.com", "Lee", "boss", "", "long-enough-password", "", ""}, "role"},
        {{"lee@example.com", "Lee", "agent", "unsigned,vip", "long-enough-password", "", ""},
         "queues"},
        {{"lee@example.com", "Lee", "agent", "", "short", "", ""}, "password"},
        {{"lee@example.com", "Lee", "agent", "", "long-enough-password", "", "robot"}, "kind"},
        // A machine agent works as an agent, and has no password to leak.
        {{"bot@example.com", "Bot", "supervisor", "", "", "", "machine"}, "role"},
        {{"bot@example.com", "Bot", "agent", "", "long-enough-password", "", "machine"},
         "password"},
    };
    for (const auto& [request, field] : cases) {
        const auto r = service_.Add(request, Actor::Cli());
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, field);
    }
    EXPECT_TRUE(agents_.List().empty());
    EXPECT_TRUE(audit_.WithAction("agent.created").empty());
}

TEST_F(AgentServiceTest, AMachineAgentHasNoPasswordAndStaysAnAgent) {
    const auto bot = service_.Add(
        AddAgentRequest{"bot@example.com", "Claims bot", "agent", "unsigned", "", "", "machine"},
        Actor::Cli()
    );
    ASSERT_TRUE(bot) << bot.error().message;
    EXPECT_EQ(bot->kind, domain::AgentKind::kMachine);
    // Whatever is typed at the sign-in page, no hash matches it.
    const std::string hash = agents_.FindByEmail("bot@example.com")->password_hash;
    EXPECT_FALSE(hash.starts_with("fake$"));
    const auto reset = service_.ResetPassword(bot->id, "long-enough-password", Actor::Cli());
    ASSERT_FALSE(reset);
    EXPECT_EQ(reset.error().field, "password");
    AgentChanges promote;
    promote.role = "supervisor";
    const auto promoted = service_.Update(bot->id, promote, Actor::Cli());
    ASSERT_FALSE(promoted);
    EXPECT_EQ(promoted.error().field, "role");
    EXPECT_EQ(agents_.FindById(bot->id)->role, domain::Role::kAgent);
    EXPECT_EQ(agents_.FindByEmail("bot@example.com")->password_hash, hash);
}

TEST_F(AgentServiceTest, RefusesADuplicateEmailInAnyCase) {
    ASSERT_TRUE(service_.Add(Valid(), Actor::Cli()));
    AddAgentRequest again = Valid();
    again.email = "LEE@example.com";
    const auto r = service_.Add(again, Actor::Cli());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kAlreadyExists);
}

TEST_F(AgentServiceTest, DeactivateAndPasswdReportUnknownAgents) {
    EXPECT_EQ(
        service_.Deactivate("ghost@example.com", Actor::Cli()).error().code, ErrorCode::kNotFound
    );
    EXPECT_EQ(
        service_.ChangePassword("ghost@example.com", "long-enough-password", Actor::Cli())
            .error()
            .code,
        ErrorCode::kNotFound
    );
}

TEST_F(AgentServiceTest, AnAdminChangesAnAccountFieldByFieldEachAuditedFromTo) {
    const auto lee = service_.Add(Valid(), Actor::Cli());
    ASSERT_TRUE(lee);
    EXPECT_EQ(lee->team, "North");
    const auto admin = Actor::OfAgent(domain::AgentId{999});
    const std::string token = "session-of-lee";
    LoginSession session;
    session.agent_id = lee->id;
    session.token_hash = token;
    session.created_at = clock_.Now();
    session.last_seen_at = clock_.Now();
    sessions_.Create(session);

    AgentChanges renamed;
    renamed.display_name = "  Lee Smith ";
    renamed.team = "South";
    const auto after = service_.Update(lee->id, renamed, admin);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->display_name, "Lee Smith");
    EXPECT_EQ(after->team, "South");
    EXPECT_EQ(after->role, domain::Role::kSupervisor);
    auto updates = audit_.WithAction("agent.updated");
    ASSERT_EQ(updates.size(), 2U);
    EXPECT_EQ(
        updates[0].details,
        (Details{{"field", "displayName"}, {"from", "Lee"}, {"to", "Lee Smith"}})
    );
    EXPECT_EQ(updates[1].details, (Details{{"field", "team"}, {"from", "North"}, {"to", "South"}}));
    EXPECT_FALSE(sessions_.FindByTokenHash(token)->revoked_at);  // a new name is no new right

    AgentChanges demoted;
    demoted.role = "agent";
    demoted.queues = "callbacks";
    ASSERT_TRUE(service_.Update(lee->id, demoted, admin));
    EXPECT_EQ(
        agents_.FindById(lee->id)->queues, std::vector<domain::Queue>{domain::Queue::kCallbacks}
    );
    EXPECT_TRUE(sessions_.FindByTokenHash(token)->revoked_at);  // new rights from the next sign-in
    EXPECT_EQ(audit_.WithAction("agent.updated").size(), 4U);

    AgentChanges off;
    off.active = false;
    ASSERT_TRUE(service_.Update(lee->id, off, admin));
    EXPECT_FALSE(agents_.FindById(lee->id)->is_active);
    EXPECT_EQ(audit_.WithAction("agent.deactivated").size(), 1U);
    AgentChanges on;
    on.active = true;
    ASSERT_TRUE(service_.Update(lee->id, on, admin));
    EXPECT_TRUE(agents_.FindById(lee->id)->is_active);
    EXPECT_EQ(audit_.WithAction("agent.reactivated").size(), 1U);
    // Nothing changed: nothing audited.
    ASSERT_TRUE(service_.Update(lee->id, on, admin));
    EXPECT_EQ(audit_.WithAction("agent.reactivated").size(), 1U);
}

TEST_F(AgentServiceTest, AnUpdateWithABadFieldChangesNothingAndAdminsCannotLockThemselvesOut) {
    const auto lee = service_.Add(Valid(), Actor::Cli());
    ASSERT_TRUE(lee);
    const std::pair<AgentChanges, std::string> bad[] = {
        {AgentChanges{"", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, "displayName"},
        {AgentChanges{"Lee", "boss", std::nullopt, std::nullopt, std::nullopt}, "role"},
        {AgentChanges{"Lee Two", std::nullopt, "vip", std::nullopt, std::nullopt}, "queues"},
        {AgentChanges{std::nullopt, std::nullopt, std::nullopt, std::string(61, 't'), std::nullopt},
         "team"},
    };
    for (const auto& [changes, field] : bad) {
        const auto r = service_.Update(lee->id, changes, Actor::Cli());
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, field);
    }
    EXPECT_EQ(agents_.FindById(lee->id)->display_name, "Lee");
    EXPECT_TRUE(audit_.WithAction("agent.updated").empty());

    AddAgentRequest boss = Valid();
    boss.email = "boss@example.com";
    boss.role = "admin";
    const auto admin = service_.Add(boss, Actor::Cli());
    ASSERT_TRUE(admin);
    AgentChanges off;
    off.active = false;
    const auto self_off = service_.Update(admin->id, off, Actor::OfAgent(admin->id));
    ASSERT_FALSE(self_off);
    EXPECT_EQ(self_off.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(self_off.error().field, "active");
    AgentChanges demote;
    demote.role = "supervisor";
    const auto self_demoted = service_.Update(admin->id, demote, Actor::OfAgent(admin->id));
    ASSERT_FALSE(self_demoted);
    EXPECT_EQ(self_demoted.error().field, "role");
    EXPECT_EQ(agents_.FindById(admin->id)->role, domain::Role::kAdmin);
    EXPECT_EQ(
        service_.Update(domain::AgentId{4242}, off, Actor::Cli()).error().code, ErrorCode::kNotFound
    );
}

TEST_F(AgentServiceTest, AResetPasswordEndsTheAgentsSessions) {
    const auto lee = service_.Add(Valid(), Actor::Cli());
    ASSERT_TRUE(lee);
    EXPECT_EQ(service_.ResetPassword(lee->id, "short", Actor::Cli()).error().field, "password");
    ASSERT_TRUE(service_.ResetPassword(lee->id, "another-long-password", Actor::Cli()));
    EXPECT_EQ(agents_.FindByEmail("lee@example.com")->password_hash, "fake$another-long-password");
    EXPECT_EQ(audit_.WithAction("agent.password_changed").size(), 1U);
    EXPECT_EQ(
        service_.ResetPassword(domain::AgentId{4242}, "another-long-password", Actor::Cli())
            .error()
            .code,
        ErrorCode::kNotFound
    );
}

TEST_F(AgentServiceTest, EnsureDemoAgentsCreatesThreeRolesOnce) {
    const auto first = service_.EnsureDemoAgents("demo-password-2026");
    ASSERT_TRUE(first);
    EXPECT_TRUE(*first);
    const auto all = service_.List();
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].email, kDemoAgentEmail);
    EXPECT_EQ(all[1].role, domain::Role::kSupervisor);
    EXPECT_EQ(all[2].role, domain::Role::kAdmin);
    const auto second = service_.EnsureDemoAgents("demo-password-2026");
    ASSERT_TRUE(second);
    EXPECT_FALSE(*second);
    EXPECT_EQ(service_.List().size(), 3U);
}

}  // namespace
}  // namespace dialler::app
