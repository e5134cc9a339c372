#pragma once

#include <cstddef>
#include <string>

#include "dialler/adapters/http/router.hpp"
#include "dialler/app/auth_service.hpp"

namespace dialler::adapters::http {

struct DispatcherSettings {
    std::string web_dir;
    std::size_t max_body_bytes = std::size_t{64} * 1024;
};

// Everything between "a request arrived" and "here is the response", without sockets: size
// limit, routing, authentication, role and CSRF checks, the handler, and error mapping. The
// RESTinio glue (server.cpp) only converts to and from it, so this is what the unit tests drive.
// Thread-safe once constructed; blocking (runs handlers): call from worker threads.
class Dispatcher {
public:
    // Keeps references to `router` and `auth`.
    Dispatcher(const Router& router, app::AuthService& auth, DispatcherSettings settings);

    // Never throws: a handler's exception becomes a 500 carrying only the request id (the detail
    // is logged). Sets request.path_params, request.session and returns the route label used
    // for metrics and the access log in `route_label`.
    Response Handle(Request& request, std::string& route_label) const;

private:
    Response Route(Request& request, std::string& route_label) const;
    Response Unrouted(Request& request, std::string& route_label) const;

    const Router& router_;
    app::AuthService& auth_;
    DispatcherSettings settings_;
};

// Whether `method` changes state (and so needs the CSRF header when cookie-authenticated).
bool IsUnsafeMethod(std::string_view method);

}  // namespace dialler::adapters::http
