#include "dialler/base/text.hpp"

#include <string>

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

TEST(CodePoints, CountsCharactersNotBytes) {
    EXPECT_EQ(CodePoints(""), 0U);
    EXPECT_EQ(CodePoints("abc"), 3U);
    EXPECT_EQ(CodePoints("£5 ✓ 😀"), 6U);
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(IsValidUtf8(""));
    EXPECT_TRUE(IsValidUtf8("plain"));
    EXPECT_TRUE(IsValidUtf8("Zo\xC3\xAB \xE2\x82\xAC \xF0\x9F\x93\x9E"));  // Zoë € 📞
}

TEST(IsValidUtf8, RefusesOverlongSurrogatesAndTruncation) {
    EXPECT_FALSE(IsValidUtf8("\xC0\xAE"));          // overlong "."
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong "/"
    EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAE"));      // 3-byte overlong "."
    EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAE"));  // 4-byte overlong "."
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // cut short
    EXPECT_FALSE(IsValidUtf8("\x80"));              // a lone continuation byte
    EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(HasControlCharacters, FindsC0C1AndDelete) {
    using std::string_literals::operator""s;
    EXPECT_FALSE(HasControlCharacters("Called, left a message.", ControlChars::kNone));
    EXPECT_TRUE(HasControlCharacters("a\0b"s, ControlChars::kNone));
    EXPECT_TRUE(HasControlCharacters("a\0b"s, ControlChars::kNewlineAndTab));
    EXPECT_TRUE(HasControlCharacters("bell\x07", ControlChars::kNewlineAndTab));
    EXPECT_TRUE(HasControlCharacters("del\x7F", ControlChars::kNewlineAndTab));
    EXPECT_TRUE(HasControlCharacters("c1\xC2\x85", ControlChars::kNewlineAndTab));
    EXPECT_TRUE(HasControlCharacters("cr\r\n", ControlChars::kNewlineAndTab));
    EXPECT_TRUE(HasControlCharacters("two\nlines", ControlChars::kNone));
    EXPECT_FALSE(HasControlCharacters("two\nlines\tand a tab", ControlChars::kNewlineAndTab));
    EXPECT_FALSE(HasControlCharacters("\xC2\xA3 5", ControlChars::kNone));  // £ is not C1
}

TEST(CheckText, NamesTheFieldForEachRefusal) {
    using std::string_literals::operator""s;
    EXPECT_TRUE(CheckText("Line one\n\tLine two", "notes", 100, ControlChars::kNewlineAndTab));
    for (const std::string& bad :
         {"nul\0"s, "esc\x1B[31m"s, std::string(101, 'x'), "\xC0\xAE"s, "a\xC2\x9B"s}) {
        const Status st = CheckText(bad, "notes", 100, ControlChars::kNewlineAndTab);
        ASSERT_FALSE(st) << bad;
        EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(st.error().field, "notes");
    }
    const Status line = CheckText("two\nlines", "reason", 100, ControlChars::kNone);
    ASSERT_FALSE(line);
    EXPECT_EQ(line.error().field, "reason");
}

TEST(CsvField, QuotesWhatNeedsItAndDefusesFormulas) {
    EXPECT_EQ(CsvField("plain"), "plain");
    EXPECT_EQ(CsvField(""), "");
    EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
    EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(CsvField("+44 7400 123456"), "'+44 7400 123456");
    EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
}

TEST(PercentDecode, DecodesOnceAndRefusesBrokenEscapes) {
    EXPECT_EQ(PercentDecode("a%20b%2Fc+d"), "a b/c+d");
    EXPECT_EQ(PercentDecode("%252e"), "%2e");
    EXPECT_EQ(PercentDecode("%c3%A9"), "\xC3\xA9");
    for (const char* bad : {"%", "%2", "%zz", "abc%", "%g0"}) {
        EXPECT_FALSE(PercentDecode(bad)) << bad;
    }
}

TEST(ConstantTimeEquals, ComparesWholeStrings) {
    EXPECT_TRUE(ConstantTimeEquals("secret-token", "secret-token"));
    EXPECT_FALSE(ConstantTimeEquals("secret-token", "secret-tokem"));
    EXPECT_FALSE(ConstantTimeEquals("secret-token", "secret-token2"));
    EXPECT_FALSE(ConstantTimeEquals("", ""));
}

TEST(FormatDate, RoundTripsThroughParseDate) {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    const std::chrono::year_month_day leap{year{2028}, month{2}, day{29}};
    EXPECT_EQ(FormatDate(leap), "2028-02-29");
    EXPECT_EQ(ParseDate("2028-02-29"), leap);
    for (const char* bad :
         {"2027-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", ""}) {
        EXPECT_FALSE(ParseDate(bad)) << bad;
    }
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
TEST(ParseUrlEncoded, DecodesPlusAndEscapesAndKeepsRepeats) {
    const auto p =
        ParseUrlEncoded("To=%2B447400123456&Caller=client%3Aagent-7&Note=a+b&Note=c&Empty=");
    ASSERT_EQ(p.size(), 5U);
    EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"To", "+447400123456"}));
    EXPECT_EQ(p[1].second, "client:agent-7");
    EXPECT_EQ(p[2].second, "a b");
    EXPECT_EQ(p[3].second, "c");
    EXPECT_EQ(p[4].second, "");
}

