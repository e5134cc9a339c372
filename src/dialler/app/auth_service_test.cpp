#include "dialler/app/auth_service.hpp"

#include <gtest/gtest.h>

#include "dialler/app/agent_service.hpp"

#include "fakes.hpp"
#include "manual_clock.hpp"

namespace dialler::app {
namespace {

using std::chrono::minutes;

constexpr std::string_view kPassword = "correct-horse-battery";

class AuthServiceTest : public ::testing::Test {
protected:
    AuthServiceTest() {
        settings_.per_account = {3, minutes{15}};
        settings_.per_address = {5, minutes{15}};
        auth_ = std::make_unique<AuthService>(
            agents_, sessions_, throttle_, audit_, hasher_, tokens_, clock_, settings_
        );
        const auto added = agent_service_.Add(
            AddAgentRequest{
                "Sam@Example.com", "Sam", "agent", "unsigned", std::string(kPassword), "", ""},
            Actor::Cli()
        );
        EXPECT_TRUE(added);
    }

    Result<LoginResult> Login(
        std::string_view email, std::string_view password, std::string address = "10.0.0.1"
    ) {
        return auth_->Login(email, password, RequestContext{"req-1", std::move(address)});
    }

    testing::ManualClock clock_;
    testing::InMemoryAgentStore agents_;
    testing::InMemorySessionStore sessions_;
    testing::InMemoryLoginThrottleStore throttle_;
    testing::InMemoryAuditLog audit_;
    testing::FakePasswordHasher hasher_;
    testing::FakeTokenService tokens_;
    AuthSettings settings_;
    AgentService agent_service_{agents_, sessions_, audit_, hasher_, clock_};
    std::unique_ptr<AuthService> auth_;
};

TEST_F(AuthServiceTest, LogsInWithNormalisedEmailAndAuditsIt) {
    const auto r = Login("  SAM@example.COM ", kPassword);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->session.agent.email, "sam@example.com");
    EXPECT_FALSE(r->token.empty());
    EXPECT_NE(r->session.csrf_token, r->token);
    EXPECT_EQ(r->session.expires_at, clock_.Now() + std::chrono::hours{12});
    const auto logins = audit_.WithAction("auth.login");
    ASSERT_EQ(logins.size(), 1U);
    EXPECT_EQ(logins[0].request_id, "req-1");
}

TEST_F(AuthServiceTest, StoresOnlyTheTokenFingerprint) {
    const auto r = Login("sam@example.com", kPassword);
    ASSERT_TRUE(r);
    EXPECT_FALSE(sessions_.FindByTokenHash(r->token));
    EXPECT_TRUE(sessions_.FindByTokenHash(tokens_.Fingerprint(r->token)));
}

TEST_F(AuthServiceTest, GivesTheSameAnswerForUnknownEmailAndWrongPassword) {
    const auto unknown = Login("nobody@example.com", kPassword);
    const auto wrong = Login("sam@example.com", "wrong-password");
    ASSERT_FALSE(unknown);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(unknown.error().message, wrong.error().message);
    EXPECT_EQ(audit_.WithAction("auth.login_failed").size(), 2U);
}

TEST_F(AuthServiceTest, VerifiesAHashEvenForUnknownEmails) {
    const int before = hasher_.verify_calls;
    EXPECT_FALSE(Login("nobody@example.com", kPassword));
    EXPECT_EQ(hasher_.verify_calls, before + 1);
}

TEST_F(AuthServiceTest, RejectsBadInputNamingTheField) {
    const auto no_email = Login("", kPassword);
    ASSERT_FALSE(no_email);
    EXPECT_EQ(no_email.error().field, "email");
    const auto no_password = Login("sam@example.com", "");
    ASSERT_FALSE(no_password);
    EXPECT_EQ(no_password.error().field, "password");
}

TEST_F(AuthServiceTest, RefusesDeactivatedAgents) {
    ASSERT_TRUE(agent_service_.Deactivate("sam@example.com", Actor::Cli()));
    const auto r = Login("sam@example.com", kPassword);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, ThrottlesAnAccountAfterRepeatedFailuresEvenWithTheRightPassword) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(
            Login("sam@example.com", "nope-nope-nope").error().code, ErrorCode::kUnauthenticated
        );
    }
    const auto blocked = Login("sam@example.com", kPassword);
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
    EXPECT_EQ(blocked.error().retry_after, minutes{15});
    clock_.Advance(minutes{15});
    EXPECT_TRUE(Login("sam@example.com", kPassword));
}

