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

// --- outcomes and callbacks ------------------------------------------------------------

namespace {

struct CallbackRow {
    long long id = 0;
    long long user_id = 0;
    long long agent = 0;
    soci::indicator agent_i{};
    long long scheduled = 0;
    std::string status;
    std::string notes;
    std::string created_kind;
    long long created_agent = 0;
    soci::indicator created_agent_i{};
    long long created_at = 0;
    long long updated_at = 0;
    int failed_tries = 0;
    std::string closed_reason;
    soci::indicator closed_reason_i{};
    std::string voicemail_sid;
    soci::indicator voicemail_sid_i{};
    std::string voicemail_url;
    soci::indicator voicemail_url_i{};
    int voicemail_seconds = 0;
    soci::indicator voicemail_seconds_i{};

    app::Callback ToCallback() const {
        app::Callback c;
        c.id = id;
        c.user_id = domain::UserId{user_id};
        if (agent_i == soci::i_ok) {
            c.agent = domain::AgentId{agent};
        }
        c.scheduled_for = FromMs(scheduled);
        c.status = status == "completed"   ? app::CallbackStatus::kCompleted
                   : status == "cancelled" ? app::CallbackStatus::kCancelled
                                           : app::CallbackStatus::kPending;
        c.notes = notes;
        c.created_by.kind = app::ParseActorKind(created_kind);
        if (created_agent_i == soci::i_ok) {
            c.created_by.agent_id = domain::AgentId{created_agent};
        }
        c.created_at = FromMs(created_at);
        c.updated_at = FromMs(updated_at);
        c.failed_tries = failed_tries;
        c.closed_reason = closed_reason_i == soci::i_ok ? closed_reason : std::string();
        if (voicemail_sid_i == soci::i_ok) {
            c.voicemail = app::CallRecording{
                voicemail_sid,
                voicemail_url_i == soci::i_ok ? voicemail_url : std::string(),
                voicemail_seconds_i == soci::i_ok ? voicemail_seconds : 0};
        }
        return c;
    }
};

long long InsertCallback(soci::session& s, const app::Callback& c) {
    const long long user = c.user_id.Value();
    const long long agent = c.agent ? c.agent->Value() : 0;
    soci::indicator agent_i = c.agent ? soci::i_ok : soci::i_null;
    const long long scheduled = Ms(c.scheduled_for);
    const std::string status(app::CallbackStatusName(c.status));
    const std::string kind(app::ActorKindName(c.created_by.kind));
    const long long creator = c.created_by.agent_id ? c.created_by.agent_id->Value() : 0;
    soci::indicator creator_i = c.created_by.agent_id ? soci::i_ok : soci::i_null;
    const long long created = Ms(c.created_at);
    long long id = 0;
    s << "INSERT INTO callbacks (user_id, agent_id, scheduled_for, status, notes, created_by_kind, "
         "created_by_agent_id, created_at, updated_at) VALUES (:u, :a, :s, :st, :n, :k, :c, :t, "
         ":t2) RETURNING id",
        soci::use(user), soci::use(agent, agent_i), soci::use(scheduled), soci::use(status),
        soci::use(c.notes), soci::use(kind), soci::use(creator, creator_i), soci::use(created),
        soci::use(created), soci::into(id);
    return id;
}

}  // namespace

