#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/base/strong_id.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

using SessionId = StrongId<struct SessionIdTag>;

// A server-side login session. The browser holds only the random token; we keep its hash, so a
// copy of the database does not hand out live sessions.
struct LoginSession {
    SessionId id;
    domain::AgentId agent_id;
    std::string token_hash;
    std::string csrf_token;
    Timestamp created_at;
    Timestamp last_seen_at;
    std::optional<Timestamp> revoked_at;
};

// Storage of login sessions. Implementations: SqlSessionStore, InMemorySessionStore; contract in
// tests/contract/store_contracts_test.cpp. Thread-safe.
class SessionStore {
public:
    virtual ~SessionStore() = default;

    // Stores `session` (its id is ignored) and returns it with the id assigned.
    virtual LoginSession Create(const LoginSession& session) = 0;
    virtual std::optional<LoginSession> FindByTokenHash(std::string_view token_hash) = 0;
    virtual void Touch(SessionId id, Timestamp now) = 0;
    // Revoking an already revoked session keeps the first revocation time.
    virtual void Revoke(SessionId id, Timestamp now) = 0;
    // Returns how many live sessions were revoked.
    virtual int RevokeAllForAgent(domain::AgentId agent_id, Timestamp now) = 0;
    // The agents (each once, ascending) with a session not revoked, seen after `seen_after` and
    // created after `created_after`: who is still signed in under the session policy.
    virtual std::vector<domain::AgentId> AgentsWithSessions(
        Timestamp seen_after, Timestamp created_after
    ) = 0;
};

}  // namespace dialler::app
