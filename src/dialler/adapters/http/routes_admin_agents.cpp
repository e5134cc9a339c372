#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"

namespace dialler::adapters::http {

namespace {

constexpr std::size_t kMaxPassword = 1024;

nlohmann::json AccountJson(const domain::Agent& a) {
    nlohmann::json out = AgentJson(a);
    out["team"] = a.team;
    out["active"] = a.is_active;
    out["createdAt"] = TimeJson(a.created_at);
    out["updatedAt"] = TimeJson(a.updated_at);
    out["passwordChangedAt"] = TimeJson(a.password_changed_at);
    return out;
}

// "queues": ["unsigned", "callbacks"] (empty or absent: every queue) as the service's list.
Result<std::optional<std::string>> QueueList(const nlohmann::json& body) {
    const auto it = body.find("queues");
    if (it == body.end() || it->is_null()) {
        return std::optional<std::string>{};
    }
    if (!it->is_array() || it->size() > 3) {
        return InvalidField("queues", "queues must be a list of unsigned, outstanding, callbacks");
    }
    std::string list;
    for (const auto& q : *it) {
        if (!q.is_string()) {
            return InvalidField(
                "queues", "queues must be a list of unsigned, outstanding, callbacks"
            );
        }
        list += (list.empty() ? "" : ",") + q.get<std::string>();
    }
    return std::optional<std::string>{list};
}

Result<std::optional<bool>> OptionalBool(const nlohmann::json& body, const std::string& key) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        return std::optional<bool>{};
    }
    if (!it->is_boolean()) {
        return InvalidField(key, key + " must be true or false");
    }
    return std::optional<bool>{it->get<bool>()};
}

}  // namespace

void AddAdminAgentRoutes(Router& router, app::AgentService& agents) {
    const Access admins = Access::Roles({domain::Role::kAdmin});
    router.Add({"GET", "/api/admin/agents", admins, [&agents](Request&) -> Result<Response> {
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& a : agents.List()) {
                        out.push_back(AccountJson(a));
                    }
                    return Json({{"agents", out}});
                }});
    router.Add({"POST", "/api/admin/agents", admins, [&agents](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    app::AddAgentRequest add;
                    DIALLER_ASSIGN_OR_RETURN(add.email, RequireString(body, "email", 254));
                    DIALLER_ASSIGN_OR_RETURN(
                        add.display_name, RequireString(body, "displayName", 400)
                    );
                    DIALLER_ASSIGN_OR_RETURN(add.role, RequireString(body, "role", 32));
                    DIALLER_ASSIGN_OR_RETURN(const auto queues, QueueList(body));
                    add.queues = queues.value_or("");
                    DIALLER_ASSIGN_OR_RETURN(const auto team, OptionalString(body, "team", 400));
                    add.team = team.value_or("");
                    DIALLER_ASSIGN_OR_RETURN(
                        add.password,
                        RequireString(body, "password", kMaxPassword, TextRule::kSecret)
                    );
                    DIALLER_ASSIGN_OR_RETURN(
                        const domain::Agent created,
                        agents.Add(add, app::Actor::OfAgent(req.session->agent.id))
                    );
                    return Json({{"agent", AccountJson(created)}}, 201);
                }});
    router.Add(
        {"PATCH",
         "/api/admin/agents/:id",
         admins,
         [&agents](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             app::AgentChanges changes;
             DIALLER_ASSIGN_OR_RETURN(
                 changes.display_name, OptionalString(body, "displayName", 400)
             );
             DIALLER_ASSIGN_OR_RETURN(changes.role, OptionalString(body, "role", 32));
             DIALLER_ASSIGN_OR_RETURN(changes.queues, QueueList(body));
             DIALLER_ASSIGN_OR_RETURN(changes.team, OptionalString(body, "team", 400));
             DIALLER_ASSIGN_OR_RETURN(changes.active, OptionalBool(body, "active"));
             DIALLER_ASSIGN_OR_RETURN(
                 const domain::Agent updated,
                 agents.Update(
                     domain::AgentId{id}, changes, app::Actor::OfAgent(req.session->agent.id)
                 )
             );
             return Json({{"agent", AccountJson(updated)}});
         }}
    );
    router.Add(
        {"POST",
         "/api/admin/agents/:id/password",
         admins,
         [&agents](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string password,
                 RequireString(body, "password", kMaxPassword, TextRule::kSecret)
             );
             DIALLER_RETURN_IF_ERROR(agents.ResetPassword(
                 domain::AgentId{id}, password, app::Actor::OfAgent(req.session->agent.id)
             ));
             return Json({{"ok", true}});
         }}
    );
}

}  // namespace dialler::adapters::http
