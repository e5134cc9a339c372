#include <array>
#include <charconv>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/webhooks.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

namespace {

const Access kFloor = Access::Floor();
const Access kCallReaders = Access::FloorAndAdmins();

std::optional<Timestamp> TimeParam(const UrlEncodedPairs& params, std::string_view key) {
    const auto parsed = ParseRfc2822(FormParam(params, key));
    return parsed ? std::optional<Timestamp>(*parsed) : std::nullopt;
}

// What the caller of our number gets: an agent's browser rung, a message, or the end.
Response InboundTwiml(const app::Telephony& telephony, const app::InboundAnswer& answer) {
    if (answer.ring) {
        return Twiml(telephony, telephony.RingAgentResponse(*answer.ring));
    }
    if (answer.voicemail_for) {
        return Twiml(telephony, telephony.VoicemailResponse(answer.message, *answer.voicemail_for));
    }
    return Twiml(
        telephony,
        answer.message.empty() ? telephony.HangUpResponse()
                               : telephony.RefusalResponse(answer.message)
    );
}

void AddWebhookRoutes(Router& router, const CallRouteDeps& d) {
    router.Add(
        {"POST",
         "/api/webhooks/twilio/voice",
         Access::Public(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(
                 const UrlEncodedPairs p, VerifiedWebhook(req, d.telephony, d.public_url)
             );
             const auto query = ParseQuery(req.query);
             const auto step = query.find("step");
             const app::CallStatusEvent dial_end{
                 FormParam(p, "CallSid"),
                 std::nullopt,
                 FormParam(p, "DialCallStatus"),
                 std::nullopt,
                 TimeParam(p, "Timestamp")};
             if (step != query.end() && step->second == "inbound-ended") {
                 // A customer's call that rang an agent: answered and over, or missed.
                 return InboundTwiml(d.telephony, d.inbound.DialEnded(dial_end));
             }
             if (step != query.end() && step->second == "voicemail-ended") {
                 return Twiml(d.telephony, d.telephony.HangUpResponse());
             }
             if (step != query.end()) {
                 // The dial's action: the customer's leg is over, and so is the call.
                 (void)d.calls.OnStatus(dial_end);
                 return Twiml(d.telephony, d.telephony.HangUpResponse());
             }
             if (!FormParam(p, "From").starts_with("client:")) {
                 // A customer calling our number, not an agent's browser.
                 return InboundTwiml(
                     d.telephony,
                     d.inbound.Route(
                         {FormParam(p, "CallSid"), FormParam(p, "From"), FormParam(p, "To")}
                     )
                 );
             }
             const auto session = NumberParam(p, "sessionId");
             auto dial = d.calls.Connect({FormParam(p, "CallSid"), FormParam(p, "From"), session});
             if (!dial) {
                 platform::LogWarn("call.connect_refused", {{"reason", dial.error().message}});
                 return Twiml(
                     d.telephony, d.telephony.RefusalResponse("This call cannot be connected.")
                 );
             }
             return Twiml(d.telephony, d.telephony.DialResponse(*dial));
         },
         BodyKind::kForm}
    );
    router.Add(
        {"POST",
         "/api/webhooks/twilio/status",
         Access::Public(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(
                 const UrlEncodedPairs p, VerifiedWebhook(req, d.telephony, d.public_url)
             );
             const std::string parent = FormParam(p, "ParentCallSid");
             return Acknowledge(
                 d.calls.OnStatus(
                     {FormParam(p, "CallSid"),
                      parent.empty() ? std::nullopt : std::optional(parent),
                      FormParam(p, "CallStatus"),
                      NumberParam(p, "SequenceNumber"),
                      TimeParam(p, "Timestamp")}
                 ),
                 req
             );
         },
         BodyKind::kForm}
    );
    router.Add(
        {"POST",
         "/api/webhooks/twilio/recording",
         Access::Public(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(
                 const UrlEncodedPairs p, VerifiedWebhook(req, d.telephony, d.public_url)
             );
             const app::RecordingEvent event{
                 FormParam(p, "CallSid"),
                 FormParam(p, "RecordingSid"),
                 FormParam(p, "RecordingUrl"),
                 FormParam(p, "RecordingStatus"),
                 static_cast<int>(NumberParam(p, "RecordingDuration").value_or(0))};
             // A missed caller's voicemail names its callback in the (signed) URL we gave.
             const auto query = ParseQuery(req.query);
             if (const auto it = query.find("callbackId"); it != query.end()) {
                 DIALLER_ASSIGN_OR_RETURN(
                     const std::int64_t id, PositiveId(it->second, "callbackId")
                 );
                 return Acknowledge(d.inbound.OnVoicemail(id, event), req);
             }
             return Acknowledge(d.calls.OnRecording(event), req);
         },
         BodyKind::kForm}
    );
}

Result<app::CallSessionFilter> FilterFrom(const QueryParams& query) {
    app::CallSessionFilter filter;
    DIALLER_ASSIGN_OR_RETURN(const auto user, QueryId(query, "userId"));
    DIALLER_ASSIGN_OR_RETURN(const auto agent, QueryId(query, "agentId"));
    if (user) {
        filter.user_id = domain::UserId{*user};
    }
    if (agent) {
        filter.agent_id = domain::AgentId{*agent};
    }
    DIALLER_ASSIGN_OR_RETURN(filter.from, QueryTime(query, "from"));
    DIALLER_ASSIGN_OR_RETURN(filter.to, QueryTime(query, "to"));
    if (filter.from && filter.to && *filter.to <= *filter.from) {
        return InvalidField("to", "to must be after from");
    }
    return filter;
}

// The recordings search: the call filter, and an outcome code, a page and its size.
Result<app::CallSessionFilter> RecordingFilterFrom(const QueryParams& query) {
    DIALLER_ASSIGN_OR_RETURN(app::CallSessionFilter filter, FilterFrom(query));
    filter.recorded_only = true;
    if (const auto it = query.find("outcome"); it != query.end()) {
        const auto outcome = domain::ParseOutcome(it->second);
        if (!outcome) {
            return InvalidField("outcome", "outcome is not one of the known dispositions");
        }
        filter.outcome = std::string(domain::OutcomeCode(*outcome));
    }
    DIALLER_ASSIGN_OR_RETURN(filter.before_id, QueryId(query, "before"));
    DIALLER_ASSIGN_OR_RETURN(const auto limit, QueryNumber(query, "limit", 1, 100));
    filter.limit = static_cast<int>(limit.value_or(50));
    return filter;
}

void AddInboundRoutes(Router& router, const CallRouteDeps& d) {
    router.Add({"GET", "/api/calls/incoming", kFloor, [d](Request& req) -> Result<Response> {
                    nlohmann::json out = nlohmann::json::array();
                    for (const app::IncomingCall& c : d.inbound.Ringing(req.session->agent)) {
                        out.push_back({
                            {"callSessionId", std::to_string(c.session_id)},
                            {"userId", c.user_id.ToString()},
                            {"customerName", Opt(c.customer_name)},
                            {"since", TimeJson(c.since)},
                        });
                    }
                    return Json({{"incoming", out}});
                }});
    router.Add(
        {"POST",
         "/api/call-sessions/:id/answer",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::AnsweredCall answered,
                 d.inbound.Answer(req.session->agent, id, req.Context())
             );
             return Json(
                 {{"lead", LeadContextJson(answered.lead, d.lenders, d.clock.Now())},
                  {"callSession", CallSessionJson(answered.session)}}
             );
         }}
    );
}

