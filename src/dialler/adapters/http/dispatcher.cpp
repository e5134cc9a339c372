#include "dialler/adapters/http/dispatcher.hpp"

#include <exception>
#include <vector>

#include "dialler/adapters/http/cookies.hpp"
#include "dialler/adapters/http/error_response.hpp"
#include "dialler/adapters/http/static_files.hpp"
#include "dialler/base/text.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

namespace {

bool IsApiPath(std::string_view path) {
    return path == "/api" || path.starts_with("/api/");
}

std::string_view MediaTypeName(BodyKind kind) {
    return kind == BodyKind::kForm ? "application/x-www-form-urlencoded" : "application/json";
}

Response MethodNotAllowed(const std::vector<std::string>& allowed, const std::string& request_id) {
    Response r =
        ErrorResponse(405, "method_not_allowed", "This method is not allowed here.", request_id);
    std::string allow;
    for (const std::string& m : allowed) {
        allow += (allow.empty() ? "" : ", ") + m;
    }
    r.headers.emplace_back("Allow", allow);
    return r;
}

}  // namespace

bool IsUnsafeMethod(std::string_view method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool IsMediaType(std::string_view content_type, BodyKind kind) {
    const std::string_view type = Trim(content_type.substr(0, content_type.find(';')));
    return EqualsIgnoreCase(type, MediaTypeName(kind));
}

Dispatcher::Dispatcher(const Router& router, app::AuthService& auth, DispatcherSettings settings)
    : router_(router), auth_(&auth), settings_(std::move(settings)) {}

Dispatcher::Dispatcher(const Router& router, DispatcherSettings settings)
    : router_(router), auth_(nullptr), settings_(std::move(settings)) {}

Result<app::SessionView> Dispatcher::Authenticate(const Request& request) const {
    if (auth_ == nullptr) {
        return Fail(ErrorCode::kUnauthenticated, "This listener has no sessions.");
    }
    return auth_->Authenticate(request.session_token);
}

Response Dispatcher::Handle(Request& request, std::string& route_label) const {
    try {
        return Route(request, route_label);
    } catch (const std::exception& e) {
        platform::LogError(
            "http.unhandled_exception",
            {{"requestId", request.request_id}, {"route", route_label}, {"error", e.what()}}
        );
        return ErrorResponse(
            500,
            "internal",
            "Something went wrong. Quote this request id to support.",
            request.request_id
        );
    }
}

Response Dispatcher::Route(Request& request, std::string& route_label) const {
    route_label = "unmatched";
    if (request.path.size() + request.query.size() > settings_.max_target_bytes) {
        return ErrorResponse(
            414, "uri_too_long", "The request's path and query are too long.", request.request_id
        );
    }
    if (request.header_bytes > settings_.max_header_bytes) {
        return ErrorResponse(
            431,
            "headers_too_large",
            "The request's headers are larger than " +
                std::to_string(settings_.max_header_bytes / 1024) + " KiB.",
            request.request_id
        );
    }
    if (request.body.size() > settings_.max_body_bytes) {
        return ErrorResponse(
            413,
            "payload_too_large",
            "The request body is larger than " + std::to_string(settings_.max_body_bytes / 1024) +
                " KiB.",
            request.request_id
        );
    }
    if (const auto cookie = FindCookie(request.Header("cookie"), kSessionCookie)) {
        request.session_token = *cookie;
    }
    auto match = router_.Match(request.method, request.path);
    if (!match) {
        return Unrouted(request, route_label);
    }
    const class Route& route = *match->route;
    route_label = route.pattern;
    request.path_params = std::move(match->params);

    if (!route.access.is_public) {
        auto session = Authenticate(request);
        if (!session) {
            return ErrorResponse(session.error(), request.request_id);
        }
        request.session = std::move(*session);
        if (!route.access.roles.Contains(request.session->agent.role)) {
            return ErrorResponse(
                Error{ErrorCode::kPermissionDenied, "Your role may not do this.", {}, {}},
                request.request_id
            );
        }
        if (IsUnsafeMethod(request.method) && !route.access.csrf_exempt &&
            !ConstantTimeEquals(request.Header("x-csrf-token"), request.session->csrf_token)) {
            return ErrorResponse(
                Error{
                    ErrorCode::kPermissionDenied, "Missing or wrong X-CSRF-Token header.", {}, {}},
                request.request_id
            );
        }
    }
    if (IsUnsafeMethod(request.method) && !request.body.empty() &&
        !IsMediaType(request.Header("content-type"), route.body)) {
        return ErrorResponse(
            415,
            "unsupported_media_type",
            "Send the body as " + std::string(MediaTypeName(route.body)) +
                " (Content-Type header).",
            request.request_id
        );
    }
    auto result = route.handler(request);
    if (!result) {
        return ErrorResponse(result.error(), request.request_id);
    }
    return std::move(*result);
}

Response Dispatcher::Unrouted(Request& request, std::string& route_label) const {
    if (IsApiPath(request.path)) {
        // Deny by default: without a valid session nobody learns which API paths exist.
        auto session = Authenticate(request);
        if (!session) {
            return ErrorResponse(session.error(), request.request_id);
        }
        const auto allowed = router_.AllowedMethods(request.path);
        if (!allowed.empty()) {
            return MethodNotAllowed(allowed, request.request_id);
        }
        return ErrorResponse(404, "not_found", "No such API route.", request.request_id);
    }
    if (const auto allowed = router_.AllowedMethods(request.path); !allowed.empty()) {
        return MethodNotAllowed(allowed, request.request_id);
    }
    if (request.method != "GET" && request.method != "HEAD") {
        // Everything else outside /api is the web app's files, which are only ever read.
        return MethodNotAllowed({"GET", "HEAD"}, request.request_id);
    }
    route_label = "static";
    const auto file = ResolveStatic(settings_.web_dir, request.path);
    if (!file) {
        return ErrorResponse(404, "not_found", "Not found.", request.request_id);
    }
    Response r;
    r.content_type = file->content_type;
    r.file_path = file->path;
    r.headers.emplace_back("Cache-Control", file->cache_control);
    return r;
}

}  // namespace dialler::adapters::http
