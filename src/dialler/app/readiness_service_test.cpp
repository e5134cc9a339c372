#include "dialler/app/readiness_service.hpp"

#include <gtest/gtest.h>

#include "fakes.hpp"

namespace dialler::app {
namespace {

TEST(ReadinessService, IsReadyWhenEveryProbeAnswers) {
    testing::FakeProbe db("database");
    testing::FakeProbe replica("replica");
    ReadinessService service({&db, &replica});
    const auto report = service.Check();
    EXPECT_TRUE(report.ready);
    ASSERT_EQ(report.checks.size(), 2U);
    EXPECT_EQ(report.checks[1], (std::pair<std::string, std::string>{"replica", "ok"}));
}

TEST(ReadinessService, NamesTheFailingProbeWithoutLeakingItsError) {
    testing::FakeProbe db("database");
    testing::FakeProbe replica("replica");
    replica.healthy = false;
    ReadinessService service({&db, &replica});
    const auto report = service.Check();
    EXPECT_FALSE(report.ready);
    EXPECT_EQ(report.checks[0].second, "ok");
    EXPECT_EQ(report.checks[1].second, "unreachable");
    ASSERT_EQ(report.log_details.size(), 1U);
    EXPECT_NE(report.log_details[0].second.find("secret-host"), std::string::npos);
}

}  // namespace
}  // namespace dialler::app
