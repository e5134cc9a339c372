#include "dialler/adapters/http/json_body.hpp"

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

}  // namespace
}  // namespace dialler::adapters::http
