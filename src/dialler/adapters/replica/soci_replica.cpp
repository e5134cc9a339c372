#include "dialler/adapters/replica/soci_replica.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "dialler/adapters/replica/replica_indexes.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::replica {

std::string MysqlConnectString(const platform::DatabaseUrl& url) {
    std::string s = "db=" + platform::QuoteConnectValue(url.database) +
                    " host=" + platform::QuoteConnectValue(url.host);
    s += " port=" + std::to_string(url.port.value_or(3306));
    if (!url.user.empty()) {
        s += " user=" + platform::QuoteConnectValue(url.user);
    }
    if (!url.password.empty()) {
        s += " password=" + platform::QuoteConnectValue(url.password);
    }
    s += " charset='utf8mb4' connect_timeout='5'";
    return s;
}

namespace {

// Whether `e` says the connection is gone (so a reconnect may help), not that the query failed.
bool IsConnectionLost(const soci::soci_error& e) {
    if (e.get_error_category() == soci::soci_error::connection_error) {
        return true;
    }
    const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&e);
    // 4031: MySQL 8 closed an idle connection ("disconnected by the server because of
    // inactivity"); 2013/2006 are in SOCI's connection category already.
    return mysql != nullptr && mysql->err_num_ == 4031;
}

}  // namespace

template <typename F>
decltype(auto) SociReplica::WithSession(F&& fn) {
    soci::session s(pool_);
    if (dialect_ == ReplicaDialect::kMysql && s.get_backend() == nullptr) {
        // An earlier reconnect failed (the server was down) and left this session closed.
        s.reconnect();
        SetUpSession(s);
    }
    try {
        return fn(s);
    } catch (const soci::soci_error& e) {
        if (dialect_ != ReplicaDialect::kMysql || !IsConnectionLost(e)) {
            throw;
        }
    }
    s.reconnect();
    SetUpSession(s);
    return fn(s);
}

void SociReplica::SetUpSession(soci::session& s) const {
    // Defence in depth on top of the read-only account: this session cannot write.
    s << "SET SESSION TRANSACTION READ ONLY";
    s << "SET SESSION time_zone = '+00:00'";
    // MariaDB names the statement timeout in seconds, MySQL in milliseconds (SELECTs only).
    try {
        s << "SET SESSION max_statement_time = " + std::to_string(statement_timeout_.count());
    } catch (const soci::soci_error&) {
        s << "SET SESSION max_execution_time = " +
                 std::to_string(statement_timeout_.count() * 1000);
    }
}

std::unique_ptr<SociReplica> SociReplica::Open(
    const platform::DatabaseUrl& url, std::size_t pool_size, std::chrono::seconds statement_timeout
) {
    if (url.scheme == "sqlite") {
        if (!std::filesystem::exists(url.path)) {
            throw std::runtime_error(
                "replica file does not exist: " + url.path + " (run `dialler demo-data`)"
            );
        }
        std::unique_ptr<SociReplica> r(
            new SociReplica(ReplicaDialect::kSqlite, pool_size, statement_timeout)
        );
        for (std::size_t i = 0; i < pool_size; ++i) {
            r->pool_.at(i).open(soci::sqlite3, "db=\"" + url.path + "\" readonly=1 timeout=10");
        }
        return r;
    }
    if (url.scheme == "mysql") {
        std::unique_ptr<SociReplica> r(
            new SociReplica(ReplicaDialect::kMysql, pool_size, statement_timeout)
        );
        const std::string conn = MysqlConnectString(url);
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& s = r->pool_.at(i);
            try {
                s.open(soci::mysql, conn);
            } catch (const soci::soci_error&) {
                throw std::runtime_error(
                    "cannot connect to the replica at " + url.host + ":" +
                    std::to_string(url.port.value_or(3306)) + "/" + url.database
                );
            }
            r->SetUpSession(s);
        }
        return r;
    }
    throw std::runtime_error("unsupported replica scheme: " + url.scheme);
}

