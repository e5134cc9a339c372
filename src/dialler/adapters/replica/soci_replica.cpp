#include "dialler/adapters/replica/soci_replica.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

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

std::unique_ptr<SociReplica> SociReplica::Open(
    const platform::DatabaseUrl& url, std::size_t pool_size
) {
    if (url.scheme == "sqlite") {
        if (!std::filesystem::exists(url.path)) {
            throw std::runtime_error(
                "replica file does not exist: " + url.path + " (run `dialler demo-data`)"
            );
        }
        std::unique_ptr<SociReplica> r(new SociReplica(ReplicaDialect::kSqlite, pool_size));
        for (std::size_t i = 0; i < pool_size; ++i) {
            r->pool_.at(i).open(soci::sqlite3, "db=\"" + url.path + "\" readonly=1 timeout=10");
        }
        return r;
    }
    if (url.scheme == "mysql") {
        std::unique_ptr<SociReplica> r(new SociReplica(ReplicaDialect::kMysql, pool_size));
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
            // Defence in depth on top of the read-only account: this session cannot write.
            s << "SET SESSION TRANSACTION READ ONLY";
            s << "SET SESSION time_zone = '+00:00'";
        }
        return r;
    }
    throw std::runtime_error("unsupported replica scheme: " + url.scheme);
}

void SociReplica::Check() {
    soci::session s(pool_);
    int one = 0;
    s << "SELECT 1", soci::into(one);
}

bool SociReplica::IsDemo() {
    soci::session s(pool_);
    long long n = 0;
    if (dialect_ == ReplicaDialect::kSqlite) {
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'demo_marker'",
            soci::into(n);
    } else {
        s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
             "AND table_name = 'demo_marker'",
            soci::into(n);
    }
    return n > 0;
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

std::vector<CustomerRecord> SociReplica::ReadWhere(const std::string& id_predicate) {
    soci::session s(pool_);
    std::vector<CustomerRecord> records;
    {
        long long id = 0;
        int enabled = 0;
        int signed_flag = 0;
        std::string status;
        std::string phone;
        std::string first;
        std::string last;
        long long dob_days = 0;
        long long created = 0;
        long long updated = 0;
        soci::indicator status_i{};
        soci::indicator phone_i{};
        soci::indicator first_i{};
        soci::indicator last_i{};
        soci::indicator dob_i{};
        soci::indicator created_i{};
        soci::indicator updated_i{};
        soci::indicator enabled_i{};
        soci::statement st =
            (s.prepare << "SELECT id, is_enabled, status, phone_number, "
                          "CASE WHEN current_signature_file_id IS NULL THEN 0 ELSE 1 END, "
                          "first_name, last_name, " +
                              EpochDays("date_of_birth") + ", " + EpochSeconds("created_at") +
                              ", " + EpochSeconds("updated_at") + " FROM users WHERE id " +
                              id_predicate + " ORDER BY id",
             soci::into(id),
             soci::into(enabled, enabled_i),
             soci::into(status, status_i),
             soci::into(phone, phone_i),
             soci::into(signed_flag),
             soci::into(first, first_i),
             soci::into(last, last_i),
             soci::into(dob_days, dob_i),
             soci::into(created, created_i),
             soci::into(updated, updated_i));
        st.execute();
        while (st.fetch()) {
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
            records.push_back(std::move(r));
        }
    }
    if (records.empty()) {
        return records;
    }
    {
        long long id = 0;
        long long user_id = 0;
        std::string status;
        std::string lender;
        std::string type;
        long long created = 0;
        long long updated = 0;
        soci::indicator status_i{};
        soci::indicator lender_i{};
        soci::indicator type_i{};
        soci::indicator created_i{};
        soci::indicator updated_i{};
        soci::statement st =
            (s.prepare << "SELECT id, user_id, status, lender, type, " +
                              EpochSeconds("created_at") + ", " + EpochSeconds("updated_at") +
                              " FROM claims WHERE user_id " + id_predicate +
                              " ORDER BY user_id, id",
             soci::into(id),
             soci::into(user_id),
             soci::into(status, status_i),
             soci::into(lender, lender_i),
             soci::into(type, type_i),
             soci::into(created, created_i),
             soci::into(updated, updated_i));
        st.execute();
        while (st.fetch()) {
            if (CustomerRecord* r = FindRecord(records, user_id)) {
                r->claims.push_back(domain::ReplicaClaim{
                    id,
                    Opt(status, status_i),
                    Opt(lender, lender_i),
                    Opt(type, type_i),
                    OptTime(created, created_i),
                    OptTime(updated, updated_i),
                });
            }
        }
    }
    {
        std::string id;
        long long claim_id = 0;
        long long user_id = 0;
        std::string type;
        std::string status;
        std::string reason;
        long long created = 0;
        long long updated = 0;
        soci::indicator type_i{};
        soci::indicator status_i{};
        soci::indicator reason_i{};
        soci::indicator created_i{};
        soci::indicator updated_i{};
        soci::statement st =
            (s.prepare << "SELECT r.id, r.claim_id, c.user_id, r.type, r.status, "
                          "r.claim_requirement_reason, " +
                              EpochSeconds("r.created_at") + ", " + EpochSeconds("r.updated_at") +
                              " FROM claim_requirements r JOIN claims c ON c.id = r.claim_id WHERE "
                              "c.user_id " +
                              id_predicate + " ORDER BY c.user_id, r.claim_id, r.id",
             soci::into(id),
             soci::into(claim_id),
             soci::into(user_id),
             soci::into(type, type_i),
             soci::into(status, status_i),
             soci::into(reason, reason_i),
             soci::into(created, created_i),
             soci::into(updated, updated_i));
        st.execute();
        while (st.fetch()) {
            if (CustomerRecord* r = FindRecord(records, user_id)) {
                r->requirements.push_back(domain::ReplicaRequirement{
                    id,
                    claim_id,
                    Opt(type, type_i),
                    Opt(status, status_i),
                    Opt(reason, reason_i),
                    OptTime(created, created_i),
                    OptTime(updated, updated_i),
                });
            }
        }
    }
    return records;
}

std::vector<CustomerRecord> SociReplica::ReadCustomerRange(UserId first, UserId last) {
    return ReadWhere(
        "BETWEEN " + std::to_string(first.Value()) + " AND " + std::to_string(last.Value())
    );
}

std::vector<CustomerRecord> SociReplica::ReadCustomers(std::span<const UserId> ids) {
    if (ids.empty()) {
        return {};
    }
    std::string list = "IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        list += (i == 0 ? "" : ",") + std::to_string(ids[i].Value());
    }
    return ReadWhere(list + ")");
}

