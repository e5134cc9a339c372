#include "dialler/domain/agent.hpp"

#include <algorithm>

#include "dialler/base/text.hpp"

namespace dialler::domain {

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAgent:
            return "agent";
        case Role::kSupervisor:
            return "supervisor";
        case Role::kAdmin:
            return "admin";
    }
    return "agent";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (Role r : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
        if (RoleName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

std::string_view AgentKindName(AgentKind kind) {
    return kind == AgentKind::kMachine ? "machine" : "human";
}

std::optional<AgentKind> ParseAgentKind(std::string_view name) {
    for (AgentKind k : {AgentKind::kHuman, AgentKind::kMachine}) {
        if (AgentKindName(k) == name) {
            return k;
        }
    }
    return std::nullopt;
}

std::string_view QueueName(Queue queue) {
    switch (queue) {
        case Queue::kUnsigned:
            return "unsigned";
        case Queue::kOutstanding:
            return "outstanding";
        case Queue::kCallbacks:
            return "callbacks";
    }
    return "unsigned";
}

std::optional<Queue> ParseQueue(std::string_view name) {
    for (Queue q : AllQueues()) {
        if (QueueName(q) == name) {
            return q;
        }
    }
    return std::nullopt;
}

std::optional<std::vector<Queue>> ParseQueueList(std::string_view list) {
    std::vector<Queue> queues;
    if (Trim(list).empty()) {
        return queues;
    }
    for (std::string_view part : Split(list, ',')) {
        const auto q = ParseQueue(Trim(part));
        if (!q) {
            return std::nullopt;
        }
        if (std::find(queues.begin(), queues.end(), *q) == queues.end()) {
            queues.push_back(*q);
        }
    }
    return queues;
}

std::string FormatQueueList(const std::vector<Queue>& queues) {
    std::string out;
    for (Queue q : queues) {
        if (!out.empty()) {
            out += ',';
        }
        out += QueueName(q);
    }
    return out;
}

}  // namespace dialler::domain
