#include "dialler/adapters/http/json_body.hpp"

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

Result<std::string> RequireString(
    const nlohmann::json& object, const std::string& key, std::size_t max_length
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
    if (value.size() > max_length) {
        return InvalidField(key, key + " is too long");
    }
    return value;
}

Response Json(const nlohmann::json& body, int status) {
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

}  // namespace dialler::adapters::http
