#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "dialler/adapters/replica/replica_dialect.hpp"
#include "dialler/platform/database_url.hpp"

namespace dialler::adapters::replica {

struct DemoDataOptions {
    int users = 5000;
    std::uint64_t seed = 1;
    // Every generated time lies before this day, so that the same seed gives the same replica
    // on any day (determinism beats "recent" for a test fixture).
    std::chrono::sys_days as_of = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
};

struct DemoDataSummary {
    long long users = 0;
    long long claims = 0;
    long long requirements = 0;
    long long vehicle_packages = 0;
    long long addresses = 0;
    long long user_logs = 0;
};

// Returns the DDL that creates the replica tables of the shared replica-schema.md (exact names and
// column types, per dialect) plus the `demo_marker` table. Statements end with ";\n".
std::string ReplicaSchemaSql(ReplicaDialect dialect);

// Writes a deterministic synthetic replica to `url` (sqlite:// file or mysql://, with a user that
// may create tables): UK names, messy phone formats, NULLs, mixed-case statuses, cancelled and
// complete claims, real lender codes (data/lenders.csv) plus unknown ones, excluded requirement
// types, the `id_document` base reason, vehicle packages, current and previous addresses,
// orphans. Same options => same rows, on SQLite and MySQL alike.
//
// Refuses (std::runtime_error) a database that has any replica table but no `demo_marker`: it
// never overwrites a real replica. An earlier demo replica is dropped and rebuilt.
DemoDataSummary WriteDemoReplica(const platform::DatabaseUrl& url, const DemoDataOptions& options);

}  // namespace dialler::adapters::replica
