#include "dialler/platform/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace dialler::platform {

struct Metrics::Impl {
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests =
        prometheus::BuildCounter()
            .Name("dialler_http_requests_total")
            .Help("HTTP requests by route, method and status")
            .Register(*registry);
    prometheus::Family<prometheus::Histogram>& latency =
        prometheus::BuildHistogram()
            .Name("dialler_http_request_duration_seconds")
            .Help("HTTP request latency from arrival to response, by route")
            .Register(*registry);
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::ObserveHttp(
    std::string_view route, std::string_view method, int status, double seconds
) {
    impl_->requests
        .Add(
            {{"route", std::string(route)},
             {"method", std::string(method)},
             {"status", std::to_string(status)}}
        )
        .Increment();
    // Buckets from 0.5 ms to 2.5 s: the targets (performance.md) sit between 3 and 50 ms.
    static const prometheus::Histogram::BucketBoundaries kBuckets{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
    impl_->latency.Add({{"route", std::string(route)}}, kBuckets).Observe(seconds);
}

std::string Metrics::Serialize() const {
    return prometheus::TextSerializer{}.Serialize(impl_->registry->Collect());
}

}  // namespace dialler::platform
