#pragma once

namespace dialler::adapters::replica {

// The two technologies a replica comes in: the production MySQL/MariaDB, and SQLite for the
// embedded demo and tests.
enum class ReplicaDialect { kMysql, kSqlite };

}  // namespace dialler::adapters::replica
