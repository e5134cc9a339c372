#pragma once

#include <span>
#include <string>
#include <vector>

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/embedded_file.hpp"

namespace dialler::adapters::sql {

struct MigrationState {
    int version = 0;
    std::string name;
    bool applied = false;
};

// Applies the versioned migrations of migrations/<dialect>/ (compiled into the binary) in order,
// each in its own transaction, and records them in schema_migrations with a checksum. Safe to run
// from several processes at once (SQLite: write lock; PostgreSQL: advisory lock).
class Migrator {
public:
    // Uses the migrations compiled in for the database's dialect. Keeps a reference to `db`.
    explicit Migrator(SqlDatabase& db);
    // For tests: an explicit migration set.
    Migrator(SqlDatabase& db, std::span<const EmbeddedFile> files);

    // Applies what is pending; returns how many were applied. Throws std::runtime_error if an
    // applied migration's text has changed since (an edited migration is a bug: add a new one).
    int Apply(Timestamp now);
    std::vector<MigrationState> States();
    bool IsUpToDate();

private:
    struct Migration {
        int version;
        std::string name;
        std::string_view text;
        std::string checksum;
    };
    void EnsureTable();
    void LockMigrations(soci::session& s) const;

    SqlDatabase& db_;
    std::vector<Migration> migrations_;
};

}  // namespace dialler::adapters::sql
