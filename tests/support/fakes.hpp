#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/app/login_throttle_store.hpp"
#include "dialler/app/probe.hpp"
#include "dialler/app/session_store.hpp"
#include "dialler/app/settings_service.hpp"

namespace dialler::testing {

// In-memory implementations of the storage ports. They pass the same contract suites as the
// SQL adapters (tests/contract), which is what lets unit tests trust them.

class InMemoryAgentStore final : public app::AgentStore {
public:
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
    std::mutex mutex_;
    std::map<std::int64_t, app::AgentWithSecret> rows_;
    std::int64_t next_id_ = 1;
};

class InMemorySessionStore final : public app::SessionStore {
public:
    app::LoginSession Create(const app::LoginSession& session) override;
    std::optional<app::LoginSession> FindByTokenHash(std::string_view token_hash) override;
    void Touch(app::SessionId id, Timestamp now) override;
    void Revoke(app::SessionId id, Timestamp now) override;
    int RevokeAllForAgent(domain::AgentId agent_id, Timestamp now) override;
    std::vector<domain::AgentId> AgentsWithSessions(Timestamp seen_after, Timestamp created_after)
        override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::LoginSession> rows_;
    std::int64_t next_id_ = 1;
};

class InMemoryAuditLog final : public app::AuditLog {
public:
    void Append(const app::AuditEntry& entry) override;
    std::vector<app::AuditEntry> ListRecent(int limit, std::int64_t before_id) override;
    // All entries with this action, oldest first (test convenience).
    std::vector<app::AuditEntry> WithAction(std::string_view action);

private:
    std::mutex mutex_;
    std::vector<app::AuditEntry> rows_;
};

class InMemoryLoginThrottleStore final : public app::LoginThrottleStore {
public:
    app::ThrottleAttempt TryAttempt(
        std::span<const app::ThrottleKey> keys, Timestamp at, Timestamp forget_before
    ) override;
    void Withdraw(std::span<const std::int64_t> ids) override;
    std::vector<Timestamp> FailuresSince(
        app::ThrottleScope scope, const std::string& key, Timestamp since
    ) override;
    void Clear(app::ThrottleScope scope, const std::string& key) override;

private:
    std::vector<Timestamp> FailuresLocked(
        app::ThrottleScope scope, const std::string& key, Timestamp since
    ) const;

    struct Row {
        std::int64_t id;
        app::ThrottleScope scope;
        std::string key;
        Timestamp at;
    };
    std::mutex mutex_;
    std::int64_t next_id_ = 1;
    std::vector<Row> rows_;
};

class InMemorySettingsStore final : public app::SettingsStore {
public:
    app::SettingsMap Load() override {
        const std::lock_guard lock(mutex_);
        ++loads;
        return rows_;
    }
    void Save(const app::SettingsMap& values, const app::Actor&, Timestamp) override {
        const std::lock_guard lock(mutex_);
        for (const auto& [k, v] : values) {
            rows_.insert_or_assign(k, v);
        }
    }
    int loads = 0;

private:
    std::mutex mutex_;
    app::SettingsMap rows_;
};

// Fast, transparent stand-ins for argon2id and the CSPRNG: unit tests check the service logic,
// the real adapters are tested in adapters/crypto.
class FakePasswordHasher final : public app::PasswordHasher {
public:
    std::string Hash(std::string_view password) override { return "fake$" + std::string(password); }
    bool Verify(std::string_view hash, std::string_view password) override {
        ++verify_calls;
        return hash == "fake$" + std::string(password);
    }
    int verify_calls = 0;
};

class FakeTokenService final : public app::TokenService {
public:
    std::string NewToken() override { return "token-" + std::to_string(++counter_); }
    std::string Fingerprint(std::string_view token) override {
        return "fp(" + std::string(token) + ")";
    }

private:
    int counter_ = 0;
};

// A dependency probe whose health the test sets.
class FakeProbe final : public app::Probe {
public:
    explicit FakeProbe(std::string name) : name_(std::move(name)) {}
    std::string_view ProbeName() const override { return name_; }
    void Check() override;
    bool healthy = true;

private:
    std::string name_;
};

}  // namespace dialler::testing
