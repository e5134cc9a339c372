#include "dialler/main/commands.hpp"

#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "dialler/adapters/http/dispatcher.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/server.hpp"
#include "dialler/adapters/http/subject_access.hpp"
#include "dialler/adapters/replica/demo_data.hpp"
#include "dialler/adapters/sql/migrator.hpp"
#include "dialler/app/readiness_service.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/magic_link.hpp"
#include "dialler/main/stand_in_routes.hpp"
#include "dialler/main/wiring.hpp"
#include "dialler/platform/database_url.hpp"
#include "dialler/platform/logging.hpp"
#include "dialler/platform/metrics.hpp"
#include "dialler/platform/periodic_runner.hpp"
#include "dialler/platform/signals.hpp"
#include "dialler/platform/thread_pool.hpp"

namespace dialler::main {

namespace {

constexpr std::size_t kCliPoolSize = 1;

int Report(const Error& e) {
    std::cerr << "error: " << e.message << "\n";
    return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

std::string ReadPasswordLine() {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

}  // namespace

int RunMigrate(const platform::Config& config, bool status_only) {
    auto db = OpenOwnDatabase(config, kCliPoolSize);
    adapters::sql::Migrator migrator(*db);
    if (!status_only) {
        const int applied = migrator.Apply(platform::SystemClock{}.Now());
        std::cout << "applied " << applied << " migration(s)\n";
    }
    for (const auto& m : migrator.States()) {
        std::cout << (m.applied ? "  applied  " : "  pending  ") << m.name << "\n";
    }
    return 0;
}

int RunDemoData(const DemoDataArgs& args) {
    if (args.users < 1 || args.users > 5'000'000) {
        std::cerr << "error: --users must be from 1 to 5000000\n";
        return 2;
    }
    auto url = platform::ParseDatabaseUrl(args.out, "--out");
    if (!url) {
        return Report(url.error());
    }
    adapters::replica::DemoDataOptions options;
    options.users = args.users;
    options.seed = args.seed;
    const auto summary = adapters::replica::WriteDemoReplica(*url, options);
    std::cout << "demo replica written to " << platform::RedactUrl(args.out) << ": "
              << summary.users << " users, " << summary.claims << " claims, "
              << summary.requirements << " requirements, " << summary.vehicle_packages
              << " vehicle packages, " << summary.addresses << " addresses\n";
    return 0;
}

int RunAgentsAdd(const platform::Config& config, const AddAgentArgs& args) {
    OwnState state(OpenOwnDatabase(config, kCliPoolSize), config);
    const std::string password = ReadPasswordLine();
    auto agent = state.agent_service.Add(
        app::AddAgentRequest{args.email, args.name, args.role, args.queues, password, "", ""},
        app::Actor::Cli()
    );
    if (!agent) {
        return Report(agent.error());
    }
    std::cout << "added agent " << agent->id.ToString() << " (" << domain::RoleName(agent->role)
              << ")\n";
    return 0;
}

int RunAgentsList(const platform::Config& config, bool as_json) {
    OwnState state(OpenOwnDatabase(config, kCliPoolSize), config);
    const auto agents = state.agent_service.List();
    if (as_json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& a : agents) {
            out.push_back({
                {"id", a.id.ToString()},
                {"email", a.email},
                {"displayName", a.display_name},
                {"role", domain::RoleName(a.role)},
                {"queues", domain::FormatQueueList(a.queues)},
                {"active", a.is_active},
            });
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& a : agents) {
        std::cout << a.id.ToString() << "\t" << a.email << "\t" << domain::RoleName(a.role) << "\t"
                  << domain::FormatQueueList(a.queues) << "\t"
                  << (a.is_active ? "active" : "deactivated") << "\n";
    }
    return 0;
}

int RunAgentsPasswd(const platform::Config& config, const std::string& email) {
    OwnState state(OpenOwnDatabase(config, kCliPoolSize), config);
    const std::string password = ReadPasswordLine();
    if (auto st = state.agent_service.ChangePassword(email, password, app::Actor::Cli()); !st) {
        return Report(st.error());
    }
    std::cout << "password changed; the agent's sessions were ended\n";
    return 0;
}

int RunAgentsDeactivate(const platform::Config& config, const std::string& email) {
    OwnState state(OpenOwnDatabase(config, kCliPoolSize), config);
    if (auto st = state.agent_service.Deactivate(email, app::Actor::Cli()); !st) {
        return Report(st.error());
    }
    std::cout << "agent deactivated; their sessions were ended\n";
    return 0;
}

int RunAuditSeal(const platform::Config& config) {
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    std::cout << "sealed " << own.sealer.SealPending(true) << " audit entries\n";
    return 0;
}

int RunAuditVerify(const platform::Config& config) {
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    const app::AuditVerification v = own.sealer.Verify();
    if (!v.intact) {
        std::cerr << "audit log broken at entry " << v.broken_at.value_or(0) << ": " << v.problem
                  << " after it was sealed (" << v.sealed << " entries checked before it)\n";
        return 1;
    }
    std::cout << "audit log intact: " << v.sealed << " entries sealed, " << v.unsealed
              << " newer ones not sealed yet\n";
    return 0;
}

int RunDiscover(const platform::Config& config, bool full) {
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    adapters::sql::Migrator(*own.db).Apply(own.clock.Now());
    auto replica = OpenReplica(config, kCliPoolSize);
    QueueState queue(own, *replica, config);
    queue.settings.SeedDefaults();
    auto run = full ? queue.discovery.RunFull() : queue.discovery.RunIncremental();
    if (!run) {
        return Report(run.error());
    }
    std::cout << adapters::http::DiscoveryRunJson(*run).dump(2) << "\n";
    return 0;
}

int RunQueueStats(const platform::Config& config) {
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    auto replica = OpenReplica(config, kCliPoolSize);
    QueueState queue(own, *replica, config);
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& run : queue.discovery.RecentRuns(5)) {
        runs.push_back(adapters::http::DiscoveryRunJson(run));
    }
    const nlohmann::json out = {
        {"queues", adapters::http::QueueCountsJson(queue.queue.Counts())},
        {"recentRuns", runs},
    };
    std::cout << out.dump(2) << "\n";
    return 0;
}

int RunReplicaCheck(const platform::Config& config) {
    auto replica = OpenReplica(config, 1);
    int missing = 0;
    for (const auto& check : replica->CheckIndexes()) {
        const std::string rows =
            check.table_rows ? " (~" + std::to_string(*check.table_rows) + " rows)" : "";
        std::cout << (check.present ? "ok       " : "MISSING  ") << check.table << "("
                  << check.column << "): " << check.serves << "\n";
        if (!check.present) {
            ++missing;
            std::cout << "         without it each of these reads scans " << check.table << rows
                      << "; add it with:\n         " << check.ddl << ";\n";
        }
    }
    std::cout
        << (missing == 0
                ? "All the indexes the dialler needs are present.\n"
                : std::to_string(missing) + " index(es) missing: see docs/replica-indexes.md.\n");
    return missing == 0 ? 0 : 1;
}

int RunReportDataQuality(const platform::Config& config, bool csv) {
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    auto replica = OpenReplica(config, kCliPoolSize);
    QueueState queue(own, *replica, config);
    if (csv) {
        std::cout << "userId,reasons,phone\n";
    }
    nlohmann::json all = nlohmann::json::array();
    domain::UserId after{0};
    while (true) {
        auto page = queue.inspection.DataQuality(after, app::InspectionService::kMaxPage);
        if (!page) {
            return Report(page.error());
        }
        for (const auto& lead : page->customers) {
            if (csv) {
                std::cout << lead.user_id.ToString() << "," << CsvField(lead.reasons) << ","
                          << CsvField(lead.phone_raw.value_or("")) << "\n";
            }
        }
        if (!csv) {
            nlohmann::json rows = adapters::http::DataQualityJson(*page);  // must outlive the loop
            for (auto& row : rows["customers"]) {
                all.push_back(std::move(row));
            }
        }
        if (!page->next) {
            break;
        }
        after = *page->next;
    }
    if (!csv) {
        std::cout << nlohmann::json{{"customers", all}}.dump(2) << "\n";
    }
    return 0;
}

namespace {
// A customer number given on the command line; nullopt (and a message) when it is not one.
std::optional<long long> UserIdArg(const std::string& user_id) {
    try {
        std::size_t used = 0;
        const long long id = std::stoll(user_id, &used);
        if (used == user_id.size() && id > 0) {
            return id;
        }
    } catch (const std::exception&) {
        // reported below
    }
    std::cerr << "error: USER_ID must be a positive whole number\n";
    return std::nullopt;
}
}  // namespace

int RunQueueShow(const platform::Config& config, const std::string& user_id, bool as_json) {
    const auto parsed = UserIdArg(user_id);
    if (!parsed) {
        return 2;
    }
    const long long id = *parsed;
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    auto replica = OpenReplica(config, kCliPoolSize);
    QueueState queue(own, *replica, config);
    const auto inspection = queue.inspection.Inspect(domain::UserId{id});
    if (!inspection) {
        return Report(inspection.error());
    }
    const nlohmann::json out = adapters::http::InspectionJson(*inspection);
    if (as_json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "customer " << user_id << ": queue "
              << (out["queue"].is_null() ? "none" : out["queue"].get<std::string>()) << "\n";
    for (const auto& r : out["eligibility"]["reasons"]) {
        std::cout << "  - " << r["text"].get<std::string>() << "\n";
    }
    std::cout << "call now: " << (out["gate"]["allowed"].get<bool>() ? "allowed" : "refused")
              << "\n";
    for (const auto& d : out["gate"]["denials"]) {
        std::cout << "  - " << d["message"].get<std::string>() << "\n";
    }
    std::cout << "score " << out["score"]["total"] << "\n";
    for (const auto& c : out["score"]["components"]) {
        std::cout << "  " << c["name"].get<std::string>() << " " << c["points"] << " ("
                  << c["detail"].get<std::string>() << ")\n";
    }
    return 0;
}

int RunExportCustomer(
    const platform::Config& config, const std::string& user_id, const std::string& out_path
) {
    const auto id = UserIdArg(user_id);
    if (!id) {
        return 2;
    }
    OwnState own(OpenOwnDatabase(config, kCliPoolSize), config);
    auto replica = OpenReplica(config, kCliPoolSize);
    QueueState queue(own, *replica, config);
    // The stores the export reads that live with calls and texts (no provider, no live events).
    adapters::sql::SqlCallSessionStore sessions(*own.db);
    adapters::sql::SqlSmsOutbox outbox(*own.db);
    adapters::sql::SqlSmsInbox inbox(*own.db);
    adapters::sql::SqlMagicLinkStore links(*own.db);
    adapters::sql::SqlFollowUpStore follow_ups(*own.db);
    adapters::sql::SqlFunnelStore queue_entries(*own.db);
    app::CustomerService customers(
        CustomerPorts(own, queue, sessions, outbox, inbox, links, follow_ups, queue_entries)
    );
    const auto data =
        customers.Export(app::Actor::Cli(), domain::UserId{*id}, app::RequestContext{});
    if (!data) {
        return Report(data.error());
    }
    const auto archive = adapters::http::BuildSubjectAccessArchive(*data, queue.lenders);
    const std::string path = out_path.empty() ? archive.file_name : out_path;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(archive.zip.data(), static_cast<std::streamsize>(archive.zip.size()));
    file.close();
    if (!file) {
        std::cerr << "error: could not write " << path << "\n";
        return 1;
    }
    std::cout << "wrote " << path << " (" << archive.zip.size() << " bytes)\n";
    return 0;
}

namespace {
// Black-box test hooks (never in production: config refuses it).
void AddTestHooks(
    adapters::http::Router& router,
    const platform::Config& config,
    platform::ControllableClock& clock,
    CallState& calls,
    QueueState& queue
) {
    if (!config.enable_test_endpoints) {
        return;
    }
    adapters::http::AddTestingRoutes(
        router,
        [&clock](std::optional<Timestamp> t, bool running) {
            if (t) {
                clock.Pin(*t, running);
            } else {
                clock.Unpin();
            }
        },
        {{"callbacks.reminders", [&calls] { return calls.reminders.AnnounceDue(); }},
         {"sms.follow_ups", [&calls] { return calls.follow_ups.SendDue(); }},
         {"retention.apply",
          [&queue] {
              const auto cleared = queue.retention.ApplyDue();
              return cleared ? static_cast<int>(cleared->Total()) : -1;
          }},
         // On the server's clock (the CLI's `discover` runs on the real one): how many leads
         // are in a queue after it.
         {"discovery.full",
          [&queue] {
              const auto run = queue.discovery.RunFull();
              return run ? static_cast<int>(run->leads_in_queue) : -1;
          }}}
    );
    platform::LogWarn("server.test_endpoints_enabled");
}

void LogRetention(const std::optional<app::RetentionCounts>& c) {
    if (!c) {
        return;
    }
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, count] : c->Named()) {
        fields[name] = count;
    }
    platform::LogInfo("retention.applied", fields);
}

// What `serve` refuses before it opens anything: running as root in production, and settings
// whose meaning only the domain knows.
Status CheckBeforeServing(const platform::Config& config) {
    DIALLER_RETURN_IF_ERROR(platform::CheckServeUser(config, geteuid()));
    if (const auto paths = domain::ParseLinkPaths(config.magic_link_paths); !paths) {
        return tl::unexpected(paths.error());
    }
    return Ok();
}

void AddMagicLinks(
    adapters::http::Router& router,
    const platform::Config& config,
    app::MagicLinkService& links,
    const Clock& clock
) {
    adapters::http::AddMagicLinkRoutes(router, adapters::http::MagicLinkRouteDeps{links, clock});
    // Said at every start and on the admin screen, so nobody forgets a setting is unsafe.
    const auto warnings = platform::ConfigWarnings(config);
    for (const auto& w : warnings) {
        platform::LogWarn("server.config_warning", {{"code", w.code}, {"why", w.message}});
    }
    adapters::http::AddConfigWarningsRoute(router, warnings);
}
}  // namespace

int RunServe(const platform::Config& config) {
    platform::InitLogging(config.log_level);
    if (const Status ready = CheckBeforeServing(config); !ready) {
        return Report(ready.error());
    }
    const auto workers_count = static_cast<std::size_t>(config.worker_threads);
    // One connection per worker plus one for start-up work, so no worker waits for a session.
    OwnState state(OpenOwnDatabase(config, workers_count + 1), config);

    adapters::sql::Migrator migrator(*state.db);
    if (config.IsProduction()) {
        if (!migrator.IsUpToDate()) {
            std::cerr
                << "error: the database schema is not up to date; run `dialler migrate` first\n";
            return 1;
        }
    } else {
        migrator.Apply(state.clock.Now());
    }

    auto replica = OpenReplica(config, workers_count);
    if (config.telephony == platform::TelephonyMode::kTwilio && replica->IsDemo()) {
        std::cerr << "error: TELEPHONY=twilio is refused against a demo replica (its numbers may "
                     "belong to real "
                     "people)\n";
        return 2;
    }

    bool demo_created = false;
    if (!config.IsProduction()) {
        auto created = state.agent_service.EnsureDemoAgents(config.demo_password);
        if (!created) {
            return Report(created.error());
        }
        demo_created = *created;
    }

    LiveState live_events(state, config);
    QueueState queue(state, *replica, config, &live_events.Sink());
    queue.settings.SeedDefaults();
    // TELEPHONY=sim without TWILIO_API_BASE_URL: the built-in stand-in, served from this very
    // listener; the REST adapter reaches it over loopback like any provider.
    std::optional<adapters::twilio::TwilioStandIn> stand_in;
    std::string api_base_url = config.twilio_api_base_url;
    if (config.telephony == platform::TelephonyMode::kSim && api_base_url.empty()) {
        api_base_url = "http://127.0.0.1:" + std::to_string(config.port);
        stand_in.emplace(StandInSettingsFrom(config), state.clock);
    }
    CallState calls(state, queue, live_events, config, api_base_url);
    platform::Metrics metrics;
    app::ReadinessService readiness({state.db.get(), replica.get()});
    adapters::http::Router router;
    adapters::http::AddOpsRoutes(router, readiness, DIALLER_VERSION);
    // With METRICS_BIND, /metrics lives only on its own listener (below), not on the public one.
    adapters::http::Router metrics_router;
    adapters::http::AddMetricsRoute(
        config.metrics_port != 0 ? metrics_router : router,
        metrics,
        adapters::http::MetricsAccess{config.metrics_token, config.metrics_port == 0}
    );
    adapters::http::AddAuthRoutes(
        router,
        state.auth,
        adapters::http::CookieSettings{config.SecureCookies()},
        &calls.agent_status
    );
    adapters::http::AddSettingsRoutes(router, queue.settings, state.clock);
    adapters::http::AddQueueRoutes(
        router,
        adapters::http::QueueRouteDeps{
            queue.discovery,
            queue.inspection,
            queue.queue,
            queue.callbacks,
            calls.calls,
            calls.agent_status,
            queue.lenders,
            state.clock}
    );
    adapters::http::AddAgentStatusRoutes(router, calls.agent_status);
    adapters::http::AddAgentDayRoute(router, calls.days, queue.settings);
    adapters::http::AddCustomerRoutes(
        router,
        adapters::http::CustomerRouteDeps{
            calls.customers, state.agent_service, queue.retention, queue.lenders, state.clock}
    );
    adapters::http::AddCallRoutes(
        router,
        adapters::http::CallRouteDeps{
            calls.calls,
            calls.inbound,
            calls.recordings,
            calls.telephony,
            calls.telephony.PublicUrl(),
            queue.lenders,
            state.clock}
    );
    adapters::http::AddSmsRoutes(
        router,
        adapters::http::SmsRouteDeps{
            calls.sms, calls.inbox, calls.templates, calls.telephony, calls.telephony.PublicUrl()}
    );
    AddMagicLinks(router, config, calls.links, state.clock);
    adapters::http::AddAuditRoutes(router, calls.audit_viewer);
    adapters::http::AddFloorRoutes(router, calls.floor);
    adapters::http::AddAnalyticsRoutes(router, calls.analytics);
    adapters::http::AddAdminAgentRoutes(router, state.agent_service);
    adapters::http::AddLegalHoldRoutes(router, queue.retention);
    adapters::http::AddApiKeyRoutes(router, state.api_key_service);
    AddTestHooks(router, config, state.clock, calls, queue);
    if (stand_in) {
        AddStandInRoutes(router, *stand_in);
    }
    const adapters::http::Dispatcher dispatcher(
        router,
        state.auth,
        adapters::http::DispatcherSettings{config.web_dir},
        &state.api_key_service
    );

    platform::ThreadPool workers(workers_count);
    platform::PeriodicRunner jobs;
    if (config.enable_hourly_refresh) {
        // Incremental every few minutes (the first soon after start, a full one when there is no
        // watermark yet), full reconcile hourly. Never at start-up in the request path.
        jobs.Every(
            "discovery.incremental",
            std::chrono::minutes{5},
            std::chrono::seconds{2},
            [&queue] { (void)queue.discovery.RunIncremental(); }
        );
        jobs.Every("discovery.full", std::chrono::hours{1}, std::chrono::hours{1}, [&queue] {
            (void)queue.discovery.RunFull();
        });
    }
    // A change of score weights reaches every open lead within a minute (a cheap check when
    // nothing changed: one row read).
    jobs.Every("audit.seal", std::chrono::seconds{10}, std::chrono::seconds{10}, [&state] {
        state.sealer.SealPending();
    });
    jobs.Every("queue.rescore", std::chrono::seconds{30}, std::chrono::seconds{5}, [&queue] {
        (void)queue.discovery.RescoreIfWeightsChanged();
    });
    // Agents hear of their callbacks a few minutes before they are due.
    jobs.Every("callbacks.reminders", std::chrono::minutes{1}, std::chrono::seconds{20}, [&calls] {
        (void)calls.reminders.AnnounceDue();
    });
    // Texts waiting in the outbox go out within seconds; each round is a cheap indexed read when
    // there is nothing to send.
    jobs.Every("sms.deliver", std::chrono::seconds{2}, std::chrono::seconds{2}, [&calls] {
        (void)calls.sms.Deliver();
    });
    // Texts outcomes scheduled (reminders, check-ins, callback confirmations) when due.
    jobs.Every("sms.follow_ups", std::chrono::seconds{30}, std::chrono::seconds{10}, [&calls] {
        (void)calls.follow_ups.SendDue();
    });
    // Calls whose final callback never came are finished from the provider's own record.
    jobs.Every("calls.reconcile", std::chrono::minutes{1}, std::chrono::seconds{30}, [&calls] {
        (void)calls.calls.Reconcile();
    });
    // An agent whose session ran out (no logout) is not left "available" on the floor.
    jobs.Every("agents.sign_out_expired", std::chrono::minutes{1}, std::chrono::seconds{40}, [&] {
        (void)calls.agent_status.SignOutExpired([&state] { return state.auth.SignedInAgents(); });
    });
    // Open floor boards hear when time alone raised or cleared an alert (a call ringing too long,
    // a break over its limit); every instance tells its own screens, from its own view.
    jobs.Every("floor.alerts", std::chrono::seconds{5}, std::chrono::seconds{5}, [&] {
        calls.floor.AnnounceAlertChanges(live_events.events);
    });
    // Personal content past its retention period is cleared once a UK day (the first check
    // after midnight); the counts go to the log and the audit log.
    jobs.Every("retention.apply", std::chrono::hours{1}, std::chrono::minutes{5}, [&queue] {
        LogRetention(queue.retention.ApplyDue());
    });
    adapters::http::LiveSockets live(
        state.auth,
        live_events.events,
        workers,
        adapters::http::LiveSocketSettings{adapters::http::OriginOf(config.public_url)}
    );
    // A socket whose session ended (logout, expiry) is closed within a minute.
    jobs.Every("live.recheck", std::chrono::minutes{1}, std::chrono::minutes{1}, [&live] {
        live.RecheckSessions();
    });
    adapters::http::ServerSettings server_settings{
        config.bind_address, config.port, static_cast<std::size_t>(config.http_threads)};
    if (config.telephony == platform::TelephonyMode::kTwilio) {
        server_settings.telephony_sources = "https://*.twilio.com wss://*.twilio.com";
    }
    adapters::http::HttpServer server(server_settings, dispatcher, workers, metrics, &live);
    const adapters::http::Dispatcher metrics_dispatcher(
        metrics_router, state.auth, adapters::http::DispatcherSettings{}
    );
    std::optional<adapters::http::HttpServer> metrics_server;
    if (config.metrics_port != 0) {
        metrics_server.emplace(
            adapters::http::ServerSettings{config.metrics_bind_address, config.metrics_port, 1},
            metrics_dispatcher,
            workers,
            metrics
        );
        metrics_server->Start();
    }
    server.Start();
    jobs.Start();
    platform::LogInfo(
        "server.started",
        {{"port", config.port},
         {"env", config.IsProduction() ? "production" : "development"},
         {"database", platform::RedactUrl(config.database_url)},
         {"replica", platform::RedactUrl(config.replica_database_url)}}
    );
    std::cout << "RMC Dialler " << DIALLER_VERSION << " serving on http://" << config.bind_address
              << ":" << config.port << "\n";
    if (!config.IsProduction()) {
        std::cout << "Demo logins" << (demo_created ? " (just created)" : "") << ": "
                  << app::kDemoAgentEmail << ", " << app::kDemoSupervisorEmail << ", "
                  << app::kDemoAdminEmail << "\nPassword: " << config.demo_password
                  << (config.demo_password == platform::kDefaultDemoPassword
                          ? " (default; set DEMO_PASSWORD)"
                          : "")
                  << "\nPress Ctrl-C to stop.\n";
    }
    std::cout.flush();

    const int sig = platform::WaitForStopSignal();
    platform::LogInfo("server.stopping", {{"signal", sig}});
    queue.discovery.RequestStop();
    if (stand_in) {
        stand_in->Stop();  // no more webhooks into a server that is stopping
    }
    live.CloseAll();
    server.Stop(std::chrono::milliseconds{1500});
    if (metrics_server) {
        metrics_server->Stop(std::chrono::milliseconds{0});
    }
    jobs.Stop();
    workers.Shutdown();
    platform::LogInfo("server.stopped");
    return 0;
}

}  // namespace dialler::main
