#include "dialler/adapters/http/json_body.hpp"

#include <charconv>

#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
    auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        return InvalidField("body", "body is not valid JSON");
    }
    if (!parsed.is_object()) {
        return InvalidField("body", "body must be a JSON object");
    }
    return parsed;
}

namespace {

Status CheckRule(const std::string& value, const std::string& key, std::size_t max, TextRule rule) {
    if (value.size() > max) {
        return InvalidField(key, key + " is too long");
    }
    if (rule == TextRule::kSecret) {
        return Ok();
    }
    return CheckText(
        value,
        key,
        max,
        rule == TextRule::kMultiline ? ControlChars::kNewlineAndTab : ControlChars::kNone
    );
}

}  // namespace

Result<std::string> RequireString(
    const nlohmann::json& object, const std::string& key, std::size_t max_length, TextRule rule
) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return InvalidField(key, key + " is required");
    }
    if (!it->is_string()) {
        return InvalidField(key, key + " must be a string");
    }
    auto value = it->get<std::string>();
    if (value.empty()) {
        return InvalidField(key, key + " is required");
    }
    DIALLER_RETURN_IF_ERROR(CheckRule(value, key, max_length, rule));
    return value;
}

Result<std::optional<std::string>> OptionalString(
    const nlohmann::json& object, const std::string& key, std::size_t max_length, TextRule rule
) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return std::optional<std::string>{};
    }
    if (!it->is_string()) {
        return InvalidField(key, key + " must be a string");
    }
    auto value = it->get<std::string>();
    DIALLER_RETURN_IF_ERROR(CheckRule(value, key, max_length, rule));
    return std::optional<std::string>(std::move(value));
}

Result<std::int64_t> RequireInteger(
    const nlohmann::json& value, const std::string& field, std::int64_t min, std::int64_t max
) {
    const auto out_of_range = [&] {
        return InvalidField(
            field,
            field + " must be a whole number from " + std::to_string(min) + " to " +
                std::to_string(max)
        );
    };
    if (!value.is_number_integer()) {
        return out_of_range();
    }
    // nlohmann keeps non-negative numbers as uint64 and negative ones as int64; each is compared
    // in its own type so nothing wraps.
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (max < 0 || u > static_cast<std::uint64_t>(max) ||
            (min > 0 && u < static_cast<std::uint64_t>(min))) {
            return out_of_range();
        }
        return static_cast<std::int64_t>(u);
    }
    const auto i = value.get<std::int64_t>();
    if (i < min || i > max) {
        return out_of_range();
    }
    return i;
}

Result<Timestamp> RequireTime(const nlohmann::json& object, const std::string& key) {
    DIALLER_ASSIGN_OR_RETURN(const std::string text, RequireString(object, key, 64));
    const auto t = ParseRfc3339(text);
    if (!t) {
        return InvalidField(key, key + " must be an RFC 3339 date-time, e.g. 2026-11-23T10:00:00Z");
    }
    return Timestamp{*t};
}

std::map<std::string, std::string> ParseQuery(std::string_view query) {
    std::map<std::string, std::string> out;
    for (auto& [key, value] : ParseUrlEncoded(query)) {
        out.insert_or_assign(std::move(key), std::move(value));
    }
    return out;
}

Result<std::int64_t> PositiveId(std::string_view text, const std::string& field) {
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || id <= 0) {
        return InvalidField(field, field + " must be a positive whole number");
    }
    return id;
}

Result<std::optional<std::int64_t>> QueryId(const QueryParams& query, const std::string& key) {
    const auto it = query.find(key);
    if (it == query.end()) {
        return std::optional<std::int64_t>();
    }
    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PositiveId(it->second, key));
    return std::optional(id);
}

Result<std::optional<Timestamp>> QueryTime(const QueryParams& query, const std::string& key) {
    const auto it = query.find(key);
    if (it == query.end()) {
        return std::optional<Timestamp>();
    }
    const auto t = ParseRfc3339(it->second);
    if (!t) {
        return InvalidField(key, key + " must be an RFC 3339 date-time");
    }
    return std::optional(Timestamp{*t});
}

Result<std::optional<std::int64_t>> QueryNumber(
    const QueryParams& query, const std::string& key, std::int64_t min, std::int64_t max
) {
    const auto it = query.find(key);
    if (it == query.end()) {
        return std::optional<std::int64_t>();
    }
    std::int64_t n = 0;
    const std::string& text = it->second;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || n < min ||
        n > max) {
        return InvalidField(
            key,
            key + " must be a whole number from " + std::to_string(min) + " to " +
                std::to_string(max)
        );
    }
    return std::optional(n);
}

Result<std::int64_t> PathId(const Request& req) {
    return PositiveId(req.path_params.at("id"), "id");
}

Result<std::int64_t> RequireId(const nlohmann::json& object, const std::string& key) {
    DIALLER_ASSIGN_OR_RETURN(const std::string text, RequireString(object, key, 20));
    return PositiveId(text, key);
}

Result<std::optional<std::int64_t>> RequireNullableId(
    const nlohmann::json& object, const std::string& key, const std::string& missing
) {
    if (!object.contains(key)) {
        return InvalidField(key, missing);
    }
    return OptionalId(object, key);
}

Result<std::optional<std::int64_t>> OptionalId(
    const nlohmann::json& object, const std::string& key
) {
    if (!object.contains(key) || object[key].is_null()) {
        return std::nullopt;
    }
    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, RequireId(object, key));
    return id;
}

Result<domain::UserId> RequireUserId(const nlohmann::json& object) {
    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, RequireId(object, "userId"));
    return domain::UserId{id};
}

Result<domain::UserId> RequireUserIdParam(std::string_view query) {
    const auto params = ParseQuery(query);
    const auto it = params.find("userId");
    if (it == params.end()) {
        return InvalidField("userId", "userId is required");
    }
    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PositiveId(it->second, "userId"));
    return domain::UserId{id};
}

Response Json(const nlohmann::json& body, int status) {
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

}  // namespace dialler::adapters::http
