#include <chrono>
#include <cstdint>
#include <limits>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/calling_window.hpp"

namespace dialler::adapters::http {

namespace {

const Access kFloor = Access::Floor();
const Access kManagers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});

Result<domain::UserId> UserParam(const Request& req, const std::string& name) {
    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PositiveId(req.path_params.at(name), name));
    return domain::UserId{id};
}

// The body of a POST that may be empty ("{}" or nothing at all).
Result<nlohmann::json> OptionalBody(const Request& req) {
    if (req.body.empty()) {
        return nlohmann::json::object();
    }
    return ParseJsonObject(req.body);
}

void AddInspectionRoutes(Router& router, QueueRouteDeps d) {
    router.Add({"GET", "/api/queue", Access::AnyRole(), [d](Request&) -> Result<Response> {
                    return Json({{"queues", QueueCountsJson(d.queue.Counts())}});
                }});
    router.Add(
        {"GET",
         "/api/customers/:id/eligibility",
         kManagers,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId id, UserParam(req, "id"));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::CustomerInspection found, d.inspection.Inspect(id)
             );
             return Json(InspectionJson(found));
         }}
    );
    router.Add(
        {"GET",
         "/api/reports/data-quality",
         kManagers,
         [d](Request& req) -> Result<Response> {
             const auto query = ParseQuery(req.query);
             domain::UserId after{0};
             if (const auto it = query.find("after"); it != query.end()) {
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PositiveId(it->second, "after"));
                 after = domain::UserId{id};
             }
             int limit = 100;
             if (const auto it = query.find("limit"); it != query.end()) {
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t n, PositiveId(it->second, "limit"));
                 limit = static_cast<int>(std::min<std::int64_t>(n, INT32_MAX));
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const app::InspectionService::DataQualityPage page,
                 d.inspection.DataQuality(after, limit)
             );
             return Json(DataQualityJson(page));
         }}
    );
    router.Add({"GET", "/api/discovery/runs", kManagers, [d](Request&) -> Result<Response> {
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& run : d.discovery.RecentRuns(20)) {
                        out.push_back(DiscoveryRunJson(run));
                    }
                    return Json({{"runs", out}});
                }});
}

void AddLeadRoutes(Router& router, QueueRouteDeps d) {
    router.Add(
        {"POST",
         "/api/queue/next",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, OptionalBody(req));
             DIALLER_ASSIGN_OR_RETURN(const auto name, OptionalString(body, "queue", 32));
             std::optional<domain::Queue> queue;
             if (name && *name != "any") {
                 queue = domain::ParseQueue(*name);
                 if (!queue) {
                     return InvalidField(
                         "queue", "queue must be unsigned, outstanding, callbacks or any"
                     );
                 }
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const app::NextLeadResult next,
                 d.queue.NextLead(req.session->agent, queue, req.Context())
             );
             if (!next.lead) {
                 return Json(
                     {{"lead", nullptr},
                      {"reason", next.reason},
                      {"refused", next.refused},
                      {"nextCallableAt", TimeJson(next.next_callable_at)}}
                 );
             }
             return Json({{"lead", LeadContextJson(*next.lead, d.lenders, d.clock.Now())}});
         }}
    );
    router.Add(
        {"POST",
         "/api/queue/leads/:userId/heartbeat",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, UserParam(req, "userId"));
             DIALLER_ASSIGN_OR_RETURN(
                 const Timestamp until, d.queue.Heartbeat(req.session->agent, user)
             );
             return Json({{"leaseExpiresAt", TimeJson(until)}});
         }}
    );
    router.Add(
        {"POST",
         "/api/queue/leads/:userId/release",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, UserParam(req, "userId"));
             DIALLER_RETURN_IF_ERROR(d.queue.Release(req.session->agent, user, req.Context()));
             return Json({{"ok", true}});
         }}
    );
    router.Add(
        {"POST",
         "/api/queue/leads/:userId/skip",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, UserParam(req, "userId"));
             DIALLER_RETURN_IF_ERROR(d.queue.Skip(req.session->agent, user, req.Context()));
             return Json({{"ok", true}});
         }}
    );
    // "Call now" from a customer's page: this customer, through the same checks and gate.
    router.Add(
        {"POST",
         "/api/queue/leads/:userId/take",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, UserParam(req, "userId"));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::LeadContext taken, d.queue.Take(req.session->agent, user, req.Context())
             );
             return Json({{"lead", LeadContextJson(taken, d.lenders, d.clock.Now())}});
         }}
    );
    router.Add(
        {"POST",
         "/api/queue/leads/:userId/outcome",
         kFloor.OrKey(app::MachineAction::kOutcome),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, UserParam(req, "userId"));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const std::string code, RequireString(body, "outcome", 64));
             const auto outcome = domain::ParseOutcome(code);
             if (!outcome) {
                 return InvalidField("outcome", "outcome is not one of the known dispositions");
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const auto notes, OptionalString(body, "notes", 2000, TextRule::kMultiline)
             );
             domain::OutcomeInput input{*outcome, notes.value_or(""), std::nullopt};
             if (body.contains("callbackAt") && !body["callbackAt"].is_null()) {
                 DIALLER_ASSIGN_OR_RETURN(const Timestamp at, RequireTime(body, "callbackAt"));
                 input.callback_at = std::chrono::floor<std::chrono::seconds>(at);
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const std::optional<std::int64_t> call, OptionalId(body, "callSessionId")
             );
             if (call) {
                 // Checked first, so a wrong id saves nothing.
                 DIALLER_RETURN_IF_ERROR(d.calls.CheckOutcomeLink(req.session->agent, *call, user));
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const app::StoredOutcome stored,
                 d.queue.RecordOutcome(req.session->agent, user, input, req.Context())
             );
             if (call) {
                 DIALLER_RETURN_IF_ERROR(
                     d.calls.LinkOutcome(req.session->agent, *call, user, stored.id, stored.outcome)
                 );
             }
             d.activity.Happened(req.session->agent.id, domain::StatusCause::kOutcomeSaved);
             return Json({{"outcome", OutcomeJson(stored)}}, 201);
         }}
    );
}

