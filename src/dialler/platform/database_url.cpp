#include "dialler/platform/database_url.hpp"

#include <charconv>

#include "dialler/base/text.hpp"

namespace dialler::platform {

namespace {

// Parses "[user[:password]@]host[:port]" into `out`; returns the error message, if any.
std::optional<std::string_view> ParseAuthority(std::string_view authority, DatabaseUrl& out) {
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        const auto colon = userinfo.find(':');
        const auto user = PercentDecode(userinfo.substr(0, colon));
        const auto password = colon == std::string_view::npos
                                  ? std::optional<std::string>("")
                                  : PercentDecode(userinfo.substr(colon + 1));
        if (!user || !password) {
            return " has a malformed user or password";
        }
        out.user = *user;
        out.password = *password;
    }
    if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        const std::string_view port = authority.substr(colon + 1);
        unsigned value = 0;
        const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || ptr != port.data() + port.size() || value == 0 || value > 65535) {
            return " has an invalid port";
        }
        out.port = static_cast<std::uint16_t>(value);
        authority = authority.substr(0, colon);
    }
    if (authority.empty()) {
        return " needs a host";
    }
    out.host = std::string(authority);
    return std::nullopt;
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url, std::string_view field) {
    const std::string f(field);
    const auto sep = url.find("://");
    if (sep == std::string_view::npos) {
        return InvalidField(f, f + " is not a URL (scheme://...)");
    }
    DatabaseUrl out;
    out.scheme = AsciiLower(url.substr(0, sep));
    if (out.scheme == "postgres") {
        out.scheme = "postgresql";
    } else if (out.scheme == "mariadb") {
        out.scheme = "mysql";
    }
    std::string_view rest = url.substr(sep + 3);
    if (out.scheme == "sqlite") {
        if (rest.empty()) {
            return InvalidField(f, f + " needs a file path after sqlite://");
        }
        out.path = std::string(rest);
        return out;
    }
    if (out.scheme != "postgresql" && out.scheme != "mysql") {
        return InvalidField(f, f + " has an unsupported scheme");
    }
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        for (std::string_view kv : Split(rest.substr(q + 1), '&')) {
            const auto eq = kv.find('=');
            if (eq == std::string_view::npos) {
                return InvalidField(f, f + " has a malformed query parameter");
            }
            out.params.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
        }
        rest = rest.substr(0, q);
    }
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 >= rest.size()) {
        return InvalidField(f, f + " needs a database name (.../name)");
    }
    out.database = std::string(rest.substr(slash + 1));
    if (const auto problem = ParseAuthority(rest.substr(0, slash), out)) {
        return InvalidField(f, f + std::string(*problem));
    }
    return out;
}

std::string QuoteConnectValue(std::string_view v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '\'';
    return out;
}

std::string RedactUrl(std::string_view url) {
    const auto sep = url.find("://");
    if (sep == std::string_view::npos) {
        return std::string(url);
    }
    const auto slash = url.find('/', sep + 3);
    const auto at = url.rfind('@', slash);
    if (at == std::string_view::npos || at < sep) {
        return std::string(url);
    }
    const auto colon = url.find(':', sep + 3);
    if (colon == std::string_view::npos || colon > at) {
        return std::string(url);
    }
    return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace dialler::platform
