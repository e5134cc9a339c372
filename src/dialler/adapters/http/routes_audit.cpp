#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"

namespace dialler::adapters::http {

namespace {

Result<app::AuditFilter> AuditFilterFrom(const QueryParams& query) {
    app::AuditFilter filter;
    DIALLER_ASSIGN_OR_RETURN(const auto agent, QueryId(query, "agentId"));
    DIALLER_ASSIGN_OR_RETURN(const auto user, QueryId(query, "userId"));
    if (agent) {
        filter.agent_id = domain::AgentId{*agent};
    }
    if (user) {
        filter.user_id = domain::UserId{*user};
    }
    if (const auto it = query.find("action"); it != query.end()) {
        filter.action = it->second;
    }
    DIALLER_ASSIGN_OR_RETURN(filter.from, QueryTime(query, "from"));
    DIALLER_ASSIGN_OR_RETURN(filter.to, QueryTime(query, "to"));
    if (filter.from && filter.to && *filter.to <= *filter.from) {
        return InvalidField("to", "to must be after from");
    }
    DIALLER_ASSIGN_OR_RETURN(filter.before_id, QueryId(query, "before"));
    DIALLER_ASSIGN_OR_RETURN(const auto limit, QueryNumber(query, "limit", 1, 200));
    filter.limit = static_cast<int>(limit.value_or(50));
    return filter;
}

}  // namespace

void AddAuditRoutes(Router& router, app::AuditViewer& viewer) {
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add({"GET", "/api/audit", managers, [&viewer](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::AuditFilter filter, AuditFilterFrom(ParseQuery(req.query))
                    );
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::AuditPage page,
                        viewer.Search(req.session->agent, filter, req.Context())
                    );
                    nlohmann::json out = nlohmann::json::array();
                    for (const app::AuditView& v : page.entries) {
                        out.push_back(AuditViewJson(v));
                    }
                    return Json({{"entries", out}, {"hasMore", page.has_more}});
                }});
}

}  // namespace dialler::adapters::http
