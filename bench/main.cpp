// dialler_bench: the benchmark harness of docs/performance.md (driven by bench/run.sh).
//   dialler_bench claims    --own URL [--threads 200] [--leads N] [--max-seconds S] [--pool P]
//   dialler_bench discovery --replica URL --own URL [--no-changes]
//   dialler_bench agents    --own URL --count N --password P
//   dialler_bench next-lead --port P --server-pid PID --replica URL --password P
//                           [--agents 100] [--closed-seconds S]
//                           [--open-seconds S] [--open-rate R] [--single-cycles N]
//   dialler_bench fsync     --dir DIR
//   dialler_bench report    --parts DIR --json OUT --md OUT [--notes FILE]
//   dialler_bench smoke     --dir DIR      (SQLite only, seconds; what ctest runs)
// Every mode but report prints its JSON; --out FILE also writes it there.

#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>

#include "dialler/adapters/replica/demo_data.hpp"

#include "common.hpp"
#include "db_scenarios.hpp"
#include "http_scenario.hpp"
#include "report.hpp"

namespace {

using dialler::bench::Args;
using dialler::bench::Json;

int Smoke(const Args& args) {
    namespace fs = std::filesystem;
    const fs::path dir = args.Required("dir");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string replica = "sqlite://" + (dir / "replica.db").string();
    dialler::adapters::replica::DemoDataOptions demo;
    demo.users = 300;
    demo.seed = 5;
    dialler::adapters::replica::WriteDemoReplica(dialler::bench::ParseUrl(replica), demo);

    Json out;
    out["discovery"] =
        dialler::bench::RunDiscovery({replica, "sqlite://" + (dir / "discovery.db").string(), true}
        );
    out["claims"] =
        dialler::bench::RunClaims({"sqlite://" + (dir / "claims.db").string(), 16, 2000, 3.0, 4});
    std::vector<long long> ids;
    for (long long id = 1; id <= 50; ++id) {
        ids.push_back(id);
    }
    out["reads"] = dialler::bench::RunReadFloor(replica, ids, 1);
    dialler::bench::Emit(out, args.Str("out"));

    std::vector<std::string> problems;
    const auto& d = out["discovery"];
    if (d["full_cold"].contains("error") || d["full_cold"].value("customers_read", 0) != 300) {
        problems.emplace_back("full discovery did not read the 300 customers");
    }
    if (d["full_cold"].value("open_leads_total", 0) <= 0) {
        problems.emplace_back("full discovery produced no leads");
    }
    if (d["incremental"].contains("error") || d["incremental"].value("customers_read", 0) <= 0) {
        problems.emplace_back("incremental discovery saw none of the changes");
    }
    if (d["raw_scan"].value("users", 0) != 300) {
        problems.emplace_back("raw scan did not read 300 users");
    }
    const auto& c = out["claims"];
    if (c.value("claims", 0) <= 0 || c.value("claims_per_s", 0.0) <= 0) {
        problems.emplace_back("no claims");
    }
    if (c.value("duplicates", -1) != 0 || !c.value("db_matches", false)) {
        problems.emplace_back("duplicate claims or database mismatch");
    }
    if (c.value("errors", 0) != 0) {
        problems.emplace_back("claim errors: " + c.value("first_error", std::string()));
    }
    if (out["reads"]["floor_3_queries"].value("count", 0) != 50 ||
        out["reads"]["naive_orm"].value("count", 0) != 50 ||
        out["reads"].value("naive_queries_per_customer", 0.0) < 3) {
        problems.emplace_back("floor/naive reads did not run");
    }
    for (const auto& p : problems) {
        std::cerr << "smoke: " << p << "\n";
    }
    std::filesystem::remove_all(dir);
    return problems.empty() ? 0 : 1;
}

int Run(const std::string& mode, const Args& args) {
    if (mode == "claims") {
        dialler::bench::ClaimsOptions o;
        o.own_url = args.Required("own");
        o.threads = static_cast<int>(args.Int("threads", o.threads));
        o.leads = args.Int("leads", o.leads);
        o.max_seconds = args.Num("max-seconds", o.max_seconds);
        o.pool = static_cast<int>(args.Int("pool", o.pool));
        Json j = dialler::bench::RunClaims(o);
        j["label"] = args.Str("label");
        dialler::bench::Emit(j, args.Str("out"));
        return 0;
    }
    if (mode == "discovery") {
        Json j = dialler::bench::RunDiscovery(
            {args.Required("replica"), args.Required("own"), !args.Flag("no-changes")}
        );
        j["label"] = args.Str("label");
        dialler::bench::Emit(j, args.Str("out"));
        return 0;
    }
    if (mode == "agents") {
        dialler::bench::Emit(
            dialler::bench::PrepareAgents(
                args.Required("own"),
                static_cast<int>(args.Int("count", 100)),
                args.Required("password")
            ),
            args.Str("out")
        );
        return 0;
    }
    if (mode == "next-lead") {
        dialler::bench::NextLeadOptions o;
        o.port = static_cast<int>(args.Int("port", 0));
        o.server_pid = static_cast<long>(args.Int("server-pid", 0));
        o.agents = static_cast<int>(args.Int("agents", o.agents));
        o.agent_password = args.Required("password");
        o.replica_url = args.Required("replica");
        o.single_cycles = static_cast<int>(args.Int("single-cycles", o.single_cycles));
        o.closed_seconds = args.Num("closed-seconds", o.closed_seconds);
        o.open_seconds = args.Num("open-seconds", o.open_seconds);
        o.open_rate = args.Num("open-rate", o.open_rate);
        Json j = dialler::bench::RunNextLead(o);
        j["label"] = args.Str("label");
        dialler::bench::Emit(j, args.Str("out"));
        return 0;
    }
    if (mode == "fsync") {
        const Json j = {
            {"fdatasync_4k_us", dialler::bench::MeasureFsyncUs(args.Required("dir"), 200)}};
        dialler::bench::Emit(j, args.Str("out"));
        return 0;
    }
    if (mode == "report") {
        return dialler::bench::WriteReport(
            args.Required("parts"), args.Required("json"), args.Required("md"), args.Str("notes")
        );
    }
    if (mode == "smoke") {
        return Smoke(args);
    }
    std::cerr << "unknown mode: " << mode << "\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: dialler_bench MODE [--key value]... (see bench/main.cpp)\n";
        return 2;
    }
    try {
        const std::string mode =
            argv[1];  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        return Run(mode, Args(argc, argv, 2));
    } catch (const std::exception& e) {
        std::cerr << "dialler_bench: " << e.what() << "\n";
        return 1;
    }
}
