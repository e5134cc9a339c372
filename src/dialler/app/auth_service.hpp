#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/app/login_throttle_store.hpp"
#include "dialler/app/session_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/login_throttle.hpp"
#include "dialler/domain/session_policy.hpp"

namespace dialler::app {

struct AuthSettings {
    domain::SessionPolicy session;
    domain::ThrottleRule per_account{5, std::chrono::minutes{15}};
    domain::ThrottleRule per_address{20, std::chrono::minutes{15}};
};

// What a request knows about its caller once the session cookie checks out.
struct SessionView {
    domain::Agent agent;
    SessionId session_id;
    std::string csrf_token;
    Timestamp expires_at;
    Timestamp idle_expires_at;
};

struct LoginResult {
    SessionView session;
    std::string token;  // the cookie value; returned once, stored only as a fingerprint
};

// Logs agents in and out and resolves session tokens. Keeps references to every port passed in
// (they must outlive it). Thread-safe; blocking (password hashing, storage): call from workers.
class AuthService {
public:
    AuthService(
        AgentStore& agents,
        SessionStore& sessions,
        LoginThrottleStore& throttle,
        AuditLog& audit,
        PasswordHasher& hasher,
        TokenService& tokens,
        const Clock& clock,
        AuthSettings settings
    );

    // Checks the credentials and opens a session. Errors: kInvalidArgument (field "email" or
    // "password"), kUnauthenticated (unknown email, wrong password or deactivated account: one
    // message for all three, so an attacker learns nothing), kResourceExhausted with retry_after
    // (too many failures for the account or the address). Every outcome is audited.
    Result<LoginResult> Login(
        std::string_view email, std::string_view password, const RequestContext& ctx
    );

    // Resolves a session token; refreshes the idle expiry. Errors: kUnauthenticated.
    Result<SessionView> Authenticate(std::string_view token);

    // Revokes the session and audits the logout.
    void Logout(const SessionView& session, const RequestContext& ctx);

    // The agents with a session still alive under the session policy, ascending.
    std::vector<domain::AgentId> SignedInAgents();

private:
    static Error Unauthenticated();
    // The failure itself was counted by TryAttempt; this records who and why.
    void AuditFailure(
        const std::string& email, const RequestContext& ctx, std::string_view reason, Timestamp now
    );

    AgentStore& agents_;
    SessionStore& sessions_;
    LoginThrottleStore& throttle_;
    AuditLog& audit_;
    PasswordHasher& hasher_;
    TokenService& tokens_;
    const Clock& clock_;
    AuthSettings settings_;
    std::string dummy_hash_;  // verified against for unknown emails, so timing reveals nothing
};

}  // namespace dialler::app
