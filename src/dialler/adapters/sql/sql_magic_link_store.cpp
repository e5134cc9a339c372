#include "dialler/adapters/sql/sql_magic_link_store.hpp"

#include <algorithm>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

constexpr const char* kColumns =
    "id, user_id, link_type, token_hash, created_by, call_session_id, sms_id, created_at, "
    "expires_at, revoked_at, revoked_by, click_count, first_opened_at, last_opened_at";

// One `magic_links` row, bound column by column in kColumns order.
struct Row {
    long long id = 0;
    long long user_id = 0;
    long long created_by = 0;
    long long call_session_id = 0;
    long long sms_id = 0;
    long long created_at = 0;
    long long expires_at = 0;
    long long revoked_at = 0;
    long long revoked_by = 0;
    long long first_opened_at = 0;
    long long last_opened_at = 0;
    int click_count = 0;
    std::string type;
    std::string token_hash;
    soci::indicator created_by_i{};
    soci::indicator call_i{};
    soci::indicator sms_i{};
    soci::indicator revoked_at_i{};
    soci::indicator revoked_by_i{};
    soci::indicator first_i{};
    soci::indicator last_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(type));
        st.exchange(soci::into(token_hash));
        st.exchange(soci::into(created_by, created_by_i));
        st.exchange(soci::into(call_session_id, call_i));
        st.exchange(soci::into(sms_id, sms_i));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(expires_at));
        st.exchange(soci::into(revoked_at, revoked_at_i));
        st.exchange(soci::into(revoked_by, revoked_by_i));
        st.exchange(soci::into(click_count));
        st.exchange(soci::into(first_opened_at, first_i));
        st.exchange(soci::into(last_opened_at, last_i));
    }

    app::MagicLink ToLink() const {
        const auto time = [](long long ms, soci::indicator i) {
            return i == soci::i_ok ? std::optional<Timestamp>(FromMs(ms)) : std::nullopt;
        };
        const auto number = [](long long v, soci::indicator i) {
            return i == soci::i_ok ? std::optional<std::int64_t>(v) : std::nullopt;
        };
        const auto agent = [](long long v, soci::indicator i) {
            return i == soci::i_ok ? std::optional(domain::AgentId{v}) : std::nullopt;
        };
        app::MagicLink l;
        l.id = id;
        l.user_id = domain::UserId{user_id};
        l.type = domain::ParseLinkType(type).value_or(domain::LinkType::kClaimPortal);
        l.token_hash = token_hash;
        l.created_by = agent(created_by, created_by_i);
        l.call_session_id = number(call_session_id, call_i);
        l.sms_id = number(sms_id, sms_i);
        l.created_at = FromMs(created_at);
        l.expires_at = FromMs(expires_at);
        l.revoked_at = time(revoked_at, revoked_at_i);
        l.revoked_by = agent(revoked_by, revoked_by_i);
        l.click_count = click_count;
        l.first_opened_at = time(first_opened_at, first_i);
        l.last_opened_at = time(last_opened_at, last_i);
        return l;
    }
};

// The rows matching `where` (an SQL condition with at most one text parameter, `text`), in
// `order`, at most `limit`.
std::vector<app::MagicLink> Select(
    soci::session& s,
    const std::string& where,
    const std::string& order,
    int limit,
    const std::string* text = nullptr
) {
    return SelectFrom<Row>(s, kColumns, "magic_links", where, order, limit, text, [](const Row& r) {
        return r.ToLink();
    });
}

std::optional<app::MagicLink> First(std::vector<app::MagicLink> links) {
    return links.empty() ? std::nullopt : std::optional(std::move(links.front()));
}

}  // namespace

app::MagicLink SqlMagicLinkStore::Create(const app::MagicLink& link) {
    const long long user = link.user_id.Value();
    const std::string type(domain::LinkTypeName(link.type));
    long long by = link.created_by ? link.created_by->Value() : 0;
    soci::indicator by_i = link.created_by ? soci::i_ok : soci::i_null;
    long long call = link.call_session_id.value_or(0);
    soci::indicator call_i = link.call_session_id ? soci::i_ok : soci::i_null;
    const long long created = Ms(link.created_at);
    const long long expires = Ms(link.expires_at);
    const long long id = db_.AutoCommit([&](soci::session& s) {  // one INSERT: atomic by itself
        long long new_id = 0;
        Once(
            s,
            "INSERT INTO magic_links (user_id, link_type, token_hash, created_by, "
            "call_session_id, created_at, expires_at) VALUES (:u, :t, :h, :b, :c, :cr, :e) "
            "RETURNING id",
            soci::use(user),
            soci::use(type),
            soci::use(link.token_hash),
            soci::use(by, by_i),
            soci::use(call, call_i),
            soci::use(created),
            soci::use(expires),
            soci::into(new_id)
        )
            .execute(true);
        return new_id;
    });
    app::MagicLink out = link;
    out.id = id;
    out.sms_id.reset();
    out.revoked_at.reset();
    out.revoked_by.reset();
    out.click_count = 0;
    out.first_opened_at.reset();
    out.last_opened_at.reset();
    return out;
}

