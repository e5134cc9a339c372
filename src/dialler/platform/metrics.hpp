#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace dialler::platform {

// The process's Prometheus registry and the HTTP metrics every route reports. Thread-safe.
class Metrics {
public:
    Metrics();
    ~Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;
    Metrics(Metrics&&) = delete;
    Metrics& operator=(Metrics&&) = delete;

    // Counts one request and its latency. `route` is the route pattern ("/api/auth/login"),
    // never the raw path, so label cardinality stays bounded and no id leaks into metrics.
    void ObserveHttp(std::string_view route, std::string_view method, int status, double seconds);

    // The Prometheus text exposition of every metric.
    std::string Serialize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dialler::platform
