#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include <soci/soci.h>

#include "dialler/adapters/replica/replica_dialect.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/platform/database_url.hpp"

namespace dialler::adapters::replica {

// The claims replica over SOCI: MySQL/MariaDB in production, a SQLite file for the embedded
// demo. Connections are opened read-only (SQLite read-only mode; MySQL sessions set to READ
// ONLY), on top of the read-only account production uses. Thread-safe (a pool of sessions).
//
// A MySQL connection that the server dropped (idle past wait_timeout, a restart, a failover) is
// reopened on first use and the read tried once more, so the dialler never needs a restart for
// it; every replica query is bounded by a server-side statement timeout.
class SociReplica final : public app::Replica {
public:
    // Throws std::runtime_error (without the password) when the replica cannot be opened.
    // `statement_timeout` bounds each query on MySQL/MariaDB (REPLICA_STATEMENT_TIMEOUT).
    static std::unique_ptr<SociReplica> Open(
        const platform::DatabaseUrl& url,
        std::size_t pool_size,
        std::chrono::seconds statement_timeout = std::chrono::seconds{60}
    );

    std::string_view ProbeName() const override { return "replica"; }
    void Check() override;
    bool IsDemo() override;
    std::vector<domain::CustomerRecord> ReadCustomerRange(domain::UserId first, domain::UserId last)
        override;
    std::vector<domain::CustomerRecord> ReadCustomers(std::span<const domain::UserId> ids) override;
    std::vector<domain::ReplicaUser> ReadUsersOnly(std::span<const domain::UserId> ids) override;
    std::optional<domain::UserId> MaxUserId() override;
    std::vector<app::UserMatch> SearchUsers(const app::UserSearch& search, int offset, int limit)
        override;
    std::optional<domain::CustomerContextData> ReadCustomerContext(domain::UserId id) override;
    Changes ChangedSince(Timestamp since) override;
    std::optional<Timestamp> NewestChange() override;
    std::vector<IndexCheck> CheckIndexes() override;

private:
    // Reads the customers whose user id satisfies `id_predicate` (an SQL fragment over integer
    // literals only, e.g. "BETWEEN 1 AND 500" or "IN (3, 9)").
    // With `with_context`, also the email, addresses and vehicle packages (same three queries,
    // with joins).
    std::vector<domain::CustomerContextData> ReadWhere(
        const std::string& id_predicate, bool with_context
    );
    std::vector<domain::CustomerRecord> Records(const std::string& id_predicate);
    // The customers being read (defined in the .cpp), and the three queries that fill it.
    struct Reading;
    void ReadUsers(
        soci::session& s, const std::string& id_predicate, bool with_context, Reading& out
    ) const;
    void ReadClaims(
        soci::session& s, const std::string& id_predicate, bool with_context, Reading& out
    ) const;
    void ReadRequirements(soci::session& s, const std::string& id_predicate, Reading& out) const;
    // Dialect-specific SQL: seconds since the epoch of a naive-UTC DATETIME, days of a DATE.
    std::string EpochSeconds(const std::string& column) const;
    std::string EpochDays(const std::string& column) const;

    // Runs fn(soci::session&) on a pooled session; after a connection error (MySQL) reopens that
    // session and runs fn once more. Reads only, so running fn again is harmless.
    template <typename F>
    decltype(auto) WithSession(F&& fn);
    // What every MySQL session carries: read only, UTC, the statement timeout.
    void SetUpSession(soci::session& s) const;

    SociReplica(ReplicaDialect dialect, std::size_t pool_size, std::chrono::seconds timeout)
        : dialect_(dialect), pool_(pool_size), statement_timeout_(timeout) {}

    ReplicaDialect dialect_;
    soci::connection_pool pool_;
    std::chrono::seconds statement_timeout_;
};

// Returns the SOCI connect string for a MySQL URL (values quoted).
std::string MysqlConnectString(const platform::DatabaseUrl& url);

}  // namespace dialler::adapters::replica
