#pragma once

#include <memory>

#include "dialler/adapters/crypto/hs256_assertion_signer.hpp"
#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/phone/libphonenumber_phone_parser.hpp"
#include "dialler/adapters/replica/soci_replica.hpp"
#include "dialler/adapters/sql/pg_event_relay.hpp"
#include "dialler/adapters/sql/sql_agent_status_store.hpp"
#include "dialler/adapters/sql/sql_api_key_store.hpp"
#include "dialler/adapters/sql/sql_audit_chain.hpp"
#include "dialler/adapters/sql/sql_call_session_store.hpp"
#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/adapters/sql/sql_follow_up_store.hpp"
#include "dialler/adapters/sql/sql_funnel_store.hpp"
#include "dialler/adapters/sql/sql_magic_link_store.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_retention_store.hpp"
#include "dialler/adapters/sql/sql_sms_inbox.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/adapters/sql/sql_sms_template_store.hpp"
#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/twilio/stand_in.hpp"
#include "dialler/adapters/twilio/twilio_telephony.hpp"
#include "dialler/app/agent_day.hpp"
#include "dialler/app/agent_service.hpp"
#include "dialler/app/agent_status_service.hpp"
#include "dialler/app/analytics.hpp"
#include "dialler/app/api_keys.hpp"
#include "dialler/app/audit_search.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/call_service.hpp"
#include "dialler/app/callback_reminders.hpp"
#include "dialler/app/callback_service.hpp"
#include "dialler/app/customer_service.hpp"
#include "dialler/app/discovery_service.hpp"
#include "dialler/app/event_hub.hpp"
#include "dialler/app/floor_board.hpp"
#include "dialler/app/follow_up_service.hpp"
#include "dialler/app/inbound_call_service.hpp"
#include "dialler/app/inspection_service.hpp"
#include "dialler/app/magic_link_service.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/recordings_service.hpp"
#include "dialler/app/retention.hpp"
#include "dialler/app/sms_inbox_service.hpp"
#include "dialler/app/sms_service.hpp"
#include "dialler/domain/lenders.hpp"
#include "dialler/platform/config.hpp"
#include "dialler/platform/system_clock.hpp"

namespace dialler::main {

// The composition root's object graph for the own database: stores and the services on them.
// Owns everything; members are declared in dependency order so they are destroyed in reverse.
struct OwnState {
    platform::ControllableClock clock;
    std::unique_ptr<adapters::sql::SqlDatabase> db;
    adapters::sql::SqlAgentStore agents;
    adapters::sql::SqlSessionStore sessions;
    adapters::sql::SqlAuditLog audit;
    adapters::sql::SqlLoginThrottleStore throttle;
    adapters::crypto::SodiumPasswordHasher hasher;
    adapters::crypto::SodiumTokenService tokens;
    adapters::sql::SqlAuditChain audit_chain;
    app::AuditSealer sealer;  // the audit log's hash chain
    app::AgentService agent_service;
    app::AuthService auth;
    adapters::sql::SqlApiKeyStore api_keys;
    app::ApiKeyService api_key_service;  // machine agents' keys

    OwnState(std::unique_ptr<adapters::sql::SqlDatabase> database, const platform::Config& config);
};

// The queue engine on top of OwnState and the replica. Owns its stores and services; keeps
// references to `own` and `replica`, which must outlive it.
struct QueueState {
    app::Replica& replica;
    // Where a process without screens (the CLI) publishes: nobody listens.
    app::LocalEventHub no_screens;
    adapters::sql::SqlLeadStore leads;
    adapters::sql::SqlLeadLeases leases_of_leads;
    adapters::sql::SqlOutcomeStore outcomes;
    adapters::sql::SqlSuppressionStore suppressions;
    adapters::sql::SqlDiscoveryStore runs;
    adapters::sql::SqlContactLog contacts;
    adapters::sql::SqlJobLeaseStore leases;
    adapters::phone::LibphonenumberPhoneParser phones;
    adapters::sql::SqlSettingsStore settings_store;
    app::SettingsService settings;
    domain::LenderNames lenders;
    app::DiscoveryService discovery;
    app::InspectionService inspection;
    app::QueueService queue;
    app::CallbackService callbacks;
    adapters::sql::SqlRetentionStore retention_store;
    app::RetentionService retention;