void SociReplica::Check() {
    WithSession([](soci::session& s) {
        int one = 0;
        s << "SELECT 1", soci::into(one);
    });
}

bool SociReplica::IsDemo() {
    return WithSession([this](soci::session& s) {
        long long n = 0;
        if (dialect_ == ReplicaDialect::kSqlite) {
            s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                 "'demo_marker'",
                soci::into(n);
        } else {
            s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                 "DATABASE() AND table_name = 'demo_marker'",
                soci::into(n);
        }
        return n > 0;
    });
}

namespace {

using domain::CustomerRecord;
using domain::UserId;

std::optional<std::string> Opt(const std::string& v, soci::indicator ind) {
    return ind == soci::i_ok ? std::optional<std::string>(v) : std::nullopt;
}

std::optional<Timestamp> OptTime(long long epoch_seconds, soci::indicator ind) {
    if (ind != soci::i_ok) {
        return std::nullopt;
    }
    return Timestamp{std::chrono::seconds{epoch_seconds}};
}

// Finds the record of `user_id` in `records` (sorted by id), or nullptr: claims and
// requirements arrive in user order, so a moving cursor would do, but orphans and gaps make a
// binary search the simpler correct choice.
CustomerRecord* FindRecord(std::vector<CustomerRecord>& records, long long user_id) {
    const auto it = std::lower_bound(
        records.begin(),
        records.end(),
        user_id,
        [](const CustomerRecord& r, long long id) { return r.user.id.Value() < id; }
    );
    return it != records.end() && it->user.id.Value() == user_id ? &*it : nullptr;
}

}  // namespace

std::string SociReplica::EpochSeconds(const std::string& column) const {
    // MySQL: the sessions run with time_zone '+00:00', so naive DATETIMEs are read as UTC.
    return dialect_ == ReplicaDialect::kMysql ? "UNIX_TIMESTAMP(" + column + ")"
                                              : "CAST(strftime('%s', " + column + ") AS INTEGER)";
}

std::string SociReplica::EpochDays(const std::string& column) const {
    return dialect_ == ReplicaDialect::kMysql
               ? "(TO_DAYS(" + column + ") - 719528)"
               : "CAST(julianday(" + column + ") - 2440587.5 AS INTEGER)";
}

namespace {}  // namespace

// The customers being read, in id order, with the context parts kept parallel to `records`.
struct SociReplica::Reading {
    std::vector<CustomerRecord> records;
    std::vector<std::optional<std::string>> emails;
    std::vector<std::vector<domain::ReplicaAddress>> addresses;
    std::vector<std::vector<domain::ReplicaVehicle>> vehicles;

    std::size_t IndexOf(const CustomerRecord& r) const {
        return static_cast<std::size_t>(&r - records.data());
    }
};

namespace {

// One row of `users` (optionally joined with an address).
struct UserRow {
    long long id = 0;
    int enabled = 0;
    int signed_flag = 0;
    std::string status;
    std::string phone;
    std::string first;
    std::string last;
    std::string email;
    long long dob_days = 0;
    long long created = 0;
    long long updated = 0;
    soci::indicator enabled_i{};
    soci::indicator status_i{};
    soci::indicator phone_i{};
    soci::indicator first_i{};
    soci::indicator last_i{};
    soci::indicator email_i{};
    soci::indicator dob_i{};
    soci::indicator created_i{};
    soci::indicator updated_i{};
    std::string a_id;
    std::string a_full;
    std::string a_line1;
    std::string a_line2;
    std::string a_town;
    std::string a_county;
    std::string a_post;
    int a_linked = 0;
    soci::indicator a_id_i{};
    soci::indicator a_full_i{};
    soci::indicator a_line1_i{};
    soci::indicator a_line2_i{};
    soci::indicator a_town_i{};
    soci::indicator a_county_i{};
    soci::indicator a_post_i{};
    soci::indicator a_linked_i{};

