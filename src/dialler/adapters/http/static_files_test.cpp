#include "dialler/adapters/http/static_files.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace dialler::adapters::http {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ =
            std::filesystem::temp_directory_path() /
            ("dialler-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(root_ / "assets");
        std::ofstream(root_ / "index.html") << "<html></html>";
        std::ofstream(root_ / "assets" / "index-abc123.js") << "x";
        std::ofstream(root_ / "favicon.svg") << "<svg/>";
        std::ofstream(root_.parent_path() / "secret.txt") << "nope";
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    std::filesystem::path root_;
};

TEST_F(StaticFilesTest, CachesHashedAssetsForever) {
    const auto f = ResolveStatic(root_.string(), "/assets/index-abc123.js");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->content_type, "text/javascript; charset=utf-8");
    EXPECT_NE(f->cache_control.find("immutable"), std::string::npos);
}

TEST_F(StaticFilesTest, RevalidatesOtherFiles) {
    const auto f = ResolveStatic(root_.string(), "/favicon.svg");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->cache_control, "no-cache");
}

TEST_F(StaticFilesTest, FallsBackToIndexForClientRoutes) {
    for (const char* route : {"/", "/queue", "/supervisor/live"}) {
        const auto f = ResolveStatic(root_.string(), route);
        ASSERT_TRUE(f) << route;
        EXPECT_EQ(std::filesystem::path(f->path).filename(), "index.html");
        EXPECT_EQ(f->cache_control, "no-cache");
    }
}

TEST_F(StaticFilesTest, GivesNothingForMissingAssetsOrEscapes) {
    EXPECT_FALSE(ResolveStatic(root_.string(), "/assets/missing-1.js"));
    EXPECT_FALSE(ResolveStatic(root_.string(), "/../secret.txt"));
    EXPECT_FALSE(ResolveStatic(root_.string(), "/assets/%2e%2e/x"));
    EXPECT_FALSE(ResolveStatic(root_.string(), "relative"));
}

}  // namespace
}  // namespace dialler::adapters::http
