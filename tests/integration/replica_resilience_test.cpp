// The replica connection outlives the replica's hiccups: connections the server drops (idle
// timeout, KILL) and a restart of the server are recovered without restarting the dialler, and
// readiness says so while it is down. A MariaDB of its own (tests/support/services.sh
// start-mariadb), so restarting it disturbs no other test.
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

#include "dialler/adapters/replica/soci_replica.hpp"
#include "dialler/app/readiness_service.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

// Runs services.sh with `command` on `dir`; throws with its output when it fails.
void Services(const std::string& command, const std::filesystem::path& dir) {
    const std::string cmd =
        std::string(DIALLER_SERVICES_SH) + " " + command + " " + dir.string() + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");  // NOLINT(cert-env33-c): a fixed test command
    if (pipe == nullptr) {
        throw std::runtime_error("cannot run services.sh");
    }
    std::string out;
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) {
        out += buf.data();
    }
    if (pclose(pipe) != 0) {
        throw std::runtime_error("services.sh " + command + " failed:\n" + out);
    }
}

class ReplicaResilienceTest : public ::testing::Test {
protected:
    void SetUp() override {
        Services("start-mariadb", dir_.path() / "services");
        std::ifstream env(dir_.path() / "services" / "env");
        std::string line;
        std::getline(env, line);
        admin_url_ = line.substr(line.find('=') + 1);
        replica_url_ = testing::NewMysqlDatabaseOn(admin_url_);
        testing::WriteTestReplica(replica_url_, 40);
        replica_ = adapters::replica::SociReplica::Open(
            *platform::ParseDatabaseUrl(replica_url_, "url"), 2
        );
    }
    void TearDown() override {
        replica_.reset();
        Services("stop", dir_.path() / "services");
    }

    // Reads one customer, as the next-lead path does.
    bool CanRead() {
        const std::vector<domain::UserId> ids{domain::UserId{1}, domain::UserId{2}};
        return replica_->ReadCustomers(ids).size() == 2;
    }

    testing::TempDir dir_;
    std::string admin_url_;
    std::string replica_url_;
    std::unique_ptr<adapters::replica::SociReplica> replica_;
};

TEST_F(ReplicaResilienceTest, ReopensConnectionsTheServerDropped) {
    ASSERT_TRUE(CanRead());
    ASSERT_TRUE(CanRead());  // both pooled connections are open now
    // What wait_timeout does to an idle connection, without waiting for it: the server ends
    // every connection of the dialler's account.
    soci::session admin(
        soci::mysql,
        adapters::replica::MysqlConnectString(*platform::ParseDatabaseUrl(admin_url_, "url"))
    );
    std::vector<long long> ids(100);
    admin << "SELECT id FROM information_schema.processlist WHERE user = 'dialler' AND id <> "
             "CONNECTION_ID()",
        soci::into(ids);
    ASSERT_FALSE(ids.empty());
    for (const long long id : ids) {
        admin << "KILL CONNECTION " + std::to_string(id);
    }
    EXPECT_TRUE(CanRead());
    EXPECT_TRUE(CanRead());
    EXPECT_NO_THROW(replica_->Check());
}

TEST_F(ReplicaResilienceTest, RecoversAfterTheServerRestartsAndReadinessSaysSoMeanwhile) {
    ASSERT_TRUE(CanRead());
    app::ReadinessService readiness({replica_.get()});
    EXPECT_TRUE(readiness.Check().ready);

    Services("stop-mariadb", dir_.path() / "services");
    EXPECT_FALSE(readiness.Check().ready);
    EXPECT_ANY_THROW((void)CanRead());

    Services("restart-mariadb", dir_.path() / "services");
    EXPECT_TRUE(CanRead());
    EXPECT_TRUE(CanRead());
    EXPECT_TRUE(readiness.Check().ready);
}

TEST_F(ReplicaResilienceTest, BoundsEveryQueryWithAStatementTimeout) {
    auto short_fuse = adapters::replica::SociReplica::Open(
        *platform::ParseDatabaseUrl(replica_url_, "url"), 1, std::chrono::seconds{1}
    );
    ASSERT_EQ(short_fuse->ReadCustomers(std::vector{domain::UserId{1}}).size(), 1U);
    // Another session holds the users table: without a bound the read would wait for it
    // indefinitely; the server stops it after the statement timeout instead.
    soci::session platform(
        soci::mysql,
        adapters::replica::MysqlConnectString(*platform::ParseDatabaseUrl(replica_url_, "url"))
    );
    platform << "LOCK TABLES users WRITE";
    EXPECT_ANY_THROW((void)short_fuse->ReadCustomers(std::vector{domain::UserId{1}}));
    platform << "UNLOCK TABLES";
    EXPECT_EQ(short_fuse->ReadCustomers(std::vector{domain::UserId{1}}).size(), 1U);
}

// Production reads through an account that may only SELECT: everything the dialler asks of the
// replica (the reads, the session set-up with its read-only mode and statement timeout, the
// index check in information_schema) must work with exactly that.
TEST_F(ReplicaResilienceTest, WorksThroughAnAccountThatMayOnlySelect) {
    const auto admin_url = *platform::ParseDatabaseUrl(admin_url_, "url");
    const auto replica = *platform::ParseDatabaseUrl(replica_url_, "url");
    {
        soci::session admin(soci::mysql, adapters::replica::MysqlConnectString(admin_url));
        admin << "CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-password'";
        admin << "GRANT SELECT ON " + replica.database + ".* TO 'reader'@'127.0.0.1'";
    }
    const std::string reader_url =
        "mysql://reader:reader-password@127.0.0.1:" + std::to_string(replica.port.value_or(3306)) +
        "/" + replica.database;
    auto reader =
        adapters::replica::SociReplica::Open(*platform::ParseDatabaseUrl(reader_url, "url"), 1);
    EXPECT_NO_THROW(reader->Check());
    EXPECT_TRUE(reader->IsDemo());
    EXPECT_EQ(reader->ReadCustomers(std::vector{domain::UserId{1}, domain::UserId{2}}).size(), 2U);
    EXPECT_TRUE(reader->ReadCustomerContext(domain::UserId{1}));
    EXPECT_TRUE(reader->MaxUserId());
    EXPECT_TRUE(reader->NewestChange());
    EXPECT_FALSE(reader->ChangedSince(Timestamp{}).users.empty());
    const auto indexes = reader->CheckIndexes();
    EXPECT_EQ(indexes.size(), 7U);
    for (const auto& index : indexes) {
        EXPECT_TRUE(index.present) << index.table << "." << index.column;
    }
}

}  // namespace
}  // namespace dialler
