#include "queue_env.hpp"

#include <stdexcept>

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "dialler/adapters/replica/demo_data.hpp"
#include "dialler/adapters/sql/migrator.hpp"

namespace dialler::testing {

namespace {
platform::DatabaseUrl Url(const std::string& s) {
    return *platform::ParseDatabaseUrl(s, "url");
}
}  // namespace

Timestamp QueueTestNow() {
    return Timestamp{
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 4} + std::chrono::hours{11}};
}

void WriteTestReplica(const std::string& replica_url, int users) {
    adapters::replica::DemoDataOptions options;
    options.users = users;
    options.seed = 5;
    adapters::replica::WriteDemoReplica(Url(replica_url), options);
}

app::Suppression DoNotCall(
    std::optional<domain::UserId> user,
    std::optional<std::string> phone_e164,
    app::SuppressionChannel channel,
    Timestamp at
) {
    app::Suppression stop;
    stop.user_id = user;
    stop.phone_e164 = std::move(phone_e164);
    stop.channel = channel;
    stop.reason = "asked not to be called";
    stop.source = "admin";
    stop.created_by = app::Actor::System();
    stop.created_at = at;
    return stop;
}

QueueEnv::QueueEnv(
    std::string replica_db,
    const std::string& own_url,
    ManualClock& c,
    bool validate,
    app::QueueSettings queue_settings
)
    : replica_url(std::move(replica_db)), clock(c), settings(std::move(queue_settings)) {
    this->replica = adapters::replica::SociReplica::Open(Url(replica_url), 4);
    db = adapters::sql::SqlDatabase::Open(Url(own_url), 4);
    adapters::sql::Migrator(*db).Apply(clock.Now());
    agents = std::make_unique<adapters::sql::SqlAgentStore>(*db);
    audit = std::make_unique<adapters::sql::SqlAuditLog>(*db);
    leads = std::make_unique<adapters::sql::SqlLeadStore>(*db);
    leases = std::make_unique<adapters::sql::SqlLeadLeases>(*db);
    outcomes = std::make_unique<adapters::sql::SqlOutcomeStore>(*db);
    suppressions = std::make_unique<adapters::sql::SqlSuppressionStore>(*db);
    runs = std::make_unique<adapters::sql::SqlDiscoveryStore>(*db);
    contacts = std::make_unique<adapters::sql::SqlContactLog>(*db);
    job_leases = std::make_unique<adapters::sql::SqlJobLeaseStore>(*db);
    discovery = std::make_unique<app::DiscoveryService>(
        app::DiscoveryService::Ports{
            *this->replica,
            *leads,
            *suppressions,
            *runs,
            *contacts,
            *job_leases,
            phones,
            settings,
            lenders,
            clock},
        "test-instance",
        97  // an odd batch size, so batches straddle every kind of boundary
    );
    inspection = std::make_unique<app::InspectionService>(app::InspectionService::Ports{
        *this->replica, *leads, *suppressions, *contacts, phones, settings, lenders, clock});
    queue = std::make_unique<app::QueueService>(
        app::QueueService::Ports{
            *this->replica,
            *leads,
            *leases,
            *outcomes,
            *suppressions,
            *contacts,
            *audit,
            *discovery,
            events,
            phones,
            settings,
            lenders,
            clock,
        },
        validate
    );
    callbacks = std::make_unique<app::CallbackService>(app::CallbackService::Ports{
        *outcomes,
        *leads,
        *suppressions,
        *audit,
        phones,
        settings,
        clock,
        *discovery,
        *this->replica,
        *agents});
    call_sessions = std::make_unique<adapters::sql::SqlCallSessionStore>(*db);
    agent_statuses = std::make_unique<adapters::sql::SqlAgentStatusStore>(*db);
    agent_status = std::make_unique<app::AgentStatusService>(app::AgentStatusService::Ports{
        *agent_statuses, *audit, events, clock});
    app::CallServiceConfig call_config;
    call_config.caller_ids = {"+441134960000"};
    calls = std::make_unique<app::CallService>(
        app::CallService::Ports{
            *queue, *call_sessions, telephony, *audit, events, *agent_status, clock},
        call_config
    );
    inbound = std::make_unique<app::InboundCallService>(
        app::InboundCallService::Ports{
            *leads,
            *call_sessions,
            *agent_status,
            *outcomes,
            *queue,
            *calls,
            *agent_status,
            telephony,
            *this->replica,
            *audit,
            events,
            phones,
            settings,
            clock},
        app::InboundCallService::Config{call_config.caller_ids}
    );
}

void QueueEnv::OnReplica(const std::string& sql) const {
    const auto u = Url(replica_url);
    if (u.scheme == "mysql") {
        soci::session s(soci::mysql, adapters::replica::MysqlConnectString(u));
        s << sql;
    } else {
        soci::session s(soci::sqlite3, "db=" + u.path);
        s << sql;
    }
}

DatabaseUrls DatabasesFor(const std::string& param, const TempDir& dir) {
    if (param == "Postgres") {
        return {NewMysqlDatabase(), NewPostgresDatabase()};
    }
    return {dir.SqliteUrl("replica.db"), dir.SqliteUrl("own.db")};
}

app::Lead QueueEnv::LeadWithPhone(
    domain::PhoneType type, std::optional<domain::UserId> except, std::int64_t max_user
) const {
    for (std::int64_t id = 1; id <= max_user; ++id) {
        const auto lead = leads->FindLead(domain::UserId{id});
        if (lead && lead->phone && lead->phone->type == type && !lead->is_closed &&
            lead->user_id != except) {
            return *lead;
        }
    }
    throw std::logic_error("no open lead has a number of that type");
}

domain::Agent QueueEnv::AddAgent(const std::string& email, domain::Role role) const {
    auto existing = agents->FindByEmail(email);
    if (existing) {
        return existing->agent;
    }
    return *agents->Create(
        app::NewAgent{email, email, role, domain::AllQueues(), "x", "", {}}, clock.Now()
    );
}

}  // namespace dialler::testing
