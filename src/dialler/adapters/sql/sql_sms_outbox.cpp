#include "dialler/adapters/sql/sql_sms_outbox.hpp"

#include <algorithm>

#include "dialler/adapters/sql/claim_due.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

constexpr const char* kColumns =
    "id, user_id, agent_id, to_e164, from_e164, body, idempotency_key, status, attempts, "
    "next_attempt_at, claimed_until, provider_sid, error_code, error_message, created_at, "
    "updated_at, template_id, template_version";

// One `sms_outbox` row, bound column by column in kColumns order.
struct Row {
    long long id = 0;
    long long user_id = 0;
    long long agent_id = 0;
    long long next_attempt_at = 0;
    long long claimed_until = 0;
    long long created_at = 0;
    long long updated_at = 0;
    long long template_id = 0;
    int template_version = 0;
    int attempts = 0;
    int error_code = 0;
    std::string to;
    std::string from;
    std::string body;
    std::string key;
    std::string status;
    std::string sid;
    std::string error_message;
    soci::indicator agent_i{};
    soci::indicator claimed_i{};
    soci::indicator sid_i{};
    soci::indicator template_i{};
    soci::indicator template_version_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(agent_id, agent_i));
        st.exchange(soci::into(to));
        st.exchange(soci::into(from));
        st.exchange(soci::into(body));
        st.exchange(soci::into(key));
        st.exchange(soci::into(status));
        st.exchange(soci::into(attempts));
        st.exchange(soci::into(next_attempt_at));
        st.exchange(soci::into(claimed_until, claimed_i));
        st.exchange(soci::into(sid, sid_i));
        st.exchange(soci::into(error_code));
        st.exchange(soci::into(error_message));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(template_id, template_i));
        st.exchange(soci::into(template_version, template_version_i));
    }

    app::OutboundSms ToSms() const {
        app::OutboundSms s;
        s.id = id;
        s.user_id = domain::UserId{user_id};
        if (agent_i == soci::i_ok) {
            s.agent_id = domain::AgentId{agent_id};
        }
        s.to_e164 = to;
        s.from_e164 = from;
        s.body = body;
        s.idempotency_key = key;
        s.status = domain::ParseSmsStatus(status).value_or(domain::SmsStatus::kUnknown);
        s.attempts = attempts;
        s.next_attempt_at = FromMs(next_attempt_at);
        if (claimed_i == soci::i_ok) {
            s.claimed_until = FromMs(claimed_until);
        }
        s.provider_sid = sid_i == soci::i_ok ? sid : std::string();
        s.error_code = error_code;
        s.error_message = error_message;
        s.created_at = FromMs(created_at);
        s.updated_at = FromMs(updated_at);
        if (template_i == soci::i_ok) {
            s.template_id = template_id;
            s.template_version = template_version_i == soci::i_ok ? template_version : 0;
        }
        return s;
    }
};

std::string Name(domain::SmsStatus status) {
    return std::string(domain::SmsStatusName(status));
}

// Moves one row from `from` to `to` with `set` (more assignments, from literals we produced);
// true when it was in `from`.
bool Move(
    soci::session& s,
    std::int64_t id,
    domain::SmsStatus from,
    domain::SmsStatus to,
    Timestamp at,
    const std::string& error_message,
    const std::string& set = ""
) {
    const long long key = id;
    const long long when = Ms(at);
    const std::string from_name = Name(from);
    const std::string to_name = Name(to);
    return Execute(
               s,
               "UPDATE sms_outbox SET status = :to, error_message = :m, updated_at = :at, "
               "claimed_until = NULL" +
                   set + " WHERE id = :id AND status = :from",
               soci::use(to_name),
               soci::use(error_message),
               soci::use(when),
               soci::use(key),
               soci::use(from_name)
           ) == 1;
}

// The rows matching `where` (an SQL condition with at most one text parameter, `text`), in
// `order`, at most `limit`.
std::vector<app::OutboundSms> Select(
    soci::session& s,
    const std::string& where,
    const std::string& order,
    int limit,
    const std::string* text = nullptr
) {
    return SelectFrom<Row>(s, kColumns, "sms_outbox", where, order, limit, text, [](const Row& r) {
        return r.ToSms();
    });
}

}  // namespace