void AddCallbackRoutes(Router& router, QueueRouteDeps d) {
    router.Add({"GET", "/api/callbacks", kFloor, [d](Request& req) -> Result<Response> {
                    const auto query = ParseQuery(req.query);
                    const auto it = query.find("scope");
                    const std::string scope = it == query.end() ? "mine" : it->second;
                    app::CallbackScope s = app::CallbackScope::kMine;
                    if (scope == "team") {
                        s = app::CallbackScope::kTeam;
                    } else if (scope == "overdue") {
                        s = app::CallbackScope::kOverdue;
                    } else if (scope != "mine") {
                        return InvalidField("scope", "scope must be mine, team or overdue");
                    }
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& v : d.callbacks.List(req.session->agent, s)) {
                        nlohmann::json c = CallbackJson(v.callback);
                        c["customerName"] = v.customer_name ? nlohmann::json(*v.customer_name)
                                                            : nlohmann::json(nullptr);
                        out.push_back(std::move(c));
                    }
                    // The server's clock: screens judge "overdue" by it, not by the PC's.
                    return Json({{"callbacks", out}, {"now", TimeJson(d.clock.Now())}});
                }});
    router.Add({"POST", "/api/callbacks", kFloor, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
                    DIALLER_ASSIGN_OR_RETURN(const Timestamp at, RequireTime(body, "scheduledFor"));
                    DIALLER_ASSIGN_OR_RETURN(
                        const auto notes, OptionalString(body, "notes", 2000, TextRule::kMultiline)
                    );
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::Callback created,
                        d.callbacks.Create(
                            req.session->agent, user, at, notes.value_or(""), req.Context()
                        )
                    );
                    return Json({{"callback", CallbackJson(created)}}, 201);
                }});
    router.Add(
        {"POST",
         "/api/callbacks/:id/reschedule",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const Timestamp at, RequireTime(body, "scheduledFor"));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::Callback changed,
                 d.callbacks.Reschedule(req.session->agent, id, at, req.Context())
             );
             return Json({{"callback", CallbackJson(changed)}});
         }}
    );
    router
        .Add({"POST", "/api/callbacks/:id/complete", kFloor, [d](Request& req) -> Result<Response> {
                  DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                  DIALLER_ASSIGN_OR_RETURN(
                      const app::Callback changed,
                      d.callbacks.Complete(req.session->agent, id, req.Context())
                  );
                  return Json({{"callback", CallbackJson(changed)}});
              }});
    router.Add({"POST", "/api/callbacks/:id/cancel", kFloor, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(
                        const std::string reason,
                        RequireString(body, "reason", app::CallbackService::kMaxReason)
                    );
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::Callback changed,
                        d.callbacks.Cancel(req.session->agent, id, reason, req.Context())
                    );
                    return Json({{"callback", CallbackJson(changed)}});
                }});
    router.Add(
        {"POST",
         "/api/callbacks/:id/reassign",
         kManagers,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const auto to,
                 RequireNullableId(
                     body, "agentId", "agentId must be an agent's id, or null for the team"
                 )
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::Callback changed,
                 d.callbacks.Reassign(
                     req.session->agent,
                     id,
                     to ? std::optional(domain::AgentId{*to}) : std::nullopt,
                     req.Context()
                 )
             );
             return Json({{"callback", CallbackJson(changed)}});
         }}
    );
}

