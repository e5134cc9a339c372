#include "dialler/main/wiring.hpp"

#include <stdexcept>

namespace dialler::main {

namespace {
platform::DatabaseUrl ParseOrThrow(const std::string& url, std::string_view field) {
    auto parsed = platform::ParseDatabaseUrl(url, field);
    if (!parsed) {
        throw std::runtime_error(parsed.error().message);
    }
    return *parsed;
}
}  // namespace

std::unique_ptr<adapters::sql::SqlDatabase> OpenOwnDatabase(
    const platform::Config& config, std::size_t pool_size
) {
    return adapters::sql::SqlDatabase::Open(
        ParseOrThrow(config.database_url, "DATABASE_URL"), pool_size
    );
}

std::unique_ptr<adapters::replica::SociReplica> OpenReplica(
    const platform::Config& config, std::size_t pool_size
) {
    return adapters::replica::SociReplica::Open(
        ParseOrThrow(config.replica_database_url, "REPLICA_DATABASE_URL"), pool_size
    );
}

app::AuthSettings AuthSettingsFrom(const platform::Config& config) {
    app::AuthSettings s;
    s.session.idle = std::chrono::minutes{config.session_idle_minutes};
    s.session.absolute = std::chrono::hours{config.session_absolute_hours};
    return s;
}

OwnState::OwnState(
    std::unique_ptr<adapters::sql::SqlDatabase> database, const platform::Config& config
)
    : db(std::move(database)),
      agents(*db),
      sessions(*db),
      audit(*db),
      throttle(*db),
      agent_service(agents, sessions, audit, hasher, clock),
      auth(agents, sessions, throttle, audit, hasher, tokens, clock, AuthSettingsFrom(config)) {}

}  // namespace dialler::main
