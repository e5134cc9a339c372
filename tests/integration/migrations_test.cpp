#include <array>
#include <thread>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/migrator.hpp"
#include "dialler/adapters/sql/sql_database.hpp"

#include "test_databases.hpp"

namespace dialler {
namespace {

using adapters::sql::Migrator;
using adapters::sql::SqlDatabase;

const Timestamp kT0{std::chrono::milliseconds{1'800'000'000'000}};

std::unique_ptr<SqlDatabase> Open(const std::string& url, std::size_t pool = 2) {
    return SqlDatabase::Open(*platform::ParseDatabaseUrl(url, "url"), pool);
}

class MigrationsTest : public ::testing::TestWithParam<std::string> {
protected:
    std::string NewUrl() {
        return GetParam() == "Postgres" ? testing::NewPostgresDatabase() : dir_.SqliteUrl("own.db");
    }
    testing::TempDir dir_;
};

TEST_P(MigrationsTest, AppliesEverythingOnceAndIsIdempotent) {
    auto db = Open(NewUrl());
    Migrator migrator(*db);
    EXPECT_FALSE(migrator.IsUpToDate());
    EXPECT_GE(migrator.Apply(kT0), 1);
    EXPECT_TRUE(migrator.IsUpToDate());
    EXPECT_EQ(migrator.Apply(kT0), 0);
    long long agents = -1;
    db->Read([&](soci::session& s) { s << "SELECT COUNT(*) FROM agents", soci::into(agents); });
    EXPECT_EQ(agents, 0);
}

TEST_P(MigrationsTest, AuditLogRefusesUpdatesAndDeletes) {
    auto db = Open(NewUrl());
    Migrator(*db).Apply(kT0);
    db->Write([](soci::session& s) {
        s << "INSERT INTO audit_log (at, actor_kind, action, subject_type, subject_id, details, "
             "request_id) "
             "VALUES (1, 'cli', 'x', 'agent', '1', '{}', '')";
    });
    EXPECT_THROW(
        db->Write([](soci::session& s) { s << "UPDATE audit_log SET action = 'y'"; }),
        std::exception
    );
    EXPECT_THROW(db->Write([](soci::session& s) { s << "DELETE FROM audit_log"; }), std::exception);
    std::string action;
    db->Read([&](soci::session& s) { s << "SELECT action FROM audit_log", soci::into(action); });
    EXPECT_EQ(action, "x");
}

TEST_P(MigrationsTest, RefusesAMigrationEditedAfterItWasApplied) {
    auto db = Open(NewUrl());
    const std::array original{EmbeddedFile{"0001_t.sql", "CREATE TABLE t (id INTEGER);"}};
    Migrator(*db, original).Apply(kT0);
    const std::array edited{EmbeddedFile{"0001_t.sql", "CREATE TABLE t (id INTEGER, x INTEGER);"}};
    EXPECT_THROW(Migrator(*db, edited).Apply(kT0), std::runtime_error);
}

TEST_P(MigrationsTest, RollsBackAFailedMigrationCompletely) {
    auto db = Open(NewUrl());
    const std::array broken{
        EmbeddedFile{"0001_ok.sql", "CREATE TABLE ok1 (id INTEGER);"},
        EmbeddedFile{"0002_bad.sql", "CREATE TABLE half (id INTEGER); THIS IS NOT SQL;"},
    };
    Migrator migrator(*db, broken);
    EXPECT_THROW(migrator.Apply(kT0), std::exception);
    const auto states = migrator.States();
    EXPECT_TRUE(states[0].applied);
    EXPECT_FALSE(states[1].applied);
    EXPECT_THROW(
        db->Read([](soci::session& s) { s << "SELECT COUNT(*) FROM half"; }), std::exception
    );
}

TEST_P(MigrationsTest, TwoProcessesMigratingAtOnceApplyEachMigrationOnce) {
    const std::string url = NewUrl();
    auto a = Open(url, 1);
    auto b = Open(url, 1);
    int applied_a = 0;
    int applied_b = 0;
    std::thread ta([&] { applied_a = Migrator(*a).Apply(kT0); });
    std::thread tb([&] { applied_b = Migrator(*b).Apply(kT0); });
    ta.join();
    tb.join();
    EXPECT_EQ(static_cast<std::size_t>(applied_a + applied_b), Migrator(*a).States().size());
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    MigrationsTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
