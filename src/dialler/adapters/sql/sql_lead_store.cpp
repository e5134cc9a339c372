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

namespace {

// Values of one evaluation in the order of kUpsertColumns, kept alive while a statement runs.
struct UpsertValues {
    long long user_id = 0;
    std::string queue;
    soci::indicator queue_i = soci::i_null;
    std::string reasons;
    int score = 0;
    std::string components;
    int is_given_up = 0;
    std::string phone_raw;
    soci::indicator phone_raw_i = soci::i_null;
    std::string phone_e164;
    std::string phone_type;
    std::string phone_region;
    soci::indicator phone_i = soci::i_null;
    std::string history_key;
    long long waiting_since = 0;
    int attempts = 0;
    int outcome_points = 0;
    long long now = 0;
    long long version = 0;
};

constexpr const char* kUpsertColumns =
    "user_id, queue, reasons, score, score_components, is_given_up, phone_raw, phone_e164, "
    "phone_type, "
    "phone_region, history_key, waiting_since, attempts, outcome_points, first_seen_at, "
    "evaluated_at, history_version";
constexpr int kUpsertColumnCount = 17;
// Rows per PostgreSQL statement: many rows per round trip.
constexpr std::size_t kUpsertRowsPostgres = 2000;

}  // namespace

std::vector<app::Lead> SqlLeadStore::Select(const std::string& where) {
    return SelectLeads(db_, where);
}

std::vector<app::Lead> SqlLeadStore::LeadsInRange(domain::UserId first, domain::UserId last) {
    return Select(
        "user_id BETWEEN " + std::to_string(first.Value()) + " AND " + std::to_string(last.Value())
    );
}

std::vector<app::Lead> SqlLeadStore::LeadsById(std::span<const domain::UserId> ids) {
    if (ids.empty()) {
        return {};
    }
    return Select("user_id IN " + IdList(ids));
}

std::optional<app::Lead> SqlLeadStore::FindLead(domain::UserId id) {
    auto leads = Select("user_id = " + std::to_string(id.Value()));
    if (leads.empty()) {
        return std::nullopt;
    }
    return std::move(leads.front());
}

