#pragma once

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
class SociReplica final : public app::Replica {
public:
    // Throws std::runtime_error (without the password) when the replica cannot be opened.
    static std::unique_ptr<SociReplica> Open(
        const platform::DatabaseUrl& url, std::size_t pool_size
    );

    std::string_view ProbeName() const override { return "replica"; }
    void Check() override;
    bool IsDemo() override;
    std::vector<domain::CustomerRecord> ReadCustomerRange(domain::UserId first, domain::UserId last)
        override;
    std::vector<domain::CustomerRecord> ReadCustomers(std::span<const domain::UserId> ids) override;
    std::optional<domain::UserId> MaxUserId() override;
    std::optional<domain::CustomerContextData> ReadCustomerContext(domain::UserId id) override;
    Changes ChangedSince(Timestamp since) override;
    std::optional<Timestamp> NewestChange() override;

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

    SociReplica(ReplicaDialect dialect, std::size_t pool_size)
        : dialect_(dialect), pool_(pool_size) {}

    ReplicaDialect dialect_;
    soci::connection_pool pool_;
};

// Returns the SOCI connect string for a MySQL URL (values quoted).
std::string MysqlConnectString(const platform::DatabaseUrl& url);

}  // namespace dialler::adapters::replica