namespace {

// When `agent` holds the lead at `at` (row-locked on PostgreSQL by `lock`): since when (the
// claim; `at` itself for a hold from before leased_at was kept). nullopt if they do not.
std::optional<long long> HeldSince(
    soci::session& s, long long user, long long agent, long long at, const std::string& lock
) {
    long long holder = 0;
    soci::indicator holder_i = soci::i_null;
    long long expires = 0;
    soci::indicator expires_i = soci::i_null;
    long long since = 0;
    soci::indicator since_i = soci::i_null;
    s << "SELECT lease_agent_id, lease_expires_at, leased_at FROM leads WHERE user_id = :u" + lock,
        soci::use(user), soci::into(holder, holder_i), soci::into(expires, expires_i),
        soci::into(since, since_i);
    if (!s.got_data() || holder_i != soci::i_ok || holder != agent || expires_i != soci::i_ok ||
        expires <= at) {
        return std::nullopt;
    }
    return since_i == soci::i_ok ? since : at;
}

// The call attempt an outcome stands for: the dial placed during this hold, if telephony wrote
// one (linked to the outcome), else one written now. Either way one attempt per call: caps
// count dials, and an outcome after a dial does not count twice.
void LinkOrWriteAttempt(
    soci::session& s, const app::OutcomeRecord& r, long long outcome_id, long long held_since
) {
    const long long user = r.user_id.Value();
    const long long agent = r.agent.Value();
    const long long at = Ms(r.at);
    const long long linked = Execute(
        s,
        "UPDATE contact_attempts SET outcome_id = :o WHERE id IN (SELECT id FROM "
        "contact_attempts WHERE user_id = :u AND agent_id = :a AND channel = 'call' AND "
        "outcome_id IS NULL AND at >= :since AND at <= :t ORDER BY at DESC, id DESC LIMIT 1)",
        soci::use(outcome_id),
        soci::use(user),
        soci::use(agent),
        soci::use(held_since),
        soci::use(at)
    );
    if (linked == 0 && r.phone_e164) {
        s << "INSERT INTO contact_attempts (user_id, channel, agent_id, phone_e164, at, "
             "outcome_id) VALUES (:u, 'call', :a, :p, :t, :o)",
            soci::use(user), soci::use(agent), soci::use(*r.phone_e164), soci::use(at),
            soci::use(outcome_id);
    }
}

// The outcome's effects beyond the lead row and the call attempt: the new callback, the
// suppression entry and the answered callback, inside the caller's transaction.
void ApplySideEffects(soci::session& s, const app::OutcomeRecord& r) {
    const long long user = r.user_id.Value();
    const long long agent = r.agent.Value();
    const long long at = Ms(r.at);
    const auto& e = r.effects;
    const long long answered = r.callback_id.value_or(0);
    const std::string phone = r.phone_e164.value_or("");
    if (e.callback_at) {
        app::Callback c;
        c.user_id = r.user_id;
        c.agent = r.agent;
        c.scheduled_for = Timestamp{*e.callback_at};
        c.notes = r.notes;
        c.created_by = app::Actor::OfAgent(r.agent);
        c.created_at = r.at;
        InsertCallback(s, c);
    }
    if (e.suppresses) {
        const std::string kind(app::ActorKindName(app::Actor::Kind::kAgent));
        soci::indicator phone_i = r.phone_e164 ? soci::i_ok : soci::i_null;
        s << "INSERT INTO suppressions (user_id, phone_e164, channel, reason, source, "
             "created_by_kind, "
             "created_by_agent_id, created_at) VALUES (:u, :p, 'all', :r, 'outcome', :k, "
             ":a, :t)",
            soci::use(user), soci::use(phone, phone_i), soci::use(r.notes), soci::use(kind),
            soci::use(agent), soci::use(at);
    }
    if (r.callback_id && e.reached_customer) {
        s << "UPDATE callbacks SET status = 'completed', updated_at = :t WHERE id = :id "
             "AND status = 'pending'",
            soci::use(at), soci::use(answered);
    } else if (r.callback_id) {
        // Not reached: the promise stands. Try again after the outcome's delay, and after the
        // limit of unanswered tries let the whole team try.
        const long long again =
            e.next_call_at ? Ms(Timestamp{*e.next_call_at}) : Ms(r.at + std::chrono::minutes{30});
        const int max_tries = r.callback_max_failed_tries;
        s << "UPDATE callbacks SET scheduled_for = :s, failed_tries = failed_tries + 1, "
             "agent_id = CASE WHEN failed_tries + 1 >= :m THEN NULL ELSE agent_id END, "
             "updated_at = :t WHERE id = :id AND status = 'pending'",
            soci::use(again), soci::use(max_tries), soci::use(at), soci::use(answered);
    }
}

}  // namespace