TEST_F(AuthServiceTest, ThrottlesAnAddressAcrossAccounts) {
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(Login("user" + std::to_string(i) + "@example.com", "whatever-pass", "10.9.9.9")
        );
    }
    const auto blocked = Login("sam@example.com", kPassword, "10.9.9.9");
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
    EXPECT_TRUE(Login("sam@example.com", kPassword, "10.0.0.2"));
}

TEST_F(AuthServiceTest, SuccessClearsTheAccountFailures) {
    EXPECT_FALSE(Login("sam@example.com", "nope-nope-nope"));
    EXPECT_FALSE(Login("sam@example.com", "nope-nope-nope"));
    EXPECT_TRUE(Login("sam@example.com", kPassword));
    EXPECT_FALSE(Login("sam@example.com", "nope-nope-nope"));
    EXPECT_FALSE(Login("sam@example.com", "nope-nope-nope"));
    EXPECT_TRUE(Login("sam@example.com", kPassword));
}

TEST_F(AuthServiceTest, AuthenticatesATokenUntilItIdlesOut) {
    const auto login = Login("sam@example.com", kPassword);
    ASSERT_TRUE(login);
    clock_.Advance(minutes{29});
    ASSERT_TRUE(auth_->Authenticate(login->token));  // refreshes last_seen
    clock_.Advance(minutes{29});
    ASSERT_TRUE(auth_->Authenticate(login->token));
    clock_.Advance(minutes{30});
    const auto expired = auth_->Authenticate(login->token);
    ASSERT_FALSE(expired);
    EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, RejectsUnknownAndEmptyTokens) {
    EXPECT_EQ(auth_->Authenticate("").error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(auth_->Authenticate("token-999").error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, LogoutRevokesTheSession) {
    const auto login = Login("sam@example.com", kPassword);
    ASSERT_TRUE(login);
    const auto view = auth_->Authenticate(login->token);
    ASSERT_TRUE(view);
    auth_->Logout(*view, RequestContext{"req-2", "10.0.0.1"});
    EXPECT_FALSE(auth_->Authenticate(login->token));
    EXPECT_EQ(audit_.WithAction("auth.logout").size(), 1U);
}

TEST_F(AuthServiceTest, SignedInAgentsAreThoseWithASessionTheAuthenticateWouldAccept) {
    EXPECT_TRUE(auth_->SignedInAgents().empty());
    const auto login = Login("sam@example.com", kPassword);
    ASSERT_TRUE(login);
    const std::vector<domain::AgentId> sam{login->session.agent.id};
    EXPECT_EQ(auth_->SignedInAgents(), sam);
    clock_.Advance(minutes{29});
    EXPECT_EQ(auth_->SignedInAgents(), sam);
    clock_.Advance(minutes{1});  // 30 minutes without a request: idle
    EXPECT_TRUE(auth_->SignedInAgents().empty());
    EXPECT_FALSE(auth_->Authenticate(login->token));

    // Active all shift long, the session still ends after 12 hours.
    const auto again = Login("sam@example.com", kPassword);
    ASSERT_TRUE(again);
    for (int i = 0; i < 24; ++i) {
        clock_.Advance(minutes{29});
        ASSERT_TRUE(auth_->Authenticate(again->token));
        EXPECT_EQ(auth_->SignedInAgents(), sam);
    }
    clock_.Advance(minutes{25});  // 12 h 1 min after the login
    EXPECT_TRUE(auth_->SignedInAgents().empty());
    EXPECT_FALSE(auth_->Authenticate(again->token));

    const auto third = Login("sam@example.com", kPassword);
    ASSERT_TRUE(third);
    auth_->Logout(*auth_->Authenticate(third->token), RequestContext{"req-3", "10.0.0.1"});
    EXPECT_TRUE(auth_->SignedInAgents().empty());
}

TEST_F(AuthServiceTest, PasswordChangeEndsExistingSessions) {
    const auto login = Login("sam@example.com", kPassword);
    ASSERT_TRUE(login);
    ASSERT_TRUE(
        agent_service_.ChangePassword("sam@example.com", "a-brand-new-password", Actor::Cli())
    );
    EXPECT_FALSE(auth_->Authenticate(login->token));
    EXPECT_FALSE(Login("sam@example.com", kPassword));
    EXPECT_TRUE(Login("sam@example.com", "a-brand-new-password"));
}

}  // namespace
}  // namespace dialler::app
