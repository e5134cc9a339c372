#include "dialler/adapters/sql/sql_stores.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/domain/login_throttle.hpp"

namespace dialler::adapters::sql {

namespace {

// One row of `agents`, bound column by column (rowset<row> would tie us to each backend's
// idea of the column types).
struct AgentRow {
    long long id = 0;
    std::string email;
    std::string display_name;
    std::string role;
    std::string queues;
    std::string password_hash;
    int is_active = 0;
    long long password_changed_at = 0;
    long long created_at = 0;
    long long updated_at = 0;

    domain::Agent ToAgent() const {
        return domain::Agent{
            domain::AgentId{id},
            email,
            display_name,
            domain::ParseRole(role).value_or(domain::Role::kAgent),
            domain::ParseQueueList(queues).value_or(std::vector<domain::Queue>{}),
            is_active != 0,
            FromMs(password_changed_at),
            FromMs(created_at),
            FromMs(updated_at),
        };
    }
};

constexpr const char* kAgentColumns =
    "id, email, display_name, role, queues, password_hash, is_active, password_changed_at, "
    "created_at, updated_at";

template <typename Statement>
void BindAgent(Statement& st, AgentRow& r) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.email));
    st.exchange(soci::into(r.display_name));
    st.exchange(soci::into(r.role));
    st.exchange(soci::into(r.queues));
    st.exchange(soci::into(r.password_hash));
    st.exchange(soci::into(r.is_active));
    st.exchange(soci::into(r.password_changed_at));
    st.exchange(soci::into(r.created_at));
    st.exchange(soci::into(r.updated_at));
}

template <typename Key>
std::optional<AgentRow> QueryOneAgent(soci::session& s, const std::string& where, const Key& key) {
    AgentRow r;
    soci::statement st(s);
    st.alloc();
    BindAgent(st, r);
    st.exchange(soci::use(key));
    PrepareOnce(st, std::string("SELECT ") + kAgentColumns + " FROM agents WHERE " + where);
    if (!st.execute(true)) {
        return std::nullopt;
    }
    return r;
}

std::string_view ScopeName(app::ThrottleScope scope) {
    return scope == app::ThrottleScope::kAccount ? "account" : "address";
}

std::vector<Timestamp> ReadFailures(
    soci::session& s, app::ThrottleScope scope, const std::string& key, long long from
) {
    const std::string sc(ScopeName(scope));
    std::vector<Timestamp> out;
    long long at = 0;
    soci::statement st = Once(
        s,
        "SELECT at FROM login_failures WHERE scope = :s AND throttle_key = :k AND at >= :f "
        "ORDER BY at",
        soci::use(sc),
        soci::use(key),
        soci::use(from),
        soci::into(at)
    );
    st.execute();
    while (st.fetch()) {
        out.push_back(FromMs(at));
    }
    return out;
}

// PostgreSQL advisory locks for login throttling: the two-integer form, in a class of its own
// (the one-integer form the migrator uses is a separate key space). A collision of two keys
// only makes them take turns.
constexpr int kThrottleLockClass = 0x4C4F474E;  // "LOGN"

int ThrottleLockKey(app::ThrottleScope scope, std::string_view key) {
    // FNV-1a: the same on every instance and build (std::hash promises neither).
    std::uint32_t h = 2166136261U;
    const auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 16777619U;
    };
    for (const char c : ScopeName(scope)) {
        mix(static_cast<unsigned char>(c));
    }
    mix(0);
    for (const char c : key) {
        mix(static_cast<unsigned char>(c));
    }
    return static_cast<int>(h);
}

}  // namespace

std::optional<app::AgentWithSecret> SqlAgentStore::FindByEmail(std::string_view email) {
    auto row = db_.Read([&](soci::session& s) {
        return QueryOneAgent(s, "email = :k", std::string(email));
    });
    if (!row) {
        return std::nullopt;
    }
    return app::AgentWithSecret{row->ToAgent(), row->password_hash};
}

