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

}  // namespace dialler::app