    void Bind(soci::statement& st, bool with_context) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(enabled, enabled_i));
        st.exchange(soci::into(status, status_i));
        st.exchange(soci::into(phone, phone_i));
        st.exchange(soci::into(signed_flag));
        st.exchange(soci::into(first, first_i));
        st.exchange(soci::into(last, last_i));
        st.exchange(soci::into(dob_days, dob_i));
        st.exchange(soci::into(created, created_i));
        st.exchange(soci::into(updated, updated_i));
        if (with_context) {
            st.exchange(soci::into(email, email_i));
            st.exchange(soci::into(a_id, a_id_i));
            st.exchange(soci::into(a_linked, a_linked_i));
            st.exchange(soci::into(a_full, a_full_i));
            st.exchange(soci::into(a_line1, a_line1_i));
            st.exchange(soci::into(a_line2, a_line2_i));
            st.exchange(soci::into(a_town, a_town_i));
            st.exchange(soci::into(a_county, a_county_i));
            st.exchange(soci::into(a_post, a_post_i));
        }
    }

    CustomerRecord ToRecord() const {
        CustomerRecord r;
        r.user.id = UserId{id};
        r.user.is_enabled = enabled_i == soci::i_ok && enabled != 0;
        r.user.status = Opt(status, status_i);
        r.user.phone_number = Opt(phone, phone_i);
        r.user.has_signature = signed_flag != 0;
        r.user.first_name = Opt(first, first_i);
        r.user.last_name = Opt(last, last_i);
        if (dob_i == soci::i_ok) {
            r.user.date_of_birth =
                std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{dob_days}}};
        }
        r.user.created_at = OptTime(created, created_i);
        r.user.updated_at = OptTime(updated, updated_i);
        return r;
    }

    std::optional<domain::ReplicaAddress> Address() const {
        if (a_id_i != soci::i_ok) {
            return std::nullopt;
        }
        return domain::ReplicaAddress{
            a_id,
            a_linked_i != soci::i_ok || a_linked == 0,
            Opt(a_full, a_full_i),
            Opt(a_line1, a_line1_i),
            Opt(a_line2, a_line2_i),
            Opt(a_town, a_town_i),
            Opt(a_county, a_county_i),
            Opt(a_post, a_post_i),
        };
    }
};

// One row of `claims` (optionally joined with a vehicle package).
struct ClaimRow {
    long long id = 0;
    long long user_id = 0;
    long long created = 0;
    long long updated = 0;
    std::string status;
    std::string lender;
    std::string type;
    soci::indicator status_i{};
    soci::indicator lender_i{};
    soci::indicator type_i{};
    soci::indicator created_i{};
    soci::indicator updated_i{};
    long long v_claim = 0;
    long long v_start = 0;
    std::string v_reg;
    std::string v_make;
    std::string v_model;
    std::string v_dealer;
    std::string v_payment;
    soci::indicator v_claim_i{};
    soci::indicator v_start_i{};
    soci::indicator v_reg_i{};
    soci::indicator v_make_i{};
    soci::indicator v_model_i{};
    soci::indicator v_dealer_i{};
    soci::indicator v_payment_i{};

    void Bind(soci::statement& st, bool with_context) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(status, status_i));
        st.exchange(soci::into(lender, lender_i));
        st.exchange(soci::into(type, type_i));
        st.exchange(soci::into(created, created_i));
        st.exchange(soci::into(updated, updated_i));
        if (with_context) {
            st.exchange(soci::into(v_claim, v_claim_i));
            st.exchange(soci::into(v_reg, v_reg_i));
            st.exchange(soci::into(v_make, v_make_i));
            st.exchange(soci::into(v_model, v_model_i));
            st.exchange(soci::into(v_dealer, v_dealer_i));
            st.exchange(soci::into(v_payment, v_payment_i));
            st.exchange(soci::into(v_start, v_start_i));
        }
    }

    domain::ReplicaClaim ToClaim() const {
        return domain::ReplicaClaim{
            id,
            Opt(status, status_i),
            Opt(lender, lender_i),
            Opt(type, type_i),
            OptTime(created, created_i),
            OptTime(updated, updated_i),
        };
    }

    std::optional<domain::ReplicaVehicle> Vehicle() const {
        if (v_claim_i != soci::i_ok) {
            return std::nullopt;
        }
        return domain::ReplicaVehicle{
            v_claim,
            Opt(v_reg, v_reg_i),
            Opt(v_make, v_make_i),
            Opt(v_model, v_model_i),
            Opt(v_dealer, v_dealer_i),
            Opt(v_payment, v_payment_i),
            OptTime(v_start, v_start_i),
        };
    }
};

