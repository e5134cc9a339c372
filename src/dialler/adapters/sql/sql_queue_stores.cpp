#include "dialler/adapters/sql/sql_queue_stores.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::sql {

namespace {

// An SQL list of integer literals, "(1,2,3)": ids are integers we produced, so inlining them is
// safe, and it keeps one statement for any batch size.
std::string IdList(std::span<const domain::UserId> ids) {
    std::string out = "(";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::to_string(ids[i].Value());
    }
    return out + ")";
}

// score_components holds the breakdown and, since the facts are kept, what it was computed
// from: {"components": [...], "facts": {"lenders": [...], "dob": "YYYY-MM-DD" | null}}. A bare
// array (written before) is a breakdown without facts.
std::string ComponentsJson(
    const std::vector<domain::ScoreComponent>& components,
    const std::optional<domain::ScoreFacts>& facts
) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& c : components) {
        a.push_back({{"name", c.name}, {"points", c.points}, {"detail", c.detail}});
    }
    nlohmann::json out = {{"components", a}};
    if (facts) {
        nlohmann::json dob = nullptr;
        if (facts->date_of_birth) {
            dob = FormatDate(*facts->date_of_birth);
        }
        out["facts"] = {{"lenders", facts->active_lenders}, {"dob", dob}};
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct StoredScore {
    std::vector<domain::ScoreComponent> components;
    std::optional<domain::ScoreFacts> facts;
};

StoredScore ParseComponents(const std::string& text) {
    StoredScore out;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    const nlohmann::json* list = &parsed;
    if (parsed.is_object()) {
        static const nlohmann::json kEmpty = nlohmann::json::array();
        const auto it = parsed.find("components");
        list = it != parsed.end() ? &*it : &kEmpty;
        if (const auto f = parsed.find("facts"); f != parsed.end() && f->is_object()) {
            domain::ScoreFacts facts;
            if (const auto l = f->find("lenders"); l != f->end() && l->is_array()) {
                for (const auto& code : *l) {
                    if (code.is_string()) {
                        facts.active_lenders.push_back(code.get<std::string>());
                    }
                }
            }
            if (const auto d = f->find("dob"); d != f->end() && d->is_string()) {
                facts.date_of_birth = ParseDate(d->get<std::string>());
            }
            out.facts = std::move(facts);
        }
    }
    if (!list->is_array()) {
        return out;
    }
    for (const auto& c : *list) {
        out.components.push_back(domain::ScoreComponent{
            c.value("name", std::string{}), c.value("points", 0), c.value("detail", std::string{})}
        );
    }
    return out;
}

// One `leads` row, bound column by column.
struct LeadRow {
    long long user_id = 0;
    std::string queue;
    std::string reasons;
    int is_closed = 0;
    std::string closed_reason;
    int score = 0;
    std::string components;
    int is_given_up = 0;
    std::string phone_raw;
    std::string phone_e164;
    std::string phone_type;
    std::string phone_region;
    std::string bad_number;
    std::string history_key;
    long long waiting_since = 0;
    int attempts = 0;
    int outcome_points = 0;
    long long next_call_at = 0;
    long long lease_agent_id = 0;
    long long lease_expires_at = 0;
    long long first_seen_at = 0;
    long long evaluated_at = 0;
    long long history_version = 0;
    soci::indicator queue_i{};
    soci::indicator phone_raw_i{};
    soci::indicator phone_e164_i{};
    soci::indicator phone_type_i{};
    soci::indicator phone_region_i{};
    soci::indicator bad_number_i{};
    soci::indicator next_call_i{};
    soci::indicator lease_agent_i{};
    soci::indicator lease_expires_i{};

    app::Lead ToLead() const {
        app::Lead l;
        l.user_id = domain::UserId{user_id};
        if (queue_i == soci::i_ok) {
            l.queue = domain::ParseQueue(queue);
        }
        l.reasons = reasons;
        l.is_closed = is_closed != 0;
        l.closed_reason = closed_reason;
        l.score = score;
        StoredScore stored = ParseComponents(components);
        l.score_components = std::move(stored.components);
        l.score_facts = std::move(stored.facts);
        l.is_given_up = is_given_up != 0;
        if (phone_raw_i == soci::i_ok) {
            l.phone_raw = phone_raw;
        }
        if (phone_e164_i == soci::i_ok) {
            l.phone = domain::PhoneNumber{
                phone_e164,
                domain::ParsePhoneType(phone_type_i == soci::i_ok ? phone_type : std::string{}),
                phone_region_i == soci::i_ok ? phone_region : std::string{},
            };
        }
        if (bad_number_i == soci::i_ok) {
            l.bad_number_e164 = bad_number;
        }
        l.history_key = history_key;
        l.waiting_since = FromMs(waiting_since);
        l.attempts = attempts;
        l.outcome_points = outcome_points;
        if (next_call_i == soci::i_ok) {
            l.next_call_at = FromMs(next_call_at);
        }
        if (lease_agent_i == soci::i_ok) {
            l.lease_agent_id = domain::AgentId{lease_agent_id};
        }
        if (lease_expires_i == soci::i_ok) {
            l.lease_expires_at = FromMs(lease_expires_at);
        }
        l.first_seen_at = FromMs(first_seen_at);
        l.evaluated_at = FromMs(evaluated_at);
        l.history_version = history_version;
        return l;
    }
};

constexpr const char* kLeadColumns =
    "user_id, queue, reasons, is_closed, closed_reason, score, score_components, is_given_up, "
    "phone_raw, "
    "phone_e164, phone_type, phone_region, bad_number_e164, history_key, waiting_since, attempts, "
    "outcome_points, next_call_at, lease_agent_id, lease_expires_at, first_seen_at, evaluated_at, "
    "history_version";

void BindLead(soci::statement& st, LeadRow& r) {
    st.exchange(soci::into(r.user_id));
    st.exchange(soci::into(r.queue, r.queue_i));
    st.exchange(soci::into(r.reasons));
    st.exchange(soci::into(r.is_closed));
    st.exchange(soci::into(r.closed_reason));
    st.exchange(soci::into(r.score));
    st.exchange(soci::into(r.components));
    st.exchange(soci::into(r.is_given_up));
    st.exchange(soci::into(r.phone_raw, r.phone_raw_i));
    st.exchange(soci::into(r.phone_e164, r.phone_e164_i));
    st.exchange(soci::into(r.phone_type, r.phone_type_i));
    st.exchange(soci::into(r.phone_region, r.phone_region_i));
    st.exchange(soci::into(r.bad_number, r.bad_number_i));
    st.exchange(soci::into(r.history_key));
    st.exchange(soci::into(r.waiting_since));
    st.exchange(soci::into(r.attempts));
    st.exchange(soci::into(r.outcome_points));
    st.exchange(soci::into(r.next_call_at, r.next_call_i));
    st.exchange(soci::into(r.lease_agent_id, r.lease_agent_i));
    st.exchange(soci::into(r.lease_expires_at, r.lease_expires_i));
    st.exchange(soci::into(r.first_seen_at));
    st.exchange(soci::into(r.evaluated_at));
    st.exchange(soci::into(r.history_version));
}

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

namespace {

// The leads matching `where`, ordered by user id; `limit` > 0 caps how many.
std::vector<app::Lead> SelectLeads(SqlDatabase& db, const std::string& where, int limit = 0) {
    return db.Read([&](soci::session& s) {
        std::vector<app::Lead> out;
        LeadRow r;
        soci::statement st(s);
        st.alloc();
        BindLead(st, r);
        PrepareOnce(
            st,
            std::string("SELECT ") + kLeadColumns + " FROM leads WHERE " + where +
                " ORDER BY user_id" + (limit > 0 ? " LIMIT " + std::to_string(limit) : "")
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(r.ToLead());
        }
        return out;
    });
}

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

// --- leases (the next-lead path) -------------------------------------------------------------

namespace {}  // namespace

bool SqlLeadLeases::UnparkDue(long long now) {
    // Once a second per instance is plenty: a lead becomes callable at most a second late, and
    // the sweep (index on next_call_at of parked leads) stays off the per-claim path.
    long long last = last_unpark_ms_.load();
    if (now >= last && now - last < 1000) {
        return false;
    }
    return last_unpark_ms_.compare_exchange_strong(last, now);  // false: another claimer sweeps
}

void SqlLeadLeases::Unpark(soci::session& s, long long now) {
    s << "UPDATE leads SET parked = 0 WHERE parked = 1 AND next_call_at <= :now", soci::use(now);
    s << "UPDATE leads SET lease_agent_id = NULL, lease_expires_at = NULL WHERE lease_agent_id IS "
         "NOT NULL "
         "AND lease_expires_at <= :now",
        soci::use(now);
}

namespace {

// The values one claim binds, as SOCI binds them.
struct ClaimValues {
    long long now = 0;
    long long until = 0;
    long long agent = 0;
    long long grace_edge = 0;
    bool postgres = false;
};

// Leases `target` (an id placeholder, or a subquery yielding one) to the agent and reads the
// leased lead back in the same statement. `bind_target` binds what `target` needs.
template <typename BindTarget>
std::optional<app::Lead> Lease(
    soci::session& s, const ClaimValues& v, const std::string& target, BindTarget bind_target
) {
    LeadRow row;
    soci::statement st(s);
    st.alloc();
    st.exchange(soci::use(v.agent));
    st.exchange(soci::use(v.until));
    st.exchange(soci::use(v.now));
    bind_target(st);
    BindLead(st, row);
    PrepareOnce(
        st,
        "UPDATE leads SET lease_agent_id = :me, lease_expires_at = :until, leased_at = :at "
        "WHERE user_id = " +
            target + " RETURNING " + kLeadColumns
    );
    if (!st.execute(true)) {
        return std::nullopt;
    }
    return row.ToLead();
}

// The due callback this agent should take first, leased: their own (always), then, when they
// work the callbacks queue (`team`), anyone's unassigned, then others' past the grace period.
// Driven from the (few) due callbacks: CROSS JOIN keeps SQLite from starting at leads.
std::optional<app::ClaimedLead> ClaimCallback(soci::session& s, const ClaimValues& v, bool team) {
    long long callback = 0;
    long long user = 0;
    const int team_flag = team ? 1 : 0;
    soci::statement pick = Once(
        s,
        "SELECT c.id, c.user_id FROM callbacks c CROSS JOIN leads l WHERE l.user_id = c.user_id "
        "AND c.status = 'pending' AND c.scheduled_for <= :now AND (c.agent_id = :me OR "
        "(:team = 1 AND (c.agent_id IS NULL OR c.scheduled_for <= :edge))) AND l.is_closed = 0 "
        "AND l.bad_number_e164 IS NULL AND (l.lease_expires_at IS NULL OR "
        "l.lease_expires_at <= :now2) ORDER BY CASE WHEN c.agent_id = :me2 THEN 0 ELSE 1 END, "
        "c.scheduled_for, c.id LIMIT 1" +
            std::string(v.postgres ? " FOR UPDATE OF l SKIP LOCKED" : ""),
        soci::use(v.now),
        soci::use(v.agent),
        soci::use(team_flag),
        soci::use(v.grace_edge),
        soci::use(v.now),
        soci::use(v.agent),
        soci::into(callback),
        soci::into(user)
    );
    if (!pick.execute(true)) {
        return std::nullopt;
    }
    // On PostgreSQL the pick's row lock ends with its statement: the lease condition makes this
    // lose cleanly to a claimer that got there in between.
    auto lead = Lease(
        s,
        v,
        ":u AND (lease_expires_at IS NULL OR lease_expires_at <= :now)",
        [&](soci::statement& st) {
            st.exchange(soci::use(user));
            st.exchange(soci::use(v.now));
        }
    );
    if (!lead) {
        return std::nullopt;
    }
    return app::ClaimedLead{std::move(*lead), callback};
}

// One query per queue for its best ready lead: an ordered walk of leads_ready (queue, score,
// waiting_since, user_id). Placeholders :now0, :now1...
std::vector<std::string> HeadQueries(
    const ClaimValues& v, const std::vector<domain::Queue>& queues
) {
    std::vector<std::string> heads;
    for (const domain::Queue q : queues) {
        if (q != domain::Queue::kCallbacks) {
            heads.push_back(
                "SELECT user_id, score, waiting_since FROM leads WHERE queue = '" +
                std::string(domain::QueueName(q)) +
                "' AND is_closed = 0 AND is_given_up = 0 AND parked = 0 AND bad_number_e164 IS "
                "NULL AND lease_agent_id IS NULL AND (next_call_at IS NULL OR next_call_at <= "
                ":now" +
                std::to_string(heads.size()) + ") ORDER BY score, waiting_since, user_id LIMIT 1" +
                (v.postgres ? " FOR UPDATE SKIP LOCKED" : "")
            );
        }
    }
    return heads;
}

// Runs the head queries one by one and returns the best head's user id (SQLite).
std::optional<long long> BestHead(
    soci::session& s, const ClaimValues& v, const std::vector<std::string>& heads
) {
    struct Head {
        long long user_id = 0;
        long long score = 0;
        long long waiting = 0;
        bool operator<(const Head& o) const {
            return std::tie(score, waiting, user_id) < std::tie(o.score, o.waiting, o.user_id);
        }
    };
    std::optional<Head> best;
    for (const auto& head : heads) {
        Head h;
        soci::statement st = Once(
            s,
            head,
            soci::use(v.now),
            soci::into(h.user_id),
            soci::into(h.score),
            soci::into(h.waiting)
        );
        if (st.execute(true) && (!best || h < *best)) {
            best = h;
        }
    }
    return best ? std::optional(best->user_id) : std::nullopt;
}

// The best ready lead of the queues, leased: the better of the queues' heads (an IN list over
// queues would lose the index order and sort).
std::optional<app::ClaimedLead> ClaimFromQueues(
    soci::session& s, const ClaimValues& v, const std::vector<domain::Queue>& queues
) {
    const std::vector<std::string> heads = HeadQueries(v, queues);
    if (heads.empty()) {
        return std::nullopt;
    }
    std::optional<app::Lead> lead;
    if (v.postgres) {
        // The walks and the lease in one statement: one round trip, atomic by itself, and
        // concurrent claimers skip each other's heads (SKIP LOCKED) instead of queueing on them.
        std::string arms;
        for (std::size_t i = 0; i < heads.size(); ++i) {
            arms += (i == 0 ? "SELECT * FROM (" : " UNION ALL SELECT * FROM (") + heads[i] + ") h" +
                    std::to_string(i);
        }
        // The lease re-checks that the lead is free: correctness does not rest on SKIP LOCKED
        // and the row lock alone.
        lead = Lease(
            s,
            v,
            "(SELECT user_id FROM (" + arms +
                ") heads ORDER BY score, waiting_since, user_id LIMIT 1) AND lease_agent_id IS "
                "NULL",
            [&](soci::statement& st) {
                for (std::size_t i = 0; i < heads.size(); ++i) {
                    st.exchange(soci::use(v.now));
                }
            }
        );
    } else {
        // The walks one by one, then the lease (inside the caller's write transaction): preparing
        // the compound statement costs SQLite more than the simple ones, and in-process there
        // are no round trips to save.
        const std::optional<long long> user = BestHead(s, v, heads);
        if (!user) {
            return std::nullopt;
        }
        lead = Lease(s, v, ":u AND lease_agent_id IS NULL", [&](soci::statement& st) {
            st.exchange(soci::use(*user));
        });
    }
    if (!lead) {
        return std::nullopt;
    }
    return app::ClaimedLead{std::move(*lead), std::nullopt};
}

}  // namespace

std::optional<app::ClaimedLead> SqlLeadLeases::ClaimNext(const app::ClaimRequest& request) {
    const ClaimValues v{
        Ms(request.now),
        Ms(request.lease_until),
        request.agent.Value(),
        Ms(request.now - request.callback_grace),
        db_.SqlDialect() == Dialect::kPostgres,
    };
    if (UnparkDue(v.now)) {
        db_.Write([&](soci::session& s) { Unpark(s, v.now); });
    }
    const bool callbacks =
        std::find(request.queues.begin(), request.queues.end(), domain::Queue::kCallbacks) !=
        request.queues.end();
    const auto claim = [&](soci::session& s) -> std::optional<app::ClaimedLead> {
        // An agent's own due callbacks come first whatever they asked for: a promise to a
        // customer is not dropped because the agent picked a queue.
        if (auto claimed = ClaimCallback(s, v, callbacks)) {
            return claimed;
        }
        return ClaimFromQueues(s, v, request.queues);
    };
    // PostgreSQL: each statement is atomic and races are settled by row locks, so no BEGIN and
    // COMMIT round trips. SQLite: one writer at a time (FIFO), in a transaction, so a second
    // instance on the same file cannot slip between a pick and its lease.
    return v.postgres ? db_.AutoCommit(claim) : db_.Write(claim);
}

std::optional<app::Lead> SqlLeadLeases::HeldBy(domain::AgentId agent, Timestamp now) {
    auto leads = SelectLeads(
        db_,
        "lease_agent_id = " + agent.ToString() + " AND lease_expires_at > " +
            std::to_string(Ms(now))
    );
    if (leads.empty()) {
        return std::nullopt;
    }
    return std::move(leads.front());
}

bool SqlLeadLeases::ExtendLease(
    domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
) {
    const long long u = user.Value();
    const long long a = agent.Value();
    const long long n = Ms(now);
    const long long t = Ms(until);
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE leads SET lease_expires_at = :t WHERE user_id = :u "
                   "AND lease_agent_id = :a AND lease_expires_at > :n",
                   soci::use(t),
                   soci::use(u),
                   soci::use(a),
                   soci::use(n)
               ) > 0;
    });
}