app::SmsOutbox::Enqueued SqlSmsOutbox::Enqueue(const app::OutboundSms& sms) {
    const long long user = sms.user_id.Value();
    long long agent = sms.agent_id ? sms.agent_id->Value() : 0;
    soci::indicator agent_i = sms.agent_id ? soci::i_ok : soci::i_null;
    const std::string status = Name(domain::SmsStatus::kQueued);
    const long long due = Ms(sms.next_attempt_at);
    const long long created = Ms(sms.created_at);
    long long template_id = sms.template_id.value_or(0);
    int template_version = sms.template_version;
    soci::indicator template_i = sms.template_id ? soci::i_ok : soci::i_null;
    soci::indicator template_version_i = sms.template_id ? soci::i_ok : soci::i_null;
    return db_.Write([&](soci::session& s) {
        long long new_id = 0;
        soci::indicator new_i = soci::i_null;
        Once(
            s,
            "INSERT INTO sms_outbox (user_id, agent_id, to_e164, from_e164, body, "
            "idempotency_key, status, next_attempt_at, created_at, updated_at, template_id, "
            "template_version) VALUES (:u, :a, :t, :f, :b, :k, :s, :n, :c, :c2, :ti, :tv) "
            "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
            soci::use(user),
            soci::use(agent, agent_i),
            soci::use(sms.to_e164),
            soci::use(sms.from_e164),
            soci::use(sms.body),
            soci::use(sms.idempotency_key),
            soci::use(status),
            soci::use(due),
            soci::use(created),
            soci::use(created),
            soci::use(template_id, template_i),
            soci::use(template_version, template_version_i),
            soci::into(new_id, new_i)
        )
            .execute(true);
        const bool created_now = new_i == soci::i_ok && new_id > 0;
        const auto rows = created_now
                              ? Select(s, "id = " + std::to_string(new_id), "id", 1)
                              : Select(s, "idempotency_key = :k", "id", 1, &sms.idempotency_key);
        return Enqueued{rows.front(), created_now};
    });
}

std::vector<app::OutboundSms> SqlSmsOutbox::ClaimDue(
    Timestamp now, Timestamp claim_until, int limit
) {
    const std::string claim = ClaimDueSql(
        db_.SqlDialect(),
        {"sms_outbox",
         "next_attempt_at",
         Name(domain::SmsStatus::kQueued),
         Name(domain::SmsStatus::kSending),
         ", claimed_until = " + std::to_string(Ms(claim_until)) + ", attempts = attempts + 1",
         Ms(now),
         limit,
         kColumns}
    );
    auto claimed = db_.AutoCommit([&](soci::session& s) {
        return SelectRows<Row>(s, claim, nullptr, [](const Row& r) { return r.ToSms(); });
    });
    // RETURNING keeps no order: oldest due first, as they were picked.
    std::sort(claimed.begin(), claimed.end(), [](const auto& x, const auto& y) {
        return x.next_attempt_at != y.next_attempt_at ? x.next_attempt_at < y.next_attempt_at
                                                      : x.id < y.id;
    });
    return claimed;
}

bool SqlSmsOutbox::MarkSent(std::int64_t id, const std::string& provider_sid, Timestamp at) {
    return db_.Write([&](soci::session& s) {
        const long long key = id;
        const long long when = Ms(at);
        const std::string sent = Name(domain::SmsStatus::kSent);
        const std::string sending = Name(domain::SmsStatus::kSending);
        return Execute(
                   s,
                   "UPDATE sms_outbox SET status = :s, provider_sid = :p, claimed_until = NULL, "
                   "updated_at = :at WHERE id = :id AND status = :from",
                   soci::use(sent),
                   soci::use(provider_sid),
                   soci::use(when),
                   soci::use(key),
                   soci::use(sending)
               ) == 1;
    });
}

