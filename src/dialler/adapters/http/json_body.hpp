#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dialler/adapters/http/http_types.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::adapters::http {

// Parses a request body that must be a JSON object. Errors: kInvalidArgument with field "body".
Result<nlohmann::json> ParseJsonObject(std::string_view body);

// What a string member may hold (CheckText in base/text.hpp is the rule).
enum class TextRule {
    kLine,       // one line: codes, ids, names, emails
    kMultiline,  // free text: notes and reasons may hold new lines and tabs
    kSecret,     // passwords: any characters; never stored or shown, only hashed
};

// Reads a required string member (at most `max_length` bytes). Errors: kInvalidArgument naming
// `key` when it is missing, not a string, empty, too long, or holds what `rule` forbids.
Result<std::string> RequireString(
    const nlohmann::json& object,
    const std::string& key,
    std::size_t max_length,
    TextRule rule = TextRule::kLine
);

// Reads an optional string member: nullopt when absent or null; kInvalidArgument naming `key`
// when present but not a string, longer than `max_length`, or holding what `rule` forbids.
Result<std::optional<std::string>> OptionalString(
    const nlohmann::json& object,
    const std::string& key,
    std::size_t max_length,
    TextRule rule = TextRule::kLine
);

// Reads a JSON number that must be a whole number in [min, max]. The range is checked on the
// number as parsed, before any conversion: 18446744073709551615 is refused, never read as -1.
// Errors: kInvalidArgument naming `field`.
Result<std::int64_t> RequireInteger(
    const nlohmann::json& value, const std::string& field, std::int64_t min, std::int64_t max
);

// Reads a required RFC 3339 time member. Errors: kInvalidArgument naming `key`.
Result<Timestamp> RequireTime(const nlohmann::json& object, const std::string& key);

// Parses a query string ("a=1&b=x%20y") into decoded key/value pairs (later keys win).
std::map<std::string, std::string> ParseQuery(std::string_view query);

// Parses a positive integer path or query parameter. Errors: kInvalidArgument naming `field`.
Result<std::int64_t> PositiveId(std::string_view text, const std::string& field);

// Optional query parameters of a search: a positive id, an RFC 3339 time, a whole number in
// [min, max]; nullopt when absent. Errors: kInvalidArgument naming the key.
using QueryParams = std::map<std::string, std::string>;
Result<std::optional<std::int64_t>> QueryId(const QueryParams& query, const std::string& key);
Result<std::optional<Timestamp>> QueryTime(const QueryParams& query, const std::string& key);
Result<std::optional<std::int64_t>> QueryNumber(
    const QueryParams& query, const std::string& key, std::int64_t min, std::int64_t max
);

// The route's `:id`. Errors: kInvalidArgument naming "id".
Result<std::int64_t> PathId(const Request& req);

// A body member naming something by id: a positive whole number as a string (ids are strings in
// the API: they may outgrow a JavaScript number). Errors: kInvalidArgument naming `key`.
Result<std::int64_t> RequireId(const nlohmann::json& object, const std::string& key);
// The same for a member that may be absent or null (nullopt then).
Result<std::optional<std::int64_t>> OptionalId(
    const nlohmann::json& object, const std::string& key
);

// The same for a member that must be present but may be null ("give it to nobody"): nullopt
// for null. Errors: kInvalidArgument naming `key` when it is missing, with `missing` as the
// message.
Result<std::optional<std::int64_t>> RequireNullableId(
    const nlohmann::json& object, const std::string& key, const std::string& missing
);

// The customer a request body names: "userId" (RequireId). Errors: kInvalidArgument naming it.
Result<domain::UserId> RequireUserId(const nlohmann::json& object);
// The same, from a query string ("?userId=1940"). Errors: kInvalidArgument naming "userId".
Result<domain::UserId> RequireUserIdParam(std::string_view query);

// A 200 (or `status`) JSON response.
Response Json(const nlohmann::json& body, int status = 200);

}  // namespace dialler::adapters::http