void AddSuppressionRoutes(Router& router, QueueRouteDeps d) {
    router.Add({"GET", "/api/suppressions", kManagers, [d](Request& req) -> Result<Response> {
                    const auto query = ParseQuery(req.query);
                    std::optional<domain::UserId> user;
                    if (const auto it = query.find("userId"); it != query.end()) {
                        DIALLER_ASSIGN_OR_RETURN(
                            const std::int64_t id, PositiveId(it->second, "userId")
                        );
                        user = domain::UserId{id};
                    }
                    const bool removed =
                        query.contains("includeRemoved") && query.at("includeRemoved") == "true";
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& e :
                         d.callbacks.ListSuppressions(user, std::nullopt, removed)) {
                        out.push_back(SuppressionJson(e));
                    }
                    return Json({{"suppressions", out}});
                }});
    // Agents may add (a customer asks on the phone never to be called); only managers lift.
    router.Add(
        {"POST",
         "/api/suppressions",
         Access::AnyRole(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const auto user_text, OptionalString(body, "userId", 20));
             std::optional<domain::UserId> user;
             if (user_text) {
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PositiveId(*user_text, "userId"));
                 user = domain::UserId{id};
             }
             DIALLER_ASSIGN_OR_RETURN(const auto phone, OptionalString(body, "phone", 64));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string channel_name, RequireString(body, "channel", 8)
             );
             const auto channel = app::ParseSuppressionChannel(channel_name);
             if (!channel) {
                 return InvalidField("channel", "channel must be call, sms or all");
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string reason, RequireString(body, "reason", 2000, TextRule::kMultiline)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::Suppression added,
                 d.callbacks.Suppress(
                     req.session->agent, user, phone, *channel, reason, req.Context()
                 )
             );
             return Json({{"suppression", SuppressionJson(added)}}, 201);
         }}
    );
    router.Add(
        {"POST",
         "/api/suppressions/:id/remove",
         kManagers,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const std::string reason, RequireString(body, "reason", 2000, TextRule::kMultiline)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::Suppression removed,
                 d.callbacks.Unsuppress(req.session->agent, id, reason, req.Context())
             );
             return Json({{"suppression", SuppressionJson(removed)}});
         }}
    );
}

}  // namespace

void AddQueueRoutes(Router& router, QueueRouteDeps deps) {
    AddInspectionRoutes(router, deps);
    AddLeadRoutes(router, deps);
    AddCallbackRoutes(router, deps);
    AddSuppressionRoutes(router, deps);
}

void AddSettingsRoutes(Router& router, app::SettingsService& settings, const Clock& clock) {
    router.Add(
        {"GET",
         "/api/calling-hours",
         Access::AnyRole(),
         [&settings, &clock](Request& req) -> Result<Response> {
             constexpr std::int64_t kDefaultDays = 14;
             constexpr std::int64_t kMaxDays = 31;
             std::int64_t days = kDefaultDays;
             const auto query = ParseQuery(req.query);
             if (const auto it = query.find("days"); it != query.end()) {
                 DIALLER_ASSIGN_OR_RETURN(days, PositiveId(it->second, "days"));
                 if (days > kMaxDays) {
                     return InvalidField("days", "days must be at most 31");
                 }
             }
             const auto now = std::chrono::floor<std::chrono::seconds>(clock.Now());
             nlohmann::json hours = nlohmann::json::array();
             for (const domain::OpenSpan& span :
                  domain::OpenSpans(now, static_cast<int>(days), settings.Current().gate.windows)) {
                 hours.push_back(
                     {{"opensAt", FormatRfc3339(span.open)},
                      {"closesAt", FormatRfc3339(span.close)}}
                 );
             }
             return Json(
                 {{"timeZone", "Europe/London"}, {"now", FormatRfc3339(now)}, {"hours", hours}}
             );
         }}
    );
    router.Add({"GET", "/api/settings", kManagers, [&settings](Request&) -> Result<Response> {
                    return Json({{"settings", settings.CurrentMap()}});
                }});
    router.Add(
        {"PUT",
         "/api/settings",
         Access::Roles({domain::Role::kAdmin}),
         [&settings](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             const auto it = body.find("settings");
             if (it == body.end() || !it->is_object()) {
                 return InvalidField("settings", "settings must be an object of key: value");
             }
             app::SettingsMap changes;
             for (const auto& [key, value] : it->items()) {
                 if (value.is_string()) {
                     changes.emplace(key, value.get<std::string>());
                 } else if (value.is_number_integer()) {
                     // Each key's own range is the settings codec's; this only refuses numbers
                     // that no setting can hold before they are converted.
                     DIALLER_ASSIGN_OR_RETURN(
                         const std::int64_t number,
                         RequireInteger(
                             value,
                             key,
                             std::numeric_limits<std::int32_t>::min(),
                             std::numeric_limits<std::int32_t>::max()
                         )
                     );
                     changes.emplace(key, std::to_string(number));
                 } else {
                     return InvalidField(key, key + " must be a string or a whole number");
                 }
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const app::SettingsMap updated,
                 settings.Update(changes, req.session->agent, req.Context())
             );
             return Json({{"settings", updated}});
         }}
    );
}

}  // namespace dialler::adapters::http