void SqlMagicLinkStore::AttachSms(std::int64_t id, std::int64_t sms_id) {
    const long long key = id;
    const long long sms = sms_id;
    db_.AutoCommit([&](soci::session& s) {
        Execute(
            s, "UPDATE magic_links SET sms_id = :s WHERE id = :id", soci::use(sms), soci::use(key)
        );
    });
}

bool SqlMagicLinkStore::Revoke(std::int64_t id, std::optional<domain::AgentId> by, Timestamp at) {
    const long long key = id;
    const long long when = Ms(at);
    long long agent = by ? by->Value() : 0;
    soci::indicator agent_i = by ? soci::i_ok : soci::i_null;
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE magic_links SET revoked_at = :a, revoked_by = :b WHERE id = :id AND "
                   "revoked_at IS NULL",
                   soci::use(when),
                   soci::use(agent, agent_i),
                   soci::use(key)
               ) == 1;
    });
}

std::optional<app::MagicLink> SqlMagicLinkStore::Find(std::int64_t id) {
    return db_.Read([&](soci::session& s) {
        return First(Select(s, "id = " + std::to_string(id), "id", 1));
    });
}

std::optional<app::MagicLink> SqlMagicLinkStore::FindByTokenHash(const std::string& token_hash) {
    return db_.Read([&](soci::session& s) {
        return First(Select(s, "token_hash = :h", "id", 1, &token_hash));
    });
}

std::vector<app::MagicLink> SqlMagicLinkStore::ForUser(domain::UserId user, int limit) {
    return db_.Read([&](soci::session& s) {
        return Select(
            s, "user_id = " + std::to_string(user.Value()), "created_at DESC, id DESC", limit
        );
    });
}

int SqlMagicLinkStore::CountSince(domain::UserId user, Timestamp since) {
    return CountFrom("user_id", user.Value(), since);
}

int SqlMagicLinkStore::CountSentBy(domain::AgentId agent, Timestamp since) {
    return CountFrom("created_by", agent.Value(), since);
}

app::LinkDayCounts SqlMagicLinkStore::CountDay(Timestamp since) {
    const long long from = Ms(since);
    return db_.Read([&](soci::session& s) {
        // Two indexed counts rather than one scan with an OR over both columns.
        long long sent = 0;
        long long opened = 0;
        Once(
            s,
            "SELECT (SELECT COUNT(*) FROM magic_links WHERE created_at >= :f), "
            "(SELECT COUNT(*) FROM magic_links WHERE first_opened_at >= :g)",
            soci::use(from),
            soci::use(from),
            soci::into(sent),
            soci::into(opened)
        )
            .execute(true);
        app::LinkDayCounts counts;
        counts.sent = static_cast<int>(sent);
        counts.opened = static_cast<int>(opened);
        long long agent = 0;
        long long n = 0;
        soci::statement by_agent = Once(
            s,
            "SELECT created_by, COUNT(*) FROM magic_links WHERE created_at >= :f "
            "AND created_by IS NOT NULL GROUP BY created_by",
            soci::use(from),
            soci::into(agent),
            soci::into(n)
        );
        by_agent.execute();
        while (by_agent.fetch()) {
            counts.sent_by[agent] = static_cast<int>(n);
        }
        return counts;
    });
}

int SqlMagicLinkStore::CountFrom(const char* column, long long key, Timestamp since) {
    const long long from = Ms(since);
    return db_.Read([&](soci::session& s) {
        long long n = 0;
        Once(
            s,
            std::string("SELECT COUNT(*) FROM magic_links WHERE ") + column +
                " = :k AND created_at >= :f",
            soci::use(key),
            soci::use(from),
            soci::into(n)
        )
            .execute(true);
        return static_cast<int>(n);
    });
}

std::optional<app::MagicLink> SqlMagicLinkStore::RecordClick(
    std::int64_t id, Timestamp at, const std::string& user_agent, const std::string& jti
) {
    const long long key = id;
    const long long when = Ms(at);
    return db_.Write([&](soci::session& s) -> std::optional<app::MagicLink> {
        const long long changed = Execute(
            s,
            "UPDATE magic_links SET click_count = click_count + 1, first_opened_at = "
            "COALESCE(first_opened_at, :a), last_opened_at = :a2 WHERE id = :id",
            soci::use(when),
            soci::use(when),
            soci::use(key)
        );
        if (changed != 1) {
            return std::nullopt;
        }
        Execute(
            s,
            "INSERT INTO magic_link_clicks (link_id, clicked_at, user_agent, assertion_id) "
            "VALUES (:l, :a, :u, :j)",
            soci::use(key),
            soci::use(when),
            soci::use(user_agent),
            soci::use(jti)
        );
        return First(Select(s, "id = " + std::to_string(id), "id", 1));
    });
}

}  // namespace dialler::adapters::sql
