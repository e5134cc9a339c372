#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "dialler/main/commands.hpp"
#include "dialler/platform/config.hpp"
#include "dialler/platform/signals.hpp"

namespace {

// Loads configuration from the environment over `.env`; exits with 2 naming the variable if a
// value is bad.
dialler::platform::Config LoadConfigOrExit() {
    auto env = dialler::platform::ReadEnvironment(".env");
    if (!env) {
        std::cerr << "configuration error: " << env.error().message << "\n";
        std::exit(2);  // NOLINT(concurrency-mt-unsafe): single-threaded at this point
    }
    auto config = dialler::platform::LoadConfig(*env, DIALLER_DEFAULT_WEB_DIR);
    if (!config) {
        std::cerr << "configuration error: " << config.error().message << "\n";
        std::exit(2);  // NOLINT(concurrency-mt-unsafe): single-threaded at this point
    }
    return *config;
}

int Main(int argc, char** argv) {
    // Before any thread exists, so that only the serve loop's sigwait sees SIGINT/SIGTERM.
    dialler::platform::BlockStopSignals();
    dialler::platform::IgnoreBrokenPipes();

    CLI::App app{"RMC Dialler: queues, calls, SMS and magic links for the claims call floor"};
    app.require_subcommand(1);
    int exit_code = 0;

    auto* serve = app.add_subcommand(
        "serve", "Serve the API and the web app (configuration from env and .env)"
    );
    serve->callback([&] { exit_code = dialler::main::RunServe(LoadConfigOrExit()); });

    bool status_only = false;
    auto* migrate = app.add_subcommand("migrate", "Apply pending migrations to DATABASE_URL");
    migrate->add_flag("--status", status_only, "Only list applied and pending migrations");
    migrate->callback([&] {
        exit_code = dialler::main::RunMigrate(LoadConfigOrExit(), status_only);
    });

    dialler::main::DemoDataArgs demo;
    auto* demo_data =
        app.add_subcommand("demo-data", "Write a synthetic demo replica (SQLite or MySQL)");
    demo_data->add_option("--users", demo.users, "Number of users")->capture_default_str();
    demo_data
        ->add_option(
            "--out", demo.out, "Target URL: sqlite:///path.db or mysql://user:pass@host:port/db"
        )
        ->required();
    demo_data->add_option("--seed", demo.seed, "Random seed (same seed, same data)")
        ->capture_default_str();
    demo_data->callback([&] { exit_code = dialler::main::RunDemoData(demo); });

    auto* agents = app.add_subcommand("agents", "Manage agent accounts");
    agents->require_subcommand(1);
    dialler::main::AddAgentArgs add;
    auto* agents_add = agents->add_subcommand("add", "Add an agent; reads the password from stdin");
    agents_add->add_option("--email", add.email, "Login email")->required();
    agents_add->add_option("--name", add.name, "Display name")->required();
    agents_add->add_option("--role", add.role, "agent, supervisor or admin")->capture_default_str();
    agents_add->add_option(
        "--queues", add.queues, "Allowed queues, comma-separated (default: all)"
    );
    agents_add->callback([&] { exit_code = dialler::main::RunAgentsAdd(LoadConfigOrExit(), add); });

    bool as_json = false;
    auto* agents_list = agents->add_subcommand("list", "List agents");
    agents_list->add_flag("--json", as_json, "JSON output");
    agents_list->callback([&] {
        exit_code = dialler::main::RunAgentsList(LoadConfigOrExit(), as_json);
    });

    std::string email;
    auto* agents_passwd = agents->add_subcommand(
        "passwd", "Set an agent's password (from stdin); ends their sessions"
    );
    agents_passwd->add_option("email", email, "The agent's email")->required();
    agents_passwd->callback([&] {
        exit_code = dialler::main::RunAgentsPasswd(LoadConfigOrExit(), email);
    });

    auto* agents_deactivate =
        agents->add_subcommand("deactivate", "Deactivate an agent; ends their sessions");
    agents_deactivate->add_option("email", email, "The agent's email")->required();
    agents_deactivate->callback([&] {
        exit_code = dialler::main::RunAgentsDeactivate(LoadConfigOrExit(), email);
    });

    bool full = false;
    auto* discover =
        app.add_subcommand("discover", "Run discovery once (incremental; --full to reconcile all)");
    discover->add_flag("--full", full, "Reconcile every customer, not only what changed");
    discover->callback([&] { exit_code = dialler::main::RunDiscover(LoadConfigOrExit(), full); });

    auto* audit = app.add_subcommand("audit", "The audit log's hash chain");
    audit->require_subcommand(1);
    auto* audit_seal = audit->add_subcommand(
        "seal", "Seal the entries not sealed yet (the server does it every 10 s)"
    );
    audit_seal->callback([&] { exit_code = dialler::main::RunAuditSeal(LoadConfigOrExit()); });
    auto* audit_verify = audit->add_subcommand(
        "verify", "Check every sealed entry; exit 1 naming the first one edited or deleted"
    );
    audit_verify->callback([&] { exit_code = dialler::main::RunAuditVerify(LoadConfigOrExit()); });

    auto* queue = app.add_subcommand("queue", "Inspect the queues");
    queue->require_subcommand(1);
    auto* queue_stats =
        queue->add_subcommand("stats", "Depth and callable-now counts per queue, recent runs");
    queue_stats->callback([&] { exit_code = dialler::main::RunQueueStats(LoadConfigOrExit()); });
    std::string user_id;
    bool show_json = false;
    auto* queue_show =
        queue->add_subcommand("show", "Why a customer is (or is not) in a queue, read live");
    queue_show->add_option("USER_ID", user_id, "The replica users.id")->required();
    queue_show->add_flag("--json", show_json, "JSON output");
    queue_show->callback([&] {
        exit_code = dialler::main::RunQueueShow(LoadConfigOrExit(), user_id, show_json);
    });

    auto* export_cmd = app.add_subcommand("export", "Data protection exports");
    export_cmd->require_subcommand(1);
    std::string export_out;
    auto* export_customer = export_cmd->add_subcommand(
        "customer", "Everything held about one customer (subject access), as a zip"
    );
    export_customer->add_option("USER_ID", user_id, "The replica users.id")->required();
    export_customer->add_option(
        "--out", export_out, "Where to write the zip (default: customer-ID-export-DATE.zip)"
    );
    export_customer->callback([&] {
        exit_code = dialler::main::RunExportCustomer(LoadConfigOrExit(), user_id, export_out);
    });

    auto* replica = app.add_subcommand("replica", "The claims replica");
    replica->require_subcommand(1);
    auto* replica_check = replica->add_subcommand(
        "check", "Which of the indexes the dialler needs the replica has (exit 1 if one is missing)"
    );
    replica_check->callback([&] { exit_code = dialler::main::RunReplicaCheck(LoadConfigOrExit()); }
    );

    auto* report = app.add_subcommand("report", "Reports");
    report->require_subcommand(1);
    bool report_csv = false;
    auto* data_quality = report->add_subcommand(
        "data-quality", "Customers left out for an invalid or non-UK phone number"
    );
    data_quality->add_flag("--csv", report_csv, "CSV (userId,reasons,phone) instead of JSON");
    data_quality->callback([&] {
        exit_code = dialler::main::RunReportDataQuality(LoadConfigOrExit(), report_csv);
    });

    auto* twilio = app.add_subcommand("twilio", "Twilio's protocol, for operators");
    twilio->require_subcommand(1);
    dialler::main::TwilioSignatureArgs signature_args;
    auto* signature = twilio->add_subcommand(
        "signature", "Print the X-Twilio-Signature Twilio would send for a webhook"
    );
    signature->add_option("--url", signature_args.url, "The full URL Twilio requests")->required();
    signature->add_option("--auth-token", signature_args.auth_token, "The account's auth token")
        ->required();
    signature->add_option("--param", signature_args.params, "A POST parameter, key=value");
    signature->add_option("--body-file", signature_args.body_file, "A JSON body to sign");
    signature->callback([&] { exit_code = dialler::main::RunTwilioSignature(signature_args); });
    std::string token_identity;
    int token_ttl = 3600;
    auto* token = twilio->add_subcommand(
        "token", "Print a Voice SDK access token from the configured Twilio credentials"
    );
    token->add_option("--identity", token_identity, "The client identity")->required();
    token->add_option("--ttl", token_ttl, "Lifetime in seconds (60-86400)");
    token->callback([&] {
        exit_code = dialler::main::RunTwilioToken(LoadConfigOrExit(), token_identity, token_ttl);
    });
    dialler::main::TwilioTwimlArgs twiml_args;
    auto* twiml = twilio->add_subcommand(
        "twiml", "Print the TwiML the voice webhook answers for a call to a number"
    );
    twiml->add_option("--dial", twiml_args.number, "The customer's number (E.164)")->required();
    twiml->add_option("--caller-id", twiml_args.caller_id, "The firm's number (E.164)")->required();
    twiml->add_option("--timeout", twiml_args.timeout_seconds, "Ring time in seconds (15-120)");
    twiml->add_option("--public-url", twiml_args.public_url, "The dialler's public URL")
        ->required();
    twiml->callback([&] { exit_code = dialler::main::RunTwilioTwiml(twiml_args); });

    dialler::main::TwilioSimArgs sim_args;
    auto* sim = app.add_subcommand(
        "twilio-sim", "Serve the Twilio stand-in on its own port (development and tests)"
    );
    sim->add_option("--bind", sim_args.bind_address, "Address to listen on (default 127.0.0.1)");
    sim->add_option("--port", sim_args.port, "Port to listen on (default 8090)");
    sim->add_option(
        "--webhook-url", sim_args.webhook_url, "The dialler's URL (default PUBLIC_URL)"
    );
    sim->add_option("--seed", sim_args.seed, "Seed for customers nobody scripted");
    sim->add_option(
        "--clock-start", sim_args.clock_start, "Run the clock on from this time (tests; RFC 3339)"
    );
    sim->callback([&] { exit_code = dialler::main::RunTwilioSim(LoadConfigOrExit(), sim_args); });

    auto* version = app.add_subcommand("version", "Print the version");
    version->callback([] { std::cout << "dialler " << DIALLER_VERSION << "\n"; });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Main(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
