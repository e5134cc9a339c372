#include <algorithm>
#include <cstdint>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/webhooks.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

namespace {

const Access kFloor = Access::Floor();
const Access kReaders = Access::FloorAndAdmins();

// The text (the sender's words or a template) and idempotency key of a request to send one
// (/api/sms/send, a reply).
struct TextRequest {
    app::TextToSend text;
    std::string key;
};

Result<TextRequest> ParseTextRequest(const nlohmann::json& body) {
    TextRequest out;
    if (body.contains("templateId")) {
        if (body.contains("body")) {
            return InvalidField("body", "give body or templateId, not both");
        }
        DIALLER_ASSIGN_OR_RETURN(out.text.template_id, RequireId(body, "templateId"));
    } else {
        // The text's own rules (length, characters) are the service's; this only refuses what
        // cannot be a text at all before it is copied.
        DIALLER_ASSIGN_OR_RETURN(
            out.text.body,
            RequireString(body, "body", 8 * domain::kMaxSmsLength, TextRule::kMultiline)
        );
    }
    if (body.contains("idempotencyKey")) {
        DIALLER_ASSIGN_OR_RETURN(out.key, RequireString(body, "idempotencyKey", 64));
    }
    return out;
}

// A send's answer: the text queued, or the gate's refusal.
Result<Response> SentOrRefused(const app::SendSmsResult& sent, const Request& req) {
    if (!sent.sms) {
        return GateRefusal(sent.refusal, "the contact rules do not allow this text now", req);
    }
    return Json({{"sms", SmsJson(*sent.sms)}}, 201);
}

void AddSendRoutes(Router& router, const SmsRouteDeps& d) {
    router.Add(
        {"POST",
         "/api/sms/send",
         kFloor.OrKey(app::MachineAction::kSms),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
             DIALLER_ASSIGN_OR_RETURN(const TextRequest text, ParseTextRequest(body));
             const domain::Agent& sender = req.session->agent;
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ComposedText composed, d.templates.Compose(text.text, user, sender)
             );
             DIALLER_ASSIGN_OR_RETURN(
                 const app::SendSmsResult sent,
                 d.sms.Send(
                     sender,
                     user,
                     composed.body,
                     text.key,
                     req.Context(),
                     app::TextRight::kHoldOrCalled,
                     composed.FromTemplate()
                 )
             );
             return SentOrRefused(sent, req);
         }}
    );
    router.Add({"GET", "/api/sms/messages", kReaders, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const domain::UserId user, RequireUserIdParam(req.query)
                    );
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& s : d.sms.ForUser(req.session->agent, user)) {
                        out.push_back(SmsJson(s));
                    }
                    // The customer's own texts are in their conversation: where to read them.
                    nlohmann::json conversation = nullptr;
                    if (req.session->agent.role != domain::Role::kAdmin) {
                        if (const auto c = d.inbox.ForCustomer(req.session->agent, user)) {
                            conversation = {
                                {"id", std::to_string(c->id)},
                                {"unreadCount", c->unread},
                                {"status", c->open ? "open" : "closed"}};
                        }
                    }
                    return Json({{"messages", out}, {"conversation", conversation}});
                }});
}

nlohmann::json ConversationJson(const app::ConversationView& v) {
    const app::SmsConversation& c = v.conversation;
    const auto optional = [](const std::optional<std::string>& text) {
        return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
    };
    return {
        {"id", std::to_string(c.id)},
        {"userId", c.user_id ? nlohmann::json(c.user_id->ToString()) : nlohmann::json(nullptr)},
        {"customerName", optional(v.customer_name)},
        {"phone", MaskedNumber(c.phone_e164)},
        {"status", c.open ? "open" : "closed"},
        {"assignedAgentId",
         c.assigned_agent_id ? nlohmann::json(c.assigned_agent_id->ToString())
                             : nlohmann::json(nullptr)},
        {"assignedAgentName", optional(v.agent_name)},
        {"unreadCount", c.unread},
        {"needsAttention", c.needs_attention},
        {"lastMessage", c.last_message},
        {"lastMessageAt", TimeJson(c.last_message_at)},
    };
}

