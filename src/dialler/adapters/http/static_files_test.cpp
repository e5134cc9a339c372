#include "dialler/adapters/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
        // Outside the root, beside it: what a traversal would be after.
        outside_ = root_.string() + "-outside";
        std::filesystem::create_directories(outside_);
        std::ofstream(outside_ / "secret.txt") << "nope";
        std::filesystem::create_directory_symlink(outside_, root_ / "out");
        std::filesystem::create_symlink(outside_ / "secret.txt", root_ / "secret-link.txt");
        // A symlink that stays inside the root is fine.
        std::filesystem::create_symlink(root_ / "favicon.svg", root_ / "icon.svg");
    }
    void TearDown() override {
        std::filesystem::remove_all(root_);
        std::filesystem::remove_all(outside_);
    }
    std::filesystem::path root_;
    std::filesystem::path outside_;
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

TEST_F(StaticFilesTest, GivesNothingForMissingAssets) {
    EXPECT_FALSE(ResolveStatic(root_.string(), "/assets/missing-1.js"));
    EXPECT_FALSE(ResolveStatic(root_.string(), "relative"));
    EXPECT_FALSE(ResolveStatic(root_.string(), ""));
}

TEST_F(StaticFilesTest, DecodesOnceAndServesTheCanonicalFile) {
    const auto f = ResolveStatic(root_.string(), "/%66avicon.svg");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->path, std::filesystem::canonical(root_ / "favicon.svg").string());
    const auto via_link = ResolveStatic(root_.string(), "/icon.svg");
    ASSERT_TRUE(via_link);
    EXPECT_EQ(via_link->path, std::filesystem::canonical(root_ / "favicon.svg").string());
}

// Every spelling of "somewhere else" a review or a scanner would try: none reaches a file, and
// none falls back to index.html either (a refused path is a 404, not the app).
TEST_F(StaticFilesTest, RefusesEveryTraversalSpelling) {
    const std::string abs_secret = (outside_ / "secret.txt").string();
    using std::string_literals::operator""s;
    const std::vector<std::string> attempts = {
        // absolute paths and empty segments
        "/" + abs_secret,
        "//etc/passwd",
        "//etc/hostname",
        "///etc/passwd",
        "/%2fetc/passwd",
        "/%2Fetc%2Fpasswd",
        "/assets//index-abc123.js",
        "/queue/",
        // dot segments, plain and encoded
        "/../secret.txt",
        "/./favicon.svg",
        "/assets/../favicon.svg",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/%2e/favicon.svg",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        // double encoding
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%25%32%65%25%32%65/secret.txt",
        // backslashes, raw and encoded
        "/..\\secret.txt",
        "/assets\\..\\..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/..%5Csecret.txt",
        // overlong UTF-8 spellings of "." and "/"
        "/%c0%ae%c0%ae/secret.txt",
        "/%C0%AE%C0%AE%C0%AFsecret.txt",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%f0%80%80%ae%f0%80%80%ae/secret.txt",
        "/%c0%af",
        "/%c1%9c",
        // NUL and other control characters
        "/favicon.svg%00.js",
        "/favicon.svg\0.js"s,
        "/%00",
        "/a%0a",
        "/a%0d%0aSet-Cookie:x",
        "/a%7f",
        "/a%c2%85",
        // broken escapes
        "/%",
        "/%2",
        "/%zz",
        "/favicon.svg%",
        // hidden files
        "/.env",
        "/assets/.hidden",
        // symlinks out of the root
        "/out/secret.txt",
        "/out",
        "/secret-link.txt",
        // too long
        "/" + std::string(300, 'a'),
        "/" + std::string(3000, 'a'),
    };
    for (const std::string& path : attempts) {
        EXPECT_FALSE(ResolveStatic(root_.string(), path)) << path;
    }
}

TEST(SafePathSegments, DecodesEachSegmentOnce) {
    const auto s = SafePathSegments("/assets/caf%C3%A9%20menu.js");
    ASSERT_TRUE(s);
    ASSERT_EQ(s->size(), 2U);
    EXPECT_EQ((*s)[0], "assets");
    EXPECT_EQ((*s)[1], "caf\xC3\xA9 menu.js");
    EXPECT_TRUE(SafePathSegments("/")->empty());
}

}  // namespace
}  // namespace dialler::adapters::http
