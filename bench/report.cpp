#include "report.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "common.hpp"

namespace dialler::bench {

namespace {

std::string Fixed(double v, int decimals) {
    std::array<char, 64> buf{};
    std::snprintf(
        buf.data(), buf.size(), "%.*f", decimals, v
    );  // NOLINT(cppcoreguidelines-pro-type-vararg)
    return buf.data();
}

std::string Num(const Json& j, const std::string& key, int decimals = 2) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number()) {
        return "–";
    }
    return Fixed(j[key].get<double>(), decimals);
}

std::string Verdict(bool measured, bool met) {
    if (!measured) {
        return "not measured";
    }
    return met ? "**met**" : "**missed**";
}

double Get(const Json& j, const std::string& key) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : -1;
}

void T1Section(std::ostream& md, const Json& all) {
    md << "## T1 next lead over HTTP (claim + pre-call validation + full context)\n\n"
          "Target: p50 ≤ 3 ms, p99 ≤ 20 ms with 100 concurrent agents on **large**; ≤ 3 replica "
          "round trips per next lead. Each cycle is `POST /api/queue/next` then `POST "
          ".../outcome` `no_answer`. Latency is of `/api/queue/next` only; in the open-loop "
          "row it is measured from the request's scheduled time (queueing included).\n\n"
          "| run | phase | agents | next/s | p50 ms | p99 ms | p99.9 ms | max ms | outcome p50 "
          "ms | replica SELECTs / next | server CPU % | bench CPU % | server RSS MB | empty | "
          "errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& [name, part] : all.items()) {
        if (!name.starts_with("t1-") || !part.is_object()) {
            continue;
        }
        for (const char* phase : {"single_agent", "closed_loop", "open_loop"}) {
            if (!part.contains(phase)) {
                continue;
            }
            const Json& p = part[phase];
            std::string label = phase;
            if (label == "open_loop") {
                label += " @ " + Num(p, "offered_rate_per_s", 0) + "/s";
            }
            md << "| " << name << " | " << label << " | " << p.value("agents", 0) << " | "
               << Num(p, "next_per_s", 0) << " | " << Num(p["next_latency"], "p50_ms") << " | "
               << Num(p["next_latency"], "p99_ms") << " | " << Num(p["next_latency"], "p999_ms")
               << " | " << Num(p["next_latency"], "max_ms") << " | "
               << Num(p["outcome_latency"], "p50_ms") << " | " << Num(p, "replica_selects_per_next")
               << " | " << Num(p, "server_cpu_percent", 0) << " | "
               << Num(p, "client_cpu_percent", 0) << " | " << Num(p, "server_rss_mb", 0) << " | "
               << p.value("empty_responses", 0) << " | " << p.value("errors", 0) << " |\n";
        }
    }
    md << "\nRatios (same run, same customers, single-threaded reads against the replica; "
          "target: next lead / raw floor ≤ 2, naive / ours ≥ 10):\n\n"
          "| run | floor: 3 queries p50 ms | product adapter p50 ms | naive ORM p50 ms | naive "
          "queries / customer | next lead (1 agent, HTTP) p50 ms | next / floor | naive / floor "
          "| naive / adapter | naive / next |\n|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& [name, part] : all.items()) {
        if (!name.starts_with("t1-") || !part.is_object() || !part.contains("reads")) {
            continue;
        }
        const Json& r = part["reads"];
        md << "| " << name << " | " << Num(r["floor_3_queries"], "p50_ms", 3) << " | "
           << Num(r["adapter_read_customer_context"], "p50_ms", 3) << " | "
           << Num(r["naive_orm"], "p50_ms", 3) << " | " << Num(r, "naive_queries_per_customer", 1)
           << " | " << Num(part["single_agent"]["next_latency"], "p50_ms", 3) << " | "
           << Num(part, "ratio_next_single_to_floor_p50", 1) << " | "
           << Num(part, "ratio_naive_to_floor_p50", 1) << " | "
           << Num(part, "ratio_naive_to_adapter_p50", 1) << " | "
           << Num(part, "ratio_naive_to_next_single_p50", 2) << " |\n";
    }
    md << "\n";
}