nlohmann::json ThreadJson(const app::ConversationThread& t) {
    nlohmann::json conversation = ConversationJson(t.view);
    conversation["optedOut"] = t.opted_out;
    conversation["canReply"] = !t.reply_blocked;
    conversation["replyBlockedReason"] =
        t.reply_blocked ? nlohmann::json(*t.reply_blocked) : nlohmann::json(nullptr);
    nlohmann::json messages = nlohmann::json::array();
    for (const app::ThreadEntry& e : t.entries) {
        messages.push_back({
            {"id", (e.inbound ? "in-" : "out-") + std::to_string(e.id)},
            {"direction", e.inbound ? "inbound" : "outbound"},
            {"body", e.body},
            {"at", TimeJson(e.at)},
            {"status",
             e.status ? nlohmann::json(domain::SmsStatusName(*e.status)) : nlohmann::json(nullptr)},
            {"agentId",
             e.agent_id ? nlohmann::json(e.agent_id->ToString()) : nlohmann::json(nullptr)},
            {"consent",
             e.inbound && e.consent != domain::InboundConsent::kNone
                 ? nlohmann::json(domain::InboundConsentName(e.consent))
                 : nlohmann::json(nullptr)},
        });
    }
    return {{"conversation", conversation}, {"messages", messages}};
}

Response ConversationResponse(const app::ConversationView& view) {
    return Json({{"conversation", ConversationJson(view)}});
}

void AddConversationRoutes(Router& router, const SmsRouteDeps& d) {
    router.Add({"GET", "/api/sms/conversations", kFloor, [d](Request& req) -> Result<Response> {
                    const auto query = ParseQuery(req.query);
                    const auto status = query.find("status");
                    const std::string wanted = status == query.end() ? "open" : status->second;
                    if (wanted != "open" && wanted != "closed") {
                        return InvalidField("status", "status must be open or closed");
                    }
                    const domain::Agent& viewer = req.session->agent;
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& v : d.inbox.List(viewer, wanted == "open")) {
                        out.push_back(ConversationJson(v));
                    }
                    return Json({{"conversations", out}, {"unreadTotal", d.inbox.Unread(viewer)}});
                }});
    router.Add({"GET", "/api/sms/unread", kFloor, [d](Request& req) -> Result<Response> {
                    return Json({{"unread", d.inbox.Unread(req.session->agent)}});
                }});
    router.Add(
        {"GET",
         "/api/sms/conversations/:id/messages",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ConversationThread thread, d.inbox.Thread(req.session->agent, id)
             );
             return Json(ThreadJson(thread));
         }}
    );
    router.Add(
        {"POST",
         "/api/sms/conversations/:id/messages",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(const TextRequest text, ParseTextRequest(body));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::SendSmsResult sent,
                 d.inbox.Reply(req.session->agent, id, text.text, text.key, req.Context())
             );
             return SentOrRefused(sent, req);
         }}
    );
    router.Add(
        {"POST",
         "/api/sms/conversations/:id/read",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ConversationView view,
                 d.inbox.MarkRead(req.session->agent, id, req.Context())
             );
             return ConversationResponse(view);
         }}
    );
    router.Add(
        {"POST",
         "/api/sms/conversations/:id/assign",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             DIALLER_ASSIGN_OR_RETURN(
                 const auto agent_id,
                 RequireNullableId(body, "agentId", "agentId is required (null to unassign)")
             );
             const auto agent = agent_id ? std::optional(domain::AgentId{*agent_id}) : std::nullopt;
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ConversationView view,
                 d.inbox.Assign(req.session->agent, id, agent, req.Context())
             );
             return ConversationResponse(view);
         }}
    );
    for (const bool open : {false, true}) {
        router.Add(
            {"POST",
             open ? "/api/sms/conversations/:id/reopen" : "/api/sms/conversations/:id/close",
             kFloor,
             [d, open](Request& req) -> Result<Response> {
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                 DIALLER_ASSIGN_OR_RETURN(
                     const app::ConversationView view,
                     d.inbox.SetOpen(req.session->agent, id, open, req.Context())
                 );
                 return ConversationResponse(view);
             }}
        );
    }
}

nlohmann::json TemplateJson(const app::SmsTemplate& t) {
    return {
        {"id", std::to_string(t.id)},
        {"name", t.name},
        {"kind", domain::TemplateKindName(t.kind)},
        {"body", t.body},
        {"version", t.version},
        {"active", t.active},
        {"changedBy",
         t.changed_by ? nlohmann::json(t.changed_by->ToString()) : nlohmann::json(nullptr)},
        {"changedAt", TimeJson(t.changed_at)},
    };
}

Result<app::TemplateInput> ParseTemplateInput(const nlohmann::json& body) {
    app::TemplateInput in;
    // Bytes: the domain's 80 characters, each up to 4 bytes of UTF-8; the domain counts them.
    constexpr std::size_t kMaxNameBytes = 320;
    DIALLER_ASSIGN_OR_RETURN(in.name, RequireString(body, "name", kMaxNameBytes));
    DIALLER_ASSIGN_OR_RETURN(in.kind, RequireString(body, "kind", 20));
    DIALLER_ASSIGN_OR_RETURN(
        in.body, RequireString(body, "body", 8 * domain::kMaxSmsLength, TextRule::kMultiline)
    );
    return in;
}

