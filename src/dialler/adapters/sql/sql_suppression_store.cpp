#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/lead_rows.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::sql {

// --- suppressions ---------------------------------------------------------------------------

namespace {

struct SuppressionRow {
    long long id = 0;
    long long user_id = 0;
    soci::indicator user_i{};
    std::string phone;
    soci::indicator phone_i{};
    std::string channel;
    std::string reason;
    std::string source;
    std::string created_kind;
    long long created_agent = 0;
    soci::indicator created_agent_i{};
    long long created_at = 0;
    long long removed_at = 0;
    soci::indicator removed_i{};
    std::string removed_kind;
    soci::indicator removed_kind_i{};
    long long removed_agent = 0;
    soci::indicator removed_agent_i{};
    std::string removed_reason;

    static app::Actor ActorOf(const std::string& kind, long long agent, soci::indicator agent_i) {
        app::Actor a;
        a.kind = app::ParseActorKind(kind);
        if (agent_i == soci::i_ok) {
            a.agent_id = domain::AgentId{agent};
        }
        return a;
    }

    app::Suppression ToSuppression() const {
        app::Suppression e;
        e.id = id;
        if (user_i == soci::i_ok) {
            e.user_id = domain::UserId{user_id};
        }
        if (phone_i == soci::i_ok) {
            e.phone_e164 = phone;
        }
        e.channel = app::ParseSuppressionChannel(channel).value_or(app::SuppressionChannel::kAll);
        e.reason = reason;
        e.source = source;
        e.created_by = ActorOf(created_kind, created_agent, created_agent_i);
        e.created_at = FromMs(created_at);
        if (removed_i == soci::i_ok) {
            e.removed_at = FromMs(removed_at);
            e.removed_by = ActorOf(
                removed_kind_i == soci::i_ok ? removed_kind : "", removed_agent, removed_agent_i
            );
        }
        e.removed_reason = removed_reason;
        return e;
    }
};

constexpr const char* kSuppressionColumns =
    "id, user_id, phone_e164, channel, reason, source, created_by_kind, created_by_agent_id, "
    "created_at, "
    "removed_at, removed_by_kind, removed_by_agent_id, removed_reason";

void BindSuppression(soci::statement& st, SuppressionRow& r) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.user_id, r.user_i));
    st.exchange(soci::into(r.phone, r.phone_i));
    st.exchange(soci::into(r.channel));
    st.exchange(soci::into(r.reason));
    st.exchange(soci::into(r.source));
    st.exchange(soci::into(r.created_kind));
    st.exchange(soci::into(r.created_agent, r.created_agent_i));
    st.exchange(soci::into(r.created_at));
    st.exchange(soci::into(r.removed_at, r.removed_i));
    st.exchange(soci::into(r.removed_kind, r.removed_kind_i));
    st.exchange(soci::into(r.removed_agent, r.removed_agent_i));
    st.exchange(soci::into(r.removed_reason));
}

std::vector<app::Suppression> SelectSuppressions(
    soci::session& s, const std::string& where, int limit
) {
    std::vector<app::Suppression> out;
    SuppressionRow r;
    soci::statement st(s);
    st.alloc();
    BindSuppression(st, r);
    PrepareOnce(
        st,
        std::string("SELECT ") + kSuppressionColumns + " FROM suppressions WHERE " + where +
            " ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(std::max(limit, 0))
    );
    st.execute();
    while (st.fetch()) {
        out.push_back(r.ToSuppression());
    }
    return out;
}

// A quoted SQL string literal, for the phone lists of the batch query (E.164 is "+" and digits,
// but quoting keeps any value harmless).
std::string SqlString(std::string_view v) {
    std::string out = "'";
    for (char c : v) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

}  // namespace

app::Suppression SqlSuppressionStore::Add(const app::Suppression& entry) {
    const long long user = entry.user_id ? entry.user_id->Value() : 0;
    soci::indicator user_i = entry.user_id ? soci::i_ok : soci::i_null;
    const std::string phone = entry.phone_e164.value_or("");
    soci::indicator phone_i = entry.phone_e164 ? soci::i_ok : soci::i_null;
    const std::string channel(app::SuppressionChannelName(entry.channel));
    const std::string kind(app::ActorKindName(entry.created_by.kind));
    const long long agent = entry.created_by.agent_id ? entry.created_by.agent_id->Value() : 0;
    soci::indicator agent_i = entry.created_by.agent_id ? soci::i_ok : soci::i_null;
    const long long at = Ms(entry.created_at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO suppressions (user_id, phone_e164, channel, reason, source, "
             "created_by_kind, "
             "created_by_agent_id, created_at) VALUES (:u, :p, :c, :r, :s, :k, :a, :t) RETURNING "
             "id",
            soci::use(user, user_i), soci::use(phone, phone_i), soci::use(channel),
            soci::use(entry.reason), soci::use(entry.source), soci::use(kind),
            soci::use(agent, agent_i), soci::use(at), soci::into(new_id);
        return new_id;
    });
    app::Suppression out = entry;
    out.id = id;
    out.removed_at.reset();
    out.removed_by.reset();
    out.removed_reason.clear();
    return out;
}