void T2Section(std::ostream& md, const Json& all) {
    md << "## T2 claim throughput (LeadLeases::ClaimNext in-process)\n\n"
          "Target: ≥ 5,000 claims/s on SQLite, ≥ 2,000/s on PostgreSQL; 0 duplicates in ≥ 1M "
          "claims; p99.9 ≤ 10 ms under 200 concurrent claimers. Leases are 24 h, so a lead "
          "claimed twice is a duplicate.\n\n"
          "| run | threads | pool | leads seeded | claims | stopped | claims/s | p50 ms | p99 ms | "
          "p99.9 ms | max ms | duplicates | DB agrees | errors | claims/s first s → last s |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& [name, p] : all.items()) {
        if (!name.starts_with("t2-") || !p.is_object()) {
            continue;
        }
        std::string timeline = "–";
        if (p.contains("claims_per_second_timeline") &&
            p["claims_per_second_timeline"].size() > 2) {
            const auto& t = p["claims_per_second_timeline"];
            timeline = std::to_string(t[0].get<long long>()) + " → " +
                       std::to_string(t[t.size() - 2].get<long long>());
        }
        md << "| " << name << " | " << p.value("threads", 0) << " | " << p.value("pool", 0) << " | "
           << p.value("leads_seeded", 0LL) << " | " << p.value("claims", 0LL) << " | "
           << p.value("stopped_because", std::string()) << " | " << Num(p, "claims_per_s", 0)
           << " | " << Num(p["latency"], "p50_ms") << " | " << Num(p["latency"], "p99_ms") << " | "
           << Num(p["latency"], "p999_ms") << " | " << Num(p["latency"], "max_ms") << " | "
           << p.value("duplicates", -1LL) << " | " << (p.value("db_matches", false) ? "yes" : "NO")
           << " | " << p.value("errors", 0LL) << " | " << timeline << " |\n";
    }
    md << "\n";
}

void T3Section(std::ostream& md, const Json& all) {
    md << "## T3 discovery (MariaDB/SQLite replica → own database)\n\n"
          "Target: full rebuild small ≤ 1 s, large ≤ 15 s, peak RSS ≤ 500 MB; discovery / raw "
          "scan ≤ 2; incremental after 1% requirements + 0.5% signatures changed ≤ 200 ms. "
          "\"full (cold)\" fills an empty own database; \"full (again)\" reconciles an up-to-date "
          "one (the hourly job). Peak RSS is the measuring child process's.\n\n"
          "| run | users | raw scan s | full (cold) s | full (again) s | full / scan | peak RSS "
          "MB | open leads | changed reqs / users | incremental s (customers) | incremental, "
          "nothing changed s |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& [name, p] : all.items()) {
        if (!name.starts_with("t3-") || !p.is_object()) {
            continue;
        }
        const Json& scan = p["raw_scan"];
        const Json& cold = p["full_cold"];
        const Json& again = p["full_again"];
        const Json changes = p.value("changes", Json::object());
        const Json inc = p.value("incremental", Json::object());
        const Json none = p.value("incremental_nothing_changed", Json::object());
        md << "| " << name << " | " << scan.value("users", 0LL) << " | " << Num(scan, "wall_s", 3)
           << " | " << Num(cold, "wall_s", 3)
           << (cold.contains("error") ? " (error: " + cold["error"].get<std::string>() + ")" : "")
           << " | " << Num(again, "wall_s", 3) << " | " << Num(p, "ratio_full_cold_to_scan", 1)
           << " | " << Num(cold, "peak_rss_mb", 0) << " | " << cold.value("open_leads_total", 0LL)
           << " | " << changes.value("requirements_changed", 0LL) << " / "
           << changes.value("users_changed", 0LL) << " | " << Num(inc, "wall_s", 3) << " ("
           << inc.value("customers_read", 0LL) << ") | " << Num(none, "wall_s", 3) << " |\n";
    }
    md << "\n";
}

