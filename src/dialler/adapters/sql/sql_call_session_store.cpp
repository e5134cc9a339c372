#include "dialler/adapters/sql/sql_call_session_store.hpp"

#include <algorithm>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

constexpr const char* kColumns =
    "id, user_id, agent_id, phone_e164, caller_id, status, last_sequence, call_sid, "
    "dialled_call_sid, created_at, ringing_at, answered_at, ended_at, recording_sid, "
    "recording_url, recording_seconds, outcome_id, direction, outcome, lead_score";

// One `call_sessions` row, bound column by column in kColumns order.
struct Row {
    long long id = 0;
    long long user_id = 0;
    long long agent_id = 0;
    long long last_sequence = -1;
    long long created_at = 0;
    long long ringing_at = 0;
    long long answered_at = 0;
    long long ended_at = 0;
    long long outcome_id = 0;
    std::string phone;
    std::string caller_id;
    std::string status;
    std::string call_sid;
    std::string dialled;
    std::string recording_sid;
    std::string recording_url;
    std::string direction;
    std::string outcome;
    soci::indicator outcome_code_i{};
    int recording_seconds = 0;
    soci::indicator call_sid_i{};
    soci::indicator dialled_i{};
    soci::indicator ringing_i{};
    soci::indicator answered_i{};
    soci::indicator ended_i{};
    soci::indicator recording_sid_i{};
    soci::indicator recording_url_i{};
    soci::indicator recording_seconds_i{};
    soci::indicator outcome_i{};
    int lead_score = 0;
    soci::indicator lead_score_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(agent_id));
        st.exchange(soci::into(phone));
        st.exchange(soci::into(caller_id));
        st.exchange(soci::into(status));
        st.exchange(soci::into(last_sequence));
        st.exchange(soci::into(call_sid, call_sid_i));
        st.exchange(soci::into(dialled, dialled_i));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(ringing_at, ringing_i));
        st.exchange(soci::into(answered_at, answered_i));
        st.exchange(soci::into(ended_at, ended_i));
        st.exchange(soci::into(recording_sid, recording_sid_i));
        st.exchange(soci::into(recording_url, recording_url_i));
        st.exchange(soci::into(recording_seconds, recording_seconds_i));
        st.exchange(soci::into(outcome_id, outcome_i));
        st.exchange(soci::into(direction));
        st.exchange(soci::into(outcome, outcome_code_i));
        st.exchange(soci::into(lead_score, lead_score_i));
    }

    app::CallSession ToSession() const {
        const auto time = [](long long ms, soci::indicator i) {
            return i == soci::i_ok ? std::optional<Timestamp>(FromMs(ms)) : std::nullopt;
        };
        const auto text = [](const std::string& s, soci::indicator i) {
            return i == soci::i_ok ? std::optional<std::string>(s) : std::nullopt;
        };
        app::CallSession c;
        c.id = id;
        c.direction =
            direction == "inbound" ? app::CallDirection::kInbound : app::CallDirection::kOutbound;
        c.user_id = domain::UserId{user_id};
        c.agent_id = domain::AgentId{agent_id};
        c.phone_e164 = phone;
        c.caller_id = caller_id;
        c.state.status = domain::ParseCallStatus(status).value_or(domain::CallStatus::kCreated);
        c.state.last_sequence = last_sequence;
        c.state.created_at = FromMs(created_at);
        c.state.ringing_at = time(ringing_at, ringing_i);
        c.state.answered_at = time(answered_at, answered_i);
        c.state.ended_at = time(ended_at, ended_i);
        c.call_sid = text(call_sid, call_sid_i);
        c.dialled_call_sid = text(dialled, dialled_i);
        if (recording_sid_i == soci::i_ok) {
            c.recording = app::CallRecording{
                recording_sid,
                recording_url_i == soci::i_ok ? recording_url : std::string(),
                recording_seconds_i == soci::i_ok ? recording_seconds : 0};
        }
        if (outcome_i == soci::i_ok) {
            c.outcome_id = outcome_id;
        }
        if (outcome_code_i == soci::i_ok) {
            c.outcome_code = outcome;
        }
        if (lead_score_i == soci::i_ok) {
            c.lead_score = lead_score;
        }
        return c;
    }
};