namespace {

UpsertValues ToValues(const app::LeadEvaluation& e, Timestamp now) {
    UpsertValues v;
    v.user_id = e.user_id.Value();
    if (e.queue) {
        v.queue = std::string(domain::QueueName(*e.queue));
        v.queue_i = soci::i_ok;
    }
    v.reasons = e.reasons;
    v.score = e.score;
    v.components = ComponentsJson(e.score_components, e.score_facts);
    v.is_given_up = e.is_given_up ? 1 : 0;
    if (e.phone_raw) {
        v.phone_raw = *e.phone_raw;
        v.phone_raw_i = soci::i_ok;
    }
    if (e.phone) {
        v.phone_e164 = e.phone->e164;
        v.phone_type = std::string(domain::PhoneTypeName(e.phone->type));
        v.phone_region = e.phone->region;
        v.phone_i = soci::i_ok;
    }
    v.history_key = e.history_key;
    v.waiting_since = Ms(e.waiting_since);
    v.attempts = e.attempts;
    v.outcome_points = e.outcome_points;
    v.now = Ms(now);
    v.version = e.based_on_version;
    return v;
}

// Binds one row's values in kUpsertColumns order; `v` must outlive the statement's execution.
void BindUpsert(soci::statement& st, UpsertValues& v) {
    st.exchange(soci::use(v.user_id));
    st.exchange(soci::use(v.queue, v.queue_i));
    st.exchange(soci::use(v.reasons));
    st.exchange(soci::use(v.score));
    st.exchange(soci::use(v.components));
    st.exchange(soci::use(v.is_given_up));
    st.exchange(soci::use(v.phone_raw, v.phone_raw_i));
    st.exchange(soci::use(v.phone_e164, v.phone_i));
    st.exchange(soci::use(v.phone_type, v.phone_i));
    st.exchange(soci::use(v.phone_region, v.phone_i));
    st.exchange(soci::use(v.history_key));
    st.exchange(soci::use(v.waiting_since));
    st.exchange(soci::use(v.attempts));
    st.exchange(soci::use(v.outcome_points));
    st.exchange(soci::use(v.now));
    st.exchange(soci::use(v.now));
    st.exchange(soci::use(v.version));
}

// An upsert of the rows `source` yields (a VALUES list or a SELECT) that leaves leased leads
// alone and returns the ids written. The lease condition makes "never disturb a held lead"
// atomic with the write: a lead leased between discovery's read and this statement is still
// left alone. Likewise the version condition: a lead an outcome changed since discovery read it
// keeps the outcome's attempts, score and given-up flag (the next run re-reads it). The last
// placeholder is `now` for the lease condition.
std::string UpsertSql(const std::string& source) {
    const std::string sql = std::string("INSERT INTO leads (") + kUpsertColumns + ") " + source;
    return sql +
           " ON CONFLICT (user_id) DO UPDATE SET queue = excluded.queue, reasons = "
           "excluded.reasons, "
           "score = excluded.score, score_components = excluded.score_components, "
           "is_given_up = excluded.is_given_up, phone_raw = excluded.phone_raw, "
           "phone_e164 = excluded.phone_e164, phone_type = excluded.phone_type, "
           "phone_region = excluded.phone_region, history_key = excluded.history_key, "
           "waiting_since = excluded.waiting_since, attempts = excluded.attempts, "
           "outcome_points = excluded.outcome_points, evaluated_at = excluded.evaluated_at "
           "WHERE (leads.lease_expires_at IS NULL OR leads.lease_expires_at <= :lease_now) "
           "AND leads.history_version = excluded.history_version "
           "RETURNING user_id";
}

// Builds PostgreSQL array literals column by column ("{1,2}", "{\"a\",NULL}"), so a whole chunk
// travels as one parameter per column.
class ArrayLiteral {
public:
    void Number(long long v) { Next() += std::to_string(v); }
    void Text(const std::string& v) {
        std::string& out = Next();
        out += '"';
        for (const char c : v) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    void Text(const std::optional<std::string>& v) {
        if (v) {
            Text(*v);
        } else {
            Next() += "NULL";
        }
    }
    std::string Finish() { return (text_.empty() ? std::string("{") : std::move(text_)) + "}"; }

private:
    std::string& Next() {
        text_ += text_.empty() ? '{' : ',';
        return text_;
    }
    std::string text_;
};

// Upserts one chunk in one statement and appends the ids it skipped (leased) to `skipped`. For
// PostgreSQL, where each statement is a round trip: the rows travel as one array per column and
// are expanded by unnest(), so the server parses and plans a 17-parameter statement however
// many rows there are (a multi-row VALUES list of 500 rows cost it more than the write itself).
void UpsertChunk(
    soci::session& s,
    std::span<const app::LeadEvaluation> chunk,
    Timestamp now,
    std::vector<domain::UserId>& skipped
) {
    std::array<ArrayLiteral, kUpsertColumnCount> columns;
    for (const app::LeadEvaluation& e : chunk) {
        const UpsertValues v = ToValues(e, now);
        const auto text_if = [](const std::string& t, soci::indicator i) {
            return i == soci::i_ok ? std::optional(t) : std::nullopt;
        };
        columns[0].Number(v.user_id);
        columns[1].Text(text_if(v.queue, v.queue_i));
        columns[2].Text(v.reasons);
        columns[3].Number(v.score);
        columns[4].Text(v.components);
        columns[5].Number(v.is_given_up);
        columns[6].Text(text_if(v.phone_raw, v.phone_raw_i));
        columns[7].Text(text_if(v.phone_e164, v.phone_i));
        columns[8].Text(text_if(v.phone_type, v.phone_i));
        columns[9].Text(text_if(v.phone_region, v.phone_i));
        columns[10].Text(v.history_key);
        columns[11].Number(v.waiting_since);
        columns[12].Number(v.attempts);
        columns[13].Number(v.outcome_points);
        columns[14].Number(v.now);
        columns[15].Number(v.now);
        columns[16].Number(v.version);
    }
    static constexpr std::array<const char*, kUpsertColumnCount> kTypes = {
        "bigint",
        "text",
        "text",
        "integer",
        "text",
        "integer",
        "text",
        "text",
        "text",
        "text",
        "text",
        "bigint",
        "integer",
        "integer",
        "bigint",
        "bigint",
        "bigint"};
    std::array<std::string, kUpsertColumnCount> arrays;
    std::string select = "SELECT * FROM unnest(";
    soci::statement st(s);
    st.alloc();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        arrays[c] = columns[c].Finish();
        st.exchange(soci::use(arrays[c]));
        select +=
            (c == 0 ? "CAST(:a" : ", CAST(:a") + std::to_string(c) + " AS " + kTypes[c] + "[])";
    }
    select += ")";
    long long lease_now = Ms(now);
    st.exchange(soci::use(lease_now));
    long long written_id = 0;
    st.exchange(soci::into(written_id));
    PrepareOnce(st, UpsertSql(select));
    std::unordered_set<long long> written;
    if (st.execute(true)) {
        do {
            written.insert(written_id);
        } while (st.fetch());
    }
    for (const app::LeadEvaluation& e : chunk) {
        if (!written.contains(e.user_id.Value())) {
            skipped.push_back(e.user_id);
        }
    }
}

// Upserts every evaluation with one prepared single-row statement, appending the ids it skipped
// (leased) to `skipped`. For SQLite, which runs in-process: executing a prepared statement per
// row costs less than parsing multi-row ones (SQLite looks named parameters up linearly, so a
// multi-row statement's parse grows with the square of its parameters; it was a quarter of a
// full discovery run).
void UpsertEach(
    soci::session& s,
    std::span<const app::LeadEvaluation> evaluations,
    Timestamp now,
    std::vector<domain::UserId>& skipped
) {
    UpsertValues v;
    soci::statement st(s);
    st.alloc();
    BindUpsert(st, v);
    long long lease_now = Ms(now);
    st.exchange(soci::use(lease_now));
    long long written_id = 0;
    st.exchange(soci::into(written_id));
    std::string values = "VALUES (";
    for (int c = 0; c < kUpsertColumnCount; ++c) {
        values += (c == 0 ? ":v" : ", :v") + std::to_string(c);
    }
    PrepareOnce(st, UpsertSql(values + ")"));
    for (const app::LeadEvaluation& e : evaluations) {
        v = ToValues(e, now);
        if (!st.execute(true)) {
            skipped.push_back(e.user_id);
        }
    }
}

}  // namespace