bool SqlLeadLeases::ReleaseLease(
    domain::UserId user, domain::AgentId agent, std::optional<Timestamp> next_call_at
) {
    const long long u = user.Value();
    const long long a = agent.Value();
    const long long next = next_call_at ? Ms(*next_call_at) : 0;
    soci::indicator next_i = next_call_at ? soci::i_ok : soci::i_null;
    const int park = next_call_at ? 1 : 0;  // a skip or a gate refusal: wait out of the ready index
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE leads SET lease_agent_id = NULL, lease_expires_at = NULL, "
                   "next_call_at = COALESCE(:n, next_call_at), parked = CASE WHEN :p = 1 "
                   "THEN 1 ELSE parked END "
                   "WHERE user_id = :u AND lease_agent_id = :a",
                   soci::use(next, next_i),
                   soci::use(park),
                   soci::use(u),
                   soci::use(a)
               ) > 0;
    });
}

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
            "created_by_agent_id, created_at, updated_at, failed_tries, closed_reason "
            "FROM callbacks WHERE " +
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
            soci::into(r.closed_reason, r.closed_reason_i)
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

// --- discovery runs, watermark, conversions --------------------------------------------------

app::DiscoveryRun SqlDiscoveryStore::StartRun(const std::string& kind, Timestamp at) {
    const long long started = Ms(at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO discovery_runs (kind, status, started_at) VALUES (:k, 'running', :t) "
             "RETURNING id",
            soci::use(kind), soci::use(started), soci::into(new_id);
        return new_id;
    });
    app::DiscoveryRun run;
    run.id = id;
    run.kind = kind;
    run.status = "running";
    run.started_at = at;
    return run;
}

