#pragma once

#include <string>

#include "dialler/adapters/sql/sql_database.hpp"

namespace dialler::adapters::sql {

// What a worker claims: up to `limit` rows of `table` in status `from` whose `due_column` is at
// or before `now_ms`, oldest due first, moved to status `to` with `updated_at` = `now_ms` and the
// further assignments in `also` (", col = value", SQL we produced; may be empty).
struct DueClaim {
    std::string table;
    std::string due_column;
    std::string from;
    std::string to;
    std::string also;
    long long now_ms = 0;
    int limit = 0;
    std::string returning;  // the columns to return
};

// The claim as one statement, one round trip: pick and move together. The pick is a CTE so
// PostgreSQL runs it once (an IN-subquery with LIMIT may be run again per row and claim more);
// two workers at once skip each other's rows (SKIP LOCKED); the status check keeps correctness
// off the lock. RETURNING keeps no order: callers sort what they get.
inline std::string ClaimDueSql(Dialect dialect, const DueClaim& c) {
    const std::string at = std::to_string(c.now_ms);
    const std::string from = "'" + c.from + "'";
    return "WITH picked AS (SELECT id AS picked_id FROM " + c.table + " WHERE status = " + from +
           " AND " + c.due_column + " <= " + at + " ORDER BY " + c.due_column + ", id LIMIT " +
           std::to_string(c.limit < 0 ? 0 : c.limit) +
           (dialect == Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "") + ") UPDATE " +
           c.table + " SET status = '" + c.to + "'" + c.also + ", updated_at = " + at +
           " FROM picked WHERE " + c.table + ".id = picked.picked_id AND status = " + from +
           " RETURNING " + c.returning;
}

}  // namespace dialler::adapters::sql
