#pragma once

// Shared pieces of dialler_bench: argument access, latency summaries, process measurements.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialler/base/clock.hpp"
#include "dialler/platform/database_url.hpp"

namespace dialler::bench {

using SteadyClock = std::chrono::steady_clock;
using Json = nlohmann::json;

// --key value pairs after the mode name; a bare --flag maps to "1".
class Args {
public:
    Args(int argc, char** argv, int first);
    std::string Str(const std::string& key, const std::string& fallback = "") const;
    std::string Required(const std::string& key) const;
    long long Int(const std::string& key, long long fallback) const;
    double Num(const std::string& key, double fallback) const;
    bool Flag(const std::string& key) const { return values_.contains(key); }

private:
    std::map<std::string, std::string> values_;
};

// Latencies in microseconds, summarised as p50/p99/p99.9/max/mean.
struct Latencies {
    std::vector<double> us;
    void Add(SteadyClock::duration d) {
        us.push_back(std::chrono::duration<double, std::micro>(d).count());
    }
    void Append(const Latencies& other) { us.insert(us.end(), other.us.begin(), other.us.end()); }
    // {"count", "p50_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms"}; sorts `us`.
    Json Summary();
};

double Seconds(SteadyClock::duration d);

platform::DatabaseUrl ParseUrl(const std::string& url);

// Wednesday 4 November 2026, 11:00 UTC: inside the calling window (what the T1 server is pinned
// to, and the clock every in-process scenario runs at).
Timestamp BenchNow();

// Process CPU time (user + system, seconds) and resident set (current and peak, MB) from /proc.
struct ProcSample {
    double cpu_seconds = 0;
    double rss_mb = 0;
    double peak_rss_mb = 0;
};
ProcSample SampleProcess(long pid);

// Peak RSS of this process (getrusage), MB.
double SelfPeakRssMb();

// Average latency of a 4 KiB write + fdatasync in `dir` (microseconds), over `rounds` rounds.
double MeasureFsyncUs(const std::string& dir, int rounds);

// Writes `j` to `path` (pretty) and to stdout.
void Emit(const Json& j, const std::string& path);

}  // namespace dialler::bench
