#include "dialler/adapters/replica/soci_replica.hpp"

#include <filesystem>
#include <stdexcept>

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace dialler::adapters::replica {

std::string MysqlConnectString(const platform::DatabaseUrl& url) {
    std::string s = "db=" + platform::QuoteConnectValue(url.database) +
                    " host=" + platform::QuoteConnectValue(url.host);
    s += " port=" + std::to_string(url.port.value_or(3306));
    if (!url.user.empty()) {
        s += " user=" + platform::QuoteConnectValue(url.user);
    }
    if (!url.password.empty()) {
        s += " password=" + platform::QuoteConnectValue(url.password);
    }
    s += " charset='utf8mb4' connect_timeout='5'";
    return s;
}

std::unique_ptr<SociReplica> SociReplica::Open(
    const platform::DatabaseUrl& url, std::size_t pool_size
) {
    if (url.scheme == "sqlite") {
        if (!std::filesystem::exists(url.path)) {
            throw std::runtime_error(
                "replica file does not exist: " + url.path + " (run `dialler demo-data`)"
            );
        }
        std::unique_ptr<SociReplica> r(new SociReplica(ReplicaDialect::kSqlite, pool_size));
        for (std::size_t i = 0; i < pool_size; ++i) {
            r->pool_.at(i).open(soci::sqlite3, "db=\"" + url.path + "\" readonly=1 timeout=10");
        }
        return r;
    }
    if (url.scheme == "mysql") {
        std::unique_ptr<SociReplica> r(new SociReplica(ReplicaDialect::kMysql, pool_size));
        const std::string conn = MysqlConnectString(url);
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& s = r->pool_.at(i);
            try {
                s.open(soci::mysql, conn);
            } catch (const soci::soci_error&) {
                throw std::runtime_error(
                    "cannot connect to the replica at " + url.host + ":" +
                    std::to_string(url.port.value_or(3306)) + "/" + url.database
                );
            }
            // Defence in depth on top of the read-only account: this session cannot write.
            s << "SET SESSION TRANSACTION READ ONLY";
            s << "SET SESSION time_zone = '+00:00'";
        }
        return r;
    }
    throw std::runtime_error("unsupported replica scheme: " + url.scheme);
}

void SociReplica::Check() {
    soci::session s(pool_);
    int one = 0;
    s << "SELECT 1", soci::into(one);
}

bool SociReplica::IsDemo() {
    soci::session s(pool_);
    long long n = 0;
    if (dialect_ == ReplicaDialect::kSqlite) {
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'demo_marker'",
            soci::into(n);
    } else {
        s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
             "AND table_name = 'demo_marker'",
            soci::into(n);
    }
    return n > 0;
}

}  // namespace dialler::adapters::replica
