#include "dialler/app/auth_service.hpp"

#include <array>
#include <utility>

#include "dialler/domain/credentials.hpp"

namespace dialler::app {

namespace {
constexpr std::string_view kBadCredentials = "Email or password is incorrect.";
constexpr std::chrono::hours kForgetFailuresAfter{24};

SessionView MakeView(
    const domain::Agent& agent, const LoginSession& s, const domain::SessionPolicy& policy
) {
    const domain::SessionTimes times{s.created_at, s.last_seen_at, s.revoked_at};
    return SessionView{
        agent,
        s.id,
        s.csrf_token,
        domain::AbsoluteExpiry(times, policy),
        domain::IdleExpiry(times, policy)};
}
}  // namespace

AuthService::AuthService(
    AgentStore& agents,
    SessionStore& sessions,
    LoginThrottleStore& throttle,
    AuditLog& audit,
    PasswordHasher& hasher,
    TokenService& tokens,
    const Clock& clock,
    AuthSettings settings
)
    : agents_(agents),
      sessions_(sessions),
      throttle_(throttle),
      audit_(audit),
      hasher_(hasher),
      tokens_(tokens),
      clock_(clock),
      settings_(settings),
      dummy_hash_(hasher.Hash(tokens.NewToken())) {}

Error AuthService::Unauthenticated() {
    return Error{ErrorCode::kUnauthenticated, std::string(kBadCredentials), {}, {}};
}

Result<LoginResult> AuthService::Login(
    std::string_view email, std::string_view password, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const std::string normalised, domain::NormaliseEmail(email));
    if (password.empty()) {
        return InvalidField("password", "password is required");
    }
    if (password.size() > domain::kMaxPasswordLength) {
        return InvalidField("password", "password is too long");
    }
    const Timestamp now = clock_.Now();

    const std::array keys{
        ThrottleKey{ThrottleScope::kAccount, normalised, settings_.per_account},
        ThrottleKey{ThrottleScope::kAddress, ctx.client_address, settings_.per_address},
    };
    // The check and the count are one step: this attempt is counted as a failure before the
    // password is checked, and withdrawn if it turns out right.
    const ThrottleAttempt attempt = throttle_.TryAttempt(keys, now, now - kForgetFailuresAfter);
    if (!attempt.allowed) {
        audit_.Append(AuditEntry{
            0,
            now,
            Actor::Anonymous(),
            "auth.login_throttled",
            "account",
            normalised,
            {{"scope", attempt.refused_by == ThrottleScope::kAccount ? "account" : "address"}},
            ctx.request_id});
        return tl::unexpected(Error{
            ErrorCode::kResourceExhausted,
            "Too many failed sign-in attempts. Try again later.",
            {},
            attempt.retry_after});
    }

    auto found = agents_.FindByEmail(normalised);
    if (!found) {
        hasher_.Verify(dummy_hash_, password);
        AuditFailure(normalised, ctx, "unknown_account", now);
        return tl::unexpected(Unauthenticated());
    }
    if (!hasher_.Verify(found->password_hash, password)) {
        AuditFailure(normalised, ctx, "wrong_password", now);
        return tl::unexpected(Unauthenticated());
    }
    if (!found->agent.is_active) {
        AuditFailure(normalised, ctx, "deactivated", now);
        return tl::unexpected(Unauthenticated());
    }
    if (found->agent.kind == domain::AgentKind::kMachine) {
        AuditFailure(normalised, ctx, "machine_agent", now);
        return tl::unexpected(Unauthenticated());
    }

    throttle_.Withdraw(attempt.ids);
    throttle_.Clear(ThrottleScope::kAccount, normalised);
    std::string token = tokens_.NewToken();
    const LoginSession session = sessions_.Create(LoginSession{
        SessionId{},
        found->agent.id,
        tokens_.Fingerprint(token),
        tokens_.NewToken(),
        now,
        now,
        std::nullopt});
    audit_.Append(AuditEntry{
        0,
        now,
        Actor::OfAgent(found->agent.id),
        "auth.login",
        "session",
        session.id.ToString(),
        {},
        ctx.request_id});
    return LoginResult{MakeView(found->agent, session, settings_.session), std::move(token)};
}

void AuthService::AuditFailure(
    const std::string& email, const RequestContext& ctx, std::string_view reason, Timestamp now
) {
    audit_.Append(AuditEntry{
        0,
        now,
        Actor::Anonymous(),
        "auth.login_failed",
        "account",
        email,
        {{"reason", std::string(reason)}},
        ctx.request_id});
}

Result<SessionView> AuthService::Authenticate(std::string_view token) {
    const Error unauthenticated{ErrorCode::kUnauthenticated, "Sign in to continue.", {}, {}};
    if (token.empty()) {
        return tl::unexpected(unauthenticated);
    }
    auto session = sessions_.FindByTokenHash(tokens_.Fingerprint(token));
    if (!session) {
        return tl::unexpected(unauthenticated);
    }
    const Timestamp now = clock_.Now();
    const domain::SessionTimes times{
        session->created_at, session->last_seen_at, session->revoked_at};
    if (domain::EvaluateSession(times, settings_.session, now) != domain::SessionState::kActive) {
        return tl::unexpected(Error{
            ErrorCode::kUnauthenticated, "Your session has expired.", {}, {}});
    }
    auto agent = agents_.FindById(session->agent_id);
    if (!agent || !agent->is_active) {
        sessions_.Revoke(session->id, now);
        return tl::unexpected(unauthenticated);
    }
    if (domain::ShouldTouch(times, settings_.session, now)) {
        sessions_.Touch(session->id, now);
        session->last_seen_at = now;
    }
    return MakeView(*agent, *session, settings_.session);
}

void AuthService::Logout(const SessionView& session, const RequestContext& ctx) {
    const Timestamp now = clock_.Now();
    sessions_.Revoke(session.session_id, now);
    audit_.Append(AuditEntry{
        0,
        now,
        Actor::OfAgent(session.agent.id),
        "auth.logout",
        "session",
        session.session_id.ToString(),
        {},
        ctx.request_id});
}

std::vector<domain::AgentId> AuthService::SignedInAgents() {
    // The store's filter is domain::EvaluateSession's kActive, as two cut-offs.
    const Timestamp now = clock_.Now();
    return sessions_.AgentsWithSessions(
        now - settings_.session.idle, now - settings_.session.absolute
    );
}

}  // namespace dialler::app