// One row of `claim_requirements` with its claim's user.
struct RequirementRow {
    std::string id;
    std::string type;
    std::string status;
    std::string reason;
    long long claim_id = 0;
    long long user_id = 0;
    long long created = 0;
    long long updated = 0;
    soci::indicator type_i{};
    soci::indicator status_i{};
    soci::indicator reason_i{};
    soci::indicator created_i{};
    soci::indicator updated_i{};

    domain::ReplicaRequirement ToRequirement() const {
        return domain::ReplicaRequirement{
            id,
            claim_id,
            Opt(type, type_i),
            Opt(status, status_i),
            Opt(reason, reason_i),
            OptTime(created, created_i),
            OptTime(updated, updated_i),
        };
    }
};

void Run(soci::statement& st, const std::string& sql) {
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
}

}  // namespace

void SociReplica::ReadUsers(
    soci::session& s, const std::string& id_predicate, bool with_context, Reading& out
) const {
    UserRow row;
    soci::statement st(s);
    st.alloc();
    row.Bind(st, with_context);
    std::string sql =
        "SELECT u.id, u.is_enabled, u.status, u.phone_number, "
        "CASE WHEN u.current_signature_file_id IS NULL THEN 0 ELSE 1 END, u.first_name, "
        "u.last_name, " +
        EpochDays("u.date_of_birth") + ", " + EpochSeconds("u.created_at") + ", " +
        EpochSeconds("u.updated_at");
    if (with_context) {
        sql +=
            ", u.email_address, a.id, a.is_linked_address, a.full_address, a.address_line_1, "
            "a.address_line_2, "
            "a.post_town, a.county, a.post_code FROM users u LEFT JOIN user_addresses a ON "
            "a.user_id = u.id "
            "WHERE u.id " +
            id_predicate + " ORDER BY u.id, a.is_linked_address, a.id";
    } else {
        sql += " FROM users u WHERE u.id " + id_predicate + " ORDER BY u.id";
    }
    Run(st, sql);
    while (st.fetch()) {
        // With addresses joined a user spans several rows, one per address.
        if (out.records.empty() || out.records.back().user.id.Value() != row.id) {
            out.records.push_back(row.ToRecord());
            out.emails.push_back(with_context ? Opt(row.email, row.email_i) : std::nullopt);
            out.addresses.emplace_back();
            out.vehicles.emplace_back();
        }
        if (auto address = row.Address(); with_context && address) {
            out.addresses.back().push_back(std::move(*address));
        }
    }
}