bool SqlSuppressionStore::Remove(
    std::int64_t id, const app::Actor& by, const std::string& reason, Timestamp at
) {
    const long long entry = id;
    const std::string kind(app::ActorKindName(by.kind));
    const long long agent = by.agent_id ? by.agent_id->Value() : 0;
    soci::indicator agent_i = by.agent_id ? soci::i_ok : soci::i_null;
    const long long when = Ms(at);
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE suppressions SET removed_at = :t, removed_by_kind = :k, "
                   "removed_by_agent_id = :a, "
                   "removed_reason = :r WHERE id = :id AND removed_at IS NULL",
                   soci::use(when),
                   soci::use(kind),
                   soci::use(agent, agent_i),
                   soci::use(reason),
                   soci::use(entry)
               ) > 0;
    });
}

std::optional<app::Suppression> SqlSuppressionStore::Find(std::int64_t id) {
    auto found = db_.Read([&](soci::session& s) {
        return SelectSuppressions(s, "id = " + std::to_string(id), 1);
    });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<app::Suppression> SqlSuppressionStore::List(
    std::optional<domain::UserId> user_id,
    std::optional<std::string> phone_e164,
    bool include_removed,
    int limit
) {
    // With both, the entries for either: everything that covers this customer.
    std::string where = "1 = 1";
    if (user_id && phone_e164) {
        where += " AND (user_id = " + std::to_string(user_id->Value()) +
                 " OR phone_e164 = " + SqlString(*phone_e164) + ")";
    } else if (user_id) {
        where += " AND user_id = " + std::to_string(user_id->Value());
    } else if (phone_e164) {
        where += " AND phone_e164 = " + SqlString(*phone_e164);
    }
    if (!include_removed) {
        where += " AND removed_at IS NULL";
    }
    return db_.Read([&](soci::session& s) { return SelectSuppressions(s, where, limit); });
}

std::vector<domain::UserId> SqlSuppressionStore::Suppressed(
    std::span<const app::SuppressionSubject> subjects, app::SuppressionChannel channel
) {
    std::vector<domain::UserId> out;
    if (subjects.empty()) {
        return out;
    }
    std::vector<domain::UserId> ids;
    std::string phones;
    for (const auto& subject : subjects) {
        ids.push_back(subject.user_id);
        if (subject.phone_e164) {
            phones += (phones.empty() ? "" : ",") + SqlString(*subject.phone_e164);
        }
    }
    std::string channels = "'all'";
    if (channel != app::SuppressionChannel::kAll) {
        channels += ",'" + std::string(app::SuppressionChannelName(channel)) + "'";
    }
    std::string sql =
        "SELECT user_id, phone_e164 FROM suppressions WHERE removed_at IS NULL AND channel IN (" +
        channels + ") AND (user_id IN " + IdList(ids);
    if (!phones.empty()) {
        sql += " OR phone_e164 IN (" + phones + ")";
    }
    sql += ")";
    std::unordered_set<long long> users;
    std::unordered_set<std::string> numbers;
    db_.Read([&](soci::session& s) {
        long long user = 0;
        soci::indicator user_i{};
        std::string phone;
        soci::indicator phone_i{};
        soci::statement st = Once(s, sql, soci::into(user, user_i), soci::into(phone, phone_i));
        st.execute();
        while (st.fetch()) {
            if (user_i == soci::i_ok) {
                users.insert(user);
            }
            if (phone_i == soci::i_ok) {
                numbers.insert(phone);
            }
        }
    });
    std::unordered_set<long long> seen;
    for (const auto& subject : subjects) {
        const bool covered = users.contains(subject.user_id.Value()) ||
                             (subject.phone_e164 && numbers.contains(*subject.phone_e164));
        if (covered && seen.insert(subject.user_id.Value()).second) {
            out.push_back(subject.user_id);
        }
    }
    return out;
}

}  // namespace dialler::adapters::sql