void AddVoicemailRoute(Router& router, const CallRouteDeps& d) {
    router.Add(
        {"GET",
         "/api/callbacks/:id/voicemail",
         kCallReaders,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 app::RecordingMedia media,
                 d.inbound.Voicemail(req.session->agent, id, req.Context())
             );
             Response r;
             r.content_type = media.content_type;
             r.body = std::move(media.bytes);
             r.headers.emplace_back("Cache-Control", "no-store");
             return r;
         }}
    );
}

void AddRecordingsRoute(Router& router, const CallRouteDeps& d) {
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add({"GET", "/api/recordings", managers, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::CallSessionFilter filter,
                        RecordingFilterFrom(ParseQuery(req.query))
                    );
                    const app::RecordingPage page = d.recordings.Search(filter);
                    nlohmann::json out = nlohmann::json::array();
                    for (const app::RecordingView& r : page.recordings) {
                        const nlohmann::json call = CallSessionJson(r.call);
                        out.push_back({
                            {"callSessionId", call["id"]},
                            {"at", call["createdAt"]},
                            {"agentId", call["agentId"]},
                            {"userId", call["userId"]},
                            {"customerName", Opt(r.customer_name)},
                            {"direction", call["direction"]},
                            {"outcome", Opt(r.call.outcome_code)},
                            {"talkSeconds", call["talkSeconds"]},
                            {"recording", call["recording"]},
                        });
                    }
                    return Json({{"recordings", out}, {"hasMore", page.has_more}});
                }});
}

void AddSessionRoutes(Router& router, const CallRouteDeps& d) {
    router.Add({"POST", "/api/telephony/token", kFloor, [d](Request& req) -> Result<Response> {
                    // The identity comes from the session, never from the request.
                    const std::string identity = app::CallService::IdentityOf(req.session->agent);
                    return Json(
                        {{"token", d.telephony.VoiceToken(identity, d.clock.Now())},
                         {"identity", identity},
                         {"mode", d.telephony.Mode()},
                         {"ttlSeconds", d.telephony.TokenTtl().count()}}
                    );
                }});
    router.Add({"POST", "/api/call-sessions", kFloor, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::StartCallResult started,
                        d.calls.Start(req.session->agent, user, req.Context())
                    );
                    if (!started.session) {
                        return GateRefusal(
                            started.refusal, "the contact rules do not allow this call now", req
                        );
                    }
                    return Json({{"callSession", CallSessionJson(*started.session)}}, 201);
                }});
    router.Add({"GET", "/api/call-sessions", kCallReaders, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::CallSessionFilter filter, FilterFrom(ParseQuery(req.query))
                    );
                    DIALLER_ASSIGN_OR_RETURN(
                        const std::vector<app::CallSession> sessions,
                        d.calls.List(req.session->agent, filter)
                    );
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& s : sessions) {
                        out.push_back(CallSessionJson(s));
                    }
                    return Json({{"callSessions", out}});
                }});
    router
        .Add({"GET", "/api/call-sessions/:id", kCallReaders, [d](Request& req) -> Result<Response> {
                  DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                  DIALLER_ASSIGN_OR_RETURN(
                      const app::CallSession session, d.calls.Get(req.session->agent, id)
                  );
                  return Json({{"callSession", CallSessionJson(session)}});
              }});
    router.Add(
        {"GET",
         "/api/call-sessions/:id/recording",
         kCallReaders,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 app::RecordingMedia media, d.calls.Recording(req.session->agent, id, req.Context())
             );
             Response r;
             r.content_type = media.content_type;
             r.body = std::move(media.bytes);
             r.headers.emplace_back("Cache-Control", "no-store");
             return r;
         }}
    );
}

