#pragma once

#include <string>
#include <utility>

#include <soci/soci.h>

namespace dialler::adapters::sql {

// Every statement of the own database goes through these, never through SOCI's
// `session.prepare << ...` or a bare `statement::prepare(sql)`: those make a repeatable
// statement, which the PostgreSQL backend turns into a server-side prepared statement (PREPARE,
// EXECUTE, then DEALLOCATE when the statement object dies): three round trips for a statement
// we run once. A one-time statement is a single round trip. SQLite prepares locally either way.

// Prepares `st` (its intos and uses already exchanged) to run once.
inline void PrepareOnce(soci::statement& st, const std::string& sql) {
    st.prepare(sql, soci::details::st_one_time_query);
    st.define_and_bind();
}

// A statement of `sql` with the given soci::into/soci::use bindings, ready to execute once.
template <typename... Bindings>
soci::statement Once(soci::session& s, const std::string& sql, Bindings&&... bindings) {
    soci::statement st(s);
    st.alloc();
    (st.exchange(std::forward<Bindings>(bindings)), ...);
    PrepareOnce(st, sql);
    return st;
}

// Runs a statement that changes rows (UPDATE, DELETE, INSERT) once; returns how many it changed.
template <typename... Bindings>
long long Execute(soci::session& s, const std::string& sql, Bindings&&... bindings) {
    soci::statement st = Once(s, sql, std::forward<Bindings>(bindings)...);
    st.execute(true);
    return st.get_affected_rows();
}

}  // namespace dialler::adapters::sql
