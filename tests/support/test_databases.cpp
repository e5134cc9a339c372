#include "test_databases.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include "dialler/adapters/replica/soci_replica.hpp"
#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/platform/config.hpp"
#include "dialler/platform/database_url.hpp"

namespace dialler::testing {

namespace {

std::string UniqueName(const char* prefix) {
    static std::atomic<int> counter{0};
    static const unsigned kSalt = std::random_device{}();
    return std::string(prefix) + "_" + std::to_string(getpid()) + "_" +
           std::to_string(kSalt % 100000) + "_" + std::to_string(counter++);
}

platform::DatabaseUrl Parse(const std::string& url) {
    auto parsed = platform::ParseDatabaseUrl(url, "test url");
    if (!parsed) {
        throw std::runtime_error(parsed.error().message);
    }
    return *parsed;
}

std::string WithDatabase(const std::string& admin_url, const std::string& db) {
    return admin_url.substr(0, admin_url.rfind('/') + 1) + db;
}

}  // namespace

const TestServices& Services() {
    static const TestServices kServices = [] {
        const char* path =
            std::getenv("DIALLER_TEST_SERVICES_ENV");  // NOLINT(concurrency-mt-unsafe)
        if (path == nullptr) {
            throw std::runtime_error(
                "DIALLER_TEST_SERVICES_ENV is not set: run through ctest, which starts PostgreSQL "
                "and MariaDB"
            );
        }
        std::ifstream in(path);
        if (!in) {
            throw std::runtime_error(std::string("test services file missing: ") + path);
        }
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto env = platform::ParseDotEnv(text);
        if (!env) {
            throw std::runtime_error("test services file malformed");
        }
        TestServices s{(*env)["DIALLER_TEST_PG_URL"], (*env)["DIALLER_TEST_MYSQL_URL"]};
        if (s.postgres_admin_url.empty() || s.mysql_admin_url.empty()) {
            throw std::runtime_error("test services file lacks a URL");
        }
        return s;
    }();
    return kServices;
}

std::string NewPostgresDatabase() {
    const std::string name = UniqueName("t");
    const auto url = Parse(Services().postgres_admin_url);
    soci::session s(soci::postgresql, adapters::sql::PostgresConnectString(url));
    s << "CREATE DATABASE " + name;
    return WithDatabase(Services().postgres_admin_url, name);
}

std::string NewMysqlDatabase() {
    return NewMysqlDatabaseOn(Services().mysql_admin_url);
}

std::string NewMysqlDatabaseOn(const std::string& admin_url) {
    const std::string name = UniqueName("r");
    const auto url = Parse(admin_url);
    soci::session s(soci::mysql, adapters::replica::MysqlConnectString(url));
    s << "CREATE DATABASE " + name + " CHARACTER SET utf8mb4";
    return WithDatabase(admin_url, name);
}

TempDir::TempDir() : path_(std::filesystem::temp_directory_path() / UniqueName("dialler-test")) {
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace dialler::testing