Response TemplateResponse(const app::SmsTemplate& t, int status = 200) {
    return Json({{"template", TemplateJson(t)}}, status);
}

void AddTemplateRoutes(Router& router, const SmsRouteDeps& d) {
    const Access admins = Access::Roles({domain::Role::kAdmin});
    router.Add({"GET", "/api/sms/templates", kReaders, [d](Request& req) -> Result<Response> {
                    const auto query = ParseQuery(req.query);
                    const auto all = query.find("includeRetired");
                    const bool retired = all != query.end() && all->second == "true";
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& t : d.templates.List(retired)) {
                        out.push_back(TemplateJson(t));
                    }
                    return Json({{"templates", out}});
                }});
    router.Add({"POST", "/api/sms/templates", admins, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(const app::TemplateInput in, ParseTemplateInput(body));
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::SmsTemplate t,
                        d.templates.Create(req.session->agent, in, req.Context())
                    );
                    return TemplateResponse(t, 201);
                }});
    router.Add({"PUT", "/api/sms/templates/:id", admins, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    if (!body.contains("version")) {
                        return InvalidField("version", "version is required: the one you changed");
                    }
                    DIALLER_ASSIGN_OR_RETURN(
                        const std::int64_t version,
                        RequireInteger(body["version"], "version", 1, 1'000'000)
                    );
                    DIALLER_ASSIGN_OR_RETURN(const app::TemplateInput in, ParseTemplateInput(body));
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::SmsTemplate t,
                        d.templates.Update(
                            req.session->agent, id, static_cast<int>(version), in, req.Context()
                        )
                    );
                    return TemplateResponse(t);
                }});
    for (const bool active : {false, true}) {
        router.Add(
            {"POST",
             active ? "/api/sms/templates/:id/restore" : "/api/sms/templates/:id/retire",
             admins,
             [d, active](Request& req) -> Result<Response> {
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                 DIALLER_ASSIGN_OR_RETURN(
                     const app::SmsTemplate t,
                     d.templates.SetActive(req.session->agent, id, active, req.Context())
                 );
                 return TemplateResponse(t);
             }}
        );
    }
    router.Add(
        {"GET",
         "/api/sms/templates/:id/preview",
         kFloor,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserIdParam(req.query));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::ComposedText text,
                 d.templates.Compose({"", id}, user, req.session->agent)
             );
             return Json(
                 {{"body", text.body},
                  {"templateId", std::to_string(id)},
                  {"templateVersion", text.template_version}}
             );
         }}
    );
}

void AddSmsWebhookRoutes(Router& router, const SmsRouteDeps& d) {
    router.Add(
        {"POST",
         "/api/webhooks/twilio/sms",
         Access::Public(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(
                 const UrlEncodedPairs p, VerifiedWebhook(req, d.telephony, d.public_url)
             );
             DIALLER_RETURN_IF_ERROR(d.inbox.Receive(
                 {FormParam(p, "MessageSid"),
                  FormParam(p, "From"),
                  FormParam(p, "To"),
                  FormParam(p, "Body")},
                 req.Context()
             ));
             // Nothing is sent back here: an opt-out's confirmation is the provider's
             // (docs/decisions/0009-opt-out-confirmation.md), answers are an agent's.
             return Twiml(d.telephony, d.telephony.NoReplyResponse());
         },
         BodyKind::kForm}
    );
    router.Add(
        {"POST",
         "/api/webhooks/twilio/sms-status",
         Access::Public(),
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(
                 const UrlEncodedPairs p, VerifiedWebhook(req, d.telephony, d.public_url)
             );
             const auto query = ParseQuery(req.query);
             const auto id = query.find("id");
             if (id == query.end()) {
                 return InvalidField("id", "the report names no text");
             }
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t sms_id, PositiveId(id->second, "id"));
             // A report carries ErrorCode only when something went wrong.
             const std::int64_t code = NumberParam(p, "ErrorCode").value_or(0);
             return Acknowledge(
                 d.sms.OnReport(
                     {sms_id,
                      FormParam(p, "MessageSid"),
                      FormParam(p, "MessageStatus"),
                      static_cast<int>(std::min<std::int64_t>(code, 999999))}
                 ),
                 req
             );
         },
         BodyKind::kForm}
    );
}

}  // namespace

void AddSmsRoutes(Router& router, const SmsRouteDeps& deps) {
    AddSendRoutes(router, deps);
    AddConversationRoutes(router, deps);
    AddTemplateRoutes(router, deps);
    AddSmsWebhookRoutes(router, deps);
}

}  // namespace dialler::adapters::http
