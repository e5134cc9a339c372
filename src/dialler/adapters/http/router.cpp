#include "dialler/adapters/http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

namespace {

std::optional<std::map<std::string, std::string>> MatchPattern(
    std::string_view pattern, std::string_view path
) {
    const auto want = Split(pattern, '/');
    const auto got = Split(path, '/');
    if (want.size() != got.size()) {
        return std::nullopt;
    }
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].starts_with(':')) {
            if (got[i].empty()) {
                return std::nullopt;
            }
            params.emplace(std::string(want[i].substr(1)), std::string(got[i]));
        } else if (want[i] != got[i]) {
            return std::nullopt;
        }
    }
    return params;
}

}  // namespace

void Router::Add(Route route) {
    if (route.pattern.starts_with("/api/") && !route.access.is_public &&
        route.access.roles.Empty()) {
        throw std::logic_error(
            "route " + route.method + " " + route.pattern + " declares no roles"
        );
    }
    for (const Route& r : routes_) {
        if (r.method == route.method && r.pattern == route.pattern) {
            throw std::logic_error("route " + route.method + " " + route.pattern + " added twice");
        }
    }
    routes_.push_back(std::move(route));
}

std::optional<RouteMatch> Router::Match(std::string_view method, std::string_view path) const {
    const std::string_view effective = method == "HEAD" ? std::string_view{"GET"} : method;
    for (const Route& r : routes_) {
        if (r.method != effective) {
            continue;
        }
        if (auto params = MatchPattern(r.pattern, path)) {
            return RouteMatch{&r, std::move(*params)};
        }
    }
    return std::nullopt;
}

std::vector<std::string> Router::AllowedMethods(std::string_view path) const {
    std::vector<std::string> methods;
    const auto add = [&methods](const std::string& m) {
        if (std::find(methods.begin(), methods.end(), m) == methods.end()) {
            methods.push_back(m);
        }
    };
    for (const Route& r : routes_) {
        if (MatchPattern(r.pattern, path)) {
            add(r.method);
            if (r.method == "GET") {
                add("HEAD");
            }
        }
    }
    return methods;
}

}  // namespace dialler::adapters::http