nlohmann::json StatusJson(const app::AgentStatusEntry& e) {
    nlohmann::json out = {
        {"agentId", e.agent_id.ToString()},
        {"status", domain::AgentStatusName(e.status)},
        {"reason", e.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.reason)},
        {"since", e.at == Timestamp{} ? nlohmann::json(nullptr) : TimeJson(e.at)},
    };
    if (!e.cause.empty()) {
        out["cause"] = e.cause;
    }
    return out;
}

}  // namespace

void AddAgentDayRoute(
    Router& router, app::AgentDayService& days, const app::SettingsProvider& settings
) {
    router.Add(
        {"GET",
         "/api/agents/me/day",
         kFloor,
         [&days, &settings](Request& req) -> Result<Response> {
             const app::AgentDay day = days.Today(req.session->agent.id);
             const app::AutoDialSettings a = settings.Current().auto_dial;
             nlohmann::json reasons = nlohmann::json::array();
             for (const auto reason : domain::BreakReasons()) {
                 reasons.push_back(reason);
             }
             return Json({
                 {"day",
                  {{"since", TimeJson(day.since)},
                   {"calls", day.calls},
                   {"contacts", day.contacts},
                   {"talkSeconds", day.talk_seconds},
                   {"linksSent", day.links_sent}}},
                 {"autoDial",
                  {{"countdownSeconds", a.countdown.count()},
                   {"maxCallsPerSession", a.max_calls_per_session},
                   {"breakReminderMinutes", a.break_reminder.count()}}},
                 {"pauseReasons", reasons},
             });
         }}
    );
}

void AddAgentStatusRoutes(Router& router, app::AgentStatusService& status) {
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add(
        {"GET",
         "/api/agents/me/status",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [&status](Request& req) -> Result<Response> {
             return Json({{"status", StatusJson(status.Current(req.session->agent.id))}});
         }}
    );
    router.Add(
        {"PUT",
         "/api/agents/me/status",
         kFloor.OrKey(app::MachineAction::kNextLead),
         [&status](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const std::string wanted, RequireString(body, "status", 32));
             DIALLER_ASSIGN_OR_RETURN(const auto reason, OptionalString(body, "reason", 32));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::AgentStatusEntry changed,
                 status.Request(req.session->agent, wanted, reason.value_or(""), req.Context())
             );
             return Json({{"status", StatusJson(changed)}});
         }}
    );
    router.Add({"GET", "/api/agents/status", managers, [&status](Request&) -> Result<Response> {
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& e : status.Floor()) {
                        out.push_back(StatusJson(e));
                    }
                    return Json({{"agents", out}});
                }});
    router.Add(
        {"GET",
         "/api/agents/:id/status-timeline",
         kCallReaders,
         [&status](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             const auto query = ParseQuery(req.query);
             std::array<Timestamp, 2> range{};
             for (std::size_t i = 0; i < range.size(); ++i) {
                 const std::string key = i == 0 ? "from" : "to";
                 const auto it = query.find(key);
                 const auto t = it == query.end() ? std::nullopt : ParseRfc3339(it->second);
                 if (!t) {
                     return InvalidField(key, key + " is required, an RFC 3339 date-time");
                 }
                 range.at(i) = Timestamp{*t};
             }
             DIALLER_ASSIGN_OR_RETURN(
                 const std::vector<app::AgentStatusEntry> timeline,
                 status.Timeline(req.session->agent, domain::AgentId{id}, range[0], range[1])
             );
             nlohmann::json out = nlohmann::json::array();
             for (const auto& e : timeline) {
                 out.push_back(StatusJson(e));
             }
             return Json({{"timeline", out}});
         }}
    );
}

void AddCallRoutes(Router& router, const CallRouteDeps& deps) {
    AddWebhookRoutes(router, deps);
    AddSessionRoutes(router, deps);
    AddInboundRoutes(router, deps);
    AddVoicemailRoute(router, deps);
    AddRecordingsRoute(router, deps);
}

}  // namespace dialler::adapters::http
