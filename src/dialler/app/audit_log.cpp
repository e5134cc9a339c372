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

}  // namespace dialler::app