void SqlDiscoveryStore::FinishRun(const app::DiscoveryRun& run) {
    const long long finished = run.finished_at ? Ms(*run.finished_at) : 0;
    soci::indicator finished_i = run.finished_at ? soci::i_ok : soci::i_null;
    const long long id = run.id;
    db_.Write([&](soci::session& s) {
        s << "UPDATE discovery_runs SET status = :s, finished_at = :f, customers_read = :c, "
             "leads_written = :w, unchanged = :u, "
             "leads_in_queue = :q, skipped_leased = :k, removed = :r, conversions = :v, error = :e "
             "WHERE id = :id",
            soci::use(run.status), soci::use(finished, finished_i), soci::use(run.customers_read),
            soci::use(run.leads_written), soci::use(run.unchanged), soci::use(run.leads_in_queue),
            soci::use(run.skipped_leased), soci::use(run.removed), soci::use(run.conversions),
            soci::use(run.error), soci::use(id);
    });
}

std::vector<app::DiscoveryRun> SqlDiscoveryStore::RecentRuns(int limit) {
    return db_.Read([&](soci::session& s) {
        std::vector<app::DiscoveryRun> out;
        app::DiscoveryRun r;
        long long id = 0;
        long long started = 0;
        long long finished = 0;
        soci::indicator finished_i{};
        soci::statement st = Once(
            s,
            "SELECT id, kind, status, started_at, finished_at, customers_read, "
            "leads_written, unchanged, "
            "leads_in_queue, skipped_leased, removed, conversions, error FROM "
            "discovery_runs "
            "ORDER BY id DESC LIMIT " +
                std::to_string(std::max(limit, 0)),
            soci::into(id),
            soci::into(r.kind),
            soci::into(r.status),
            soci::into(started),
            soci::into(finished, finished_i),
            soci::into(r.customers_read),
            soci::into(r.leads_written),
            soci::into(r.unchanged),
            soci::into(r.leads_in_queue),
            soci::into(r.skipped_leased),
            soci::into(r.removed),
            soci::into(r.conversions),
            soci::into(r.error)
        );
        st.execute();
        while (st.fetch()) {
            app::DiscoveryRun copy = r;
            copy.id = id;
            copy.started_at = FromMs(started);
            copy.finished_at =
                finished_i == soci::i_ok ? std::optional(FromMs(finished)) : std::nullopt;
            out.push_back(std::move(copy));
        }
        return out;
    });
}