void SociReplica::ReadClaims(
    soci::session& s, const std::string& id_predicate, bool with_context, Reading& out
) const {
    ClaimRow row;
    soci::statement st(s);
    st.alloc();
    row.Bind(st, with_context);
    std::string sql = "SELECT c.id, c.user_id, c.status, c.lender, c.type, " +
                      EpochSeconds("c.created_at") + ", " + EpochSeconds("c.updated_at");
    if (with_context) {
        // Money as decimal text, never through a double.
        const std::string payment = dialect_ == ReplicaDialect::kMysql
                                        ? "CAST(v.monthly_payment AS CHAR)"
                                        : "printf('%.2f', v.monthly_payment)";
        sql +=
            ", v.claim_id, v.vehicle_registration, v.vehicle_make, v.vehicle_model, "
            "v.dealership_name, " +
            payment + ", " + EpochSeconds("v.contract_start_date") +
            " FROM claims c LEFT JOIN claim_vehicle_packages v ON v.claim_id = c.id WHERE "
            "c.user_id " +
            id_predicate + " ORDER BY c.user_id, c.id, v.id";
    } else {
        sql += " FROM claims c WHERE c.user_id " + id_predicate + " ORDER BY c.user_id, c.id";
    }
    Run(st, sql);
    while (st.fetch()) {
        CustomerRecord* r = FindRecord(out.records, row.user_id);
        if (r == nullptr) {
            continue;  // an orphan claim, or a user created after the users query
        }
        if (r->claims.empty() || r->claims.back().id != row.id) {
            r->claims.push_back(row.ToClaim());
        }
        if (auto vehicle = row.Vehicle(); with_context && vehicle) {
            out.vehicles[out.IndexOf(*r)].push_back(std::move(*vehicle));
        }
    }
}

void SociReplica::ReadRequirements(soci::session& s, const std::string& id_predicate, Reading& out)
    const {
    RequirementRow row;
    soci::statement st =
        (s.prepare << "SELECT r.id, r.claim_id, c.user_id, r.type, r.status, "
                      "r.claim_requirement_reason, " +
                          EpochSeconds("r.created_at") + ", " + EpochSeconds("r.updated_at") +
                          " FROM claim_requirements r JOIN claims c ON c.id = r.claim_id WHERE "
                          "c.user_id " +
                          id_predicate + " ORDER BY c.user_id, r.claim_id, r.id",
         soci::into(row.id),
         soci::into(row.claim_id),
         soci::into(row.user_id),
         soci::into(row.type, row.type_i),
         soci::into(row.status, row.status_i),
         soci::into(row.reason, row.reason_i),
         soci::into(row.created, row.created_i),
         soci::into(row.updated, row.updated_i));
    st.execute();
    while (st.fetch()) {
        if (CustomerRecord* r = FindRecord(out.records, row.user_id)) {
            r->requirements.push_back(row.ToRequirement());
        }
    }
}

std::vector<domain::CustomerContextData> SociReplica::ReadWhere(
    const std::string& id_predicate, bool with_context
) {
    Reading reading = WithSession([&](soci::session& s) {
        Reading read;
        ReadUsers(s, id_predicate, with_context, read);
        if (!read.records.empty()) {
            ReadClaims(s, id_predicate, with_context, read);
            ReadRequirements(s, id_predicate, read);
        }
        return read;
    });
    std::vector<domain::CustomerContextData> out;
    out.reserve(reading.records.size());
    for (std::size_t i = 0; i < reading.records.size(); ++i) {
        out.push_back(domain::CustomerContextData{
            std::move(reading.records[i]),
            std::move(reading.emails[i]),
            std::move(reading.addresses[i]),
            std::move(reading.vehicles[i]),
        });
    }
    return out;
}

std::vector<CustomerRecord> SociReplica::Records(const std::string& id_predicate) {
    std::vector<CustomerRecord> out;
    for (auto& c : ReadWhere(id_predicate, false)) {
        out.push_back(std::move(c.record));
    }
    return out;
}

std::optional<domain::CustomerContextData> SociReplica::ReadCustomerContext(UserId id) {
    auto found = ReadWhere("= " + std::to_string(id.Value()), true);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<CustomerRecord> SociReplica::ReadCustomerRange(UserId first, UserId last) {
    return Records(
        "BETWEEN " + std::to_string(first.Value()) + " AND " + std::to_string(last.Value())
    );
}

namespace {

// "IN (3,9)" over the ids, as integer literals.
std::string InList(std::span<const UserId> ids) {
    std::string list = "IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        list += (i == 0 ? "" : ",") + std::to_string(ids[i].Value());
    }
    return list + ")";
}

}  // namespace

std::vector<CustomerRecord> SociReplica::ReadCustomers(std::span<const UserId> ids) {
    if (ids.empty()) {
        return {};
    }
    return Records(InList(ids));
}

