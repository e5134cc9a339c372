#include "dialler/platform/config.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

#include "dialler/base/text.hpp"

extern char** environ;  // NOLINT(readability-identifier-naming): POSIX name

namespace dialler::platform {

namespace {

std::string Get(const EnvMap& env, std::string_view key, std::string_view fallback = {}) {
    const auto it = env.find(key);
    if (it == env.end() || Trim(it->second).empty()) {
        return std::string(fallback);
    }
    return std::string(Trim(it->second));
}

bool Has(const EnvMap& env, std::string_view key) {
    return !Get(env, key).empty();
}

tl::unexpected<Error> Bad(std::string_view key, std::string_view why) {
    return InvalidField(std::string(key), std::string(key) + " " + std::string(why));
}

Result<bool> GetBool(const EnvMap& env, std::string_view key, bool fallback) {
    const std::string v = AsciiLower(Get(env, key));
    if (v.empty()) {
        return fallback;
    }
    if (v == "true" || v == "1" || v == "yes" || v == "on") {
        return true;
    }
    if (v == "false" || v == "0" || v == "no" || v == "off") {
        return false;
    }
    return Bad(key, "must be true or false");
}

Result<int> GetInt(const EnvMap& env, std::string_view key, int fallback, int min, int max) {
    const std::string v = Get(env, key);
    if (v.empty()) {
        return fallback;
    }
    int out = 0;
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc{} || ptr != v.data() + v.size() || out < min || out > max) {
        return Bad(
            key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)
        );
    }
    return out;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(), [s](std::string_view p) {
        return s.starts_with(p);
    });
}

// Values copied from templates and tutorials (the seeds' own env.template says
// "your-super-secret-jwt-key") are refused in production, whatever is appended to them.
bool IsPlaceholderSecret(std::string_view v) {
    static constexpr std::array kMarkers{
        std::string_view{"your-"},
        std::string_view{"your_"},
        std::string_view{"changeme"},
        std::string_view{"change-me"},
        std::string_view{"change_me"},
        std::string_view{"placeholder"},
        std::string_view{"example"},
        std::string_view{"secret-key"},
        std::string_view{"production-secret"},
        std::string_view{"development-only"},
    };
    const std::string lower = AsciiLower(v);
    return std::any_of(kMarkers.begin(), kMarkers.end(), [&](std::string_view m) {
        return lower.find(m) != std::string::npos;
    });
}

Status CheckProductionSecrets(const Config& c) {
    if (c.magic_link_secret.empty()) {
        return Bad("MAGIC_LINK_SECRET", "is required in production");
    }
    if (c.magic_link_secret.size() < 32) {
        return Bad("MAGIC_LINK_SECRET", "must be at least 32 characters in production");
    }
    if (IsPlaceholderSecret(c.magic_link_secret)) {
        return Bad("MAGIC_LINK_SECRET", "is a default or placeholder value; set a random secret");
    }
    if (c.telephony == TelephonyMode::kTwilio) {
        for (const auto& [key, value] :
             {std::pair{"TWILIO_ACCOUNT_SID", &c.twilio_account_sid},
              std::pair{"TWILIO_AUTH_TOKEN", &c.twilio_auth_token},
              std::pair{"TWILIO_API_KEY", &c.twilio_api_key},
              std::pair{"TWILIO_API_SECRET", &c.twilio_api_secret},
              std::pair{"TWILIO_TWIML_APP_SID", &c.twilio_twiml_app_sid},
              std::pair{"TWILIO_PHONE_NUMBER", &c.twilio_phone_number}}) {
            if (value->empty()) {
                return Bad(key, "is required when TELEPHONY=twilio");
            }
        }
        if (IsPlaceholderSecret(c.twilio_auth_token) || IsPlaceholderSecret(c.twilio_api_secret)) {
            return Bad("TWILIO_AUTH_TOKEN", "is a placeholder value");
        }
    }
    return Ok();
}

// Each Load* step fills one group of settings; the first bad value stops the load.