std::optional<Timestamp> SqlDiscoveryStore::Watermark() {
    return db_.Read([](soci::session& s) -> std::optional<Timestamp> {
        long long w = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT watermark FROM job_state WHERE name = 'discovery'", soci::into(w, ind);
        if (!s.got_data() || ind != soci::i_ok) {
            return std::nullopt;
        }
        return FromMs(w);
    });
}

void SqlDiscoveryStore::SetWatermark(Timestamp watermark) {
    const long long w = Ms(watermark);
    db_.Write([&](soci::session& s) {
        s << "INSERT INTO job_state (name, watermark) VALUES ('discovery', :w) "
             "ON CONFLICT (name) DO UPDATE SET watermark = excluded.watermark",
            soci::use(w);
    });
}

std::size_t SqlDiscoveryStore::RecordConversions(std::span<const app::Conversion> conversions) {
    return db_.Write([&](soci::session& s) {
        std::size_t recorded = 0;
        for (const auto& c : conversions) {
            const long long user = c.user_id.Value();
            const std::string queue(domain::QueueName(c.from_queue));
            const long long at = Ms(c.at);
            const long long episode = Ms(c.episode);
            std::string agents;
            for (const auto a : c.agents) {
                agents += (agents.empty() ? "" : ",") + a.ToString();
            }
            recorded += static_cast<std::size_t>(Execute(
                s,
                "INSERT INTO conversions (user_id, kind, from_queue, at, agent_ids, episode) "
                "VALUES (:u, :k, :q, :a, :g, :e) ON CONFLICT DO NOTHING",
                soci::use(user),
                soci::use(c.kind),
                soci::use(queue),
                soci::use(at),
                soci::use(agents),
                soci::use(episode)
            ));
        }
        return recorded;
    });
}