std::optional<domain::Agent> SqlAgentStore::FindById(domain::AgentId id) {
    const long long key = id.Value();
    auto row = db_.Read([&](soci::session& s) { return QueryOneAgent(s, "id = :k", key); });
    if (!row) {
        return std::nullopt;
    }
    return row->ToAgent();
}

Result<domain::Agent> SqlAgentStore::Create(const app::NewAgent& agent, Timestamp now) {
    const std::string role(domain::RoleName(agent.role));
    const std::string queues = domain::FormatQueueList(agent.queues);
    const long long at = Ms(now);
    std::optional<long long> id = db_.Write([&](soci::session& s) -> std::optional<long long> {
        long long existing = 0;
        s << "SELECT COUNT(*) FROM agents WHERE email = :e", soci::use(agent.email),
            soci::into(existing);
        if (existing > 0) {
            return std::nullopt;
        }
        long long new_id = 0;
        s << "INSERT INTO agents (email, display_name, role, queues, password_hash, is_active, "
             "password_changed_at, "
             "created_at, updated_at) VALUES (:e, :n, :r, :q, :h, 1, :a, :a2, :a3) RETURNING id",
            soci::use(agent.email), soci::use(agent.display_name), soci::use(role),
            soci::use(queues), soci::use(agent.password_hash), soci::use(at), soci::use(at),
            soci::use(at), soci::into(new_id);
        return new_id;
    });
    if (!id) {
        return Fail(ErrorCode::kAlreadyExists, "an agent with this email already exists", "email");
    }
    return domain::Agent{
        domain::AgentId{*id},
        agent.email,
        agent.display_name,
        agent.role,
        agent.queues,
        true,
        now,
        now,
        now};
}

std::vector<domain::Agent> SqlAgentStore::List() {
    return db_.Read([&](soci::session& s) {
        std::vector<domain::Agent> out;
        AgentRow r;
        soci::statement st(s);
        st.alloc();
        BindAgent(st, r);
        PrepareOnce(st, std::string("SELECT ") + kAgentColumns + " FROM agents ORDER BY id");
        st.execute();
        while (st.fetch()) {
            out.push_back(r.ToAgent());
        }
        return out;
    });
}

bool SqlAgentStore::UpdatePassword(
    domain::AgentId id, const std::string& password_hash, Timestamp now
) {
    const long long at = Ms(now);
    const long long agent_id = id.Value();
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE agents SET password_hash = :h, password_changed_at = :a, "
                   "updated_at = :a2 WHERE id = :id",
                   soci::use(password_hash),
                   soci::use(at),
                   soci::use(at),
                   soci::use(agent_id)
               ) > 0;
    });
}

bool SqlAgentStore::SetActive(domain::AgentId id, bool is_active, Timestamp now) {
    const long long at = Ms(now);
    const long long agent_id = id.Value();
    const int active = is_active ? 1 : 0;
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE agents SET is_active = :v, updated_at = :a WHERE id = :id",
                   soci::use(active),
                   soci::use(at),
                   soci::use(agent_id)
               ) > 0;
    });
}

app::LoginSession SqlSessionStore::Create(const app::LoginSession& session) {
    const long long agent_id = session.agent_id.Value();
    const long long created = Ms(session.created_at);
    const long long seen = Ms(session.last_seen_at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO login_sessions (agent_id, token_hash, csrf_token, created_at, "
             "last_seen_at) "
             "VALUES (:a, :t, :c, :cr, :ls) RETURNING id",
            soci::use(agent_id), soci::use(session.token_hash), soci::use(session.csrf_token),
            soci::use(created), soci::use(seen), soci::into(new_id);
        return new_id;
    });
    app::LoginSession out = session;
    out.id = app::SessionId{id};
    return out;
}

