#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/audit_search.hpp"
#include "dialler/app/login_throttle_store.hpp"
#include "dialler/app/session_store.hpp"

namespace dialler::adapters::sql {

// The SQL implementations of the app's storage ports, one class per port, on SQLite and
// PostgreSQL alike. Each keeps a reference to the SqlDatabase. Contract tests:
// tests/contract/*_contract.hpp.

class SqlAgentStore final : public app::AgentStore {
public:
    explicit SqlAgentStore(SqlDatabase& db) : db_(db) {}
    std::optional<app::AgentWithSecret> FindByEmail(std::string_view email) override;
    std::optional<domain::Agent> FindById(domain::AgentId id) override;
    Result<domain::Agent> Create(const app::NewAgent& agent, Timestamp now) override;
    std::vector<domain::Agent> List() override;
    bool UpdatePassword(domain::AgentId id, const std::string& password_hash, Timestamp now)
        override;
    bool SetActive(domain::AgentId id, bool is_active, Timestamp now) override;
    bool UpdateProfile(domain::AgentId id, const app::AgentProfile& profile, Timestamp now)
        override;

private:
    SqlDatabase& db_;
};

class SqlSessionStore final : public app::SessionStore {
public:
    explicit SqlSessionStore(SqlDatabase& db) : db_(db) {}
    app::LoginSession Create(const app::LoginSession& session) override;
    std::optional<app::LoginSession> FindByTokenHash(std::string_view token_hash) override;
    void Touch(app::SessionId id, Timestamp now) override;
    void Revoke(app::SessionId id, Timestamp now) override;
    int RevokeAllForAgent(domain::AgentId agent_id, Timestamp now) override;
    std::vector<domain::AgentId> AgentsWithSessions(Timestamp seen_after, Timestamp created_after)
        override;

private:
    SqlDatabase& db_;
};

// The audit log, and its search for the viewer (the same table).
class SqlAuditLog final : public app::AuditLog, public app::AuditSearchStore {
public:
    explicit SqlAuditLog(SqlDatabase& db) : db_(db) {}
    void Append(const app::AuditEntry& entry) override;
    std::vector<app::AuditEntry> ListRecent(int limit, std::int64_t before_id) override;
    std::vector<app::AuditView> Search(const app::AuditFilter& filter) override;

private:
    SqlDatabase& db_;
};

class SqlLoginThrottleStore final : public app::LoginThrottleStore {
public:
    explicit SqlLoginThrottleStore(SqlDatabase& db) : db_(db) {}
    // One transaction; on PostgreSQL it first takes a transaction-scoped advisory lock per key
    // (in a fixed order), so instances sharing the database take turns per account and address.
    // On SQLite the transaction's write lock (BEGIN IMMEDIATE) is the turn.
    app::ThrottleAttempt TryAttempt(
        std::span<const app::ThrottleKey> keys, Timestamp at, Timestamp forget_before
    ) override;
    void Withdraw(std::span<const std::int64_t> ids) override;
    std::vector<Timestamp> FailuresSince(
        app::ThrottleScope scope, const std::string& key, Timestamp since
    ) override;
    void Clear(app::ThrottleScope scope, const std::string& key) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
