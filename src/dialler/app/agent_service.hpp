#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/app/session_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

struct AddAgentRequest {
    std::string email;
    std::string display_name;
    std::string role;    // "agent" | "supervisor" | "admin"
    std::string queues;  // comma-separated; empty = every queue
    std::string password;
    std::string team;  // empty: none
    std::string kind;  // "human" (or empty) | "machine": no password, API keys instead
};

// What an admin changes about an account; an absent field stays as it is.
struct AgentChanges {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<std::string> queues;  // comma-separated; empty = every queue
    std::optional<std::string> team;
    std::optional<bool> active;
};

// The demo logins `make run` prints (product.md; issue 2).
inline constexpr std::string_view kDemoAgentEmail = "agent@demo.local";
inline constexpr std::string_view kDemoSupervisorEmail = "supervisor@demo.local";
inline constexpr std::string_view kDemoAdminEmail = "admin@demo.local";

// Manages agent accounts (the `dialler agents` commands now, the admin screens later). Keeps
// references to the ports. Thread-safe; blocking (hashing): call from workers. Every change is
// audited under `actor`.
class AgentService {
public:
    AgentService(
        AgentStore& agents,
        SessionStore& sessions,
        AuditLog& audit,
        PasswordHasher& hasher,
        const Clock& clock
    );

    // Errors: kInvalidArgument naming the field (email, displayName, role, queues, password),
    // kAlreadyExists for a taken email.
    Result<domain::Agent> Add(const AddAgentRequest& request, const Actor& actor);
    std::vector<domain::Agent> List();
    // Sets a new password and ends every session of the agent. Errors: kInvalidArgument,
    // kNotFound.
    Status ChangePassword(
        std::string_view email, std::string_view new_password, const Actor& actor
    );
    // Deactivates the account and ends its sessions; the account and its history stay.
    // Errors: kInvalidArgument, kNotFound.
    Status Deactivate(std::string_view email, const Actor& actor);

    // The admin screens. Each changed field is audited (`agent.updated` with field, from, to;
    // `agent.deactivated` / `agent.reactivated`); a change of role or queues, or a deactivation,
    // ends the agent's sessions so the new rights apply at once. Errors: kInvalidArgument naming
    // the field, kNotFound, kFailedPrecondition when admins would deactivate or demote
    // themselves (nobody may lock the last door from the inside).
    Result<domain::Agent> Update(
        domain::AgentId id, const AgentChanges& changes, const Actor& actor
    );
    // Sets a new password (an admin's reset) and ends every session of the agent.
    Status ResetPassword(domain::AgentId id, std::string_view new_password, const Actor& actor);

    // Creates the three demo logins with `password` if the agent table is empty; returns whether
    // it created them. For development mode only (main refuses it in production).
    Result<bool> EnsureDemoAgents(std::string_view password);

private:
    Result<AgentWithSecret> FindExisting(std::string_view email);
    void SetPassword(const domain::Agent& agent, std::string_view new_password, const Actor& actor);
    void SetActive(const domain::Agent& agent, bool active, const Actor& actor);

    AgentStore& agents_;
    SessionStore& sessions_;
    AuditLog& audit_;
    PasswordHasher& hasher_;
    const Clock& clock_;
};

}  // namespace dialler::app
