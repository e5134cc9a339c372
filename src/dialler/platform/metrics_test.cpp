#include "dialler/platform/metrics.hpp"

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

TEST(Metrics, ExposesRequestCountsAndLatencyInPrometheusText) {
    Metrics m;
    m.ObserveHttp("/api/auth/login", "POST", 200, 0.004);
    m.ObserveHttp("/api/auth/login", "POST", 200, 0.006);
    m.ObserveHttp("/api/auth/login", "POST", 401, 0.003);
    const std::string text = m.Serialize();
    EXPECT_NE(
        text.find(
            R"(dialler_http_requests_total{method="POST",route="/api/auth/login",status="200"} 2)"
        ),
        std::string::npos
    ) << text;
    EXPECT_NE(text.find(R"(status="401"} 1)"), std::string::npos);
    EXPECT_NE(
        text.find(R"(dialler_http_request_duration_seconds_count{route="/api/auth/login"} 3)"),
        std::string::npos
    );
    EXPECT_NE(text.find(R"(le="0.005"} 2)"), std::string::npos);
}

}  // namespace
}  // namespace dialler::platform
