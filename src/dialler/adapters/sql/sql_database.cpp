#include "dialler/adapters/sql/sql_database.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace dialler::adapters::sql {

std::string PostgresConnectString(const platform::DatabaseUrl& url) {
    std::string s = "host=" + platform::QuoteConnectValue(url.host) +
                    " dbname=" + platform::QuoteConnectValue(url.database);
    if (url.port) {
        s += " port=" + std::to_string(*url.port);
    }
    if (!url.user.empty()) {
        s += " user=" + platform::QuoteConnectValue(url.user);
    }
    if (!url.password.empty()) {
        s += " password=" + platform::QuoteConnectValue(url.password);
    }
    for (const auto& [k, v] : url.params) {
        s += " " + k + "=" + platform::QuoteConnectValue(v);
    }
    if (!url.params.contains("application_name")) {
        s += " application_name='dialler'";
    }
    if (!url.params.contains("options")) {
        s += " options='-c client_min_messages=warning'";  // no NOTICE chatter on stderr
    }
    if (!url.params.contains("connect_timeout")) {
        s += " connect_timeout='5'";
    }
    return s;
}

std::unique_ptr<SqlDatabase> SqlDatabase::Open(
    const platform::DatabaseUrl& url, std::size_t pool_size
) {
    if (url.scheme == "sqlite") {
        const std::filesystem::path path(url.path);
        if (path.has_parent_path()) {
            std::filesystem::create_directories(path.parent_path());
        }
        std::unique_ptr<SqlDatabase> db(new SqlDatabase(Dialect::kSqlite, pool_size));
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& s = db->pool_.at(i);
            s.open(soci::sqlite3, "db=\"" + url.path + "\" timeout=10");
            // WAL: readers never block the writer nor each other. NORMAL sync is durable across
            // process crashes (not power loss of the last transaction), SQLite's advice for WAL.
            s << "PRAGMA journal_mode=WAL";
            s << "PRAGMA synchronous=NORMAL";
            s << "PRAGMA foreign_keys=ON";
        }
        return db;
    }
    if (url.scheme == "postgresql") {
        std::unique_ptr<SqlDatabase> db(new SqlDatabase(Dialect::kPostgres, pool_size));
        const std::string conn = PostgresConnectString(url);
        for (std::size_t i = 0; i < pool_size; ++i) {
            try {
                db->pool_.at(i).open(soci::postgresql, conn);
            } catch (const soci::soci_error&) {
                // libpq's message may echo connection parameters; say only where it failed.
                throw std::runtime_error(
                    "cannot connect to PostgreSQL at " + url.host + ":" +
                    std::to_string(url.port.value_or(5432)) + "/" + url.database
                );
            }
        }
        return db;
    }
    throw std::runtime_error("unsupported own-database scheme: " + url.scheme);
}

void SqlDatabase::Begin(soci::session& session) const {
    if (dialect_ == Dialect::kSqlite) {
        session << "BEGIN IMMEDIATE";
    } else {
        session.begin();
    }
}

void SqlDatabase::ExecScript(soci::session& session, std::string_view script) const {
    const std::string text(script);
    if (dialect_ == Dialect::kSqlite) {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        char* err = nullptr;
        // SOCI's header wraps sqlite3.h in namespace sqlite_api.
        if (sqlite_api::sqlite3_exec(backend->conn_, text.c_str(), nullptr, nullptr, &err) !=
            SQLITE_OK) {
            std::string msg = err != nullptr ? err : "unknown error";
            sqlite_api::sqlite3_free(err);
            throw std::runtime_error("SQLite script failed: " + msg);
        }
        return;
    }
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* res = PQexec(backend->conn_, text.c_str());
    const ExecStatusType status = PQresultStatus(res);
    std::string msg = PQresultErrorMessage(res);
    PQclear(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error("PostgreSQL script failed: " + msg);
    }
}

void SqlDatabase::Check() {
    Read([](soci::session& s) {
        int one = 0;
        s << "SELECT 1", soci::into(one);
    });
}

}  // namespace dialler::adapters::sql
