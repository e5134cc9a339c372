#include "dialler/platform/logging.hpp"

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

TEST(Log, WritesOneJsonLineWithTheEventAndFields) {
    InitLogging("info");
    ::testing::internal::CaptureStderr();
    LogInfo("test.event", {{"requestId", "abc"}, {"braces", "{not a {} format}"}});
    LogWarn("test.warned");
    Log(LogLevel::kDebug, "test.hidden");  // below the level
    const std::string out = ::testing::internal::GetCapturedStderr();
    const auto first_nl = out.find('\n');
    ASSERT_NE(first_nl, std::string::npos) << out;
    const auto first = nlohmann::json::parse(out.substr(0, first_nl));
    EXPECT_EQ(first["event"], "test.event");
    EXPECT_EQ(first["level"], "info");
    EXPECT_EQ(first["braces"], "{not a {} format}");
    EXPECT_TRUE(first["ts"].is_number());
    EXPECT_NE(out.find("test.warned"), std::string::npos);
    EXPECT_EQ(out.find("test.hidden"), std::string::npos);
}

}  // namespace
}  // namespace dialler::platform