std::optional<app::StoredOutcome> SqlOutcomeStore::Record(const app::OutcomeRecord& r) {
    const long long user = r.user_id.Value();
    const long long agent = r.agent.Value();
    const long long at = Ms(r.at);
    const std::string outcome(domain::OutcomeCode(r.outcome));
    const auto& e = r.effects;
    const long long next = e.next_call_at ? Ms(Timestamp{*e.next_call_at}) : 0;
    soci::indicator next_i = e.next_call_at ? soci::i_ok : soci::i_null;
    const std::string queue = r.queue ? std::string(domain::QueueName(*r.queue)) : std::string();
    soci::indicator queue_i = r.queue ? soci::i_ok : soci::i_null;
    const long long answered = r.callback_id.value_or(0);
    soci::indicator answered_i = r.callback_id ? soci::i_ok : soci::i_null;
    const std::string lock = db_.SqlDialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
    const std::optional<long long> id =
        db_.Write([&](soci::session& s) -> std::optional<long long> {
            const std::optional<long long> held_since = HeldSince(s, user, agent, at, lock);
            if (!held_since) {
                return std::nullopt;
            }
            long long outcome_id = 0;
            s << "INSERT INTO lead_outcomes (user_id, agent_id, outcome, notes, score_adjustment, "
                 "queue, next_call_at, "
                 "callback_id, recorded_at) VALUES (:u, :a, :o, :n, :sa, :q, :nc, :cb, :t) "
                 "RETURNING id",
                soci::use(user), soci::use(agent), soci::use(outcome), soci::use(r.notes),
                soci::use(e.score_adjustment), soci::use(queue, queue_i), soci::use(next, next_i),
                soci::use(answered, answered_i), soci::use(at), soci::into(outcome_id);
            const int close = e.closes_lead ? 1 : 0;
            const int flag = e.flags_bad_number && r.phone_e164 ? 1 : 0;
            const std::string phone = r.phone_e164.value_or("");
            const std::string closed_reason = e.closes_lead ? outcome : std::string();
            const int given_up = r.given_up_after ? 1 : 0;
            const int park = e.next_call_at ? 1 : 0;
            const std::string components = ComponentsJson(r.components_after, r.score_facts);
            s << "UPDATE leads SET attempts = attempts + 1, outcome_points = outcome_points + :sa, "
                 "history_version = history_version + 1, "
                 "score = :score, score_components = :sc, "
                 "is_given_up = :gu, next_call_at = :nc, parked = :pk, "
                 "bad_number_e164 = CASE WHEN :flag = 1 THEN :phone ELSE bad_number_e164 END, "
                 "is_closed = CASE WHEN :close = 1 THEN 1 ELSE is_closed END, "
                 "closed_reason = CASE WHEN :close2 = 1 THEN :why ELSE closed_reason END, "
                 "lease_agent_id = NULL, lease_expires_at = NULL WHERE user_id = :u",
                soci::use(e.score_adjustment), soci::use(r.score_after), soci::use(components),
                soci::use(given_up), soci::use(next, next_i), soci::use(park), soci::use(flag),
                soci::use(phone), soci::use(close), soci::use(close), soci::use(closed_reason),
                soci::use(user);
            LinkOrWriteAttempt(s, r, outcome_id, *held_since);
            ApplySideEffects(s, r);
            return outcome_id;
        });
    if (!id) {
        return std::nullopt;
    }
    return app::StoredOutcome{*id, r.user_id, r.agent, r.outcome, r.notes, r.at};
}

std::vector<app::StoredOutcome> SqlOutcomeStore::OutcomesFor(domain::UserId user_id, int limit) {
    const long long user = user_id.Value();
    return db_.Read([&](soci::session& s) {
        std::vector<app::StoredOutcome> out;
        long long id = 0;
        long long agent = 0;
        std::string outcome;
        std::string notes;
        long long at = 0;
        soci::statement st = Once(
            s,
            "SELECT id, agent_id, outcome, notes, recorded_at FROM lead_outcomes "
            "WHERE user_id = :u ORDER BY recorded_at DESC, id DESC LIMIT " +
                std::to_string(std::max(limit, 0)),
            soci::use(user),
            soci::into(id),
            soci::into(agent),
            soci::into(outcome),
            soci::into(notes),
            soci::into(at)
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(app::StoredOutcome{
                id,
                user_id,
                domain::AgentId{agent},
                domain::ParseOutcome(outcome).value_or(domain::Outcome::kNoAnswer),
                notes,
                FromMs(at),
            });
        }
        return out;
    });
}

app::Callback SqlOutcomeStore::CreateCallback(const app::Callback& callback) {
    app::Callback out = callback;
    out.id = db_.Write([&](soci::session& s) { return InsertCallback(s, callback); });
    out.updated_at = callback.created_at;
    return out;
}

std::vector<app::Callback> SqlOutcomeStore::SelectCallbacks(const std::string& where, int limit) {
    return db_.Read([&](soci::session& s) {
        std::vector<app::Callback> out;
        CallbackRow r;
        soci::statement st = Once(
            s,
            "SELECT id, user_id, agent_id, scheduled_for, status, notes, created_by_kind, "
            "created_by_agent_id, created_at, updated_at, failed_tries, closed_reason, "
            "voicemail_sid, voicemail_url, voicemail_seconds FROM callbacks WHERE " +
                where + " ORDER BY scheduled_for, id LIMIT " + std::to_string(std::max(limit, 0)),
            soci::into(r.id),
            soci::into(r.user_id),
            soci::into(r.agent, r.agent_i),
            soci::into(r.scheduled),
            soci::into(r.status),
            soci::into(r.notes),
            soci::into(r.created_kind),
            soci::into(r.created_agent, r.created_agent_i),
            soci::into(r.created_at),
            soci::into(r.updated_at),
            soci::into(r.failed_tries),
            soci::into(r.closed_reason, r.closed_reason_i),
            soci::into(r.voicemail_sid, r.voicemail_sid_i),
            soci::into(r.voicemail_url, r.voicemail_url_i),
            soci::into(r.voicemail_seconds, r.voicemail_seconds_i)
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(r.ToCallback());
        }
        return out;
    });
}