// An optional time as a value and its indicator, for soci::use.
struct OptionalMs {
    long long value = 0;
    soci::indicator ind = soci::i_null;
    explicit OptionalMs(const std::optional<Timestamp>& t)
        : value(t ? Ms(*t) : 0), ind(t ? soci::i_ok : soci::i_null) {}
};

}  // namespace

std::vector<app::CallSession> SqlCallSessionStore::Select(
    const std::string& where, const std::string& order, int limit, const std::string* text
) {
    return db_.Read([&](soci::session& s) {
        std::vector<app::CallSession> out;
        Row r;
        soci::statement st(s);
        st.alloc();
        r.Bind(st);
        if (text != nullptr) {
            st.exchange(soci::use(*text));
        }
        PrepareOnce(
            st,
            std::string("SELECT ") + kColumns + " FROM call_sessions WHERE " + where +
                " ORDER BY " + order + " LIMIT " + std::to_string(std::max(limit, 0))
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(r.ToSession());
        }
        return out;
    });
}

app::CallSession SqlCallSessionStore::Create(const app::CallSession& session) {
    const long long user = session.user_id.Value();
    const long long agent = session.agent_id.Value();
    const std::string status(domain::CallStatusName(session.state.status));
    const long long created = Ms(session.state.created_at);
    const std::string direction(app::CallDirectionName(session.direction));
    const std::string call_sid = session.call_sid.value_or("");
    soci::indicator call_sid_i = session.call_sid ? soci::i_ok : soci::i_null;
    const int score = session.lead_score.value_or(0);
    soci::indicator score_i = session.lead_score ? soci::i_ok : soci::i_null;
    const long long id = db_.AutoCommit([&](soci::session& s) {  // one INSERT: atomic by itself
        long long new_id = 0;
        Once(
            s,
            "INSERT INTO call_sessions (user_id, agent_id, phone_e164, caller_id, status, "
            "direction, call_sid, created_at, updated_at, lead_score) "
            "VALUES (:u, :a, :p, :c, :s, :d, :k, :t, :t2, :score) RETURNING id",
            soci::use(user),
            soci::use(agent),
            soci::use(session.phone_e164),
            soci::use(session.caller_id),
            soci::use(status),
            soci::use(direction),
            soci::use(call_sid, call_sid_i),
            soci::use(created),
            soci::use(created),
            soci::use(score, score_i),
            soci::into(new_id)
        )
            .execute(true);
        return new_id;
    });
    app::CallSession out = session;
    out.id = id;
    return out;
}

std::optional<app::CallSession> SqlCallSessionStore::Find(std::int64_t id) {
    auto found = Select("id = " + std::to_string(id), "id", 1);
    return found.empty() ? std::nullopt : std::optional(std::move(found.front()));
}

std::optional<app::CallSession> SqlCallSessionStore::FindByCallSid(std::string_view call_sid) {
    const std::string sid(call_sid);
    return db_.Read([&](soci::session& s) -> std::optional<app::CallSession> {
        Row r;
        soci::statement st(s);
        st.alloc();
        r.Bind(st);
        st.exchange(soci::use(sid));
        st.exchange(soci::use(sid));
        PrepareOnce(
            st,
            std::string("SELECT ") + kColumns +
                " FROM call_sessions WHERE call_sid = :a OR dialled_call_sid = :b"
        );
        if (!st.execute(true)) {
            return std::nullopt;
        }
        return r.ToSession();
    });
}

bool SqlCallSessionStore::AttachCallSid(std::int64_t id, const std::string& call_sid) {
    const long long key = id;
    return db_.Write([&](soci::session& s) {
        long long taken = 0;
        Once(
            s,
            "SELECT COUNT(*) FROM call_sessions WHERE call_sid = :c OR dialled_call_sid = :d",
            soci::use(call_sid),
            soci::use(call_sid),
            soci::into(taken)
        )
            .execute(true);
        if (taken > 0) {
            return false;
        }
        return Execute(
                   s,
                   "UPDATE call_sessions SET call_sid = :c WHERE id = :i AND call_sid IS NULL",
                   soci::use(call_sid),
                   soci::use(key)
               ) > 0;
    });
}

