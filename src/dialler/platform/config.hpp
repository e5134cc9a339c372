#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/error.hpp"

namespace dialler::platform {

using EnvMap = std::map<std::string, std::string, std::less<>>;

enum class AppEnv { kDevelopment, kProduction };
enum class TelephonyMode { kSim, kTwilio };

// The auth token the stand-in signs with when TWILIO_AUTH_TOKEN is not set (development only).
inline constexpr const char* kSimAuthToken = "stand-in-auth-token-development-only";

// Everything the process is configured with, parsed and validated once at start-up. Names and
// meanings of the variables are documented in env.template (keep the two in step).
struct Config {
    AppEnv app_env = AppEnv::kDevelopment;
    std::string database_url;
    std::string replica_database_url;
    std::string redis_url;  // empty = no Redis
    std::string twilio_account_sid;
    std::string twilio_auth_token;
    std::string twilio_api_key;
    std::string twilio_api_secret;
    std::string twilio_twiml_app_sid;
    std::string twilio_phone_number;  // the caller IDs agents may use, comma-separated
    std::string twilio_api_base_url;  // empty with TELEPHONY=sim: the built-in stand-in
    int voice_token_ttl_seconds = 3600;
    // MAGIC_LINK_SECRET (JWT_SECRET, its earlier name, is read when it is unset): signs the
    // assertions magic links hand to the platform, which shares it.
    std::string magic_link_secret;
    int magic_link_ttl_hours = 48;  // MAGIC_LINK_TTL_HOURS, 1-336
    // MAGIC_LINK_FORMAT=legacy-mlid: the earlier platform's forgeable `?mlid=` links.
    bool magic_link_legacy_mlid = false;
    // MAGIC_LINK_PATHS: the platform's page per link type, "type=/path,..." (checked by
    // domain::ParseLinkPaths when the server starts).
    std::string magic_link_paths;
    std::string main_app_url;
    std::string public_url;
    std::string bind_address;
    std::uint16_t port = 8080;
    bool enable_hourly_refresh = true;
    bool enable_pre_call_validation = true;
    TelephonyMode telephony = TelephonyMode::kSim;
    std::string web_dir;
    std::string demo_password;
    int session_idle_minutes = 30;
    int session_absolute_hours = 12;
    int http_threads = 2;
    int worker_threads = 4;
    std::string log_level = "info";
    // Black-box test hooks (POST /api/testing/clock); development only.
    bool enable_test_endpoints = false;
    // GET /metrics: a bearer token, and/or a listener of its own (empty address = none). With
    // neither it is served on the main listener to loopback peers only; production needs one.
    std::string metrics_token;
    std::string metrics_bind_address;
    std::uint16_t metrics_port = 0;
    // REPLICA_STATEMENT_TIMEOUT: the longest any replica query may run (seconds).
    int replica_statement_timeout_seconds = 60;
    // CALLING_HOURS_LIMITS: the outer bounds of calling hours on any day, minutes since UK
    // midnight; at most 08:00-21:00 (the law), narrower if the firm wants.
    int calling_hours_earliest = 8 * 60;
    int calling_hours_latest = 21 * 60;
    // `serve` refuses to run as root in production unless this is set.
    bool allow_run_as_root = false;

    bool IsProduction() const { return app_env == AppEnv::kProduction; }
    // Whether cookies must carry `Secure` (the public URL is https).
    bool SecureCookies() const { return public_url.starts_with("https://"); }
};

// Secrets used when nothing is configured in development; production refuses them.
inline constexpr std::string_view kDevMagicLinkSecret =
    "development-only-jwt-secret-do-not-use-in-production";
inline constexpr std::string_view kDefaultDemoPassword = "demo-password-2026";

// Builds the configuration from `env`, applying the embedded development defaults. Errors are
// kInvalidArgument with `field` = the variable's name and a message that names it; secret values
// never appear in messages. Pure: reads nothing but `env` and `web_dir_default`.
Result<Config> LoadConfig(const EnvMap& env, std::string_view web_dir_default);

// A setting that works but that an admin should change, said at start-up (logged) and on the
// admin screen (GET /api/admin/warnings).
struct ConfigWarning {
    std::string code;     // "legacy_magic_links"
    std::string message;  // for an admin: what is wrong and what to do
};
std::vector<ConfigWarning> ConfigWarnings(const Config& config);

// Whether `dialler serve` may run with effective user id `euid`: not root (0) in production,
// unless ALLOW_RUN_AS_ROOT is set. Errors: kInvalidArgument naming ALLOW_RUN_AS_ROOT.
Status CheckServeUser(const Config& config, unsigned euid);

// Parses a .env file: KEY=VALUE lines, # comments, optional `export `, single or double quotes.
// Errors name the line number.
Result<EnvMap> ParseDotEnv(std::string_view text);

// The process environment with the .env file (if `dotenv_path` exists) underneath it: a variable
// set in the environment wins over the file.
Result<EnvMap> ReadEnvironment(const std::string& dotenv_path);

}  // namespace dialler::platform
