#pragma once

#include <string>
#include <utility>
#include <vector>

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

// Runs `select` (with at most one text parameter, `text`) once and returns every row: each is
// read into a `Row` (its Bind(statement&) exchanges the intos, in column order) and converted by
// `convert`.
template <typename Row, typename Convert>
auto SelectRows(
    soci::session& s, const std::string& select, const std::string* text, Convert convert
) {
    std::vector<decltype(convert(std::declval<const Row&>()))> out;
    Row row;
    soci::statement st(s);
    st.alloc();
    row.Bind(st);
    if (text != nullptr) {
        st.exchange(soci::use(*text));
    }
    PrepareOnce(st, select);
    st.execute();
    while (st.fetch()) {
        out.push_back(convert(row));
    }
    return out;
}

// SelectRows over "SELECT `columns` FROM `table` WHERE `where` ORDER BY `order` LIMIT `limit`":
// `where` and `order` are SQL we produced, `text` its one parameter if any.
template <typename Row, typename Convert>
auto SelectFrom(
    soci::session& s,
    const std::string& columns,
    const std::string& table,
    const std::string& where,
    const std::string& order,
    int limit,
    const std::string* text,
    Convert convert
) {
    return SelectRows<Row>(
        s,
        "SELECT " + columns + " FROM " + table + " WHERE " + where + " ORDER BY " + order +
            " LIMIT " + std::to_string(limit < 0 ? 0 : limit),
        text,
        convert
    );
}

// Runs a statement that changes rows (UPDATE, DELETE, INSERT) once; returns how many it changed.
template <typename... Bindings>
long long Execute(soci::session& s, const std::string& sql, Bindings&&... bindings) {
    soci::statement st = Once(s, sql, std::forward<Bindings>(bindings)...);
    st.execute(true);
    return st.get_affected_rows();
}

}  // namespace dialler::adapters::sql
