#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>

#include <soci/soci.h>

#include "dialler/app/probe.hpp"
#include "dialler/platform/database_url.hpp"
#include "dialler/platform/fifo_mutex.hpp"

namespace dialler::adapters::sql {

enum class Dialect { kSqlite, kPostgres };

// The dialler's own database: a pool of SOCI sessions on SQLite or PostgreSQL. Every store in this
// folder runs its SQL through Read() or Write(); dialect differences live in the few functions
// that ask SqlDialect(). Thread-safe.
//
// SQLite allows one writer at a time. Writes are serialised here by a FIFO mutex, and each takes
// the write lock up front (BEGIN IMMEDIATE), so concurrent writers in this process wait in line,
// in arrival order (no busy-retry sleeps, no starved waiter), instead of failing with
// SQLITE_BUSY half-way through a transaction.
class SqlDatabase final : public app::Probe {
public:
    // Opens `pool_size` connections. Throws std::runtime_error (without the password) when the
    // database cannot be opened. SQLite files and their folder are created if missing.
    static std::unique_ptr<SqlDatabase> Open(
        const platform::DatabaseUrl& url, std::size_t pool_size
    );

    Dialect SqlDialect() const { return dialect_; }

    // Runs fn(soci::session&) on a pooled connection, outside any explicit transaction.
    template <typename F>
    decltype(auto) Read(F&& fn) {
        const Turn turn(turns_);
        soci::session session(pool_);
        return std::forward<F>(fn)(session);
    }

    // Runs fn(soci::session&) without an explicit transaction: each statement commits by itself.
    // For work whose statements are each atomic on their own, where BEGIN and COMMIT would be
    // two more round trips to PostgreSQL. On SQLite it still goes through the one FIFO writer.
    template <typename F>
    decltype(auto) AutoCommit(F&& fn) {
        std::unique_lock<platform::FifoMutex> writer;
        if (dialect_ == Dialect::kSqlite) {
            writer = std::unique_lock(sqlite_writer_);
        }
        return Read(std::forward<F>(fn));
    }

    // Runs fn(soci::session&) inside a transaction: committed when fn returns, rolled back when
    // it throws (and the exception propagates).
    template <typename F>
    decltype(auto) Write(F&& fn) {
        return AutoCommit([this, &fn](soci::session& session) -> decltype(auto) {
            Begin(session);
            try {
                if constexpr (std::is_void_v<decltype(fn(session))>) {
                    std::forward<F>(fn)(session);
                    session.commit();
                } else {
                    decltype(auto) result = std::forward<F>(fn)(session);
                    session.commit();
                    return result;
                }
            } catch (...) {
                session.rollback();
                throw;
            }
        });
    }

    // Executes a script of several statements (migrations). Dialect-specific: SOCI prepares one
    // statement at a time, so this goes to the native connection.
    void ExecScript(soci::session& session, std::string_view script) const;

    std::string_view ProbeName() const override { return "database"; }
    void Check() override;

private:
    SqlDatabase(Dialect dialect, std::size_t pool_size)
        : dialect_(dialect), pool_(pool_size), turns_(pool_size) {}
    void Begin(soci::session& session) const;

    // A turn at the pool, held while a session is leased. soci::connection_pool wakes an
    // arbitrary waiter when a session comes back, and a newcomer can overtake them all: under a
    // crowd of callers some waited seconds (T2's tail in docs/benchmarks.md). Turns are handed
    // out in arrival order, one per pooled session, so the lease that follows never waits.
    class Turn {
    public:
        explicit Turn(platform::FifoSemaphore& turns) : turns_(turns) { turns_.Acquire(); }
        ~Turn() { turns_.Release(); }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
        Turn(Turn&&) = delete;
        Turn& operator=(Turn&&) = delete;

    private:
        platform::FifoSemaphore& turns_;
    };

    Dialect dialect_;
    soci::connection_pool pool_;
    platform::FifoSemaphore turns_;
    platform::FifoMutex sqlite_writer_;
};

// Returns the SOCI connect string for a PostgreSQL URL (libpq keyword form, values quoted).
std::string PostgresConnectString(const platform::DatabaseUrl& url);

}  // namespace dialler::adapters::sql