std::vector<app::Conversion> SqlDiscoveryStore::ConversionsSince(Timestamp since, int limit) {
    const long long from = Ms(since);
    return db_.Read([&](soci::session& s) {
        std::vector<app::Conversion> out;
        long long user = 0;
        std::string kind;
        std::string queue;
        long long at = 0;
        std::string agents;
        long long episode = 0;
        soci::indicator episode_i = soci::i_null;
        soci::statement st = Once(
            s,
            "SELECT user_id, kind, from_queue, at, agent_ids, episode FROM conversions WHERE "
            "at >= :f "
            "ORDER BY at, id LIMIT " +
                std::to_string(std::max(limit, 0)),
            soci::use(from),
            soci::into(user),
            soci::into(kind),
            soci::into(queue),
            soci::into(at),
            soci::into(agents),
            soci::into(episode, episode_i)
        );
        st.execute();
        while (st.fetch()) {
            app::Conversion c;
            c.user_id = domain::UserId{user};
            c.kind = kind;
            c.from_queue = domain::ParseQueue(queue).value_or(domain::Queue::kUnsigned);
            c.at = FromMs(at);
            c.episode = episode_i == soci::i_ok ? FromMs(episode) : Timestamp{};
            for (std::string_view part : Split(agents, ',')) {
                if (!part.empty()) {
                    c.agents.emplace_back(std::stoll(std::string(part)));
                }
            }
            out.push_back(std::move(c));
        }
        return out;
    });
}

