#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "dialler/adapters/phone/libphonenumber_phone_parser.hpp"
#include "dialler/adapters/replica/soci_replica.hpp"
#include "dialler/adapters/sql/sql_agent_status_store.hpp"
#include "dialler/adapters/sql/sql_call_session_store.hpp"
#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/app/call_service.hpp"
#include "dialler/app/callback_service.hpp"
#include "dialler/app/discovery_service.hpp"
#include "dialler/app/inbound_call_service.hpp"
#include "dialler/app/inspection_service.hpp"
#include "dialler/app/queue_service.hpp"

#include "manual_clock.hpp"
#include "queue_fakes.hpp"
#include "test_databases.hpp"

namespace dialler::testing {

// Settings a test can change while the services run (an admin's change, without the store).
class MutableSettingsProvider final : public app::SettingsProvider {
public:
    explicit MutableSettingsProvider(app::QueueSettings settings)
        : settings_(std::move(settings)) {}
    app::QueueSettings Current() const override {
        const std::lock_guard lock(mutex_);
        return settings_;
    }
    void Set(app::QueueSettings settings) {
        const std::lock_guard lock(mutex_);
        settings_ = std::move(settings);
    }

private:
    mutable std::mutex mutex_;
    app::QueueSettings settings_;
};

// Wednesday 4 November 2026, 11:00 UTC (GMT): inside the calling window, after the demo data's
// as_of, so that every generated time lies in the past.
Timestamp QueueTestNow();

// An admin's do-not-call entry for a customer or a number, as of `at`.
app::Suppression DoNotCall(
    std::optional<domain::UserId> user,
    std::optional<std::string> phone_e164,
    app::SuppressionChannel channel,
    Timestamp at
);

// The databases of a test parameterised "Sqlite" (both files in `dir`) or "Postgres" (a fresh
// MariaDB replica and PostgreSQL own database from the services fixture).
struct DatabaseUrls {
    std::string replica;
    std::string own;
};
DatabaseUrls DatabasesFor(const std::string& param, const TempDir& dir);

// Writes a demo replica (demo-data generator, fixed seed) to `replica_url`.
void WriteTestReplica(const std::string& replica_url, int users);

// The queue engine wired on real databases, as `dialler serve` wires it: one instance. Several
// QueueEnvs on the same URLs are several instances.
struct QueueEnv {
    QueueEnv(
        std::string replica_db,
        const std::string& own_url,
        ManualClock& clock,
        bool validate = true,
        app::QueueSettings queue_settings = app::QueueSettings::Defaults()
    );

    // Runs SQL on the replica with a writable connection (the platform changing its data).
    void OnReplica(const std::string& sql) const;
    // Adds an agent with all queues and returns it.
    domain::Agent AddAgent(const std::string& email, domain::Role role = domain::Role::kAgent)
        const;
    // The open lead with the lowest user id (up to `max_user`) whose number is of `type`, other
    // than `except`. Throws when there is none.
    app::Lead LeadWithPhone(
        domain::PhoneType type,
        std::optional<domain::UserId> except = std::nullopt,
        std::int64_t max_user = 200
    ) const;

    std::string replica_url;
    ManualClock& clock;
    adapters::phone::LibphonenumberPhoneParser phones;
    testing::MutableSettingsProvider settings;
    domain::LenderNames lenders;
    std::unique_ptr<adapters::replica::SociReplica> replica;
    std::unique_ptr<adapters::sql::SqlDatabase> db;
    std::unique_ptr<adapters::sql::SqlAgentStore> agents;
    std::unique_ptr<adapters::sql::SqlAuditLog> audit;
    std::unique_ptr<adapters::sql::SqlLeadStore> leads;
    std::unique_ptr<adapters::sql::SqlLeadLeases> leases;
    std::unique_ptr<adapters::sql::SqlOutcomeStore> outcomes;
    std::unique_ptr<adapters::sql::SqlSuppressionStore> suppressions;
    std::unique_ptr<adapters::sql::SqlDiscoveryStore> runs;
    std::unique_ptr<adapters::sql::SqlContactLog> contacts;
    std::unique_ptr<adapters::sql::SqlJobLeaseStore> job_leases;
    std::unique_ptr<app::DiscoveryService> discovery;
    std::unique_ptr<app::InspectionService> inspection;
    std::unique_ptr<app::QueueService> queue;
    std::unique_ptr<app::CallbackService> callbacks;
    std::unique_ptr<adapters::sql::SqlCallSessionStore> call_sessions;
    std::unique_ptr<adapters::sql::SqlAgentStatusStore> agent_statuses;
    std::unique_ptr<app::AgentStatusService> agent_status;
    FakeTelephony telephony;
    RecordingEventSink events;
    std::unique_ptr<app::CallService> calls;
    std::unique_ptr<app::InboundCallService> inbound;  // customers ringing +441134960000
};

}  // namespace dialler::testing
