#pragma once

#include <filesystem>
#include <string>

namespace dialler::testing {

// The servers tests/support/services.sh started for this ctest run. Throws (failing the test,
// never skipping it) when DIALLER_TEST_SERVICES_ENV is unset or the file is missing.
struct TestServices {
    std::string postgres_admin_url;  // database "postgres", superuser
    std::string mysql_admin_url;     // a user that may create databases
};
const TestServices& Services();

// Each call creates a fresh, uniquely named database and returns its URL.
std::string NewPostgresDatabase();
std::string NewMysqlDatabase();
// The same on another MySQL/MariaDB server, given a URL of a user who may create databases.
std::string NewMysqlDatabaseOn(const std::string& admin_url);

// A unique directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string SqliteUrl(const std::string& file) const {
        return "sqlite://" + (path_ / file).string();
    }

private:
    std::filesystem::path path_;
};

}  // namespace dialler::testing
