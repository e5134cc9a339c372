#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

// Who did something: a signed-in agent, the command line, or the system itself (jobs).
struct Actor {
    enum class Kind { kAgent, kCli, kSystem, kAnonymous };
    Kind kind = Kind::kSystem;
    std::optional<domain::AgentId> agent_id;

    static Actor OfAgent(domain::AgentId id) { return {Kind::kAgent, id}; }
    static Actor Cli() { return {Kind::kCli, std::nullopt}; }
    static Actor System() { return {Kind::kSystem, std::nullopt}; }
    static Actor Anonymous() { return {Kind::kAnonymous, std::nullopt}; }
};

std::string_view ActorKindName(Actor::Kind kind);
// Inverse of ActorKindName; unknown names give kSystem.
Actor::Kind ParseActorKind(std::string_view name);

// One line of the regulated audit trail (product.md §11): who, what, when, on what.
// `details` are flat key/value pairs (the SQL adapter stores them as a JSON object).
struct AuditEntry {
    std::int64_t id = 0;  // assigned by the store
    Timestamp at;
    Actor actor;
    std::string action;        // dotted verb: "auth.login", "auth.login_failed", "agent.created"
    std::string subject_type;  // "agent", "session", "customer", ...
    std::string subject_id;
    std::vector<std::pair<std::string, std::string>> details;
    std::string request_id;  // correlates with the access log; empty outside HTTP
};

// Per-request facts that the audit trail records (no personal data beyond what it needs).
struct RequestContext {
    std::string request_id;
    std::string client_address;
};

// The append-only audit trail. There is deliberately no update or delete: the SQL schema also
// refuses them with triggers. Thread-safe.
class AuditLog {
public:
    virtual ~AuditLog() = default;
    virtual void Append(const AuditEntry& entry) = 0;
    // Newest first, at most `limit` entries with id < `before_id` (0 = from the newest).
    virtual std::vector<AuditEntry> ListRecent(int limit, std::int64_t before_id) = 0;
};

// THE way a service records "this agent did `action` to this subject now": one entry, stamped
// with the clock and the request id. (Live events for the same actions will be published here.)
void AuditAgentAction(
    AuditLog& log,
    const Clock& clock,
    const domain::Agent& agent,
    std::string action,
    std::string subject_type,
    std::string subject_id,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details = {}
);
// The same for any actor (a rule of the system acts as Actor::System()).
void AuditAction(
    AuditLog& log,
    const Clock& clock,
    const Actor& actor,
    std::string action,
    std::string subject_type,
    std::string subject_id,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details = {}
);

}  // namespace dialler::app
