#include "dialler/adapters/sql/sql_api_key_store.hpp"

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

struct KeyRow {
    long long id = 0;
    long long agent_id = 0;
    std::string prefix;
    std::string actions;
    std::string queues;
    long long created_by = 0;
    long long created_at = 0;
    long long last_used_at = 0;
    soci::indicator last_used_i{};
    long long revoked_at = 0;
    soci::indicator revoked_at_i{};
    long long revoked_by = 0;
    soci::indicator revoked_by_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(agent_id));
        st.exchange(soci::into(prefix));
        st.exchange(soci::into(actions));
        st.exchange(soci::into(queues));
        st.exchange(soci::into(created_by));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(last_used_at, last_used_i));
        st.exchange(soci::into(revoked_at, revoked_at_i));
        st.exchange(soci::into(revoked_by, revoked_by_i));
    }

    app::ApiKey ToKey() const {
        app::ApiKey k;
        k.id = id;
        k.agent_id = domain::AgentId{agent_id};
        k.prefix = prefix;
        // A stored list we wrote ourselves; an unreadable one allows nothing.
        k.actions = app::MachineActionSet::FromList(actions).value_or(app::MachineActionSet{});
        k.queues = domain::ParseQueueList(queues).value_or(std::vector<domain::Queue>{});
        k.created_by = domain::AgentId{created_by};
        k.created_at = FromMs(created_at);
        if (last_used_i == soci::i_ok) {
            k.last_used_at = FromMs(last_used_at);
        }
        if (revoked_at_i == soci::i_ok) {
            k.revoked_at = FromMs(revoked_at);
        }
        if (revoked_by_i == soci::i_ok) {
            k.revoked_by = domain::AgentId{revoked_by};
        }
        return k;
    }
};

constexpr const char* kKeyColumns =
    "id, agent_id, prefix, actions, queues, created_by_agent_id, created_at, last_used_at, "
    "revoked_at, revoked_by_agent_id";

std::vector<app::ApiKey> SelectKeys(
    soci::session& s, const std::string& where, const std::string* text, int limit
) {
    return SelectFrom<KeyRow>(
        s,
        kKeyColumns,
        "api_keys",
        where,
        "created_at DESC, id DESC",
        limit,
        text,
        [](const KeyRow& r) { return r.ToKey(); }
    );
}

std::optional<app::ApiKey> FirstKey(
    soci::session& s, const std::string& where, const std::string* text = nullptr
) {
    auto found = SelectKeys(s, where, text, 1);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

}  // namespace

app::ApiKey SqlApiKeyStore::Create(const app::ApiKey& key, const std::string& key_hash) {
    const long long agent = key.agent_id.Value();
    const std::string actions = key.actions.ToList();
    const std::string queues = domain::FormatQueueList(key.queues);
    const long long by = key.created_by.Value();
    const long long at = Ms(key.created_at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO api_keys (agent_id, prefix, key_hash, actions, queues, "
             "created_by_agent_id, created_at) VALUES (:a, :p, :h, :ac, :q, :b, :t) RETURNING id",
            soci::use(agent), soci::use(key.prefix), soci::use(key_hash), soci::use(actions),
            soci::use(queues), soci::use(by), soci::use(at), soci::into(new_id);
        return new_id;
    });
    app::ApiKey out = key;
    out.id = id;
    out.last_used_at.reset();
    out.revoked_at.reset();
    out.revoked_by.reset();
    return out;
}

std::optional<app::ApiKey> SqlApiKeyStore::FindByHash(const std::string& key_hash) {
    return db_.Read([&](soci::session& s) { return FirstKey(s, "key_hash = :h", &key_hash); });
}

std::optional<app::ApiKey> SqlApiKeyStore::Find(std::int64_t id) {
    return db_.Read([&](soci::session& s) { return FirstKey(s, "id = " + std::to_string(id)); });
}

std::vector<app::ApiKey> SqlApiKeyStore::ForAgent(domain::AgentId agent) {
    return db_.Read([&](soci::session& s) {
        return SelectKeys(s, "agent_id = " + std::to_string(agent.Value()), nullptr, 200);
    });
}

bool SqlApiKeyStore::Revoke(std::int64_t id, domain::AgentId by, Timestamp at) {
    const long long key = id;
    const long long agent = by.Value();
    const long long when = Ms(at);
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE api_keys SET revoked_at = :t, revoked_by_agent_id = :b WHERE id = :id "
                   "AND revoked_at IS NULL",
                   soci::use(when),
                   soci::use(agent),
                   soci::use(key)
               ) > 0;
    });
}

void SqlApiKeyStore::Touch(std::int64_t id, Timestamp at) {
    const long long key = id;
    const long long when = Ms(at);
    db_.AutoCommit([&](soci::session& s) {
        Execute(
            s,
            "UPDATE api_keys SET last_used_at = :t WHERE id = :id",
            soci::use(when),
            soci::use(key)
        );
    });
}

}  // namespace dialler::adapters::sql