Status LoadDatabases(const EnvMap& env, Config& c) {
    // Embedded defaults: own state and the demo replica in SQLite files under var/.
    if (c.IsProduction() && (!Has(env, "DATABASE_URL") || !Has(env, "REPLICA_DATABASE_URL"))) {
        return Bad(
            Has(env, "DATABASE_URL") ? "REPLICA_DATABASE_URL" : "DATABASE_URL",
            "is required in production"
        );
    }
    c.database_url = Get(env, "DATABASE_URL", "sqlite://var/dialler.db");
    if (!StartsWithAny(c.database_url, {"sqlite://", "postgresql://", "postgres://"})) {
        return Bad("DATABASE_URL", "must start with sqlite:// or postgresql://");
    }
    c.replica_database_url = Get(env, "REPLICA_DATABASE_URL", "sqlite://var/demo-replica.db");
    if (!StartsWithAny(c.replica_database_url, {"sqlite://", "mysql://", "mariadb://"})) {
        return Bad("REPLICA_DATABASE_URL", "must start with mysql:// or sqlite://");
    }
    c.redis_url = Get(env, "REDIS_URL");
    if (!c.redis_url.empty() && !StartsWithAny(c.redis_url, {"redis://", "rediss://"})) {
        return Bad("REDIS_URL", "must start with redis://");
    }
    return Ok();
}

std::string RandomHex(int bytes) {
    std::random_device device;
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < bytes; ++i) {
        const unsigned b = device() & 0xFFU;
        out += kHex[b >> 4U];
        out += kHex[b & 0x0FU];
    }
    return out;
}

Status LoadTelephony(const EnvMap& env, Config& c) {
    const std::string telephony = AsciiLower(Get(env, "TELEPHONY", "sim"));
    if (telephony == "sim") {
        c.telephony = TelephonyMode::kSim;
    } else if (telephony == "twilio") {
        c.telephony = TelephonyMode::kTwilio;
    } else {
        return Bad("TELEPHONY", "must be sim or twilio");
    }
    c.twilio_account_sid = Get(env, "TWILIO_ACCOUNT_SID");
    c.twilio_auth_token = Get(env, "TWILIO_AUTH_TOKEN");
    c.twilio_api_key = Get(env, "TWILIO_API_KEY");
    c.twilio_api_secret = Get(env, "TWILIO_API_SECRET");
    c.twilio_twiml_app_sid = Get(env, "TWILIO_TWIML_APP_SID");
    c.twilio_phone_number = Get(env, "TWILIO_PHONE_NUMBER");
    if (!c.twilio_account_sid.empty() && !c.twilio_account_sid.starts_with("AC")) {
        return Bad("TWILIO_ACCOUNT_SID", "must start with AC");
    }
    c.twilio_api_base_url = Get(env, "TWILIO_API_BASE_URL");
    DIALLER_ASSIGN_OR_RETURN(
        c.voice_token_ttl_seconds, GetInt(env, "VOICE_TOKEN_TTL_SECONDS", 3600, 300, 86400)
    );
    if (c.telephony == TelephonyMode::kTwilio) {
        if (c.twilio_api_base_url.empty()) {
            c.twilio_api_base_url = "https://api.twilio.com";
        }
        return Ok();
    }
    if (c.IsProduction() && c.twilio_auth_token.empty()) {
        // Never a known default in production: webhooks to this instance are signed with a
        // secret nobody else has (the built-in stand-in is handed it in process).
        c.twilio_auth_token = RandomHex(32);
    }
    // The stand-in needs credentials of the same shape; it signs its webhooks with the auth token
    // given, or this development default, so outside tools can sign for a `make run` server.
    // SIDs of the right shape that belong to nobody: two letters and 32 zeros.
    const std::string nobody(32, '0');
    const std::array<std::pair<std::string*, std::string>, 6> defaults{{
        {&c.twilio_account_sid, "AC" + nobody},
        {&c.twilio_auth_token, kSimAuthToken},
        {&c.twilio_api_key, "SK" + nobody},
        {&c.twilio_api_secret, "stand-in-api-secret-development-only"},
        {&c.twilio_twiml_app_sid, "AP" + nobody},
        {&c.twilio_phone_number, "+441134960000"},
    }};
    for (const auto& [field, fallback] : defaults) {
        if (field->empty()) {
            *field = fallback;
        }
    }
    return Ok();
}

