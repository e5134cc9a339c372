#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/adapters/http/http_types.hpp"

namespace dialler::adapters::http {

struct Route {
    std::string method;
    std::string pattern;  // "/api/customers/:id/eligibility": ":name" matches one segment
    Access access;
    Handler handler;
    BodyKind body = BodyKind::kJson;
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
};

// The route table. Not thread-safe while routes are being added; read-only (and so thread-safe)
// once the server starts.
class Router {
public:
    // Throws std::logic_error for an /api route that is neither public nor names a role, and for
    // a duplicate method + pattern: both are wiring bugs that must fail at start-up.
    void Add(Route route);

    // Finds the route for `method` and `path`; HEAD matches GET routes.
    std::optional<RouteMatch> Match(std::string_view method, std::string_view path) const;
    // The methods routed for `path`, HEAD included with GET, for 405's Allow header; empty when
    // no route matches the path (404).
    std::vector<std::string> AllowedMethods(std::string_view path) const;

    const std::vector<Route>& Routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace dialler::adapters::http
