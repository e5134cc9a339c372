#include "dialler/adapters/http/json_body.hpp"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace dialler::adapters::http {
namespace {

TEST(ParseJsonObject, RejectsMalformedJsonAndNonObjectsAsBody) {
    for (const char* bad : {"", "{", "[1,2]", "\"text\"", "{\"a\":}"}) {
        const auto r = ParseJsonObject(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, "body");
    }
    EXPECT_TRUE(ParseJsonObject(R"({"a":1})"));
}

TEST(RequireString, NamesTheFieldWhenMissingWrongTypedEmptyOrTooLong) {
    const auto body =
        nlohmann::json::parse(R"({"n": 5, "e": "", "l": "abcdef", "ok": "abc", "z": null})");
    for (const char* key : {"missing", "n", "e", "l", "z"}) {
        const auto r = RequireString(body, key, 5);
        ASSERT_FALSE(r) << key;
        EXPECT_EQ(r.error().field, key);
    }
    EXPECT_EQ(*RequireString(body, "ok", 5), "abc");
}

TEST(RequireString, RefusesControlCharactersByRule) {
    const auto body = nlohmann::json::parse(
        R"({"nul":"a\u0000b","esc":"a\u001bb","nl":"a\nb","tab":"a\tb","c1":"a\u0085b","del":"a\u007fb"})"
    );
    for (const char* key : {"nul", "esc", "nl", "tab", "c1", "del"}) {
        const auto line = RequireString(body, key, 100);
        ASSERT_FALSE(line) << key;
        EXPECT_EQ(line.error().field, key);
    }
    for (const char* key : {"nul", "esc", "c1", "del"}) {
        const auto notes = OptionalString(body, key, 100, TextRule::kMultiline);
        ASSERT_FALSE(notes) << key;
        EXPECT_EQ(notes.error().field, key);
    }
    EXPECT_EQ(*RequireString(body, "nl", 100, TextRule::kMultiline), "a\nb");
    EXPECT_EQ(**OptionalString(body, "tab", 100, TextRule::kMultiline), "a\tb");
    EXPECT_EQ(
        *RequireString(body, "esc", 100, TextRule::kSecret),
        "a\x1b"
        "b"
    );
}

TEST(RequireInteger, ChecksTheRangeBeforeConverting) {
    const auto body = nlohmann::json::parse(
        R"({"max":18446744073709551615,"big":9223372036854775808,"i64":9223372036854775807,
            "neg":-5,"small":-9223372036854775808,"three":3,"float":1.5,"text":"3"})"
    );
    EXPECT_EQ(*RequireInteger(body["three"], "three", 0, 10), 3);
    EXPECT_EQ(*RequireInteger(body["neg"], "neg", -10, 10), -5);
    EXPECT_EQ(
        *RequireInteger(
            body["i64"],
            "i64",
            std::numeric_limits<std::int64_t>::min(),
            std::numeric_limits<std::int64_t>::max()
        ),
        std::numeric_limits<std::int64_t>::max()
    );
    for (const char* key : {"max", "big"}) {
        const auto r = RequireInteger(
            body[key],
            key,
            std::numeric_limits<std::int64_t>::min(),
            std::numeric_limits<std::int64_t>::max()
        );
        ASSERT_FALSE(r) << key;
        EXPECT_EQ(r.error().field, key);
    }
    EXPECT_FALSE(RequireInteger(body["neg"], "neg", 0, 10));
    EXPECT_FALSE(RequireInteger(body["small"], "small", -10, 10));
    EXPECT_FALSE(RequireInteger(body["three"], "three", 4, 10));
    EXPECT_FALSE(RequireInteger(body["three"], "three", -10, -4));
    EXPECT_FALSE(RequireInteger(body["float"], "float", 0, 10));
    EXPECT_FALSE(RequireInteger(body["text"], "text", 0, 10));
}

TEST(RequireId, TakesAPositiveWholeNumberAsAStringAndNamesTheMember) {
    const auto body = nlohmann::json::parse(
        R"({"agentId": "12", "zero": "0", "number": 12, "word": "12a", "none": null})"
    );
    EXPECT_EQ(*RequireId(body, "agentId"), 12);
    for (const char* key : {"zero", "number", "word", "none", "missing"}) {
        const auto refused = RequireId(body, key);
        ASSERT_FALSE(refused) << key;
        EXPECT_EQ(refused.error().field, key);
    }
    EXPECT_EQ(*OptionalId(body, "agentId"), 12);
    EXPECT_EQ(*OptionalId(body, "none"), std::nullopt);
    EXPECT_EQ(*OptionalId(body, "missing"), std::nullopt);
    EXPECT_EQ(OptionalId(body, "word").error().field, "word");
    // Present but possibly null: missing is refused with the caller's words.
    EXPECT_EQ(*RequireNullableId(body, "agentId", "say who"), 12);
    EXPECT_EQ(*RequireNullableId(body, "none", "say who"), std::nullopt);
    const auto missing = RequireNullableId(body, "missing", "say who");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().field, "missing");
    EXPECT_EQ(missing.error().message, "say who");
    EXPECT_EQ(RequireNullableId(body, "word", "say who").error().field, "word");
}

}  // namespace
}  // namespace dialler::adapters::http
