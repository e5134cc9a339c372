#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

// What a machine agent's API key may do (issue: the same next-lead, outcome, link and SMS
// endpoints as a person). Routes name the action they belong to; a key reaches no other route.
enum class MachineAction { kNextLead, kOutcome, kLink, kSms };

std::string_view MachineActionName(MachineAction action);  // "next_lead", "outcome", "link", "sms"
std::optional<MachineAction> ParseMachineAction(std::string_view name);

class MachineActionSet {
public:
    MachineActionSet() = default;
    void Add(MachineAction a) { bits_ |= Bit(a); }
    bool Contains(MachineAction a) const { return (bits_ & Bit(a)) != 0; }
    bool Empty() const { return bits_ == 0; }
    // The names of the actions in the set, in a fixed order.
    std::vector<std::string_view> Names() const;
    // "next_lead,sms" (Names joined); and back (nullopt for an unknown name or an empty list).
    std::string ToList() const;
    static std::optional<MachineActionSet> FromList(std::string_view list);
    bool operator==(const MachineActionSet&) const = default;

private:
    static unsigned Bit(MachineAction a) { return 1U << static_cast<unsigned>(a); }
    unsigned bits_ = 0;
};

struct ApiKey {
    std::int64_t id = 0;
    domain::AgentId agent_id;
    std::string prefix;  // the key's first characters: how people tell keys apart
    MachineActionSet actions;
    std::vector<domain::Queue> queues;  // empty: every queue the machine agent may work
    domain::AgentId created_by;
    Timestamp created_at;
    std::optional<Timestamp> last_used_at;
    std::optional<Timestamp> revoked_at;
    std::optional<domain::AgentId> revoked_by;

    bool IsActive() const { return !revoked_at.has_value(); }
};

// Storage of API keys: the key's hash, never the key. Thread-safe; faults are exceptions.
class ApiKeyStore {
public:
    virtual ~ApiKeyStore() = default;
    // Stores `key` (id ignored) with `key_hash`; returns it with its id.
    virtual ApiKey Create(const ApiKey& key, const std::string& key_hash) = 0;
    virtual std::optional<ApiKey> FindByHash(const std::string& key_hash) = 0;
    virtual std::optional<ApiKey> Find(std::int64_t id) = 0;
    // The agent's keys, revoked ones too, newest first.
    virtual std::vector<ApiKey> ForAgent(domain::AgentId agent) = 0;
    // Marks an active key revoked; false when there is no active key with that id.
    virtual bool Revoke(std::int64_t id, domain::AgentId by, Timestamp at) = 0;
    virtual void Touch(std::int64_t id, Timestamp at) = 0;
};

// Who is behind a request that presented an API key: the machine agent (its queues narrowed to
// the key's) and what the key may do.
struct MachineCaller {
    domain::Agent agent;
    std::int64_t key_id = 0;
    MachineActionSet actions;
};

// API keys for machine agents (product.md §2): created and revoked by admins, shown once,
// stored hashed, scoped to queues and actions. Thread-safe.
class ApiKeyService {
public:
    struct Ports {
        ApiKeyStore& keys;
        AgentStore& agents;
        TokenService& tokens;
        AuditLog& audit;
        const Clock& clock;
    };
    // Keys start with this, so that a leaked one is recognisable (secret scanners, logs).
    static constexpr std::string_view kKeyPrefix = "rmc_";

    explicit ApiKeyService(Ports ports) : ports_(ports) {}

    struct CreatedKey {
        ApiKey key;
        std::string secret;  // the key itself: returned this once, never stored
    };
    // Errors: kNotFound for no such agent; kFailedPrecondition (field agentId) for a person's
    // account or a deactivated one; kInvalidArgument (field actions or queues).
    Result<CreatedKey> Create(
        const domain::Agent& admin,
        domain::AgentId machine,
        const std::vector<std::string>& actions,
        const std::vector<std::string>& queues,
        const RequestContext& ctx
    );
    // Errors: kNotFound when no active key has that id.
    Result<ApiKey> Revoke(const domain::Agent& admin, std::int64_t id, const RequestContext& ctx);
    // Errors: kNotFound for no such agent.
    Result<std::vector<ApiKey>> ForAgent(domain::AgentId agent);

    // The caller behind `secret`. Errors: kUnauthenticated for an unknown or revoked key, or a
    // machine agent that is deactivated.
    Result<MachineCaller> Authenticate(std::string_view secret);

private:
    Ports ports_;
};

}  // namespace dialler::app
