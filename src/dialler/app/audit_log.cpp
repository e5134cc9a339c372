#include "dialler/app/audit_log.hpp"

namespace dialler::app {

std::string_view ActorKindName(Actor::Kind kind) {
    switch (kind) {
        case Actor::Kind::kAgent:
            return "agent";
        case Actor::Kind::kCli:
            return "cli";
        case Actor::Kind::kSystem:
            return "system";
        case Actor::Kind::kAnonymous:
            return "anonymous";
    }
    return "system";
}

Actor::Kind ParseActorKind(std::string_view name) {
    for (auto k :
         {Actor::Kind::kAgent, Actor::Kind::kCli, Actor::Kind::kSystem, Actor::Kind::kAnonymous}) {
        if (ActorKindName(k) == name) {
            return k;
        }
    }
    return Actor::Kind::kSystem;
}

void AuditAgentAction(
    AuditLog& log,
    const Clock& clock,
    const domain::Agent& agent,
    std::string action,
    std::string subject_type,
    std::string subject_id,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details
) {
    AuditAction(
        log,
        clock,
        Actor::OfAgent(agent.id),
        std::move(action),
        std::move(subject_type),
        std::move(subject_id),
        ctx,
        std::move(details)
    );
}

void AuditAction(
    AuditLog& log,
    const Clock& clock,
    const Actor& actor,
    std::string action,
    std::string subject_type,
    std::string subject_id,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details
) {
    log.Append(AuditEntry{
        0,
        clock.Now(),
        actor,
        std::move(action),
        std::move(subject_type),
        std::move(subject_id),
        std::move(details),
        ctx.request_id,
    });
}

}  // namespace dialler::app
