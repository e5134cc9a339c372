// The replica adapter on both technologies, against replicas written by the demo generator.
#include <algorithm>

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

TEST(ReplicaReads, GiveTheSameCustomersOnSqliteAndMysql) {
    testing::TempDir dir;
    adapters::replica::DemoDataOptions options;
    options.users = 300;
    options.seed = 11;
    const std::string sqlite_url = dir.SqliteUrl("replica.db");
    const std::string mysql_url = testing::NewMysqlDatabase();
    adapters::replica::WriteDemoReplica(Url(sqlite_url), options);
    adapters::replica::WriteDemoReplica(Url(mysql_url), options);
    auto sqlite = adapters::replica::SociReplica::Open(Url(sqlite_url), 1);
    auto mysql = adapters::replica::SociReplica::Open(Url(mysql_url), 1);

    const auto a = sqlite->ReadCustomerRange(domain::UserId{1}, domain::UserId{300});
    const auto b = mysql->ReadCustomerRange(domain::UserId{1}, domain::UserId{300});
    ASSERT_EQ(a.size(), 300U);
    EXPECT_TRUE(a == b);
    std::size_t claims = 0;
    std::size_t requirements = 0;
    for (const auto& r : a) {
        claims += r.claims.size();
        requirements += r.requirements.size();
        for (const auto& req : r.requirements) {
            EXPECT_TRUE(std::any_of(r.claims.begin(), r.claims.end(), [&](const auto& c) {
                return c.id == req.claim_id;
            }));
        }
    }
    EXPECT_GT(claims, 300U);
    EXPECT_GT(requirements, 300U);

    const std::vector<domain::UserId> ids{
        domain::UserId{7}, domain::UserId{3}, domain::UserId{999999}};
    const auto some = mysql->ReadCustomers(ids);
    ASSERT_EQ(some.size(), 2U);
    EXPECT_EQ(some[0], a[2]);
    EXPECT_EQ(some[1], a[6]);
    // The users alone: the same rows, in one query.
    for (auto* replica : {sqlite.get(), mysql.get()}) {
        const auto users = replica->ReadUsersOnly(ids);
        ASSERT_EQ(users.size(), 2U);
        EXPECT_EQ(users[0], a[2].user);
        EXPECT_EQ(users[1], a[6].user);
        EXPECT_TRUE(replica->ReadUsersOnly({}).empty());
    }
    // Searches give the same people on both, by id, email and name words.
    app::UserSearch search;
    search.ids = {domain::UserId{4}, domain::UserId{250}};
    search.name_words = {"a"};
    const auto found = sqlite->SearchUsers(search, 0, 500);
    EXPECT_EQ(found, mysql->SearchUsers(search, 0, 500));
    EXPECT_GT(found.size(), 2U);
    EXPECT_TRUE(std::is_sorted(found.begin(), found.end(), [](const auto& x, const auto& y) {
        return x.id < y.id;
    }));
    EXPECT_EQ(sqlite->SearchUsers(search, 2, 3), mysql->SearchUsers(search, 2, 3));
    EXPECT_EQ(sqlite->SearchUsers(search, 2, 3).size(), 3U);
    EXPECT_TRUE(sqlite->SearchUsers(app::UserSearch{}, 0, 10).empty());
    for (const auto& u : found) {
        if (u.email) {
            app::UserSearch by_email;
            by_email.email = *u.email;
            const auto same = mysql->SearchUsers(by_email, 0, 10);
            EXPECT_EQ(same, sqlite->SearchUsers(by_email, 0, 10));
            EXPECT_FALSE(same.empty());
            break;
        }
    }
    EXPECT_EQ(sqlite->MaxUserId(), domain::UserId{300});
    EXPECT_EQ(mysql->MaxUserId(), domain::UserId{300});

    const Timestamp as_of{std::chrono::sys_days{options.as_of}};
    EXPECT_TRUE(sqlite->ChangedSince(as_of).users.empty());
    const auto recent_sqlite = sqlite->ChangedSince(as_of - std::chrono::days{20});
    const auto recent_mysql = mysql->ChangedSince(as_of - std::chrono::days{20});
    EXPECT_FALSE(recent_sqlite.users.empty());
    EXPECT_EQ(recent_sqlite.users, recent_mysql.users);
    EXPECT_EQ(recent_sqlite.newest, recent_mysql.newest);
    ASSERT_TRUE(recent_sqlite.newest);
    EXPECT_LT(*recent_sqlite.newest, as_of);
}

INSTANTIATE_TEST_SUITE_P(
    Replicas,
    ReplicaContract,
    ::testing::Values("Sqlite", "Mysql"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
