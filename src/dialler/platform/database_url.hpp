#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/base/error.hpp"

namespace dialler::platform {

// A parsed database URL: `sqlite://PATH` (the rest is the file path: sqlite:///tmp/x.db is the
// absolute /tmp/x.db, sqlite://var/x.db is relative to the working directory), or
// `scheme://[user[:password]@]host[:port]/database[?key=value&...]` for postgresql and mysql.
// User and password are percent-decoded.
struct DatabaseUrl {
    std::string scheme;  // "sqlite", "postgresql", "mysql" (aliases postgres, mariadb folded)
    std::string path;    // sqlite only
    std::string user;
    std::string password;
    std::string host;
    std::optional<std::uint16_t> port;
    std::string database;
    std::map<std::string, std::string> params;
};

// Errors: kInvalidArgument naming `field` (e.g. "DATABASE_URL"); the message never repeats the
// URL, which may hold a password.
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url, std::string_view field);

// Quotes a value for a libpq or SOCI keyword connect string: '...' with \\ and \' escaped.
std::string QuoteConnectValue(std::string_view v);

// Returns the URL with any password replaced by "***", for logs and messages.
std::string RedactUrl(std::string_view url);

}  // namespace dialler::platform