void Verdicts(std::ostream& md, const Json& all) {
    md << "## Targets at a glance\n\n| target | measured | verdict |\n|---|---|---|\n";
    for (const auto& [name, p] : all.items()) {
        if (name.starts_with("t1-") && p.contains("closed_loop")) {
            const Json& l = p["closed_loop"]["next_latency"];
            const Json& open = p.value("open_loop", Json::object());
            const Json& ol = open.value("next_latency", Json::object());
            const double p50 = Get(ol, "p50_ms");
            const double p99 = Get(ol, "p99_ms");
            md << "| T1 " << name << " open loop p50 ≤ 3 ms, p99 ≤ 20 ms | p50 "
               << Num(ol, "p50_ms") << ", p99 " << Num(ol, "p99_ms") << " ms @ "
               << Num(open, "offered_rate_per_s", 0) << "/s (closed loop: p50 " << Num(l, "p50_ms")
               << ", p99 " << Num(l, "p99_ms") << ") | "
               << Verdict(ol.value("count", 0) > 0, p50 <= 3 && p99 <= 20) << " |\n";
            const double rt = Get(p["closed_loop"], "replica_selects_per_next");
            md << "| T1 " << name << " ≤ 3 replica round trips | "
               << Num(p["closed_loop"], "replica_selects_per_next") << " | "
               << Verdict(rt >= 0, rt <= 3.05) << " |\n";
            const double ratio = Get(p, "ratio_next_single_to_floor_p50");
            md << "| T1 " << name << " next / floor ≤ 2 | "
               << Num(p, "ratio_next_single_to_floor_p50", 1) << " | "
               << Verdict(ratio >= 0, ratio <= 2) << " |\n";
            const double naive = Get(p, "ratio_naive_to_adapter_p50");
            md << "| T1 " << name << " naive / ours ≥ 10 (replica reads) | "
               << Num(p, "ratio_naive_to_adapter_p50", 1) << " | "
               << Verdict(naive >= 0, naive >= 10) << " |\n";
        } else if (name.starts_with("t2-")) {
            const bool pg = p.value("dialect", std::string()) == "postgresql";
            const double rate = Get(p, "claims_per_s");
            const double p999 = Get(p["latency"], "p999_ms");
            md << "| T2 " << name << " ≥ " << (pg ? "2,000" : "5,000")
               << " claims/s, p99.9 ≤ 10 ms | " << Num(p, "claims_per_s", 0) << "/s, p99.9 "
               << Num(p["latency"], "p999_ms") << " ms | "
               << Verdict(rate >= 0, rate >= (pg ? 2000 : 5000) && p999 <= 10) << " |\n";
            md << "| T2 " << name << " 0 duplicates in ≥ 1M claims | "
               << p.value("duplicates", -1LL) << " in " << p.value("claims", 0LL) << " | "
               << (p.value("duplicates", -1LL) == 0
                       ? (p.value("claims", 0LL) >= 1000000
                              ? "**met**"
                              : "0 duplicates, but fewer than 1M claims")
                       : "**missed**")
               << " |\n";
        } else if (name.starts_with("t3-")) {
            const bool large = name.find("large") != std::string::npos;
            const double wall = Get(p["full_cold"], "wall_s");
            const double rss = Get(p["full_cold"], "peak_rss_mb");
            md << "| T3 " << name << " full ≤ " << (large ? "15" : "1") << " s, RSS ≤ 500 MB | "
               << Num(p["full_cold"], "wall_s", 3) << " s, "
               << Num(p["full_cold"], "peak_rss_mb", 0) << " MB | "
               << Verdict(wall >= 0, wall <= (large ? 15 : 1) && rss <= 500) << " |\n";
            const double ratio = Get(p, "ratio_full_cold_to_scan");
            md << "| T3 " << name << " full / raw scan ≤ 2 | "
               << Num(p, "ratio_full_cold_to_scan", 1) << " | " << Verdict(ratio >= 0, ratio <= 2)
               << " |\n";
            const double inc = p.contains("incremental") ? Get(p["incremental"], "wall_s") : -1;
            md << "| T3 " << name << " incremental ≤ 0.2 s | "
               << (p.contains("incremental") ? Num(p["incremental"], "wall_s", 3) : "–") << " s | "
               << Verdict(inc >= 0, inc <= 0.2) << " |\n";
        }
    }
    md << "\n";
}

}  // namespace

int WriteReport(
    const std::string& parts,
    const std::string& json_out,
    const std::string& md_out,
    const std::string& notes
) {
    namespace fs = std::filesystem;
    Json all = Json::object();
    Json env = Json::object();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(parts)) {
        files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path);
        if (path.extension() == ".json") {
            try {
                all[path.stem().string()] = Json::parse(in);
            } catch (const std::exception& e) {
                all[path.stem().string()] = {{"error", std::string("unreadable: ") + e.what()}};
            }
        } else if (path.filename() == "env.txt") {
            std::string line;
            while (std::getline(in, line)) {
                const auto eq = line.find('=');
                if (eq != std::string::npos) {
                    env[line.substr(0, eq)] = line.substr(eq + 1);
                }
            }
        }
    }
    Json results = {{"environment", env}, {"scenarios", all}};
    {
        std::ofstream out(json_out);
        out << results.dump(2) << "\n";
    }

    std::ostringstream md;
    md << "# Benchmarks\n\n"
          "Generated by `make bench` (bench/run.sh); the numbers below are from the last run. "
          "Machine-readable results: `build/release/bench/results.json`. Targets and method: "
          "[docs/performance.md](../../shared/docs/performance.md) (shared docs). Do not edit "
          "the tables by hand; the analysis at the end comes from `bench/NOTES.md`.\n\n"
          "## Environment\n\n| | |\n|---|---|\n";
    for (const auto& [k, v] : env.items()) {
        md << "| " << k << " | " << v.get<std::string>() << " |\n";
    }
    if (all.contains("fsync")) {
        md << "| fdatasync (4 KiB, build dir) | " << Num(all["fsync"], "fdatasync_4k_us", 0)
           << " µs |\n";
    }
    md << "\n";
    Verdicts(md, all);
    T1Section(md, all);
    T2Section(md, all);
    T3Section(md, all);
    if (!notes.empty() && fs::exists(notes)) {
        std::ifstream in(notes);
        md << in.rdbuf();
    }
    std::ofstream out(md_out);
    out << md.str();
    return 0;
}

}  // namespace dialler::bench