std::optional<app::Callback> SqlOutcomeStore::FindCallback(std::int64_t id) {
    auto found = SelectCallbacks("id = " + std::to_string(id), 1);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<app::Callback> SqlOutcomeStore::ListCallbacks(
    app::CallbackScope scope, domain::AgentId agent, Timestamp now, int limit
) {
    std::string where = "status = 'pending'";
    if (scope == app::CallbackScope::kMine) {
        where = "agent_id = " + agent.ToString() +
                " AND (status = 'pending' OR (closed_reason IS NOT NULL AND updated_at >= " +
                std::to_string(Ms(now - app::kClosedCallbacksShown)) + "))";
    } else if (scope == app::CallbackScope::kOverdue) {
        where += " AND scheduled_for < " + std::to_string(Ms(now));
    }
    return SelectCallbacks(where, limit);
}

std::vector<app::Callback> SqlOutcomeStore::PendingCallbacksDue(
    Timestamp from, Timestamp to, int limit
) {
    return SelectCallbacks(
        "status = 'pending' AND scheduled_for >= " + std::to_string(Ms(from)) +
            " AND scheduled_for < " + std::to_string(Ms(to)),
        limit
    );
}

std::vector<app::Callback> SqlOutcomeStore::CallbacksFor(domain::UserId user_id) {
    return SelectCallbacks("user_id = " + user_id.ToString(), 100);
}

bool SqlOutcomeStore::RescheduleCallback(std::int64_t id, Timestamp scheduled_for, Timestamp now) {
    const long long cb = id;
    const long long when = Ms(scheduled_for);
    const long long at = Ms(now);
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE callbacks SET scheduled_for = :s, updated_at = :t "
                   "WHERE id = :id AND status = 'pending'",
                   soci::use(when),
                   soci::use(at),
                   soci::use(cb)
               ) > 0;
    });
}

bool SqlOutcomeStore::SetCallbackStatus(
    std::int64_t id, app::CallbackStatus status, Timestamp now
) {
    const long long cb = id;
    const std::string name(app::CallbackStatusName(status));
    const long long at = Ms(now);
    return db_.Write([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE callbacks SET status = :s, updated_at = :t "
                   "WHERE id = :id AND status = 'pending'",
                   soci::use(name),
                   soci::use(at),
                   soci::use(cb)
               ) > 0;
    });
}

bool SqlOutcomeStore::ReassignCallback(
    std::int64_t id, std::optional<domain::AgentId> agent, Timestamp now
) {
    const long long cb = id;
    const long long to = agent ? agent->Value() : 0;
    soci::indicator to_i = agent ? soci::i_ok : soci::i_null;
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE callbacks SET agent_id = :a, updated_at = :t "
                   "WHERE id = :id AND status = 'pending'",
                   soci::use(to, to_i),
                   soci::use(at),
                   soci::use(cb)
               ) > 0;
    });
}

bool SqlOutcomeStore::CloseCallback(std::int64_t id, std::string_view reason, Timestamp now) {
    const long long cb = id;
    const std::string why(reason);
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE callbacks SET status = 'cancelled', closed_reason = :r, updated_at = :t "
                   "WHERE id = :id AND status = 'pending'",
                   soci::use(why),
                   soci::use(at),
                   soci::use(cb)
               ) > 0;
    });
}

bool SqlOutcomeStore::SetCallbackVoicemail(
    std::int64_t id, const app::CallRecording& voicemail, Timestamp now
) {
    const long long cb = id;
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {  // one guarded UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE callbacks SET voicemail_sid = :v, voicemail_url = :u, "
                   "voicemail_seconds = :n, updated_at = :t WHERE id = :id AND voicemail_sid IS "
                   "NULL",
                   soci::use(voicemail.sid),
                   soci::use(voicemail.url),
                   soci::use(voicemail.seconds),
                   soci::use(at),
                   soci::use(cb)
               ) > 0;
    });
}

app::CallbackCounts SqlOutcomeStore::CountCallbacks(Timestamp now, Timestamp end_of_day) {
    const long long n = Ms(now);
    const long long eod = Ms(end_of_day);
    return db_.Read([&](soci::session& s) {
        app::CallbackCounts counts;
        long long next = 0;
        soci::indicator next_i = soci::i_null;
        Once(
            s,
            "SELECT COALESCE(SUM(CASE WHEN scheduled_for <= :n1 THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN scheduled_for > :n2 AND scheduled_for < :e THEN 1 ELSE 0 "
            "END), 0), MIN(CASE WHEN scheduled_for > :n3 THEN scheduled_for END) "
            "FROM callbacks WHERE status = 'pending'",
            soci::use(n),
            soci::use(n),
            soci::use(eod),
            soci::use(n),
            soci::into(counts.due_now),
            soci::into(counts.later_today),
            soci::into(next, next_i)
        )
            .execute(true);
        if (next_i == soci::i_ok) {
            counts.next_due = FromMs(next);
        }
        return counts;
    });
}

}  // namespace dialler::adapters::sql
