#include "dialler/app/agent_service.hpp"

#include <tuple>

#include "dialler/base/text.hpp"
#include "dialler/domain/credentials.hpp"

namespace dialler::app {

namespace {
constexpr std::size_t kMaxDisplayNameLength = 100;
constexpr std::size_t kMaxTeamLength = 60;

AuditEntry Entry(
    const Actor& actor, std::string action, const domain::Agent& agent, Timestamp now
) {
    return AuditEntry{0, now, actor, std::move(action), "agent", agent.id.ToString(), {}, {}};
}
}  // namespace

AgentService::AgentService(
    AgentStore& agents,
    SessionStore& sessions,
    AuditLog& audit,
    PasswordHasher& hasher,
    const Clock& clock
)
    : agents_(agents), sessions_(sessions), audit_(audit), hasher_(hasher), clock_(clock) {}

namespace {

Result<std::string> ValidName(std::string_view raw) {
    const std::string_view name = Trim(raw);
    if (name.empty()) {
        return InvalidField("displayName", "displayName is required");
    }
    DIALLER_RETURN_IF_ERROR(
        CheckText(name, "displayName", kMaxDisplayNameLength, ControlChars::kNone)
    );
    return std::string(name);
}

Result<domain::Role> ValidRole(std::string_view raw) {
    const auto role = domain::ParseRole(raw);
    if (!role) {
        return InvalidField("role", "role must be one of agent, supervisor, admin");
    }
    return *role;
}

Result<std::vector<domain::Queue>> ValidQueues(std::string_view raw) {
    auto queues = domain::ParseQueueList(raw);
    if (!queues) {
        return InvalidField("queues", "queues must be a list of unsigned, outstanding, callbacks");
    }
    if (queues->empty()) {
        return domain::AllQueues();
    }
    return std::move(*queues);
}

// Never a valid hash: nobody can sign in as a machine agent, whatever they type.
constexpr const char* kNoPassword = "!machine-agent: API keys only";

Result<domain::AgentKind> ValidKind(std::string_view raw, domain::Role role, std::string_view pw) {
    const auto kind = raw.empty() ? domain::AgentKind::kHuman : domain::ParseAgentKind(raw);
    if (!kind) {
        return InvalidField("kind", "kind must be human or machine");
    }
    if (*kind == domain::AgentKind::kMachine) {
        if (role != domain::Role::kAgent) {
            return InvalidField("role", "a machine agent works as an agent");
        }
        if (!pw.empty()) {
            return InvalidField("password", "a machine agent has no password: it uses API keys");
        }
    } else {
        DIALLER_RETURN_IF_ERROR(domain::CheckNewPassword(pw));
    }
    return *kind;
}

Result<std::string> ValidTeam(std::string_view raw) {
    const std::string_view team = Trim(raw);
    DIALLER_RETURN_IF_ERROR(CheckText(team, "team", kMaxTeamLength, ControlChars::kNone));
    return std::string(team);
}

}  // namespace

Result<domain::Agent> AgentService::Add(const AddAgentRequest& request, const Actor& actor) {
    DIALLER_ASSIGN_OR_RETURN(std::string email, domain::NormaliseEmail(request.email));
    DIALLER_ASSIGN_OR_RETURN(std::string name, ValidName(request.display_name));
    DIALLER_ASSIGN_OR_RETURN(const domain::Role role, ValidRole(request.role));
    DIALLER_ASSIGN_OR_RETURN(std::vector<domain::Queue> queues, ValidQueues(request.queues));
    DIALLER_ASSIGN_OR_RETURN(std::string team, ValidTeam(request.team));
    DIALLER_ASSIGN_OR_RETURN(
        const domain::AgentKind kind, ValidKind(request.kind, role, request.password)
    );
    if (agents_.FindByEmail(email)) {
        return Fail(ErrorCode::kAlreadyExists, "an agent with this email already exists", "email");
    }
    const Timestamp now = clock_.Now();
    DIALLER_ASSIGN_OR_RETURN(
        domain::Agent agent,
        agents_.Create(
            NewAgent{
                std::move(email),
                std::move(name),
                role,
                std::move(queues),
                kind == domain::AgentKind::kMachine ? std::string(kNoPassword)
                                                    : hasher_.Hash(request.password),
                std::move(team),
                kind},
            now
        )
    );
    AuditEntry entry = Entry(actor, "agent.created", agent, now);
    entry.details = {
        {"role", std::string(domain::RoleName(agent.role))},
        {"kind", std::string(domain::AgentKindName(agent.kind))}};
    audit_.Append(entry);
    return agent;
}

Result<domain::Agent> AgentService::Update(
    domain::AgentId id, const AgentChanges& changes, const Actor& actor
) {
    auto found = agents_.FindById(id);
    if (!found) {
        return Fail(ErrorCode::kNotFound, "no agent " + id.ToString());
    }
    const domain::Agent before = *found;
    AgentProfile after{before.display_name, before.role, before.queues, before.team};
    if (changes.display_name) {
        DIALLER_ASSIGN_OR_RETURN(after.display_name, ValidName(*changes.display_name));
    }
    if (changes.role) {
        DIALLER_ASSIGN_OR_RETURN(after.role, ValidRole(*changes.role));
        if (before.kind == domain::AgentKind::kMachine && after.role != domain::Role::kAgent) {
            return InvalidField("role", "a machine agent works as an agent");
        }
    }
    if (changes.queues) {
        DIALLER_ASSIGN_OR_RETURN(after.queues, ValidQueues(*changes.queues));
    }
    if (changes.team) {
        DIALLER_ASSIGN_OR_RETURN(after.team, ValidTeam(*changes.team));
    }
    const bool self = actor.agent_id == id;
    if (self && changes.active == false) {
        return Fail(
            ErrorCode::kFailedPrecondition, "you cannot deactivate your own account", "active"
        );
    }
    if (self && before.role == domain::Role::kAdmin && after.role != domain::Role::kAdmin) {
        return Fail(
            ErrorCode::kFailedPrecondition, "you cannot take away your own admin role", "role"
        );
    }
    const Timestamp now = clock_.Now();
    const std::vector<std::tuple<const char*, std::string, std::string>> fields{
        {"displayName", before.display_name, after.display_name},
        {"role",
         std::string(domain::RoleName(before.role)),
         std::string(domain::RoleName(after.role))},
        {"queues", domain::FormatQueueList(before.queues), domain::FormatQueueList(after.queues)},
        {"team", before.team, after.team},
    };
    bool changed = false;
    bool rights = false;
    for (const auto& [field, from, to] : fields) {
        if (from == to) {
            continue;
        }
        changed = true;
        rights = rights || std::string_view(field) == "role" || std::string_view(field) == "queues";
        AuditEntry entry = Entry(actor, "agent.updated", before, now);
        entry.details = {{"field", field}, {"from", from}, {"to", to}};
        audit_.Append(entry);
    }
    if (changed) {
        agents_.UpdateProfile(id, after, now);
    }
    if (changes.active && *changes.active != before.is_active) {
        SetActive(before, *changes.active, actor);
    } else if (rights) {
        sessions_.RevokeAllForAgent(id, now);  // the new rights apply from the next sign-in
    }
    return *agents_.FindById(id);
}

Status AgentService::ResetPassword(
    domain::AgentId id, std::string_view new_password, const Actor& actor
) {
    DIALLER_RETURN_IF_ERROR(domain::CheckNewPassword(new_password));
    const auto found = agents_.FindById(id);
    if (!found) {
        return Fail(ErrorCode::kNotFound, "no agent " + id.ToString());
    }
    if (found->kind == domain::AgentKind::kMachine) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "a machine agent has no password: it uses API keys",
            "password"
        );
    }
    SetPassword(*found, new_password, actor);
    return Ok();
}