std::optional<UserId> SociReplica::MaxUserId() {
    soci::session s(pool_);
    long long max_id = 0;
    soci::indicator ind{};
    s << "SELECT MAX(id) FROM users", soci::into(max_id, ind);
    return ind == soci::i_ok ? std::optional(UserId{max_id}) : std::nullopt;
}

app::Replica::Changes SociReplica::ChangedSince(Timestamp since) {
    soci::session s(pool_);
    // Compared as 'YYYY-MM-DD HH:MM:SS' text against the bare column so that the updated_at
    // indexes serve the query (a function around the column would scan the table). Both MySQL
    // DATETIME and the SQLite demo's text compare correctly with it.
    std::string from = FormatRfc3339(std::chrono::floor<std::chrono::seconds>(since));
    from[10] = ' ';
    from.pop_back();  // the trailing Z
    const auto touched = [](const std::string& table) {
        return "(" + table + ".updated_at >= :f1 OR " + table + ".created_at >= :f2)";
    };
    Changes out;
    std::vector<long long> ids;
    long long id = 0;
    for (const std::string& query :
         {"SELECT users.id FROM users WHERE " + touched("users"),
          "SELECT claims.user_id FROM claims WHERE " + touched("claims"),
          "SELECT claims.user_id FROM claim_requirements JOIN claims ON claims.id = "
          "claim_requirements.claim_id "
          "WHERE " +
              touched("claim_requirements")}) {
        soci::statement st = (s.prepare << query, soci::use(from), soci::use(from), soci::into(id));
        st.execute();
        while (st.fetch()) {
            ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (long long v : ids) {
        out.users.push_back(UserId{v});
    }
    for (const char* table : {"users", "claims", "claim_requirements"}) {
        for (const char* column : {"updated_at", "created_at"}) {
            long long t = 0;
            soci::indicator ind{};
            s << "SELECT " + EpochSeconds("MAX(" + std::string(column) + ")") + " FROM " +
                     std::string(table),
                soci::into(t, ind);
            if (ind == soci::i_ok) {
                const Timestamp ts{std::chrono::seconds{t}};
                out.newest = out.newest ? std::max(*out.newest, ts) : ts;
            }
        }
    }
    return out;
}

}  // namespace dialler::adapters::replica
