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

private:
    SociReplica(ReplicaDialect dialect, std::size_t pool_size)
        : dialect_(dialect), pool_(pool_size) {}

    ReplicaDialect dialect_;
    soci::connection_pool pool_;
};

// Returns the SOCI connect string for a MySQL URL (values quoted).
std::string MysqlConnectString(const platform::DatabaseUrl& url);

}  // namespace dialler::adapters::replica
