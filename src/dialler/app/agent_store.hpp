#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

struct NewAgent {
    std::string email;  // normalised
    std::string display_name;
    domain::Role role = domain::Role::kAgent;
    std::vector<domain::Queue> queues;
    std::string password_hash;
    std::string team;
    domain::AgentKind kind = domain::AgentKind::kHuman;
};

// What an admin may change about an account (besides its password and whether it is active).
struct AgentProfile {
    std::string display_name;
    domain::Role role = domain::Role::kAgent;
    std::vector<domain::Queue> queues;
    std::string team;
};

struct AgentWithSecret {
    domain::Agent agent;
    std::string password_hash;
};

// The accounts that may log in. Implementations: SqlAgentStore (SQLite, PostgreSQL) and
// InMemoryAgentStore (tests); all pass tests/contract/store_contracts_test.cpp. Thread-safe.
// Infrastructure faults are exceptions.
class AgentStore {
public:
    virtual ~AgentStore() = default;

    // Emails are compared in their normalised form (domain::NormaliseEmail).
    virtual std::optional<AgentWithSecret> FindByEmail(std::string_view email) = 0;
    virtual std::optional<domain::Agent> FindById(domain::AgentId id) = 0;
    // Returns kAlreadyExists when the email is taken.
    virtual Result<domain::Agent> Create(const NewAgent& agent, Timestamp now) = 0;
    // Every agent, active or not, ordered by id.
    virtual std::vector<domain::Agent> List() = 0;
    // Return false when no agent has the id.
    virtual bool UpdatePassword(
        domain::AgentId id, const std::string& password_hash, Timestamp now
    ) = 0;
    virtual bool SetActive(domain::AgentId id, bool is_active, Timestamp now) = 0;
    // Returns false when no agent has the id.
    virtual bool UpdateProfile(domain::AgentId id, const AgentProfile& profile, Timestamp now) = 0;
};

}  // namespace dialler::app
