#include <nlohmann/json.hpp>

#include "dialler/adapters/http/cookies.hpp"
#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/credentials.hpp"

namespace dialler::adapters::http {

namespace {

std::string Rfc3339(Timestamp t) {
    return FormatRfc3339(std::chrono::floor<std::chrono::seconds>(t));
}

nlohmann::json SessionJson(const app::SessionView& s) {
    return {
        {"agent", AgentJson(s.agent)},
        {"csrfToken", s.csrf_token},
        {"expiresAt", Rfc3339(s.expires_at)},
        {"idleExpiresAt", Rfc3339(s.idle_expires_at)},
    };
}

}  // namespace

void AddAuthRoutes(
    Router& router, app::AuthService& auth, CookieSettings cookies, app::AgentActivity* activity
) {
    router.Add(
        {"POST",
         "/api/auth/login",
         Access::Public(),
         [&auth, cookies, activity](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string email, RequireString(body, "email", domain::kMaxEmailLength)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string password,
                 RequireString(body, "password", domain::kMaxPasswordLength, TextRule::kSecret)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 app::LoginResult login, auth.Login(email, password, req.Context())
             );
             if (activity != nullptr) {
                 activity->Happened(login.session.agent.id, domain::StatusCause::kLogin);
             }
             Response r = Json(SessionJson(login.session));
             // A browser-session cookie (no Max-Age): it dies with the browser on a shared
             // floor workstation; the server enforces the idle and absolute expiry.
             r.headers.emplace_back(
                 "Set-Cookie", SessionCookie(login.token, std::nullopt, cookies.secure)
             );
             return r;
         }}
    );

    router.Add(
        {"POST",
         "/api/auth/logout",
         Access::AnyRole(),
         [&auth, cookies, activity](Request& req) -> Result<Response> {
             auth.Logout(*req.session, req.Context());
             if (activity != nullptr) {
                 activity->Happened(req.session->agent.id, domain::StatusCause::kLogout);
             }
             Response r = Json({{"ok", true}});
             r.headers.emplace_back(
                 "Set-Cookie", SessionCookie("", std::chrono::seconds{0}, cookies.secure)
             );
             return r;
         }}
    );

    router.Add({"GET", "/api/auth/me", Access::AnyRole(), [](Request& req) -> Result<Response> {
                    return Json(SessionJson(*req.session));
                }});
}

}  // namespace dialler::adapters::http