// --- contacts ----------------------------------------------------------------------------

app::ContactAttempt SqlContactLog::Record(const app::ContactAttempt& attempt) {
    const long long user = attempt.user_id.Value();
    const std::string channel = attempt.channel == domain::Channel::kCall ? "call" : "sms";
    const long long agent = attempt.agent_id ? attempt.agent_id->Value() : 0;
    soci::indicator agent_i = attempt.agent_id ? soci::i_ok : soci::i_null;
    const long long at = Ms(attempt.at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO contact_attempts (user_id, channel, agent_id, phone_e164, at) VALUES "
             "(:u, :c, :a, :p, :t) "
             "RETURNING id",
            soci::use(user), soci::use(channel), soci::use(agent, agent_i),
            soci::use(attempt.phone_e164), soci::use(at), soci::into(new_id);
        return new_id;
    });
    app::ContactAttempt out = attempt;
    out.id = id;
    return out;
}

std::vector<app::ContactAttempt> SqlContactLog::Since(domain::UserId user_id, Timestamp since) {
    const long long user = user_id.Value();
    const long long from = Ms(since);
    return db_.Read([&](soci::session& s) {
        std::vector<app::ContactAttempt> out;
        long long id = 0;
        std::string channel;
        long long agent = 0;
        soci::indicator agent_i{};
        std::string phone;
        long long at = 0;
        soci::statement st = Once(
            s,
            "SELECT id, channel, agent_id, phone_e164, at FROM contact_attempts "
            "WHERE user_id = :u AND at >= :f ORDER BY at, id",
            soci::use(user),
            soci::use(from),
            soci::into(id),
            soci::into(channel),
            soci::into(agent, agent_i),
            soci::into(phone),
            soci::into(at)
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(app::ContactAttempt{
                id,
                user_id,
                channel == "sms" ? domain::Channel::kSms : domain::Channel::kCall,
                agent_i == soci::i_ok ? std::optional(domain::AgentId{agent}) : std::nullopt,
                phone,
                FromMs(at),
            });
        }
        return out;
    });
}