std::vector<domain::UserId> SqlLeadStore::ApplyEvaluations(
    std::span<const app::LeadEvaluation> evaluations, Timestamp now
) {
    std::vector<domain::UserId> skipped;
    if (evaluations.empty()) {
        return skipped;
    }
    db_.Write([&](soci::session& s) {
        if (db_.SqlDialect() == Dialect::kPostgres) {
            for (std::size_t begin = 0; begin < evaluations.size(); begin += kUpsertRowsPostgres) {
                UpsertChunk(
                    s,
                    evaluations.subspan(
                        begin, std::min(kUpsertRowsPostgres, evaluations.size() - begin)
                    ),
                    now,
                    skipped
                );
            }
        } else {
            UpsertEach(s, evaluations, now, skipped);
        }
        // A changed number lifts the bad-number flag (product.md §6: not dialled until it changes).
        std::vector<domain::UserId> clear;
        for (const app::LeadEvaluation& e : evaluations) {
            if (e.clear_bad_number &&
                std::find(skipped.begin(), skipped.end(), e.user_id) == skipped.end()) {
                clear.push_back(e.user_id);
            }
        }
        if (!clear.empty()) {
            s << "UPDATE leads SET bad_number_e164 = NULL WHERE user_id IN " + IdList(clear);
        }
        std::vector<domain::UserId> reopen;
        for (const app::LeadEvaluation& e : evaluations) {
            if (e.reopen_no_claim &&
                std::find(skipped.begin(), skipped.end(), e.user_id) == skipped.end()) {
                reopen.push_back(e.user_id);
            }
        }
        if (!reopen.empty()) {
            s << "UPDATE leads SET is_closed = 0, closed_reason = '' WHERE closed_reason = "
                 "'no_claim' AND user_id IN " +
                     IdList(reopen);
        }
    });
    return skipped;
}

