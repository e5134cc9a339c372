#include <nlohmann/json.hpp>

#include "dialler/adapters/http/error_response.hpp"
#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/base/text.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

bool IsLoopbackAddress(std::string_view address) {
    if (address == "::1") {
        return true;
    }
    if (address.starts_with("::ffff:")) {
        address.remove_prefix(7);
    }
    return address.starts_with("127.");
}

void AddOpsRoutes(Router& router, app::ReadinessService& readiness, std::string version) {
    // Liveness: answers as long as the process serves requests; checks nothing else, so a slow
    // database never gets a live instance restarted.
    Handler live = [version](Request&) -> Result<Response> {
        return Json({{"status", "ok"}, {"version", version}});
    };
    router.Add({"GET", "/health", Access::Public(), live});
    router.Add({"GET", "/api/health", Access::Public(), live});

    router.Add({"GET", "/ready", Access::Public(), [&readiness](Request& req) -> Result<Response> {
                    const app::ReadinessReport report = readiness.Check();
                    nlohmann::json checks = nlohmann::json::object();
                    for (const auto& [name, outcome] : report.checks) {
                        checks[name] = outcome;
                    }
                    for (const auto& [name, detail] : report.log_details) {
                        platform::LogWarn(
                            "ready.check_failed",
                            {{"requestId", req.request_id}, {"check", name}, {"error", detail}}
                        );
                    }
                    return Json(
                        {{"status", report.ready ? "ready" : "not_ready"}, {"checks", checks}},
                        report.ready ? 200 : 503
                    );
                }});
}

void AddMetricsRoute(Router& router, platform::Metrics& metrics, MetricsAccess access) {
    router.Add(
        {"GET",
         "/metrics",
         Access::Public(),
         [&metrics, access = std::move(access)](Request& req) -> Result<Response> {
             if (!access.token.empty()) {
                 const std::string auth = req.Header("authorization");
                 constexpr std::string_view kBearer = "Bearer ";
                 const bool ok = auth.size() > kBearer.size() &&
                                 EqualsIgnoreCase(auth.substr(0, kBearer.size()), kBearer) &&
                                 ConstantTimeEquals(auth.substr(kBearer.size()), access.token);
                 if (!ok) {
                     Response r = ErrorResponse(
                         Error{
                             ErrorCode::kUnauthenticated,
                             "Send the metrics token as a bearer token.",
                             {},
                             {}},
                         req.request_id
                     );
                     r.headers.emplace_back("WWW-Authenticate", "Bearer");
                     return r;
                 }
             } else if (access.loopback_only && !IsLoopbackAddress(req.client_address)) {
                 return Fail(
                     ErrorCode::kPermissionDenied,
                     "Metrics are served to this machine only (set METRICS_TOKEN or METRICS_BIND)."
                 );
             }
             Response r;
             r.content_type = "text/plain; version=0.0.4; charset=utf-8";
             r.body = metrics.Serialize();
             return r;
         }}
    );
}

void AddConfigWarningsRoute(Router& router, const std::vector<platform::ConfigWarning>& warnings) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& w : warnings) {
        out.push_back({{"code", w.code}, {"message", w.message}});
    }
    router.Add(
        {"GET",
         "/api/admin/warnings",
         Access::Roles({domain::Role::kAdmin}),
         [out](Request&) -> Result<Response> {
             return Json({{"warnings", out}});
         }}
    );
}

void AddTestingRoutes(
    Router& router,
    const std::function<void(std::optional<Timestamp>, bool)>& set_clock,
    TestJobs jobs
) {
    router.Add(
        {"POST",
         "/api/testing/jobs/:name",
         Access::Roles({domain::Role::kAdmin}),
         [jobs = std::move(jobs)](Request& req) -> Result<Response> {
             const std::string& name = req.path_params.at("name");
             const auto job = jobs.find(name);
             if (job == jobs.end()) {
                 return Fail(ErrorCode::kNotFound, "no job " + name + " can be run from here");
             }
             return Json({{"job", name}, {"result", job->second()}});
         }}
    );
    router.Add(
        {"POST",
         "/api/testing/clock",
         Access::Roles({domain::Role::kAdmin}),
         [set_clock](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             bool running = false;
             if (body.contains("running")) {
                 if (!body["running"].is_boolean()) {
                     return InvalidField("running", "running must be true or false");
                 }
                 running = body["running"].get<bool>();
             }
             if (!body.contains("now") || body["now"].is_null()) {
                 set_clock(std::nullopt, false);
                 return Json({{"now", nullptr}});
             }
             DIALLER_ASSIGN_OR_RETURN(const Timestamp now, RequireTime(body, "now"));
             set_clock(now, running);
             return Json(
                 {{"now", FormatRfc3339(std::chrono::floor<std::chrono::seconds>(now))},
                  {"running", running}}
             );
         }}
    );
}

}  // namespace dialler::adapters::http
