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
                    DIALLER_ASSIGN_OR_RETURN(const auto kind, OptionalString(body, "kind", 16));
                    add.kind = kind.value_or("");
                    if (add.kind.empty() || add.kind == "human") {
                        DIALLER_ASSIGN_OR_RETURN(
                            add.password,
                            RequireString(body, "password", kMaxPassword, TextRule::kSecret)
                        );
                    } else {
                        // The service refuses a password for a machine agent, naming the field.
                        DIALLER_ASSIGN_OR_RETURN(
                            const auto password,
                            OptionalString(body, "password", kMaxPassword, TextRule::kSecret)
                        );
                        add.password = password.value_or("");
                    }
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

namespace {

nlohmann::json KeyJson(const app::ApiKey& k) {
    nlohmann::json queues = nlohmann::json::array();
    for (const domain::Queue q : k.queues) {
        queues.push_back(domain::QueueName(q));
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const std::string_view name : k.actions.Names()) {
        actions.push_back(name);
    }
    return {
        {"id", std::to_string(k.id)},
        {"agentId", k.agent_id.ToString()},
        {"prefix", k.prefix},
        {"actions", actions},
        {"queues", queues},
        {"active", k.IsActive()},
        {"createdBy", k.created_by.ToString()},
        {"createdAt", TimeJson(k.created_at)},
        {"lastUsedAt", TimeJson(k.last_used_at)},
        {"revokedAt", TimeJson(k.revoked_at)},
        {"revokedBy", k.revoked_by ? nlohmann::json(k.revoked_by->ToString()) : nlohmann::json()},
    };
}

// A list of strings at `key` (absent: empty), each at most 32 characters.
Result<std::vector<std::string>> StringList(const nlohmann::json& body, const std::string& key) {
    std::vector<std::string> out;
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        return out;
    }
    if (!it->is_array() || it->size() > 8) {
        return InvalidField(key, key + " must be a list of names");
    }
    for (const auto& v : *it) {
        if (!v.is_string() || v.get<std::string>().size() > 32) {
            return InvalidField(key, key + " must be a list of names");
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

void AddApiKeyRoutes(Router& router, app::ApiKeyService& keys) {
    const Access admins = Access::Roles({domain::Role::kAdmin});
    router.Add(
        {"GET",
         "/api/admin/agents/:id/api-keys",
         admins,
         [&keys](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::vector<app::ApiKey> found, keys.ForAgent(domain::AgentId{id})
             );
             nlohmann::json out = nlohmann::json::array();
             for (const auto& k : found) {
                 out.push_back(KeyJson(k));
             }
             return Json({{"keys", out}});
         }}
    );
    router.Add(
        {"POST",
         "/api/admin/agents/:id/api-keys",
         admins,
         [&keys](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const auto actions, StringList(body, "actions"));
             DIALLER_ASSIGN_OR_RETURN(const auto queues, StringList(body, "queues"));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ApiKeyService::CreatedKey created,
                 keys.Create(
                     req.session->agent, domain::AgentId{id}, actions, queues, req.Context()
                 )
             );
             // The only time the key itself leaves the server.
             Response response =
                 Json({{"key", KeyJson(created.key)}, {"secret", created.secret}}, 201);
             response.headers.emplace_back("Cache-Control", "no-store");
             return response;
         }}
    );
    router.Add(
        {"POST",
         "/api/admin/api-keys/:id/revoke",
         admins,
         [&keys](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ApiKey revoked, keys.Revoke(req.session->agent, id, req.Context())
             );
             return Json({{"key", KeyJson(revoked)}});
         }}
    );
}

}  // namespace dialler::adapters::http