std::vector<std::pair<domain::UserId, domain::AgentId>> SqlContactLog::CallersSince(
    std::span<const domain::UserId> user_ids, Timestamp since
) {
    std::vector<std::pair<domain::UserId, domain::AgentId>> out;
    if (user_ids.empty()) {
        return out;
    }
    const long long from = Ms(since);
    db_.Read([&](soci::session& s) {
        long long user = 0;
        long long agent = 0;
        soci::statement st = Once(
            s,
            "SELECT DISTINCT user_id, agent_id FROM contact_attempts WHERE channel = "
            "'call' "
            "AND agent_id IS NOT NULL AND at >= :f AND user_id IN " +
                IdList(user_ids) + " ORDER BY user_id, agent_id",
            soci::use(from),
            soci::into(user),
            soci::into(agent)
        );
        st.execute();
        while (st.fetch()) {
            out.emplace_back(domain::UserId{user}, domain::AgentId{agent});
        }
    });
    return out;
}

// --- job leases --------------------------------------------------------------------------

bool SqlJobLeaseStore::TryAcquire(
    const std::string& name, const std::string& holder, Timestamp now, Timestamp until
) {
    const long long at = Ms(now);
    const long long expires = Ms(until);
    return db_.Write([&](soci::session& s) {
        // One statement: free, expired or ours -> ours. Two instances racing both run it; the
        // row lock (PostgreSQL) or the write lock (SQLite) lets exactly one win.
        return Execute(
                   s,
                   "INSERT INTO job_state (name, lease_holder, lease_expires_at) VALUES (:n, :h, "
                   ":e) "
                   "ON CONFLICT (name) DO UPDATE SET lease_holder = excluded.lease_holder, "
                   "lease_expires_at = excluded.lease_expires_at "
                   "WHERE job_state.lease_holder IS NULL OR job_state.lease_holder = :h2 "
                   "OR job_state.lease_expires_at IS NULL OR job_state.lease_expires_at <= :now",
                   soci::use(name),
                   soci::use(holder),
                   soci::use(expires),
                   soci::use(holder),
                   soci::use(at)
               ) > 0;
    });
}

