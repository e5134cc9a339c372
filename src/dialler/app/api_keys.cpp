#include "dialler/app/api_keys.hpp"

#include <algorithm>
#include <array>

namespace dialler::app {

namespace {

constexpr std::array kActions{
    MachineAction::kNextLead, MachineAction::kOutcome, MachineAction::kLink, MachineAction::kSms};
constexpr std::size_t kShownPrefix = 12;  // "rmc_" and 8 characters of the random part
// last_used_at is for people ("is this key still used?"): a write per minute is plenty.
constexpr auto kTouchEvery = std::chrono::minutes{1};

Error Unauthenticated() {
    return Error{ErrorCode::kUnauthenticated, "The API key is not valid.", {}, {}};
}

}  // namespace

std::string_view MachineActionName(MachineAction action) {
    switch (action) {
        case MachineAction::kNextLead:
            return "next_lead";
        case MachineAction::kOutcome:
            return "outcome";
        case MachineAction::kLink:
            return "link";
        case MachineAction::kSms:
            return "sms";
    }
    return "next_lead";
}

std::optional<MachineAction> ParseMachineAction(std::string_view name) {
    for (const MachineAction a : kActions) {
        if (MachineActionName(a) == name) {
            return a;
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> MachineActionSet::Names() const {
    std::vector<std::string_view> out;
    for (const MachineAction a : kActions) {
        if (Contains(a)) {
            out.push_back(MachineActionName(a));
        }
    }
    return out;
}

std::string MachineActionSet::ToList() const {
    std::string out;
    for (const std::string_view name : Names()) {
        out += (out.empty() ? "" : ",") + std::string(name);
    }
    return out;
}

std::optional<MachineActionSet> MachineActionSet::FromList(std::string_view list) {
    MachineActionSet set;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const auto action = ParseMachineAction(list.substr(0, comma));
        if (!action) {
            return std::nullopt;
        }
        set.Add(*action);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    if (set.Empty()) {
        return std::nullopt;
    }
    return set;
}

Result<ApiKeyService::CreatedKey> ApiKeyService::Create(
    const domain::Agent& admin,
    domain::AgentId machine,
    const std::vector<std::string>& actions,
    const std::vector<std::string>& queues,
    const RequestContext& ctx
) {
    const auto agent = ports_.agents.FindById(machine);
    if (!agent) {
        return Fail(ErrorCode::kNotFound, "no agent " + machine.ToString());
    }
    if (agent->kind != domain::AgentKind::kMachine || !agent->is_active) {
        return Fail(
            ErrorCode::kFailedPrecondition, "API keys are only for active machine agents", "agentId"
        );
    }
    ApiKey key;
    for (const auto& name : actions) {
        const auto action = ParseMachineAction(name);
        if (!action) {
            return InvalidField(
                "actions", "actions must be a list of next_lead, outcome, link, sms"
            );
        }
        key.actions.Add(*action);
    }
    if (key.actions.Empty()) {
        return InvalidField("actions", "a key must be allowed at least one action");
    }
    for (const auto& name : queues) {
        const auto queue = domain::ParseQueue(name);
        if (!queue ||
            std::find(agent->queues.begin(), agent->queues.end(), *queue) == agent->queues.end()) {
            return InvalidField("queues", "queues must be queues the machine agent may work");
        }
        if (std::find(key.queues.begin(), key.queues.end(), *queue) == key.queues.end()) {
            key.queues.push_back(*queue);
        }
    }
    std::string secret = std::string(kKeyPrefix) + ports_.tokens.NewToken();
    key.agent_id = machine;
    key.prefix = secret.substr(0, kShownPrefix);
    key.created_by = admin.id;
    key.created_at = ports_.clock.Now();
    ApiKey stored = ports_.keys.Create(key, ports_.tokens.Fingerprint(secret));
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        admin,
        "api_key.created",
        "agent",
        machine.ToString(),
        ctx,
        {{"keyId", std::to_string(stored.id)},
         {"actions", stored.actions.ToList()},
         {"queues", domain::FormatQueueList(stored.queues)}}
    );
    return CreatedKey{std::move(stored), std::move(secret)};
}

Result<ApiKey> ApiKeyService::Revoke(
    const domain::Agent& admin, std::int64_t id, const RequestContext& ctx
) {
    if (!ports_.keys.Revoke(id, admin.id, ports_.clock.Now())) {
        return Fail(ErrorCode::kNotFound, "no active API key " + std::to_string(id));
    }
    ApiKey key = *ports_.keys.Find(id);
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        admin,
        "api_key.revoked",
        "agent",
        key.agent_id.ToString(),
        ctx,
        {{"keyId", std::to_string(id)}}
    );
    return key;
}

Result<std::vector<ApiKey>> ApiKeyService::ForAgent(domain::AgentId agent) {
    if (!ports_.agents.FindById(agent)) {
        return Fail(ErrorCode::kNotFound, "no agent " + agent.ToString());
    }
    return ports_.keys.ForAgent(agent);
}

Result<MachineCaller> ApiKeyService::Authenticate(std::string_view secret) {
    if (!secret.starts_with(kKeyPrefix)) {
        return tl::unexpected(Unauthenticated());
    }
    const auto key = ports_.keys.FindByHash(ports_.tokens.Fingerprint(secret));
    if (!key || !key->IsActive()) {
        return tl::unexpected(Unauthenticated());
    }
    auto agent = ports_.agents.FindById(key->agent_id);
    if (!agent || !agent->is_active || agent->kind != domain::AgentKind::kMachine) {
        return tl::unexpected(Unauthenticated());
    }
    if (!key->queues.empty()) {
        // The key narrows the agent's queues; it never widens them (an admin may have taken a
        // queue from the agent since the key was made).
        std::erase_if(agent->queues, [&key](domain::Queue q) {
            return std::find(key->queues.begin(), key->queues.end(), q) == key->queues.end();
        });
    }
    const Timestamp now = ports_.clock.Now();
    if (!key->last_used_at || now - *key->last_used_at >= kTouchEvery) {
        ports_.keys.Touch(key->id, now);
    }
    return MachineCaller{std::move(*agent), key->id, key->actions};
}

}  // namespace dialler::app