std::vector<domain::ReplicaUser> SociReplica::ReadUsersOnly(std::span<const UserId> ids) {
    if (ids.empty()) {
        return {};
    }
    Reading reading = WithSession([&](soci::session& s) {
        Reading read;
        ReadUsers(s, InList(ids), false, read);
        return read;
    });
    std::vector<domain::ReplicaUser> out;
    out.reserve(reading.records.size());
    for (auto& record : reading.records) {
        out.push_back(std::move(record.user));
    }
    return out;
}

namespace {

// A name word as a LIKE prefix pattern: its own % and _ match themselves ('!' escapes, the one
// escape character MySQL and SQLite read alike).
std::string PrefixPattern(std::string_view word) {
    std::string out;
    out.reserve(word.size() + 2);
    for (const char c : word) {
        if (c == '%' || c == '_' || c == '!') {
            out += '!';
        }
        out += c;
    }
    return out + '%';
}

}  // namespace

std::vector<app::UserMatch> SociReplica::SearchUsers(
    const app::UserSearch& search, int offset, int limit
) {
    std::vector<std::string> any;
    if (!search.ids.empty()) {
        any.push_back("id " + InList(search.ids));
    }
    // Bound values by placeholder name: the email, and each name pattern (twice: first and
    // last name).
    std::vector<std::pair<std::string, std::string>> binds;
    if (search.email) {
        // MySQL compares in the column's (case-insensitive) collation and may use an index;
        // SQLite needs to be told.
        any.emplace_back(
            dialect_ == ReplicaDialect::kMysql ? "email_address = :e"
                                               : "email_address = :e COLLATE NOCASE"
        );
        binds.emplace_back("e", *search.email);
    }
    if (!search.name_words.empty()) {
        std::string all;
        for (const auto& word : search.name_words) {
            const std::string n = std::to_string(binds.size());
            all += all.empty() ? "(" : " AND (";
            all += "first_name LIKE :f";
            all += n;
            all += " ESCAPE '!' OR last_name LIKE :l";
            all += n;
            all += " ESCAPE '!')";
            binds.emplace_back("f" + n, PrefixPattern(word));
            binds.emplace_back("l" + n, PrefixPattern(word));
        }
        any.push_back(all);
    }
    if (any.empty() || limit <= 0) {
        return {};
    }
    std::string where;
    for (const auto& part : any) {
        where += where.empty() ? "(" : " OR (";
        where += part + ")";
    }
    const std::string sql = "SELECT id, first_name, last_name, email_address FROM users WHERE " +
                            where + " ORDER BY id LIMIT " + std::to_string(limit) + " OFFSET " +
                            std::to_string(std::max(offset, 0));
    return WithSession([&](soci::session& s) {
        long long id = 0;
        std::string first;
        std::string last;
        std::string email;
        soci::indicator first_i{};
        soci::indicator last_i{};
        soci::indicator email_i{};
        soci::statement st(s);
        st.alloc();
        st.exchange(soci::into(id));
        st.exchange(soci::into(first, first_i));
        st.exchange(soci::into(last, last_i));
        st.exchange(soci::into(email, email_i));
        for (const auto& [name, value] : binds) {
            st.exchange(soci::use(value, name));
        }
        Run(st, sql);
        std::vector<app::UserMatch> out;
        while (st.fetch()) {
            out.push_back(app::UserMatch{
                UserId{id}, Opt(first, first_i), Opt(last, last_i), Opt(email, email_i)});
        }
        return out;
    });
}

std::optional<UserId> SociReplica::MaxUserId() {
    return WithSession([](soci::session& s) {
        long long max_id = 0;
        soci::indicator ind{};
        s << "SELECT MAX(id) FROM users", soci::into(max_id, ind);
        return ind == soci::i_ok ? std::optional(UserId{max_id}) : std::nullopt;
    });
}

