#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace dialler::bench {

Args::Args(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
        std::string key = argv[i];  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        if (!key.starts_with("--")) {
            throw std::invalid_argument("unexpected argument: " + key);
        }
        key = key.substr(2);
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        if (i + 1 < argc && !std::string(argv[i + 1]).starts_with("--")) {
            values_[key] = argv[++i];  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        } else {
            values_[key] = "1";
        }
    }
}

std::string Args::Str(const std::string& key, const std::string& fallback) const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

std::string Args::Required(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) {
        throw std::invalid_argument("missing --" + key);
    }
    return it->second;
}

long long Args::Int(const std::string& key, long long fallback) const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : std::stoll(it->second);
}

double Args::Num(const std::string& key, double fallback) const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : std::stod(it->second);
}

namespace {
double Percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double Ms(double us) {
    return std::round(us) / 1000.0;
}
}  // namespace

Json Latencies::Summary() {
    std::sort(us.begin(), us.end());
    const double mean =
        us.empty() ? 0
                   : std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
    return {
        {"count", us.size()},
        {"p50_ms", Ms(Percentile(us, 0.50))},
        {"p99_ms", Ms(Percentile(us, 0.99))},
        {"p999_ms", Ms(Percentile(us, 0.999))},
        {"max_ms", Ms(us.empty() ? 0 : us.back())},
        {"mean_ms", Ms(mean)},
    };
}

double Seconds(SteadyClock::duration d) {
    return std::chrono::duration<double>(d).count();
}

platform::DatabaseUrl ParseUrl(const std::string& url) {
    auto parsed = platform::ParseDatabaseUrl(url, "url");
    if (!parsed) {
        throw std::invalid_argument(parsed.error().message);
    }
    return *parsed;
}

Timestamp BenchNow() {
    return Timestamp{
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 4} + std::chrono::hours{11}};
}

ProcSample SampleProcess(long pid) {
    ProcSample s;
    {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        // Fields after the command name (which may hold spaces) start after the last ')'.
        const auto close = text.rfind(')');
        if (close != std::string::npos) {
            std::istringstream rest(text.substr(close + 2));
            std::vector<std::string> fields;
            std::string f;
            while (rest >> f) {
                fields.push_back(f);
            }
            // utime and stime are fields 14 and 15 of the full line: 11 and 12 here (0-based).
            if (fields.size() > 12) {
                const auto ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
                s.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;
            }
        }
    }
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        const auto kb = [&line] { return std::stod(line.substr(line.find(':') + 1)) / 1024.0; };
        if (line.starts_with("VmRSS:")) {
            s.rss_mb = kb();
        } else if (line.starts_with("VmHWM:")) {
            s.peak_rss_mb = kb();
        }
    }
    return s;
}

double SelfPeakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double MeasureFsyncUs(const std::string& dir, int rounds) {
    const std::string path = dir + "/fsync-probe.tmp";
    const int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);  // NOLINT
    if (fd < 0) {
        return -1;
    }
    std::vector<char> block(4096, 'x');
    const auto start = SteadyClock::now();
    for (int i = 0; i < rounds; ++i) {
        if (pwrite(fd, block.data(), block.size(), 0) < 0 || fdatasync(fd) != 0) {
            break;
        }
    }
    const double us = std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count();
    close(fd);
    unlink(path.c_str());
    return us / rounds;
}

void Emit(const Json& j, const std::string& path) {
    if (!path.empty()) {
        std::ofstream out(path);
        out << j.dump(2) << "\n";
    }
    std::cout << j.dump(2) << "\n";
}

}  // namespace dialler::bench