    // `events`: where hand-outs and outcomes are published (the server's live events); null in
    // the CLI.
    QueueState(
        OwnState& own,
        app::Replica& source,
        const platform::Config& config,
        app::EventSink* events = nullptr
    );
};

// Live events of this instance and, on PostgreSQL, of the others (the relay).
struct LiveState {
    app::LocalEventHub events;  // this instance's screens
    std::unique_ptr<adapters::sql::PostgresEventRelay> relay;

    LiveState(OwnState& own, const platform::Config& config);
    // Where services publish: across instances when there is a relay.
    app::EventSink& Sink() { return relay ? static_cast<app::EventSink&>(*relay) : events; }
};

// Calls on top of the queue engine: the telephony provider (Twilio, or the stand-in at
// `api_base_url`), call sessions, agents' statuses.
struct CallState {
    adapters::sql::SqlCallSessionStore sessions;
    adapters::sql::SqlAgentStatusStore statuses;
    app::AgentStatusService agent_status;
    adapters::twilio::TwilioTelephony telephony;
    app::CallService calls;
    app::CallbackReminders reminders;
    adapters::sql::SqlSmsOutbox outbox;
    app::SmsService sms;
    adapters::sql::SqlMagicLinkStore link_store;
    adapters::crypto::Hs256AssertionSigner signer;
    app::MagicLinkService links;
    adapters::sql::SqlSmsTemplateStore template_store;
    app::SmsTemplateService templates;
    adapters::sql::SqlSmsInbox inbox_store;
    app::SmsInboxService inbox;
    adapters::sql::SqlFollowUpStore follow_up_store;
    app::FollowUpService follow_ups;             // hears of every outcome from queue.queue
    adapters::sql::SqlFunnelStore funnel_store;  // queue entries: analytics, subject access
    app::CustomerService customers;
    app::AgentDayService days;
    app::InboundCallService inbound;
    app::RecordingsService recordings;
    app::AuditViewer audit_viewer;
    app::FloorBoardService floor;
    app::AnalyticsService analytics;

    CallState(
        OwnState& own,
        QueueState& queue,
        LiveState& live,
        const platform::Config& config,
        std::string api_base_url
    );
    ~CallState();
    CallState(const CallState&) = delete;
    CallState& operator=(const CallState&) = delete;
    CallState(CallState&&) = delete;
    CallState& operator=(CallState&&) = delete;

private:
    // Every live event (this instance's and, through the relay, the others') makes the floor
    // board's next snapshot a fresh one.
    app::LocalEventHub& hub_;
    std::int64_t floor_subscription_;
};

// The customer search, page and export on the queue engine and the stores of calls and texts:
// the server's (CallState) and the CLI's export wire it the same way.
app::CustomerService::Ports CustomerPorts(
    OwnState& own,
    QueueState& queue,
    app::CallSessionStore& sessions,
    app::SmsOutbox& outbox,
    app::SmsInbox& inbox,
    app::MagicLinkStore& links,
    app::FollowUpStore& follow_ups,
    app::FunnelStore& queue_entries
);

adapters::twilio::StandInSettings StandInSettingsFrom(const platform::Config& config);

adapters::twilio::TwilioSettings TwilioSettingsFrom(
    const platform::Config& config, std::string api_base_url
);

// The lender display names compiled in from data/lenders.csv.
domain::LenderNames EmbeddedLenderNames();

// Opens the own database named by config.database_url (pool of `pool_size`). Throws on failure.
std::unique_ptr<adapters::sql::SqlDatabase> OpenOwnDatabase(
    const platform::Config& config, std::size_t pool_size
);
std::unique_ptr<adapters::replica::SociReplica> OpenReplica(
    const platform::Config& config, std::size_t pool_size
);

app::AuthSettings AuthSettingsFrom(const platform::Config& config);

}  // namespace dialler::main