app::Replica::Changes SociReplica::ChangedSince(Timestamp since) {
    // Compared as 'YYYY-MM-DD HH:MM:SS' text against the bare column so that the updated_at
    // indexes serve the query (a function around the column would scan the table). Both MySQL
    // DATETIME and the SQLite demo's text compare correctly with it.
    std::string from = FormatRfc3339(std::chrono::floor<std::chrono::seconds>(since));
    from[10] = ' ';
    from.pop_back();  // the trailing Z
    // updated_at only: the platform sets it on every write, creation included, and it is the
    // column the replica indexes (an OR with created_at scanned every table). Rows with a NULL
    // updated_at are picked up by the hourly full reconcile.
    const auto touched = [](const std::string& table) { return table + ".updated_at >= :f"; };
    Changes out;
    // The session is released before NewestChange takes its own.
    std::vector<long long> ids = WithSession([&](soci::session& s) {
        std::vector<long long> found;
        long long id = 0;
        for (const std::string& query :
             {"SELECT users.id FROM users WHERE " + touched("users"),
              "SELECT claims.user_id FROM claims WHERE " + touched("claims"),
              "SELECT claims.user_id FROM claim_requirements JOIN claims ON claims.id = "
              "claim_requirements.claim_id "
              "WHERE " +
                  touched("claim_requirements")}) {
            soci::statement st = (s.prepare << query, soci::use(from), soci::into(id));
            st.execute();
            while (st.fetch()) {
                found.push_back(id);
            }
        }
        return found;
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (long long v : ids) {
        out.users.emplace_back(v);
    }
    out.newest = NewestChange();
    return out;
}

std::optional<Timestamp> SociReplica::NewestChange() {
    // MAX(updated_at) only: one index probe per table on the updated_at indexes
    // (docs/replica-indexes.md); created_at has no index and the platform sets updated_at on
    // creation too.
    return WithSession([this](soci::session& s) {
        std::optional<Timestamp> newest;
        for (const char* table : {"users", "claims", "claim_requirements"}) {
            long long t = 0;
            soci::indicator ind{};
            s << "SELECT " + EpochSeconds("MAX(updated_at)") + " FROM " + std::string(table),
                soci::into(t, ind);
            if (ind == soci::i_ok) {
                const Timestamp ts{std::chrono::seconds{t}};
                newest = newest ? std::max(*newest, ts) : ts;
            }
        }
        return newest;
    });
}

std::vector<app::Replica::IndexCheck> SociReplica::CheckIndexes() {
    return WithSession([this](soci::session& s) {
        std::vector<IndexCheck> out;
        for (const ReplicaIndex& index : kReplicaIndexes) {
            IndexCheck check;
            check.table = index.table;
            check.column = index.column;
            check.serves = index.serves;
            check.ddl = ReplicaIndexDdl(index);
            long long found = 0;
            long long rows = 0;
            soci::indicator rows_i = soci::i_null;
            if (dialect_ == ReplicaDialect::kSqlite) {
                // An index whose first column is `column`.
                s << "SELECT COUNT(*) FROM pragma_index_list(:t) AS l JOIN "
                     "pragma_index_info(l.name) AS i WHERE i.seqno = 0 AND i.name = :c",
                    soci::use(check.table), soci::use(check.column), soci::into(found);
                s << "SELECT COUNT(*) FROM " + check.table, soci::into(rows, rows_i);
            } else {
                s << "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = "
                     "DATABASE() AND table_name = :t AND column_name = :c AND seq_in_index = 1",
                    soci::use(check.table), soci::use(check.column), soci::into(found);
                // The engine's estimate: exact counts would scan the tables being checked.
                s << "SELECT table_rows FROM information_schema.tables WHERE table_schema = "
                     "DATABASE() AND table_name = :t",
                    soci::use(check.table), soci::into(rows, rows_i);
            }
            check.present = found > 0;
            if (rows_i == soci::i_ok) {
                check.table_rows = rows;
            }
            out.push_back(std::move(check));
        }
        return out;
    });
}

}  // namespace dialler::adapters::replica
