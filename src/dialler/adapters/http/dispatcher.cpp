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

Dispatcher::Dispatcher(
    const Router& router,
    app::AuthService& auth,
    DispatcherSettings settings,
    app::ApiKeyService* keys
)
    : router_(router), auth_(&auth), settings_(std::move(settings)), keys_(keys) {}

Dispatcher::Dispatcher(const Router& router, DispatcherSettings settings)
    : router_(router), auth_(nullptr), settings_(std::move(settings)) {}

Result<app::SessionView> Dispatcher::Authenticate(const Request& request) const {
    if (auth_ == nullptr) {
        return Fail(ErrorCode::kUnauthenticated, "This listener has no sessions.");
    }
    return auth_->Authenticate(request.session_token);
}

Status Dispatcher::Identify(Request& request) const {
    const std::string authorization = request.Header("authorization");
    if (authorization.empty()) {
        DIALLER_ASSIGN_OR_RETURN(app::SessionView session, Authenticate(request));
        request.session = std::move(session);
        return Ok();
    }
    // A machine agent's key. A header that is present but not a bearer key is refused rather
    // than ignored: falling back to a cookie would hide the caller's mistake.
    constexpr std::string_view kBearer = "Bearer ";
    const std::string_view value = authorization;
    if (keys_ == nullptr || value.size() <= kBearer.size() ||
        !EqualsIgnoreCase(value.substr(0, kBearer.size()), kBearer)) {
        return Fail(
            ErrorCode::kUnauthenticated,
            "Send an API key as the header Authorization: Bearer <key>."
        );
    }
    DIALLER_ASSIGN_OR_RETURN(
        app::MachineCaller caller, keys_->Authenticate(Trim(value.substr(kBearer.size())))
    );
    request.session = app::SessionView{
        std::move(caller.agent),
        app::SessionId{},
        std::string{},
        Timestamp::max(),
        Timestamp::max()};
    request.machine_actions = caller.actions;
    return Ok();
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
        if (const Status who = Identify(request); !who) {
            return ErrorResponse(who.error(), request.request_id);
        }
        // A key reaches only the routes of the actions it was given.
        if (request.machine_actions &&
            (!route.access.machine_action ||
             !request.machine_actions->Contains(*route.access.machine_action))) {
            return ErrorResponse(
                Error{ErrorCode::kPermissionDenied, "This API key may not do this.", {}, {}},
                request.request_id
            );
        }
        if (!route.access.roles.Contains(request.session->agent.role)) {
            return ErrorResponse(
                Error{ErrorCode::kPermissionDenied, "Your role may not do this.", {}, {}},
                request.request_id
            );
        }
        // CSRF guards cookies, which a browser sends by itself; a key is sent only on purpose.
        if (IsUnsafeMethod(request.method) && !route.access.csrf_exempt &&
            !request.machine_actions &&
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
        if (const Status who = Identify(request); !who) {
            return ErrorResponse(who.error(), request.request_id);
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
