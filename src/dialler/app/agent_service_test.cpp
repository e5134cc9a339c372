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

AddAgentRequest Valid() {
    return {"lee@example.com", "Lee", "supervisor", "", "long-enough-password"};
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
        {{"not-an-email", "Lee", "agent", "", "long-enough-password"}, "email"},
        {{"lee@example.com", "  ", "agent", "", "long-enough-password"}, "displayName"},
        {{"lee@example.com", "Lee", "boss", "", "long-enough-password"}, "role"},
        {{"lee@example.com", "Lee", "agent", "unsigned,vip", "long-enough-password"}, "queues"},
        {{"lee@example.com", "Lee", "agent", "", "short"}, "password"},
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
