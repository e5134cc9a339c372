#include "dialler/main/wiring.hpp"

#include <array>
#include <span>
#include <stdexcept>

#include <unistd.h>

#include "dialler/base/embedded_file.hpp"
#include "dialler/base/text.hpp"

namespace dialler::reference_data {
std::span<const dialler::EmbeddedFile> Files();
}

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
        ParseOrThrow(config.replica_database_url, "REPLICA_DATABASE_URL"),
        pool_size,
        std::chrono::seconds{config.replica_statement_timeout_seconds}
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
      audit_chain(*db),
      sealer(audit_chain, tokens, clock),
      agent_service(agents, sessions, audit, hasher, clock),
      auth(agents, sessions, throttle, audit, hasher, tokens, clock, AuthSettingsFrom(config)),
      api_keys(*db),
      api_key_service(app::ApiKeyService::Ports{api_keys, agents, tokens, audit, clock}) {}

}  // namespace dialler::main

namespace dialler::main {

domain::LenderNames EmbeddedLenderNames() {
    for (const EmbeddedFile& f : reference_data::Files()) {
        if (f.name == "lenders.csv") {
            return domain::LenderNames::FromCsv(f.text);
        }
    }
    return {};
}

namespace {
// Names this process in job leases: host and pid are enough to tell instances apart in a log.
std::string InstanceName() {
    std::array<char, 256> host{};
    gethostname(host.data(), host.size() - 1);
    return std::string(host.data()) + ":" + std::to_string(getpid());
}
}  // namespace

QueueState::QueueState(
    OwnState& own, app::Replica& source, const platform::Config& config, app::EventSink* events
)
    : replica(source),
      leads(*own.db),
      leases_of_leads(*own.db),
      outcomes(*own.db),
      suppressions(*own.db),
      runs(*own.db),
      contacts(*own.db),
      leases(*own.db),
      settings_store(*own.db),
      settings(
          settings_store,
          own.audit,
          own.clock,
          std::chrono::seconds{30},
          domain::DayWindow{
              std::chrono::minutes{config.calling_hours_earliest},
              std::chrono::minutes{config.calling_hours_latest}}
      ),
      lenders(EmbeddedLenderNames()),
      discovery(
          app::DiscoveryService::Ports{
              replica,
              leads,
              suppressions,
              runs,
              contacts,
              leases,
              phones,
              settings,
              lenders,
              own.clock},
          InstanceName()
      ),
      inspection(app::InspectionService::Ports{
          replica, leads, suppressions, contacts, phones, settings, lenders, own.clock}),
      queue(
          app::QueueService::Ports{
              replica,
              leads,
              leases_of_leads,
              outcomes,
              suppressions,
              contacts,
              own.audit,
              discovery,
              events != nullptr ? *events : no_screens,
              phones,
              settings,
              lenders,
              own.clock,
          },
          config.enable_pre_call_validation
      ),
      callbacks(app::CallbackService::Ports{
          outcomes,
          leads,
          suppressions,
          own.audit,
          phones,
          settings,
          own.clock,
          discovery,
          replica,
          own.agents}),
      retention_store(*own.db),
      retention(
          app::RetentionService::Ports{
              retention_store, leads, settings, leases, own.audit, own.clock},
          InstanceName()
      ) {}

adapters::twilio::TwilioSettings TwilioSettingsFrom(
    const platform::Config& config, std::string api_base_url
) {
    std::string public_url = config.public_url;
    while (public_url.ends_with('/')) {
        public_url.pop_back();
    }
    return adapters::twilio::TwilioSettings{
        config.telephony == platform::TelephonyMode::kTwilio ? "twilio" : "sim",
        config.twilio_account_sid,
        config.twilio_auth_token,
        config.twilio_api_key,
        config.twilio_api_secret,
        config.twilio_twiml_app_sid,
        public_url,
        std::move(api_base_url),
        std::chrono::seconds{config.voice_token_ttl_seconds}};
}

adapters::twilio::StandInSettings StandInSettingsFrom(const platform::Config& config) {
    adapters::twilio::StandInSettings s;
    s.account_sid = config.twilio_account_sid;
    s.auth_token = config.twilio_auth_token;
    s.api_secret = config.twilio_api_secret;
    s.twiml_app_sid = config.twilio_twiml_app_sid;
    s.webhook_base_url = TwilioSettingsFrom(config, "").public_url;
    s.own_number = std::string(Trim(Split(config.twilio_phone_number, ',').front()));
    s.seed = 1;
    return s;
}

namespace {
// The firm's numbers, as configured (TWILIO_PHONE_NUMBER, comma-separated).
std::vector<std::string> FirmNumbers(const platform::Config& config) {
    std::vector<std::string> numbers;
    for (const std::string_view id : Split(config.twilio_phone_number, ',')) {
        const std::string_view trimmed = Trim(id);
        if (!trimmed.empty()) {
            numbers.emplace_back(trimmed);
        }
    }
    return numbers;
}

app::SmsServiceConfig SmsConfigFrom(const platform::Config& config) {
    app::SmsServiceConfig c;
    c.from_numbers = FirmNumbers(config);
    c.status_callback_url =
        TwilioSettingsFrom(config, "").public_url + adapters::twilio::kSmsStatusPath;
    return c;
}

app::MagicLinkConfig LinkConfigFrom(const platform::Config& config) {
    app::MagicLinkConfig c;
    c.public_url = TwilioSettingsFrom(config, "").public_url;
    c.main_app_url = config.main_app_url;
    while (c.main_app_url.ends_with('/')) {
        c.main_app_url.pop_back();
    }
    c.lifetime = std::chrono::hours{config.magic_link_ttl_hours};
    c.legacy_mlid = config.magic_link_legacy_mlid;
    // Checked at start-up (RunServe): a bad value never gets this far.
    c.paths = domain::ParseLinkPaths(config.magic_link_paths).value_or(c.paths);
    return c;
}

app::CallServiceConfig CallConfigFrom(const platform::Config& config) {
    app::CallServiceConfig c;
    c.caller_ids = FirmNumbers(config);
    return c;
}

std::unique_ptr<adapters::sql::PostgresEventRelay> EventRelayFor(
    OwnState& own, const platform::Config& config, app::LocalEventHub& local
) {
    if (own.db->SqlDialect() != adapters::sql::Dialect::kPostgres) {
        return nullptr;  // one instance per SQLite file: the local hub is everyone
    }
    return std::make_unique<adapters::sql::PostgresEventRelay>(
        *own.db,
        adapters::sql::PostgresConnectString(ParseOrThrow(config.database_url, "DATABASE_URL")),
        local,
        InstanceName()
    );
}

}  // namespace

LiveState::LiveState(OwnState& own, const platform::Config& config)
    : relay(EventRelayFor(own, config, events)) {}

app::CustomerService::Ports CustomerPorts(
    OwnState& own,
    QueueState& queue,
    app::CallSessionStore& sessions,
    app::SmsOutbox& outbox,
    app::SmsInbox& inbox,
    app::MagicLinkStore& links,
    app::FollowUpStore& follow_ups,
    app::FunnelStore& queue_entries
) {
    return app::CustomerService::Ports{
        queue.replica,
        queue.leads,
        queue.inspection,
        queue.outcomes,
        queue.contacts,
        sessions,
        outbox,
        inbox,
        links,
        queue.suppressions,
        queue.runs,
        follow_ups,
        queue_entries,
        own.audit,
        own.audit,
        queue.phones,
        own.clock};
}

CallState::CallState(
    OwnState& own,
    QueueState& queue,
    LiveState& live,
    const platform::Config& config,
    std::string api_base_url
)
    : sessions(*own.db),
      statuses(*own.db),
      agent_status(app::AgentStatusService::Ports{statuses, own.audit, live.Sink(), own.clock}),
      telephony(TwilioSettingsFrom(config, std::move(api_base_url))),
      calls(
          app::CallService::Ports{
              queue.queue, sessions, telephony, own.audit, live.Sink(), agent_status, own.clock},
          CallConfigFrom(config)
      ),
      reminders(
          app::CallbackReminders::Ports{queue.outcomes, queue.leases, live.Sink(), own.clock},
          InstanceName()
      ),
      outbox(*own.db),
      sms(
          app::SmsService::Ports{
              queue.queue,
              outbox,
              queue.suppressions,
              telephony,
              own.tokens,
              own.audit,
              live.Sink(),
              own.clock},
          SmsConfigFrom(config)
      ),
      link_store(*own.db),
      signer(config.magic_link_secret),
      links(
          app::MagicLinkService::Ports{
              link_store, sms, own.tokens, signer, own.audit, live.Sink(), own.clock},
          LinkConfigFrom(config)
      ),
      template_store(*own.db),
      templates(app::SmsTemplateService::Ports{template_store, queue.replica, own.audit, own.clock}
      ),
      inbox_store(*own.db),
      inbox(app::SmsInboxService::Ports{
          inbox_store,
          outbox,
          sms,
          templates,
          queue.leads,
          queue.suppressions,
          own.agents,
          queue.replica,
          own.audit,
          live.Sink(),
          own.clock}),
      follow_up_store(*own.db),
      follow_ups(app::FollowUpService::Ports{
          follow_up_store,
          queue.leads,
          queue.outcomes,
          inbox_store,
          sms,
          links,
          queue.replica,
          own.audit,
          own.clock}),
      funnel_store(*own.db),
      customers(CustomerPorts(
          own, queue, sessions, outbox, inbox_store, link_store, follow_up_store, funnel_store
      )),
      days(app::AgentDayService::Ports{sessions, link_store, own.clock}),
      inbound(
          app::InboundCallService::Ports{
              queue.leads,
              sessions,
              agent_status,
              queue.outcomes,
              queue.queue,
              calls,
              agent_status,
              telephony,
              queue.replica,
              own.audit,
              live.Sink(),
              queue.phones,
              queue.settings,
              own.clock},
          app::InboundCallService::Config{FirmNumbers(config)}
      ),
      recordings(sessions, queue.replica),
      audit_viewer(own.audit, own.audit, own.clock),
      floor(
          app::FloorBoardService::Ports{
              own.agents,
              statuses,
              sessions,
              link_store,
              inbox_store,
              queue.runs,
              queue.settings,
              queue.replica,
              own.clock},
          [&queue] { return queue.queue.Counts(); },
          config.enable_hourly_refresh
      ),
      analytics(app::AnalyticsService::Ports{
          own.agents, statuses, sessions, queue.runs, funnel_store, own.clock}),
      hub_(live.events),
      floor_subscription_(live.events.Subscribe([this](const app::LiveEvent&) {
          floor.Invalidate();
      })) {
    queue.queue.SetOutcomeListener(&follow_ups);
}

CallState::~CallState() {
    hub_.Unsubscribe(floor_subscription_);
}

}  // namespace dialler::main