std::optional<app::LoginSession> SqlSessionStore::FindByTokenHash(std::string_view token_hash) {
    const std::string key(token_hash);
    return db_.Read([&](soci::session& s) -> std::optional<app::LoginSession> {
        long long id = 0;
        long long agent_id = 0;
        std::string csrf;
        long long created = 0;
        long long seen = 0;
        long long revoked = 0;
        soci::indicator revoked_ind = soci::i_null;
        s << "SELECT id, agent_id, csrf_token, created_at, last_seen_at, revoked_at FROM "
             "login_sessions "
             "WHERE token_hash = :t",
            soci::use(key), soci::into(id), soci::into(agent_id), soci::into(csrf),
            soci::into(created), soci::into(seen), soci::into(revoked, revoked_ind);
        if (!s.got_data()) {
            return std::nullopt;
        }
        return app::LoginSession{
            app::SessionId{id},
            domain::AgentId{agent_id},
            key,
            csrf,
            FromMs(created),
            FromMs(seen),
            revoked_ind == soci::i_ok ? std::optional(FromMs(revoked)) : std::nullopt,
        };
    });
}

void SqlSessionStore::Touch(app::SessionId id, Timestamp now) {
    const long long at = Ms(now);
    const long long sid = id.Value();
    db_.Write([&](soci::session& s) {
        s << "UPDATE login_sessions SET last_seen_at = :a WHERE id = :id AND last_seen_at < :a2",
            soci::use(at), soci::use(sid), soci::use(at);
    });
}

void SqlSessionStore::Revoke(app::SessionId id, Timestamp now) {
    const long long at = Ms(now);
    const long long sid = id.Value();
    db_.Write([&](soci::session& s) {
        s << "UPDATE login_sessions SET revoked_at = :a WHERE id = :id AND revoked_at IS NULL",
            soci::use(at), soci::use(sid);
    });
}

int SqlSessionStore::RevokeAllForAgent(domain::AgentId agent_id, Timestamp now) {
    const long long at = Ms(now);
    const long long aid = agent_id.Value();
    return db_.Write([&](soci::session& s) {
        return static_cast<int>(Execute(
            s,
            "UPDATE login_sessions SET revoked_at = :a WHERE agent_id = :id AND "
            "revoked_at IS NULL",
            soci::use(at),
            soci::use(aid)
        ));
    });
}

void SqlAuditLog::Append(const app::AuditEntry& e) {
    nlohmann::json details = nlohmann::json::object();
    for (const auto& [k, v] : e.details) {
        details[k] = v;
    }
    const std::string details_text =
        details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const long long at = Ms(e.at);
    const std::string kind(app::ActorKindName(e.actor.kind));
    const long long actor_id = e.actor.agent_id ? e.actor.agent_id->Value() : 0;
    soci::indicator actor_ind = e.actor.agent_id ? soci::i_ok : soci::i_null;
    // One INSERT is atomic by itself: no BEGIN/COMMIT round trips (every next lead writes one).
    db_.AutoCommit([&](soci::session& s) {
        s << "INSERT INTO audit_log (at, actor_kind, actor_agent_id, action, subject_type, "
             "subject_id, details, "
             "request_id) VALUES (:at, :k, :aid, :ac, :st, :sid, :d, :r)",
            soci::use(at), soci::use(kind), soci::use(actor_id, actor_ind), soci::use(e.action),
            soci::use(e.subject_type), soci::use(e.subject_id), soci::use(details_text),
            soci::use(e.request_id);
    });
}