bool SqlSmsOutbox::MarkRetry(
    std::int64_t id, Timestamp retry_at, const std::string& error_message, Timestamp at
) {
    return db_.Write([&](soci::session& s) {
        return Move(
            s,
            id,
            domain::SmsStatus::kSending,
            domain::SmsStatus::kQueued,
            at,
            error_message,
            ", next_attempt_at = " + std::to_string(Ms(retry_at))
        );
    });
}

bool SqlSmsOutbox::MarkUnknown(std::int64_t id, const std::string& error_message, Timestamp at) {
    return db_.Write([&](soci::session& s) {
        return Move(
            s, id, domain::SmsStatus::kSending, domain::SmsStatus::kUnknown, at, error_message
        );
    });
}

bool SqlSmsOutbox::MarkFailed(
    std::int64_t id, int error_code, const std::string& error_message, Timestamp at
) {
    return db_.Write([&](soci::session& s) {
        return Move(
            s,
            id,
            domain::SmsStatus::kSending,
            domain::SmsStatus::kFailed,
            at,
            error_message,
            ", error_code = " + std::to_string(error_code)
        );
    });
}

std::vector<app::OutboundSms> SqlSmsOutbox::ExpireClaims(Timestamp now) {
    const std::string at = std::to_string(Ms(now));
    const std::string why = "the sender stopped before recording the provider's answer";
    const std::string expire = "UPDATE sms_outbox SET status = '" +
                               Name(domain::SmsStatus::kUnknown) +
                               "', error_message = :m, claimed_until = NULL, updated_at = " + at +
                               " WHERE status = '" + Name(domain::SmsStatus::kSending) +
                               "' AND claimed_until < " + at + " RETURNING " + kColumns;
    return db_.AutoCommit([&](soci::session& s) {
        return SelectRows<Row>(s, expire, &why, [](const Row& r) { return r.ToSms(); });
    });
}

bool SqlSmsOutbox::ApplyReport(
    std::int64_t id,
    domain::SmsStatus expected,
    domain::SmsStatus next,
    const std::string& provider_sid,
    int error_code,
    Timestamp at
) {
    return db_.Write([&](soci::session& s) {
        const long long key = id;
        const long long when = Ms(at);
        const std::string from = Name(expected);
        const std::string to = Name(next);
        const int code = error_code;
        return Execute(
                   s,
                   "UPDATE sms_outbox SET status = :to, provider_sid = COALESCE(provider_sid, "
                   "NULLIF(:p, '')), error_code = CASE WHEN :c <> 0 THEN :c2 ELSE error_code END, "
                   "claimed_until = NULL, updated_at = :at WHERE id = :id AND status = :from",
                   soci::use(to),
                   soci::use(provider_sid),
                   soci::use(code),
                   soci::use(code),
                   soci::use(when),
                   soci::use(key),
                   soci::use(from)
               ) == 1;
    });
}

std::optional<app::OutboundSms> SqlSmsOutbox::Find(std::int64_t id) {
    return db_.Read([&](soci::session& s) -> std::optional<app::OutboundSms> {
        auto rows = Select(s, "id = " + std::to_string(id), "id", 1);
        return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
    });
}

std::optional<app::OutboundSms> SqlSmsOutbox::FindByKey(const std::string& idempotency_key) {
    return db_.Read([&](soci::session& s) -> std::optional<app::OutboundSms> {
        auto rows = Select(s, "idempotency_key = :k", "id", 1, &idempotency_key);
        return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
    });
}

std::vector<app::OutboundSms> SqlSmsOutbox::ForUser(domain::UserId user, int limit) {
    return db_.Read([&](soci::session& s) {
        return Select(
            s, "user_id = " + std::to_string(user.Value()), "created_at DESC, id DESC", limit
        );
    });
}

std::vector<app::OutboundSms> SqlSmsOutbox::ToNumber(const std::string& e164, int limit) {
    return db_.Read([&](soci::session& s) {
        return Select(s, "to_e164 = :t", "created_at DESC, id DESC", limit, &e164);
    });
}

}  // namespace dialler::adapters::sql
