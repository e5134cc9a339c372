#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

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

std::vector<domain::AgentId> SqlSessionStore::AgentsWithSessions(
    Timestamp seen_after, Timestamp created_after
) {
    const long long seen = Ms(seen_after);
    const long long created = Ms(created_after);
    return db_.Read([&](soci::session& s) {
        std::vector<domain::AgentId> agents;
        long long agent_id = 0;
        soci::statement st = Once(
            s,
            "SELECT DISTINCT agent_id FROM login_sessions WHERE revoked_at IS NULL AND "
            "last_seen_at > :s AND created_at > :c ORDER BY agent_id",
            soci::into(agent_id),
            soci::use(seen),
            soci::use(created)
        );
        st.execute();
        while (st.fetch()) {
            agents.emplace_back(agent_id);
        }
        return agents;
    });
}

}  // namespace dialler::adapters::sql
