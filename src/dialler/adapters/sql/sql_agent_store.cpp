#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

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
    std::string team;
    std::string kind;

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
            team,
            domain::ParseAgentKind(kind).value_or(domain::AgentKind::kHuman),
        };
    }
};

constexpr const char* kAgentColumns =
    "id, email, display_name, role, queues, password_hash, is_active, password_changed_at, "
    "created_at, updated_at, team, kind";

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
    st.exchange(soci::into(r.team));
    st.exchange(soci::into(r.kind));
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
    const std::string kind(domain::AgentKindName(agent.kind));
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
             "password_changed_at, created_at, updated_at, team, kind) "
             "VALUES (:e, :n, :r, :q, :h, 1, :a, :a2, :a3, :t, :k) RETURNING id",
            soci::use(agent.email), soci::use(agent.display_name), soci::use(role),
            soci::use(queues), soci::use(agent.password_hash), soci::use(at), soci::use(at),
            soci::use(at), soci::use(agent.team), soci::use(kind), soci::into(new_id);
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
        now,
        agent.team,
        agent.kind};
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

bool SqlAgentStore::UpdateProfile(
    domain::AgentId id, const app::AgentProfile& profile, Timestamp now
) {
    const long long at = Ms(now);
    const long long agent_id = id.Value();
    const std::string role(domain::RoleName(profile.role));
    const std::string queues = domain::FormatQueueList(profile.queues);
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE agents SET display_name = :n, role = :r, queues = :q, team = :t, "
                   "updated_at = :a WHERE id = :id",
                   soci::use(profile.display_name),
                   soci::use(role),
                   soci::use(queues),
                   soci::use(profile.team),
                   soci::use(at),
                   soci::use(agent_id)
               ) > 0;
    });
}

}  // namespace dialler::adapters::sql
