#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dialler/adapters/http/http_types.hpp"
#include "dialler/base/error.hpp"

namespace dialler::adapters::http {

// Parses a request body that must be a JSON object. Errors: kInvalidArgument with field "body".
Result<nlohmann::json> ParseJsonObject(std::string_view body);

// Reads a required string member (at most `max_length` bytes). Errors: kInvalidArgument naming
// `key` when it is missing, not a string, empty or too long.
Result<std::string> RequireString(
    const nlohmann::json& object, const std::string& key, std::size_t max_length
);

// A 200 (or `status`) JSON response.
Response Json(const nlohmann::json& body, int status = 200);

}  // namespace dialler::adapters::http
