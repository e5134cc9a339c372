#include "fakes.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace dialler::testing {

std::optional<app::AgentWithSecret> InMemoryAgentStore::FindByEmail(std::string_view email) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.agent.email == email) {
            return row;
        }
    }
    return std::nullopt;
}

std::optional<domain::Agent> InMemoryAgentStore::FindById(domain::AgentId id) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return std::nullopt;
    }
    return it->second.agent;
}

Result<domain::Agent> InMemoryAgentStore::Create(const app::NewAgent& agent, Timestamp now) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.agent.email == agent.email) {
            return Fail(
                ErrorCode::kAlreadyExists, "an agent with this email already exists", "email"
            );
        }
    }
    const domain::Agent created{
        domain::AgentId{next_id_++},
        agent.email,
        agent.display_name,
        agent.role,
        agent.queues,
        true,
        now,
        now,
        now,
        agent.team,
        agent.kind};
    rows_.emplace(created.id.Value(), app::AgentWithSecret{created, agent.password_hash});
    return created;
}

bool InMemoryAgentStore::UpdateProfile(
    domain::AgentId id, const app::AgentProfile& profile, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return false;
    }
    domain::Agent& a = it->second.agent;
    a.display_name = profile.display_name;
    a.role = profile.role;
    a.queues = profile.queues;
    a.team = profile.team;
    a.updated_at = now;
    return true;
}

std::vector<domain::Agent> InMemoryAgentStore::List() {
    const std::lock_guard lock(mutex_);
    std::vector<domain::Agent> out;
    for (const auto& [id, row] : rows_) {
        out.push_back(row.agent);
    }
    return out;
}

bool InMemoryAgentStore::UpdatePassword(
    domain::AgentId id, const std::string& password_hash, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return false;
    }
    it->second.password_hash = password_hash;
    it->second.agent.password_changed_at = now;
    it->second.agent.updated_at = now;
    return true;
}

bool InMemoryAgentStore::SetActive(domain::AgentId id, bool is_active, Timestamp now) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return false;
    }
    it->second.agent.is_active = is_active;
    it->second.agent.updated_at = now;
    return true;
}

app::LoginSession InMemorySessionStore::Create(const app::LoginSession& session) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.token_hash == session.token_hash) {
            throw std::runtime_error("duplicate token hash");  // the SQL UNIQUE constraint's twin
        }
    }
    app::LoginSession stored = session;
    stored.id = app::SessionId{next_id_++};
    rows_.emplace(stored.id.Value(), stored);
    return stored;
}

std::optional<app::LoginSession> InMemorySessionStore::FindByTokenHash(std::string_view token_hash
) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.token_hash == token_hash) {
            return row;
        }
    }
    return std::nullopt;
}

void InMemorySessionStore::Touch(app::SessionId id, Timestamp now) {
    const std::lock_guard lock(mutex_);
    if (const auto it = rows_.find(id.Value());
        it != rows_.end() && it->second.last_seen_at < now) {
        it->second.last_seen_at = now;
    }
}

void InMemorySessionStore::Revoke(app::SessionId id, Timestamp now) {
    const std::lock_guard lock(mutex_);
    if (const auto it = rows_.find(id.Value()); it != rows_.end() && !it->second.revoked_at) {
        it->second.revoked_at = now;
    }
}

int InMemorySessionStore::RevokeAllForAgent(domain::AgentId agent_id, Timestamp now) {
    const std::lock_guard lock(mutex_);
    int n = 0;
    for (auto& [id, row] : rows_) {
        if (row.agent_id == agent_id && !row.revoked_at) {
            row.revoked_at = now;
            ++n;
        }
    }
    return n;
}

std::vector<domain::AgentId> InMemorySessionStore::AgentsWithSessions(
    Timestamp seen_after, Timestamp created_after
) {
    const std::lock_guard lock(mutex_);
    std::set<std::int64_t> agents;
    for (const auto& [id, row] : rows_) {
        if (!row.revoked_at && row.last_seen_at > seen_after && row.created_at > created_after) {
            agents.insert(row.agent_id.Value());
        }
    }
    std::vector<domain::AgentId> out;
    out.reserve(agents.size());
    for (const std::int64_t agent : agents) {
        out.emplace_back(agent);
    }
    return out;
}

void InMemoryAuditLog::Append(const app::AuditEntry& entry) {
    const std::lock_guard lock(mutex_);
    app::AuditEntry stored = entry;
    stored.id = static_cast<std::int64_t>(rows_.size()) + 1;
    rows_.push_back(std::move(stored));
}

std::vector<app::AuditEntry> InMemoryAuditLog::ListRecent(int limit, std::int64_t before_id) {
    const std::lock_guard lock(mutex_);
    std::vector<app::AuditEntry> out;
    for (auto it = rows_.rbegin(); it != rows_.rend() && static_cast<int>(out.size()) < limit;
         ++it) {
        if (before_id <= 0 || it->id < before_id) {
            out.push_back(*it);
        }
    }
    return out;
}

std::vector<app::AuditEntry> InMemoryAuditLog::WithAction(std::string_view action) {
    const std::lock_guard lock(mutex_);
    std::vector<app::AuditEntry> out;
    std::copy_if(rows_.begin(), rows_.end(), std::back_inserter(out), [&](const auto& e) {
        return e.action == action;
    });
    return out;
}

app::ThrottleAttempt InMemoryLoginThrottleStore::TryAttempt(
    std::span<const app::ThrottleKey> keys, Timestamp at, Timestamp forget_before
) {
    const std::lock_guard lock(mutex_);
    std::erase_if(rows_, [&](const Row& row) { return row.at < forget_before; });
    app::ThrottleAttempt attempt;
    for (const app::ThrottleKey& k : keys) {
        const auto failures = FailuresLocked(k.scope, k.key, at - k.rule.window);
        const domain::ThrottleDecision decision = domain::DecideThrottle(failures, k.rule, at);
        if (!decision.allowed) {
            attempt.refused_by = k.scope;
            attempt.retry_after = decision.retry_after;
            return attempt;
        }
    }
    for (const app::ThrottleKey& k : keys) {
        rows_.push_back(Row{next_id_, k.scope, k.key, at});
        attempt.ids.push_back(next_id_++);
    }
    attempt.allowed = true;
    return attempt;
}

void InMemoryLoginThrottleStore::Withdraw(std::span<const std::int64_t> ids) {
    const std::lock_guard lock(mutex_);
    std::erase_if(rows_, [&](const Row& row) {
        return std::find(ids.begin(), ids.end(), row.id) != ids.end();
    });
}

std::vector<Timestamp> InMemoryLoginThrottleStore::FailuresSince(
    app::ThrottleScope scope, const std::string& key, Timestamp since
) {
    const std::lock_guard lock(mutex_);
    return FailuresLocked(scope, key, since);
}

std::vector<Timestamp> InMemoryLoginThrottleStore::FailuresLocked(
    app::ThrottleScope scope, const std::string& key, Timestamp since
) const {
    std::vector<Timestamp> out;
    for (const Row& row : rows_) {
        if (row.scope == scope && row.key == key && row.at >= since) {
            out.push_back(row.at);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void InMemoryLoginThrottleStore::Clear(app::ThrottleScope scope, const std::string& key) {
    const std::lock_guard lock(mutex_);
    std::erase_if(rows_, [&](const Row& row) { return row.scope == scope && row.key == key; });
}

void FakeProbe::Check() {
    if (!healthy) {
        throw std::runtime_error("cannot reach " + name_ + " at secret-host:5432");
    }
}

}  // namespace dialler::testing
