#include "dialler/app/agent_service.hpp"

#include <tuple>

#include "dialler/base/text.hpp"
#include "dialler/domain/credentials.hpp"

namespace dialler::app {

namespace {
constexpr std::size_t kMaxDisplayNameLength = 100;

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

Result<domain::Agent> AgentService::Add(const AddAgentRequest& request, const Actor& actor) {
    DIALLER_ASSIGN_OR_RETURN(std::string email, domain::NormaliseEmail(request.email));
    const std::string_view name = Trim(request.display_name);
    if (name.empty()) {
        return InvalidField("displayName", "displayName is required");
    }
    DIALLER_RETURN_IF_ERROR(
        CheckText(name, "displayName", kMaxDisplayNameLength, ControlChars::kNone)
    );
    const auto role = domain::ParseRole(request.role);
    if (!role) {
        return InvalidField("role", "role must be one of agent, supervisor, admin");
    }
    auto queues = domain::ParseQueueList(request.queues);
    if (!queues) {
        return InvalidField("queues", "queues must be a list of unsigned, outstanding, callbacks");
    }
    if (queues->empty()) {
        queues = domain::AllQueues();
    }
    DIALLER_RETURN_IF_ERROR(domain::CheckNewPassword(request.password));
    if (agents_.FindByEmail(email)) {
        return Fail(ErrorCode::kAlreadyExists, "an agent with this email already exists", "email");
    }
    const Timestamp now = clock_.Now();
    DIALLER_ASSIGN_OR_RETURN(
        domain::Agent agent,
        agents_.Create(
            NewAgent{
                std::move(email),
                std::string(name),
                *role,
                std::move(*queues),
                hasher_.Hash(request.password)},
            now
        )
    );
    AuditEntry entry = Entry(actor, "agent.created", agent, now);
    entry.details = {{"role", std::string(domain::RoleName(agent.role))}};
    audit_.Append(entry);
    return agent;
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
    const Timestamp now = clock_.Now();
    agents_.UpdatePassword(found.agent.id, hasher_.Hash(new_password), now);
    const int ended = sessions_.RevokeAllForAgent(found.agent.id, now);
    AuditEntry entry = Entry(actor, "agent.password_changed", found.agent, now);
    entry.details = {{"sessionsEnded", std::to_string(ended)}};
    audit_.Append(entry);
    return Ok();
}

Status AgentService::Deactivate(std::string_view email, const Actor& actor) {
    DIALLER_ASSIGN_OR_RETURN(const AgentWithSecret found, FindExisting(email));
    const Timestamp now = clock_.Now();
    agents_.SetActive(found.agent.id, false, now);
    const int ended = sessions_.RevokeAllForAgent(found.agent.id, now);
    AuditEntry entry = Entry(actor, "agent.deactivated", found.agent, now);
    entry.details = {{"sessionsEnded", std::to_string(ended)}};
    audit_.Append(entry);
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
            Add(AddAgentRequest{std::string(email), name, role, "", pw}, Actor::System())
        );
    }
    return true;
}

}  // namespace dialler::app
