#include "dialler/adapters/sql/sql_follow_up_store.hpp"

#include <algorithm>

#include "dialler/adapters/sql/claim_due.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

constexpr const char* kColumns =
    "id, user_id, outcome_id, kind, due_at, callback_at, status, reason, sms_id, created_at, "
    "updated_at";

struct Row {
    long long id = 0;
    long long user_id = 0;
    long long outcome_id = 0;
    long long due_at = 0;
    long long callback_at = 0;
    long long sms_id = 0;
    long long created_at = 0;
    long long updated_at = 0;
    std::string kind;
    std::string status;
    std::string reason;
    soci::indicator callback_i{};
    soci::indicator sms_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(outcome_id));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(due_at));
        st.exchange(soci::into(callback_at, callback_i));
        st.exchange(soci::into(status));
        st.exchange(soci::into(reason));
        st.exchange(soci::into(sms_id, sms_i));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }

    app::FollowUp ToFollowUp() const {
        app::FollowUp f;
        f.id = id;
        f.user_id = domain::UserId{user_id};
        f.outcome_id = outcome_id;
        f.kind = domain::ParseFollowUpKind(kind).value_or(domain::FollowUpKind::kReminder);
        f.due_at = FromMs(due_at);
        if (callback_i == soci::i_ok) {
            f.callback_at = FromMs(callback_at);
        }
        f.status = app::ParseFollowUpStatus(status).value_or(app::FollowUpStatus::kCancelled);
        f.reason = reason;
        if (sms_i == soci::i_ok) {
            f.sms_id = sms_id;
        }
        f.created_at = FromMs(created_at);
        f.updated_at = FromMs(updated_at);
        return f;
    }
};

std::vector<app::FollowUp> Select(
    soci::session& s, const std::string& where, const std::string& order, int limit
) {
    return SelectFrom<Row>(
        s,
        kColumns,
        "follow_ups",
        where,
        order,
        limit,
        nullptr,
        [](const Row& r) { return r.ToFollowUp(); }
    );
}

std::string Name(app::FollowUpStatus status) {
    return std::string(app::FollowUpStatusName(status));
}

}  // namespace

app::FollowUp SqlFollowUpStore::Schedule(const app::FollowUp& f) {
    const long long user = f.user_id.Value();
    const long long outcome = f.outcome_id;
    const std::string kind(domain::FollowUpKindName(f.kind));
    const long long due = Ms(f.due_at);
    long long callback = f.callback_at ? Ms(*f.callback_at) : 0;
    soci::indicator callback_i = f.callback_at ? soci::i_ok : soci::i_null;
    const std::string status = Name(app::FollowUpStatus::kScheduled);
    const long long created = Ms(f.created_at);
    return db_.Write([&](soci::session& s) {
        Execute(
            s,
            "INSERT INTO follow_ups (user_id, outcome_id, kind, due_at, callback_at, status, "
            "created_at, updated_at) VALUES (:u, :o, :k, :d, :c, :s, :cr, :up) "
            "ON CONFLICT (outcome_id) DO NOTHING",
            soci::use(user),
            soci::use(outcome),
            soci::use(kind),
            soci::use(due),
            soci::use(callback, callback_i),
            soci::use(status),
            soci::use(created),
            soci::use(created)
        );
        return Select(s, "outcome_id = " + std::to_string(f.outcome_id), "id", 1).front();
    });
}

std::vector<app::FollowUp> SqlFollowUpStore::ClaimDue(Timestamp now, int limit) {
    const std::string claim = ClaimDueSql(
        db_.SqlDialect(),
        {"follow_ups",
         "due_at",
         Name(app::FollowUpStatus::kScheduled),
         Name(app::FollowUpStatus::kSending),
         "",
         Ms(now),
         limit,
         kColumns}
    );
    auto claimed = db_.AutoCommit([&](soci::session& s) {
        return SelectRows<Row>(s, claim, nullptr, [](const Row& r) { return r.ToFollowUp(); });
    });
    std::sort(claimed.begin(), claimed.end(), [](const auto& a, const auto& b) {
        return a.due_at != b.due_at ? a.due_at < b.due_at : a.id < b.id;
    });
    return claimed;
}

bool SqlFollowUpStore::Finish(
    std::int64_t id,
    app::FollowUpStatus to,
    const std::string& reason,
    std::optional<std::int64_t> sms_id,
    Timestamp at
) {
    const long long key = id;
    const std::string to_name = Name(to);
    const std::string from = Name(app::FollowUpStatus::kSending);
    long long sms = sms_id.value_or(0);
    soci::indicator sms_i = sms_id ? soci::i_ok : soci::i_null;
    const long long when = Ms(at);
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE follow_ups SET status = :t, reason = :r, sms_id = :s, updated_at = :at "
                   "WHERE id = :id AND status = :f",
                   soci::use(to_name),
                   soci::use(reason),
                   soci::use(sms, sms_i),
                   soci::use(when),
                   soci::use(key),
                   soci::use(from)
               ) == 1;
    });
}

bool SqlFollowUpStore::Defer(
    std::int64_t id, Timestamp due, const std::string& reason, Timestamp at
) {
    const long long key = id;
    const std::string to = Name(app::FollowUpStatus::kScheduled);
    const std::string from = Name(app::FollowUpStatus::kSending);
    const long long when = Ms(at);
    const long long due_ms = Ms(due);
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE follow_ups SET status = :t, reason = :r, due_at = :d, updated_at = :at "
                   "WHERE id = :id AND status = :f",
                   soci::use(to),
                   soci::use(reason),
                   soci::use(due_ms),
                   soci::use(when),
                   soci::use(key),
                   soci::use(from)
               ) == 1;
    });
}

std::vector<app::FollowUp> SqlFollowUpStore::ForUser(domain::UserId user, int limit) {
    return db_.Read([&](soci::session& s) {
        return Select(
            s, "user_id = " + std::to_string(user.Value()), "created_at DESC, id DESC", limit
        );
    });
}

}  // namespace dialler::adapters::sql