std::optional<std::string> SqlJobLeaseStore::Marker(const std::string& name) {
    return db_.Read([&](soci::session& s) -> std::optional<std::string> {
        std::string marker;
        soci::indicator marker_i = soci::i_null;
        s << "SELECT marker FROM job_state WHERE name = :n", soci::use(name),
            soci::into(marker, marker_i);
        if (!s.got_data() || marker_i != soci::i_ok) {
            return std::nullopt;
        }
        return marker;
    });
}

void SqlJobLeaseStore::SetMarker(const std::string& name, const std::string& value) {
    db_.AutoCommit([&](soci::session& s) {  // one upsert: atomic by itself
        s << "INSERT INTO job_state (name, marker) VALUES (:n, :m) "
             "ON CONFLICT (name) DO UPDATE SET marker = excluded.marker",
            soci::use(name), soci::use(value);
    });
}

void SqlJobLeaseStore::Release(const std::string& name, const std::string& holder) {
    db_.Write([&](soci::session& s) {
        s << "UPDATE job_state SET lease_holder = NULL, lease_expires_at = NULL WHERE name = :n "
             "AND lease_holder = :h",
            soci::use(name), soci::use(holder);
    });
}

// --- settings ---------------------------------------------------------------------------

app::SettingsMap SqlSettingsStore::Load() {
    return db_.Read([](soci::session& s) {
        app::SettingsMap out;
        std::string key;
        std::string value;
        soci::statement st =
            Once(s, "SELECT key, value FROM settings", soci::into(key), soci::into(value));
        st.execute();
        while (st.fetch()) {
            out.emplace(key, value);
        }
        return out;
    });
}

void SqlSettingsStore::Save(const app::SettingsMap& values, const app::Actor& by, Timestamp at) {
    const long long when = Ms(at);
    const std::string kind(app::ActorKindName(by.kind));
    const long long agent = by.agent_id ? by.agent_id->Value() : 0;
    soci::indicator agent_i = by.agent_id ? soci::i_ok : soci::i_null;
    db_.Write([&](soci::session& s) {
        for (const auto& [key, value] : values) {
            s << "INSERT INTO settings (key, value, updated_at, updated_by_kind, "
                 "updated_by_agent_id) "
                 "VALUES (:k, :v, :t, :bk, :ba) ON CONFLICT (key) DO UPDATE SET value = "
                 "excluded.value, "
                 "updated_at = excluded.updated_at, updated_by_kind = excluded.updated_by_kind, "
                 "updated_by_agent_id = excluded.updated_by_agent_id",
                soci::use(key), soci::use(value), soci::use(when), soci::use(kind),
                soci::use(agent, agent_i);
        }
    });
}

}  // namespace dialler::adapters::sql