Status LoadUrl(
    const EnvMap& env, std::string_view key, std::string_view dev_default, std::string& out
) {
    out = Get(env, key, dev_default);
    if (out.empty()) {
        return Bad(key, "is required in production");
    }
    if (!StartsWithAny(out, {"http://", "https://"})) {
        return Bad(key, "must start with http:// or https://");
    }
    return Ok();
}

Status LoadUrls(const EnvMap& env, Config& c) {
    const bool prod = c.IsProduction();
    const std::string local = "http://127.0.0.1:" + std::to_string(c.port);
    DIALLER_RETURN_IF_ERROR(LoadUrl(env, "PUBLIC_URL", prod ? "" : local, c.public_url));
    DIALLER_RETURN_IF_ERROR(
        LoadUrl(env, "MAIN_APP_URL", prod ? "" : "https://claim.example.invalid", c.main_app_url)
    );
    if (prod && !c.public_url.starts_with("https://")) {
        return Bad("PUBLIC_URL", "must be https in production (session cookies are Secure)");
    }
    return Ok();
}

Status LoadTuning(const EnvMap& env, Config& c) {
    DIALLER_ASSIGN_OR_RETURN(c.enable_hourly_refresh, GetBool(env, "ENABLE_HOURLY_REFRESH", true));
    DIALLER_ASSIGN_OR_RETURN(
        c.enable_pre_call_validation, GetBool(env, "ENABLE_PRE_CALL_VALIDATION", true)
    );
    DIALLER_ASSIGN_OR_RETURN(
        c.session_idle_minutes, GetInt(env, "SESSION_IDLE_MINUTES", 30, 1, 24 * 60)
    );
    DIALLER_ASSIGN_OR_RETURN(
        c.session_absolute_hours, GetInt(env, "SESSION_ABSOLUTE_HOURS", 12, 1, 7 * 24)
    );
    DIALLER_ASSIGN_OR_RETURN(c.http_threads, GetInt(env, "HTTP_THREADS", 2, 1, 64));
    DIALLER_ASSIGN_OR_RETURN(
        c.magic_link_ttl_hours, GetInt(env, "MAGIC_LINK_TTL_HOURS", 48, 1, 14 * 24)
    );
    const std::string link_format = AsciiLower(Get(env, "MAGIC_LINK_FORMAT", "assertion"));
    if (link_format != "assertion" && link_format != "legacy-mlid") {
        return Bad("MAGIC_LINK_FORMAT", "must be assertion or legacy-mlid");
    }
    c.magic_link_legacy_mlid = link_format == "legacy-mlid";
    c.magic_link_paths = Get(env, "MAGIC_LINK_PATHS");
    DIALLER_ASSIGN_OR_RETURN(c.worker_threads, GetInt(env, "WORKER_THREADS", 4, 1, 256));
    DIALLER_ASSIGN_OR_RETURN(
        c.replica_statement_timeout_seconds, GetInt(env, "REPLICA_STATEMENT_TIMEOUT", 60, 1, 3600)
    );
    DIALLER_ASSIGN_OR_RETURN(c.enable_test_endpoints, GetBool(env, "ENABLE_TEST_ENDPOINTS", false));
    if (c.enable_test_endpoints && c.IsProduction()) {
        return Bad("ENABLE_TEST_ENDPOINTS", "must not be set in production");
    }
    c.log_level = AsciiLower(Get(env, "LOG_LEVEL", "info"));
    if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
        c.log_level != "error") {
        return Bad("LOG_LEVEL", "must be debug, info, warn or error");
    }
    return Ok();
}