TEST(ParseUrlEncoded, KeepsAMalformedEscapeAndSkipsEmptyParts) {
    const auto p = ParseUrlEncoded("a=%zz&&b&c=%41");
    ASSERT_EQ(p.size(), 3U);
    EXPECT_EQ(p[0].second, "%zz");
    EXPECT_EQ(p[1], (std::pair<std::string, std::string>{"b", ""}));
    EXPECT_EQ(p[2].second, "A");
}

TEST(ParseRfc2822, ReadsTwiliosDatesWithAndWithoutTheWeekday) {
    using namespace std::chrono;
    const sys_seconds expected =
        sys_days{year{2026} / 12 / 1} + hours{17} + minutes{5} + seconds{9};
    EXPECT_EQ(ParseRfc2822("Tue, 01 Dec 2026 17:05:09 +0000"), expected);
    EXPECT_EQ(ParseRfc2822("01 Dec 2026 18:05:09 +0100"), expected);
    EXPECT_EQ(ParseRfc2822("Tue, 01 Dec 2026 12:05:09 -0500"), expected);
}

TEST(FormatRfc2822, WritesWhatParseRfc2822Reads) {
    using namespace std::chrono;
    const sys_time<milliseconds> t =
        sys_days{year{2026} / 12 / 1} + hours{17} + minutes{5} + seconds{9} + milliseconds{750};
    EXPECT_EQ(FormatRfc2822(t), "Tue, 01 Dec 2026 17:05:09 +0000");
    EXPECT_EQ(ParseRfc2822(FormatRfc2822(t)), floor<seconds>(t));
    EXPECT_EQ(FormatRfc2822(sys_days{year{1969} / 12 / 31}), "Wed, 31 Dec 1969 00:00:00 +0000");
}

TEST(ParseRfc2822, RefusesWhatIsNotADate) {
    for (const char* bad :
         {"",
          "Tue, 01 Dec 2026",
          "Tue, 32 Dec 2026 17:05:09 +0000",
          "Tue, 01 Dek 2026 17:05:09 +0000",
          "Tue, 01 Dec 2026 24:05:09 +0000",
          "Tue, 01 Dec 2026 17:05:09 0000",
          "Tue, 31 Feb 2026 17:05:09 +0000",
          "2026-12-01T17:05:09Z"}) {
        EXPECT_FALSE(ParseRfc2822(bad)) << bad;
    }
}

}  // namespace dialler