bool SqlCallSessionStore::UpdateState(
    std::int64_t id,
    const domain::CallState& expected,
    const domain::CallState& next,
    const std::optional<std::string>& dialled_call_sid,
    Timestamp now
) {
    const long long key = id;
    const std::string old_status(domain::CallStatusName(expected.status));
    const long long old_sequence = expected.last_sequence;
    const std::string status(domain::CallStatusName(next.status));
    const long long sequence = next.last_sequence;
    OptionalMs ringing(next.ringing_at);
    OptionalMs answered(next.answered_at);
    OptionalMs ended(next.ended_at);
    const std::string dialled = dialled_call_sid.value_or("");
    soci::indicator dialled_i = dialled_call_sid ? soci::i_ok : soci::i_null;
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {  // one guarded UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE call_sessions SET status = :s, last_sequence = :q, ringing_at = :r, "
                   "answered_at = :a, ended_at = :e, "
                   "dialled_call_sid = COALESCE(dialled_call_sid, :d), updated_at = :t "
                   "WHERE id = :i AND status = :os AND last_sequence = :oq",
                   soci::use(status),
                   soci::use(sequence),
                   soci::use(ringing.value, ringing.ind),
                   soci::use(answered.value, answered.ind),
                   soci::use(ended.value, ended.ind),
                   soci::use(dialled, dialled_i),
                   soci::use(at),
                   soci::use(key),
                   soci::use(old_status),
                   soci::use(old_sequence)
               ) > 0;
    });
}

bool SqlCallSessionStore::SetRecording(
    std::int64_t id, const app::CallRecording& recording, Timestamp now
) {
    const long long key = id;
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE call_sessions SET recording_sid = :r, recording_url = :u, "
                   "recording_seconds = :n, updated_at = :t WHERE id = :i AND recording_sid IS "
                   "NULL",
                   soci::use(recording.sid),
                   soci::use(recording.url),
                   soci::use(recording.seconds),
                   soci::use(at),
                   soci::use(key)
               ) > 0;
    });
}

bool SqlCallSessionStore::LinkOutcome(
    std::int64_t id, std::int64_t outcome_id, std::string_view outcome_code, Timestamp now
) {
    const long long key = id;
    const long long outcome = outcome_id;
    const std::string code(outcome_code);
    const long long at = Ms(now);
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE call_sessions SET outcome_id = :o, outcome = :c, updated_at = :t "
                   "WHERE id = :i AND outcome_id IS NULL",
                   soci::use(outcome),
                   soci::use(code),
                   soci::use(at),
                   soci::use(key)
               ) > 0;
    });
}

std::vector<app::CallSession> SqlCallSessionStore::List(const app::CallSessionFilter& f) {
    std::string where = "1 = 1";
    if (f.user_id) {
        where += " AND user_id = " + f.user_id->ToString();
    }
    if (f.agent_id) {
        where += " AND agent_id = " + f.agent_id->ToString();
    }
    if (f.from) {
        where += " AND created_at >= " + std::to_string(Ms(*f.from));
    }
    if (f.to) {
        where += " AND created_at < " + std::to_string(Ms(*f.to));
    }
    if (f.recorded_only) {
        where += " AND recording_sid IS NOT NULL";
    }
    if (f.before_id) {
        where += " AND id < " + std::to_string(*f.before_id);
    }
    if (f.before) {
        const std::string at = std::to_string(Ms(f.before->created_at));
        where += " AND (created_at < " + at + " OR (created_at = " + at + " AND id < " +
                 std::to_string(f.before->id) + "))";
    }
    if (f.outcome) {
        where += " AND outcome = :outcome";
    }
    return Select(where, "created_at DESC, id DESC", f.limit, f.outcome ? &*f.outcome : nullptr);
}

std::vector<app::CallSession> SqlCallSessionStore::Unfinished(Timestamp created_before, int limit) {
    return Select(
        "ended_at IS NULL AND created_at < " + std::to_string(Ms(created_before)),
        "created_at, id",
        limit
    );
}

}  // namespace dialler::adapters::sql
