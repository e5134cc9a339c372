#include "dialler/base/text.hpp"

#include <gtest/gtest.h>

namespace dialler {
namespace {

TEST(EqualsIgnoreCase, ComparesAsciiCaseInsensitively) {
    EXPECT_TRUE(EqualsIgnoreCase("PENDING", "pending"));
    EXPECT_TRUE(EqualsIgnoreCase("Cancelled", "cANCELLED"));
    EXPECT_FALSE(EqualsIgnoreCase("pending", "pendin"));
    EXPECT_FALSE(EqualsIgnoreCase("pending ", "pending"));
}

TEST(AsciiLower, LowersOnlyAsciiLetters) {
    EXPECT_EQ(AsciiLower("AbC-12_Z"), "abc-12_z");
}

TEST(Trim, RemovesSurroundingWhitespace) {
    EXPECT_EQ(Trim("  a b \t\n"), "a b");
    EXPECT_EQ(Trim("   "), "");
}

TEST(Split, KeepsEmptyParts) {
    const auto parts = Split("a,,b", ',');
    ASSERT_EQ(parts.size(), 3U);
    EXPECT_EQ(parts[0], "a");
    EXPECT_EQ(parts[1], "");
    EXPECT_EQ(parts[2], "b");
}

TEST(ParseRfc3339, ReadsUtcAndOffsetsAndRejectsTheRest) {
    using namespace std::chrono;
    const sys_seconds t = sys_days{year{2026} / 11 / 23} + hours{10};
    EXPECT_EQ(ParseRfc3339("2026-11-23T10:00:00Z"), t);
    EXPECT_EQ(ParseRfc3339("2026-11-23T11:00:00.250+01:00"), t);
    EXPECT_EQ(ParseRfc3339("2026-11-23T09:30:00-00:30"), t);
    for (const char* bad :
         {"",
          "2026-11-23",
          "2026-11-23T10:00:00",
          "2026-02-30T10:00:00Z",
          "2026-11-23T24:00:00Z",
          "2026-11-23T10:00:00Zjunk",
          "tomorrow",
          "2026-11-23T10:00:00+1:00"}) {
        EXPECT_FALSE(ParseRfc3339(bad)) << bad;
    }
    EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2026-11-23T10:00:00Z")), "2026-11-23T10:00:00Z");
}

TEST(FormatRfc3339, WritesUtcWithZ) {
    using namespace std::chrono;
    const sys_seconds t = sys_days{year{2026} / 3 / 29} + hours{1} + minutes{2} + seconds{3};
    EXPECT_EQ(FormatRfc3339(t), "2026-03-29T01:02:03Z");
}

}  // namespace
}  // namespace dialler
