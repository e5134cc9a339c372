#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"

namespace dialler::adapters::http {

namespace {

constexpr std::size_t kMaxReason = 2000;

nlohmann::json HoldJson(const app::LegalHold& h) {
    return {
        {"id", std::to_string(h.id)},
        {"userId", h.user_id.ToString()},
        {"reason", h.reason},
        {"active", h.IsActive()},
        {"placedBy", h.placed_by.ToString()},
        {"placedAt", TimeJson(h.placed_at)},
        {"releasedBy",
         h.released_by ? nlohmann::json(h.released_by->ToString()) : nlohmann::json(nullptr)},
        {"releasedAt", TimeJson(h.released_at)},
        {"releaseReason", h.release_reason},
    };
}

}  // namespace

void AddLegalHoldRoutes(Router& router, app::RetentionService& retention) {
    const Access admins = Access::Roles({domain::Role::kAdmin});
    router.Add(
        {"GET",
         "/api/admin/legal-holds",
         admins,
         [&retention](Request& req) -> Result<Response> {
             const auto query = ParseQuery(req.query);
             bool released = false;
             if (const auto it = query.find("includeReleased"); it != query.end()) {
                 if (it->second != "true" && it->second != "false") {
                     return InvalidField(
                         "includeReleased", "includeReleased must be true or false"
                     );
                 }
                 released = it->second == "true";
             }
             nlohmann::json out = nlohmann::json::array();
             for (const auto& h : retention.Holds(released)) {
                 out.push_back(HoldJson(h));
             }
             return Json({{"holds", out}});
         }}
    );
    router.Add(
        {"POST",
         "/api/admin/legal-holds",
         admins,
         [&retention](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string user_text, RequireString(body, "userId", 20)
             );
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t user, PositiveId(user_text, "userId"));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string reason,
                 RequireString(body, "reason", kMaxReason, TextRule::kMultiline)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::LegalHold placed,
                 retention.PlaceHold(
                     req.session->agent, domain::UserId{user}, reason, req.Context()
                 )
             );
             return Json({{"hold", HoldJson(placed)}}, 201);
         }}
    );
    router.Add(
        {"POST",
         "/api/admin/legal-holds/:id/release",
         admins,
         [&retention](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string reason,
                 RequireString(body, "reason", kMaxReason, TextRule::kMultiline)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::LegalHold released,
                 retention.ReleaseHold(req.session->agent, id, reason, req.Context())
             );
             return Json({{"hold", HoldJson(released)}});
         }}
    );
}

}  // namespace dialler::adapters::http