// "host:port" or "[v6]:port".
Status LoadMetricsBind(const EnvMap& env, Config& c) {
    const std::string bind = Get(env, "METRICS_BIND");
    if (bind.empty()) {
        return Ok();
    }
    const auto colon = bind.rfind(':');
    std::string host = colon == std::string::npos ? "" : bind.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    int port = 0;
    const std::string port_text = colon == std::string::npos ? "" : bind.substr(colon + 1);
    const auto [ptr, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (host.empty() || port_text.empty() || ec != std::errc{} ||
        ptr != port_text.data() + port_text.size() || port < 1 || port > 65535) {
        return Bad("METRICS_BIND", "must be host:port, e.g. 10.0.0.5:9100 or [::1]:9100");
    }
    if (host == c.bind_address && port == c.port) {
        return Bad("METRICS_BIND", "must differ from BIND_ADDRESS:PORT");
    }
    c.metrics_bind_address = host;
    c.metrics_port = static_cast<std::uint16_t>(port);
    return Ok();
}

// "HH:MM-HH:MM" within 08:00-21:00.
Status LoadCallingHoursLimits(const EnvMap& env, Config& c) {
    const std::string text = Get(env, "CALLING_HOURS_LIMITS", "08:00-21:00");
    const auto minutes = [](std::string_view hhmm) -> std::optional<int> {
        int h = 0;
        int m = 0;
        if (hhmm.size() != 5 || hhmm[2] != ':' ||
            std::from_chars(hhmm.data(), hhmm.data() + 2, h).ec != std::errc{} ||
            std::from_chars(hhmm.data() + 3, hhmm.data() + 5, m).ec != std::errc{} || m > 59) {
            return std::nullopt;
        }
        return h * 60 + m;
    };
    const auto dash = text.find('-');
    const auto open =
        dash == std::string::npos ? std::nullopt : minutes(Trim(text.substr(0, dash)));
    const auto close =
        dash == std::string::npos ? std::nullopt : minutes(Trim(text.substr(dash + 1)));
    if (!open || !close || *open >= *close || *open < 8 * 60 || *close > 21 * 60) {
        return Bad(
            "CALLING_HOURS_LIMITS", "must be HH:MM-HH:MM within 08:00-21:00, opening before closing"
        );
    }
    c.calling_hours_earliest = *open;
    c.calling_hours_latest = *close;
    return Ok();
}

Status LoadOperations(const EnvMap& env, Config& c) {
    DIALLER_RETURN_IF_ERROR(LoadCallingHoursLimits(env, c));
    DIALLER_RETURN_IF_ERROR(LoadMetricsBind(env, c));
    c.metrics_token = Get(env, "METRICS_TOKEN");
    DIALLER_ASSIGN_OR_RETURN(c.allow_run_as_root, GetBool(env, "ALLOW_RUN_AS_ROOT", false));
    if (!c.IsProduction()) {
        return Ok();
    }
    if (c.metrics_token.empty() && c.metrics_port == 0) {
        // Behind a reverse proxy on the same host every peer is loopback, so "loopback only"
        // would publish the route list and login failure counts to the world.
        return Bad(
            "METRICS_TOKEN",
            "or METRICS_BIND is required in production (GET /metrics must not be public)"
        );
    }
    if (!c.metrics_token.empty() &&
        (c.metrics_token.size() < 32 || IsPlaceholderSecret(c.metrics_token))) {
        return Bad("METRICS_TOKEN", "must be a random value of at least 32 characters");
    }
    return Ok();
}

Status LoadSecrets(const EnvMap& env, Config& c) {
    // One secret, two names: MAGIC_LINK_SECRET, or JWT_SECRET as earlier configurations call it.
    const std::string older_name = Get(env, "JWT_SECRET");
    if (!c.IsProduction()) {
        c.magic_link_secret =
            Get(env, "MAGIC_LINK_SECRET", older_name.empty() ? kDevMagicLinkSecret : older_name);
        c.demo_password = Get(env, "DEMO_PASSWORD", kDefaultDemoPassword);
        if (c.demo_password.size() < 12) {
            return Bad("DEMO_PASSWORD", "must be at least 12 characters");
        }
        return Ok();
    }
    c.magic_link_secret = Get(env, "MAGIC_LINK_SECRET", older_name);
    if (Has(env, "DEMO_PASSWORD")) {
        return Bad(
            "DEMO_PASSWORD", "must not be set in production (demo logins exist only in development)"
        );
    }
    return CheckProductionSecrets(c);
}

}  // namespace

