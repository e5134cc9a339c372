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

}  // namespace dialler::adapters::sql
