#include "dialler/adapters/sql/migrator.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "dialler/adapters/sql/statement.hpp"
#include "dialler/base/text.hpp"

namespace dialler::migrations::sqlite {
std::span<const dialler::EmbeddedFile> Files();
}
namespace dialler::migrations::postgres {
std::span<const dialler::EmbeddedFile> Files();
}

namespace dialler::adapters::sql {

namespace {

// FNV-1a: a change detector for migration texts, not a security measure.
std::string Checksum(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return Hex64(h);
}

std::span<const EmbeddedFile> FilesFor(Dialect d) {
    return d == Dialect::kSqlite ? migrations::sqlite::Files() : migrations::postgres::Files();
}

}  // namespace

void Migrator::LockMigrations(soci::session& s) const {
    // Two instances starting together: the second waits here, then sees the first one's work.
    // (Even CREATE TABLE IF NOT EXISTS races on PostgreSQL.) SQLite's BEGIN IMMEDIATE already
    // serialises writers.
    if (db_.SqlDialect() == Dialect::kPostgres) {
        s << "SELECT pg_advisory_xact_lock(727274001)";
    }
}

Migrator::Migrator(SqlDatabase& db) : Migrator(db, FilesFor(db.SqlDialect())) {}

Migrator::Migrator(SqlDatabase& db, std::span<const EmbeddedFile> files) : db_(db) {
    for (const EmbeddedFile& f : files) {
        int version = 0;
        const auto [ptr, ec] =
            std::from_chars(f.name.data(), f.name.data() + f.name.size(), version);
        if (ec != std::errc{} || ptr == f.name.data() || *ptr != '_' || version <= 0) {
            throw std::logic_error(
                "migration file name must start with NNNN_: " + std::string(f.name)
            );
        }
        migrations_.push_back(Migration{version, std::string(f.name), f.text, Checksum(f.text)});
    }
    std::sort(migrations_.begin(), migrations_.end(), [](const auto& a, const auto& b) {
        return a.version < b.version;
    });
    for (std::size_t i = 1; i < migrations_.size(); ++i) {
        if (migrations_[i].version == migrations_[i - 1].version) {
            throw std::logic_error(
                "two migrations share version " + std::to_string(migrations_[i].version)
            );
        }
    }
}

void Migrator::EnsureTable() {
    db_.Write([this](soci::session& s) {
        LockMigrations(s);
        s << "CREATE TABLE IF NOT EXISTS schema_migrations ("
             "version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at "
             "BIGINT NOT NULL)";
    });
}

int Migrator::Apply(Timestamp now) {
    EnsureTable();
    int applied = 0;
    for (const Migration& m : migrations_) {
        const bool done = db_.Write([&](soci::session& s) {
            LockMigrations(s);
            std::string checksum;
            soci::indicator ind = soci::i_null;
            s << "SELECT checksum FROM schema_migrations WHERE version = :v",
                soci::use(static_cast<long long>(m.version)), soci::into(checksum, ind);
            if (s.got_data() && ind == soci::i_ok) {
                if (checksum != m.checksum) {
                    throw std::runtime_error(
                        "migration " + m.name + " changed after it was applied"
                    );
                }
                return true;
            }
            db_.ExecScript(s, m.text);
            const long long at = now.time_since_epoch().count();
            s << "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (:v, "
                 ":n, :c, :a)",
                soci::use(static_cast<long long>(m.version)), soci::use(m.name),
                soci::use(m.checksum), soci::use(at);
            return false;
        });
        if (!done) {
            ++applied;
        }
    }
    return applied;
}

std::vector<MigrationState> Migrator::States() {
    EnsureTable();
    std::map<long long, std::string> applied;
    db_.Read([&](soci::session& s) {
        long long version = 0;
        std::string checksum;
        soci::statement st = Once(
            s,
            "SELECT version, checksum FROM schema_migrations",
            soci::into(version),
            soci::into(checksum)
        );
        st.execute();
        while (st.fetch()) {
            applied[version] = checksum;
        }
    });
    std::vector<MigrationState> out;
    for (const Migration& m : migrations_) {
        out.push_back(MigrationState{m.version, m.name, applied.contains(m.version)});
    }
    return out;
}

bool Migrator::IsUpToDate() {
    const auto states = States();
    return std::all_of(states.begin(), states.end(), [](const MigrationState& s) {
        return s.applied;
    });
}

}  // namespace dialler::adapters::sql