Result<Config> LoadConfig(const EnvMap& env, std::string_view web_dir_default) {
    Config c;
    const std::string app_env = AsciiLower(Get(env, "APP_ENV", "development"));
    if (app_env == "development") {
        c.app_env = AppEnv::kDevelopment;
    } else if (app_env == "production") {
        c.app_env = AppEnv::kProduction;
    } else {
        return Bad("APP_ENV", "must be development or production");
    }
    DIALLER_ASSIGN_OR_RETURN(const int port, GetInt(env, "PORT", 8080, 1, 65535));
    c.port = static_cast<std::uint16_t>(port);
    c.bind_address = Get(env, "BIND_ADDRESS", "127.0.0.1");
    c.web_dir = Get(env, "WEB_DIR", web_dir_default);
    DIALLER_RETURN_IF_ERROR(LoadDatabases(env, c));
    DIALLER_RETURN_IF_ERROR(LoadTelephony(env, c));
    DIALLER_RETURN_IF_ERROR(LoadUrls(env, c));
    DIALLER_RETURN_IF_ERROR(LoadTuning(env, c));
    // Secrets after telephony: CheckProductionSecrets needs the telephony mode.
    DIALLER_RETURN_IF_ERROR(LoadSecrets(env, c));
    DIALLER_RETURN_IF_ERROR(LoadOperations(env, c));
    return c;
}

std::vector<ConfigWarning> ConfigWarnings(const Config& config) {
    std::vector<ConfigWarning> out;
    if (config.magic_link_legacy_mlid) {
        out.push_back(
            {"legacy_magic_links",
             "Magic links use the earlier platform's format (MAGIC_LINK_FORMAT=legacy-mlid): "
             "anyone "
             "who knows a customer's number in the platform can open their portal. Switch to the "
             "default format once the platform checks the signed assertion (docs/magic-links.md)."}
        );
    }
    return out;
}

Status CheckServeUser(const Config& config, unsigned euid) {
    if (euid == 0 && config.IsProduction() && !config.allow_run_as_root) {
        return Bad(
            "ALLOW_RUN_AS_ROOT",
            "is not set: dialler serve refuses to run as root in production; run it as its own "
            "system user (docs/security.md)"
        );
    }
    return Ok();
}

Result<EnvMap> ParseDotEnv(std::string_view text) {
    EnvMap out;
    int line_no = 0;
    for (std::string_view raw : Split(text, '\n')) {
        ++line_no;
        std::string_view line = Trim(raw);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (line.starts_with("export ")) {
            line = Trim(line.substr(7));
        }
        const auto eq = line.find('=');
        const std::string_view key = eq == std::string_view::npos ? line : Trim(line.substr(0, eq));
        const bool key_ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                   (ch >= '0' && ch <= '9') || ch == '_';
        });
        if (eq == std::string_view::npos || !key_ok) {
            return InvalidField(
                ".env", ".env line " + std::to_string(line_no) + " is not KEY=VALUE"
            );
        }
        std::string_view value = Trim(line.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        } else if (const auto hash = value.find(" #"); hash != std::string_view::npos) {
            value = Trim(value.substr(0, hash));
        }
        out.insert_or_assign(std::string(key), std::string(value));
    }
    return out;
}

Result<EnvMap> ReadEnvironment(const std::string& dotenv_path) {
    EnvMap env;
    std::ifstream file(dotenv_path);
    if (file) {
        std::stringstream buf;
        buf << file.rdbuf();
        DIALLER_ASSIGN_OR_RETURN(env, ParseDotEnv(buf.str()));
    }
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string_view kv(*e);
        const auto eq = kv.find('=');
        if (eq != std::string_view::npos) {
            env.insert_or_assign(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
        }
    }
    return env;
}

}  // namespace dialler::platform
