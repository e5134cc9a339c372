#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialler/app/api_keys.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::adapters::http {

// A request as the route handlers see it: parsed, size-checked, with the caller resolved.
// Header names are lower case.
struct Request {
    std::string method;
    std::string path;
    std::string query;
    std::map<std::string, std::string> headers;
    std::string body;
    std::map<std::string, std::string> path_params;
    std::string request_id;
    std::string client_address;
    std::size_t header_bytes = 0;             // names and values of every header field as received
    std::optional<app::SessionView> session;  // set for routes that require a role
    std::string session_token;                // the cookie value, when present
    // Set when the caller is a machine agent with an API key (Authorization: Bearer): what the
    // key may do. `session` then holds the machine agent, with no session id and no CSRF token.
    std::optional<app::MachineActionSet> machine_actions;

    std::string Header(const std::string& lower_name) const {
        const auto it = headers.find(lower_name);
        return it == headers.end() ? std::string{} : it->second;
    }
    app::RequestContext Context() const { return app::RequestContext{request_id, client_address}; }
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string file_path;  // when set, the body is this file (read when sent)
    // A body too large to hold (instead of `body`), sent chunked: called on the worker once the
    // status and headers are out, with a `write` that sends one piece and waits for it to go,
    // returning false once the client has gone (then stop). The status cannot change any more,
    // so a fault thrown from it ends the body with `stream_fault_tail` (which must say so) and
    // is logged.
    std::function<void(const std::function<bool(std::string)>& write)> stream;
    std::string stream_fault_tail;
};

using Handler = std::function<Result<Response>(Request&)>;

// What a route reads from a request body. JSON routes refuse any other declared media type
// (415), so a cross-site `text/plain` or form post cannot reach them: browsers send those
// without a CORS preflight, but never `application/json`.
enum class BodyKind {
    kJson,
    kForm,  // application/x-www-form-urlencoded (Twilio's webhooks)
};

// Who may call a route. There is no default: every route states it, and /api routes that are
// not Public() must name at least one role (Router::Add enforces it).
struct Access {
    bool is_public = false;
    domain::RoleSet roles;
    // Cookie-authenticated writes need the X-CSRF-Token header, except routes exempt here
    // (login: there is no session yet).
    bool csrf_exempt = false;
    // The action of a machine agent's API key that reaches this route; none: no key does.
    std::optional<app::MachineAction> machine_action;

    static Access Public() { return Access{true, {}, true, std::nullopt}; }
    static Access Roles(domain::RoleSet roles) { return Access{false, roles, false, std::nullopt}; }
    // This access, and also a machine agent's key allowed `action` (its role must still be one
    // of these roles).
    Access OrKey(app::MachineAction action) const {
        Access a = *this;
        a.machine_action = action;
        return a;
    }
    static Access AnyRole() { return Roles(domain::RoleSet::All()); }
    // Who works the floor: agents and supervisors (calls, texts, links, the queues).
    static Access Floor() { return Roles({domain::Role::kAgent, domain::Role::kSupervisor}); }
    // The floor and admins: reading what the floor did (call sessions, texts, links).
    static Access FloorAndAdmins() {
        return Roles({domain::Role::kAgent, domain::Role::kSupervisor, domain::Role::kAdmin});
    }
};

}  // namespace dialler::adapters::http
