#include "dialler/adapters/http/error_response.hpp"

#include <nlohmann/json.hpp>

namespace dialler::adapters::http {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kAlreadyExists:
        case ErrorCode::kFailedPrecondition:
            return 409;
        case ErrorCode::kResourceExhausted:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

namespace {
Response Envelope(
    int status,
    std::string_view code,
    std::string_view message,
    const std::string& field,
    const std::string& request_id
) {
    nlohmann::json error = {{"code", code}, {"message", message}, {"requestId", request_id}};
    if (!field.empty()) {
        error["field"] = field;
    }
    Response r;
    r.status = status;
    r.body = nlohmann::json{{"error", error}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace
    );
    return r;
}
}  // namespace

Response ErrorResponse(
    int status, std::string_view code, std::string_view message, const std::string& request_id
) {
    return Envelope(status, code, message, {}, request_id);
}

Response ErrorResponse(const Error& error, const std::string& request_id) {
    Response r = Envelope(
        HttpStatusFor(error.code), ErrorCodeName(error.code), error.message, error.field, request_id
    );
    if (error.code == ErrorCode::kResourceExhausted && error.retry_after.count() > 0) {
        r.headers.emplace_back("Retry-After", std::to_string(error.retry_after.count()));
    }
    return r;
}

}  // namespace dialler::adapters::http
