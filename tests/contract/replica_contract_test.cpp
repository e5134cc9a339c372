// The replica adapter on both technologies, against replicas written by the demo generator.
#include <gtest/gtest.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "dialler/adapters/replica/demo_data.hpp"
#include "dialler/adapters/replica/soci_replica.hpp"

#include "test_databases.hpp"

namespace dialler {
namespace {

platform::DatabaseUrl Url(const std::string& s) {
    return *platform::ParseDatabaseUrl(s, "url");
}

class ReplicaContract : public ::testing::TestWithParam<std::string> {
protected:
    std::string NewUrl() {
        if (GetParam() == "Mysql") {
            return testing::NewMysqlDatabase();
        }
        return dir_.SqliteUrl("replica.db");
    }
    testing::TempDir dir_;
};

TEST_P(ReplicaContract, RecognisesADemoReplica) {
    const std::string url = NewUrl();
    adapters::replica::DemoDataOptions options;
    options.users = 50;
    adapters::replica::WriteDemoReplica(Url(url), options);
    auto replica = adapters::replica::SociReplica::Open(Url(url), 1);
    EXPECT_NO_THROW(replica->Check());
    EXPECT_TRUE(replica->IsDemo());
}

TEST_P(ReplicaContract, ReportsARealReplicaAsNotDemo) {
    const std::string url = NewUrl();
    if (GetParam() == "Mysql") {
        soci::session s(soci::mysql, adapters::replica::MysqlConnectString(Url(url)));
        s << "CREATE TABLE users (id BIGINT UNSIGNED PRIMARY KEY)";
    } else {
        soci::session s(soci::sqlite3, "db=" + Url(url).path);
        s << "CREATE TABLE users (id INTEGER PRIMARY KEY)";
    }
    auto replica = adapters::replica::SociReplica::Open(Url(url), 1);
    EXPECT_FALSE(replica->IsDemo());
}

TEST_P(ReplicaContract, RefusesToWrite) {
    const std::string url = NewUrl();
    adapters::replica::DemoDataOptions options;
    options.users = 5;
    adapters::replica::WriteDemoReplica(Url(url), options);
    // The adapter's own sessions are read-only; prove it by trying a write through the same
    // connection settings the adapter uses.
    if (GetParam() == "Mysql") {
        soci::session s(soci::mysql, adapters::replica::MysqlConnectString(Url(url)));
        s << "SET SESSION TRANSACTION READ ONLY";
        s << "START TRANSACTION";
        EXPECT_THROW(s << "DELETE FROM users", soci::soci_error);
    } else {
        soci::session s(soci::sqlite3, "db=\"" + Url(url).path + "\" readonly=1");
        EXPECT_THROW(s << "DELETE FROM users", soci::soci_error);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Replicas,
    ReplicaContract,
    ::testing::Values("Sqlite", "Mysql"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