std::vector<app::AuditEntry> SqlAuditLog::ListRecent(int limit, std::int64_t before_id) {
    const long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    const int lim = limit;
    return db_.Read([&](soci::session& s) {
        std::vector<app::AuditEntry> out;
        long long id = 0;
        long long at = 0;
        std::string kind;
        long long actor_id = 0;
        soci::indicator actor_ind = soci::i_null;
        std::string action;
        std::string subject_type;
        std::string subject_id;
        std::string details;
        std::string request_id;
        soci::statement st = Once(
            s,
            "SELECT id, at, actor_kind, actor_agent_id, action, subject_type, "
            "subject_id, details, "
            "request_id FROM audit_log WHERE id < :b ORDER BY id DESC LIMIT :l",
            soci::use(before),
            soci::use(lim),
            soci::into(id),
            soci::into(at),
            soci::into(kind),
            soci::into(actor_id, actor_ind),
            soci::into(action),
            soci::into(subject_type),
            soci::into(subject_id),
            soci::into(details),
            soci::into(request_id)
        );
        st.execute();
        while (st.fetch()) {
            app::AuditEntry e;
            e.id = id;
            e.at = FromMs(at);
            e.actor.kind = app::ParseActorKind(kind);
            if (actor_ind == soci::i_ok) {
                e.actor.agent_id = domain::AgentId{actor_id};
            }
            e.action = action;
            e.subject_type = subject_type;
            e.subject_id = subject_id;
            const auto parsed = nlohmann::json::parse(details);  // must outlive items()
            for (const auto& [k, v] : parsed.items()) {
                e.details.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
            }
            e.request_id = request_id;
            out.push_back(std::move(e));
        }
        return out;
    });
}

app::ThrottleAttempt SqlLoginThrottleStore::TryAttempt(
    std::span<const app::ThrottleKey> keys, Timestamp at, Timestamp forget_before
) {
    const long long when = Ms(at);
    const long long cutoff = Ms(forget_before);
    return db_.Write([&](soci::session& s) {
        if (db_.SqlDialect() == Dialect::kPostgres) {
            std::vector<int> locks;
            for (const app::ThrottleKey& k : keys) {
                locks.push_back(ThrottleLockKey(k.scope, k.key));
            }
            // One order for every instance, so two attempts never wait on each other in a ring.
            std::sort(locks.begin(), locks.end());
            locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
            for (int lock : locks) {
                Once(
                    s,
                    "SELECT pg_advisory_xact_lock(:c, :k)",
                    soci::use(kThrottleLockClass),
                    soci::use(lock)
                )
                    .execute(true);
            }
        }
        Execute(s, "DELETE FROM login_failures WHERE at < :c", soci::use(cutoff));
        app::ThrottleAttempt attempt;
        for (const app::ThrottleKey& k : keys) {
            const std::vector<Timestamp> failures =
                ReadFailures(s, k.scope, k.key, Ms(at - k.rule.window));
            const domain::ThrottleDecision decision = domain::DecideThrottle(failures, k.rule, at);
            if (!decision.allowed) {
                attempt.refused_by = k.scope;
                attempt.retry_after = decision.retry_after;
                return attempt;
            }
        }
        for (const app::ThrottleKey& k : keys) {
            const std::string sc(ScopeName(k.scope));
            long long id = 0;
            Once(
                s,
                "INSERT INTO login_failures (scope, throttle_key, at) VALUES (:s, :k, :a) "
                "RETURNING id",
                soci::use(sc),
                soci::use(k.key),
                soci::use(when),
                soci::into(id)
            )
                .execute(true);
            attempt.ids.push_back(id);
        }
        attempt.allowed = true;
        return attempt;
    });
}

void SqlLoginThrottleStore::Withdraw(std::span<const std::int64_t> ids) {
    db_.Write([&](soci::session& s) {
        for (const std::int64_t id : ids) {
            const long long key = id;
            Execute(s, "DELETE FROM login_failures WHERE id = :i", soci::use(key));
        }
    });
}

std::vector<Timestamp> SqlLoginThrottleStore::FailuresSince(
    app::ThrottleScope scope, const std::string& key, Timestamp since
) {
    return db_.Read([&](soci::session& s) { return ReadFailures(s, scope, key, Ms(since)); });
}

void SqlLoginThrottleStore::Clear(app::ThrottleScope scope, const std::string& key) {
    const std::string sc(ScopeName(scope));
    db_.Write([&](soci::session& s) {
        s << "DELETE FROM login_failures WHERE scope = :s AND throttle_key = :k", soci::use(sc),
            soci::use(key);
    });
}

}  // namespace dialler::adapters::sql
