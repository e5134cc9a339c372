#pragma once

#include <cstddef>
#include <string>

#include "dialler/adapters/http/router.hpp"
#include "dialler/app/auth_service.hpp"

namespace dialler::adapters::http {

// The limits above which a request gets a clear 4xx; the listener's hard limits (server.hpp)
// are larger and close the connection.
struct DispatcherSettings {
    std::string web_dir;
    std::size_t max_body_bytes = std::size_t{64} * 1024;
    std::size_t max_target_bytes = std::size_t{8} * 1024;   // path and query: 414 above
    std::size_t max_header_bytes = std::size_t{16} * 1024;  // all header fields: 431 above
};

// Everything between "a request arrived" and "here is the response", without sockets: size
// limits, routing, authentication, role and CSRF checks, the body's media type, the handler,
// and error mapping. The
// RESTinio glue (server.cpp) only converts to and from it, so this is what the unit tests drive.
// Thread-safe once constructed; blocking (runs handlers): call from worker threads.
class Dispatcher {
public:
    // Keeps references to `router`, `auth` and `keys`. Without `keys`, a request presenting an
    // API key gets 401.
    Dispatcher(
        const Router& router,
        app::AuthService& auth,
        DispatcherSettings settings,
        app::ApiKeyService* keys = nullptr
    );
    // Without sessions (a listener of public routes only, e.g. `dialler twilio-sim`): every
    // route that needs a role, and every unknown /api path, answers 401.
    Dispatcher(const Router& router, DispatcherSettings settings);

    // Never throws: a handler's exception becomes a 500 carrying only the request id (the detail
    // is logged). Sets request.path_params, request.session and returns the route label used
    // for metrics and the access log in `route_label`.
    Response Handle(Request& request, std::string& route_label) const;

private:
    Response Route(Request& request, std::string& route_label) const;
    Response Unrouted(Request& request, std::string& route_label) const;

    const Router& router_;
    // Null without sessions.
    app::AuthService* auth_;
    DispatcherSettings settings_;
    app::ApiKeyService* keys_ = nullptr;
    // The session behind the request's cookie (401 without sessions).
    Result<app::SessionView> Authenticate(const Request& request) const;
    // Sets request.session (and request.machine_actions for an API key): from the
    // Authorization header when there is one, else from the session cookie.
    Status Identify(Request& request) const;
};

// Whether `method` changes state (and so needs the CSRF header when cookie-authenticated).
bool IsUnsafeMethod(std::string_view method);

// Whether a Content-Type header value names `kind`'s media type (parameters such as charset
// allowed, case-insensitive).
bool IsMediaType(std::string_view content_type, BodyKind kind);

}  // namespace dialler::adapters::http