int SqlLeadStore::RemoveMissing(
    domain::UserId first,
    domain::UserId last,
    std::span<const domain::UserId> present,
    Timestamp now
) {
    std::string sql =
        "UPDATE leads SET queue = NULL, reasons = 'user_missing', evaluated_at = " +
        std::to_string(Ms(now)) + " WHERE user_id BETWEEN " + std::to_string(first.Value()) +
        " AND " + std::to_string(last.Value()) +
        " AND (lease_expires_at IS NULL OR lease_expires_at <= " + std::to_string(Ms(now)) +
        ") AND NOT (queue IS NULL AND reasons = 'user_missing')";
    if (!present.empty()) {
        sql += " AND user_id NOT IN " + IdList(present);
    }
    return db_.Write([&](soci::session& s) { return static_cast<int>(Execute(s, sql)); });
}

std::vector<app::LeadCounts> SqlLeadStore::Counts(Timestamp now) {
    const long long at = Ms(now);
    return db_.Read([&](soci::session& s) {
        std::vector<app::LeadCounts> out;
        for (domain::Queue q : {domain::Queue::kUnsigned, domain::Queue::kOutstanding}) {
            const std::string name(domain::QueueName(q));
            app::LeadCounts c;
            c.queue = q;
            long long next = 0;
            soci::indicator next_i{};
            s << "SELECT COUNT(*), "
                 "COALESCE(SUM(CASE WHEN (lease_expires_at IS NULL OR lease_expires_at <= :a1) "
                 "AND (next_call_at IS NULL OR next_call_at <= :a2) AND bad_number_e164 IS NULL "
                 "THEN 1 ELSE 0 END), 0), "
                 "MIN(CASE WHEN next_call_at > :a3 THEN next_call_at END) "
                 "FROM leads WHERE queue = :q AND is_closed = 0 AND is_given_up = 0",
                soci::use(at), soci::use(at), soci::use(at), soci::use(name), soci::into(c.total),
                soci::into(c.callable_now), soci::into(next, next_i);
            if (next_i == soci::i_ok) {
                c.next_callable_at = FromMs(next);
            }
            out.push_back(c);
        }
        return out;
    });
}

std::vector<app::Lead> SqlLeadStore::OpenLeadsAfter(domain::UserId after, int limit) {
    if (limit <= 0) {
        return {};
    }
    return SelectLeads(
        db_, "user_id > " + after.ToString() + " AND queue IS NOT NULL AND is_closed = 0", limit
    );
}

std::vector<app::Lead> SqlLeadStore::UnreachableAfter(domain::UserId after, int limit) {
    if (limit <= 0) {
        return {};
    }
    // reasons is a comma-separated list of eligibility codes (domain::EligibilityReasonCode).
    return SelectLeads(
        db_,
        "user_id > " + after.ToString() +
            " AND (',' || reasons || ',' LIKE '%,no_valid_phone,%' OR ',' || reasons || ',' "
            "LIKE '%,not_uk_dialable,%')",
        limit
    );
}

std::size_t SqlLeadStore::UpdateScores(std::span<const app::ScoreUpdate> updates) {
    if (updates.empty()) {
        return 0;
    }
    return db_.Write([&](soci::session& s) {
        long long user = 0;
        int score = 0;
        std::string components;
        int given_up = 0;
        long long version = 0;
        soci::statement st = Once(
            s,
            "UPDATE leads SET score = :s, score_components = :c, is_given_up = :g "
            "WHERE user_id = :u AND history_version = :v",
            soci::use(score),
            soci::use(components),
            soci::use(given_up),
            soci::use(user),
            soci::use(version)
        );
        std::size_t written = 0;
        for (const app::ScoreUpdate& u : updates) {
            user = u.user_id.Value();
            score = u.score;
            components = ComponentsJson(u.score_components, u.score_facts);
            given_up = u.is_given_up ? 1 : 0;
            version = u.based_on_version;
            st.execute(true);
            written += static_cast<std::size_t>(st.get_affected_rows());
        }
        return written;
    });
}

std::vector<domain::UserId> SqlLeadStore::UsersWithPhone(const std::string& e164) {
    return db_.Read([&](soci::session& s) {
        std::vector<domain::UserId> out;
        long long user = 0;
        soci::statement st = Once(
            s,
            "SELECT user_id FROM leads WHERE phone_e164 = :p ORDER BY user_id",
            soci::use(e164),
            soci::into(user)
        );
        st.execute();
        while (st.fetch()) {
            out.emplace_back(user);
        }
        return out;
    });
}

}  // namespace dialler::adapters::sql
