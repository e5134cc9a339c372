#include <chrono>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

namespace {

const Access kFloor = Access::Floor();
const Access kReaders = Access::FloorAndAdmins();

// What a customer sees when a link cannot take them on: a plain page, never an error dump.
Response LandingPage(int status, const std::string& title, const std::string& words) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.body =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\"><title>" +
        title +
        "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem "
        "auto;padding:0 1rem;color:#1e293b;line-height:1.5}h1{font-size:1.5rem}</style></head>"
        "<body><main><h1>" +
        title + "</h1><p>" + words + "</p></main></body></html>";
    return r;
}

}  // namespace

void AddMagicLinkRoutes(Router& router, const MagicLinkRouteDeps& d) {
    router.Add(
        {"POST",
         "/api/magic-links",
         kFloor.OrKey(app::MachineAction::kLink),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
             DIALLER_ASSIGN_OR_RETURN(const std::string type, RequireString(body, "type", 40));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::optional<std::int64_t> call, OptionalId(body, "callSessionId")
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::CreatedLink created,
                 d.links.Create(req.session->agent, user, type, call, req.Context())
             );
             if (!created.link) {
                 return GateRefusal(
                     created.refusal, "the contact rules do not allow a text now", req
                 );
             }
             return Json({{"magicLink", LinkJson(*created.link, d.clock.Now())}}, 201);
         }}
    );
    router.Add({"GET", "/api/magic-links", kReaders, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const domain::UserId user, RequireUserIdParam(req.query)
                    );
                    const Timestamp now = d.clock.Now();
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& l : d.links.ForUser(req.session->agent, user)) {
                        out.push_back(LinkJson(l, now));
                    }
                    return Json(
                        {{"magicLinks", out},
                         {"now", FormatRfc3339(std::chrono::floor<std::chrono::seconds>(now))}}
                    );
                }});
    router
        .Add({"POST", "/api/magic-links/:id/revoke", kFloor, [d](Request& req) -> Result<Response> {
                  DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                  DIALLER_ASSIGN_OR_RETURN(
                      const app::MagicLink link,
                      d.links.Revoke(req.session->agent, id, req.Context())
                  );
                  return Json({{"magicLink", LinkJson(link, d.clock.Now())}});
              }});
    router.Add({"GET", "/l/:token", Access::Public(), [d](Request& req) -> Result<Response> {
                    const app::LinkLanding landing =
                        d.links.Open(req.path_params.at("token"), req.Header("user-agent"));
                    switch (landing.kind) {
                        case app::LinkLanding::Kind::kRedirect: {
                            Response r;
                            r.status = 302;
                            r.content_type.clear();
                            r.headers.emplace_back("Location", landing.location);
                            r.headers.emplace_back("Cache-Control", "no-store");
                            r.headers.emplace_back("Referrer-Policy", "no-referrer");
                            return r;
                        }
                        case app::LinkLanding::Kind::kExpired:
                            return LandingPage(
                                410,
                                "This link has expired",
                                "For your security our links only last a short while. Please "
                                "call us, or reply to our text, and we will send you a new one."
                            );
                        case app::LinkLanding::Kind::kRevoked:
                            return LandingPage(
                                410,
                                "This link is no longer active",
                                "We have replaced it with a newer link. Please use the most "
                                "recent text we sent you, or call us for a new one."
                            );
                        case app::LinkLanding::Kind::kUnknown:
                            break;
                    }
                    return LandingPage(
                        404,
                        "We could not find this link",
                        "Please check you opened the whole link from our text, or call us and "
                        "we will send you a new one."
                    );
                }});
}

}  // namespace dialler::adapters::http