void AgentService::SetPassword(
    const domain::Agent& agent, std::string_view new_password, const Actor& actor
) {
    const Timestamp now = clock_.Now();
    agents_.UpdatePassword(agent.id, hasher_.Hash(new_password), now);
    const int ended = sessions_.RevokeAllForAgent(agent.id, now);
    AuditEntry entry = Entry(actor, "agent.password_changed", agent, now);
    entry.details = {{"sessionsEnded", std::to_string(ended)}};
    audit_.Append(entry);
}

void AgentService::SetActive(const domain::Agent& agent, bool active, const Actor& actor) {
    const Timestamp now = clock_.Now();
    agents_.SetActive(agent.id, active, now);
    AuditEntry entry = Entry(actor, active ? "agent.reactivated" : "agent.deactivated", agent, now);
    if (!active) {
        const int ended = sessions_.RevokeAllForAgent(agent.id, now);
        entry.details = {{"sessionsEnded", std::to_string(ended)}};
    }
    audit_.Append(entry);
}

std::vector<domain::Agent> AgentService::List() {
    return agents_.List();
}

Result<AgentWithSecret> AgentService::FindExisting(std::string_view email) {
    DIALLER_ASSIGN_OR_RETURN(const std::string normalised, domain::NormaliseEmail(email));
    auto found = agents_.FindByEmail(normalised);
    if (!found) {
        return Fail(ErrorCode::kNotFound, "no agent has this email", "email");
    }
    return std::move(*found);
}

Status AgentService::ChangePassword(
    std::string_view email, std::string_view new_password, const Actor& actor
) {
    DIALLER_ASSIGN_OR_RETURN(const AgentWithSecret found, FindExisting(email));
    DIALLER_RETURN_IF_ERROR(domain::CheckNewPassword(new_password));
    SetPassword(found.agent, new_password, actor);
    return Ok();
}

Status AgentService::Deactivate(std::string_view email, const Actor& actor) {
    DIALLER_ASSIGN_OR_RETURN(const AgentWithSecret found, FindExisting(email));
    SetActive(found.agent, false, actor);
    return Ok();
}

Result<bool> AgentService::EnsureDemoAgents(std::string_view password) {
    if (!agents_.List().empty()) {
        return false;
    }
    const std::string pw(password);
    for (const auto& [email, name, role] :
         {std::tuple{kDemoAgentEmail, "Demo Agent", "agent"},
          std::tuple{kDemoSupervisorEmail, "Demo Supervisor", "supervisor"},
          std::tuple{kDemoAdminEmail, "Demo Admin", "admin"}}) {
        DIALLER_RETURN_IF_ERROR(
            Add(AddAgentRequest{std::string(email), name, role, "", pw, "", ""}, Actor::System())
        );
    }
    return true;
}

}  // namespace dialler::app
