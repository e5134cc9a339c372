#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/base/strong_id.hpp"

namespace dialler::domain {

using AgentId = StrongId<struct AgentIdTag>;

// One role per account. Routes list the roles they admit; nothing is implied by another role
// (an admin is not automatically an agent), so every permission is visible where it is granted.
enum class Role { kAgent, kSupervisor, kAdmin };

std::string_view RoleName(Role role);
// Parses the wire/DB name ("agent", "supervisor", "admin"); exact, lower case.
std::optional<Role> ParseRole(std::string_view name);

// A set of roles, for route declarations: RoleSet{Role::kSupervisor, Role::kAdmin}.
class RoleSet {
public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (Role r : roles) {
            bits_ |= Bit(r);
        }
    }
    static constexpr RoleSet All() { return {Role::kAgent, Role::kSupervisor, Role::kAdmin}; }
    constexpr bool Contains(Role r) const { return (bits_ & Bit(r)) != 0; }
    constexpr bool Empty() const { return bits_ == 0; }

private:
    static constexpr std::uint8_t Bit(Role r) {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(r));
    }
    std::uint8_t bits_ = 0;
};

// A person at a headset, or an external AI agent working the queues through the API with an API
// key (product.md §2). Machine agents never sign in with a password.
enum class AgentKind { kHuman, kMachine };

std::string_view AgentKindName(AgentKind kind);
// Parses "human" / "machine"; exact, lower case.
std::optional<AgentKind> ParseAgentKind(std::string_view name);

// The queues of product.md §3.
enum class Queue { kUnsigned, kOutstanding, kCallbacks };

std::string_view QueueName(Queue queue);
std::optional<Queue> ParseQueue(std::string_view name);
// Parses a comma-separated list ("unsigned,callbacks"); nullopt if any part is unknown.
std::optional<std::vector<Queue>> ParseQueueList(std::string_view list);
std::string FormatQueueList(const std::vector<Queue>& queues);
inline std::vector<Queue> AllQueues() {
    return {Queue::kUnsigned, Queue::kOutstanding, Queue::kCallbacks};
}

struct Agent {
    AgentId id;
    std::string email;  // normalised (NormaliseEmail)
    std::string display_name;
    Role role = Role::kAgent;
    std::vector<Queue> queues;
    bool is_active = true;
    Timestamp password_changed_at;
    Timestamp created_at;
    Timestamp updated_at;
    std::string team;  // a name the floor is grouped by; empty: no team
    AgentKind kind = AgentKind::kHuman;
};

}  // namespace dialler::domain
