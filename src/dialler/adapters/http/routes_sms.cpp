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

nlohmann::json SmsJson(const app::OutboundSms& s) {
    return {
        {"id", std::to_string(s.id)},
        {"userId", s.user_id.ToString()},
        {"agentId", s.agent_id ? nlohmann::json(s.agent_id->ToString()) : nlohmann::json(nullptr)},
        {"to", MaskedNumber(s.to_e164)},
        {"body", s.body},
        {"status", domain::SmsStatusName(s.status)},
        {"attempts", s.attempts},
        {"errorCode", s.error_code != 0 ? nlohmann::json(s.error_code) : nlohmann::json(nullptr)},
        {"createdAt", TimeJson(s.created_at)},
        {"updatedAt", TimeJson(s.updated_at)},
    };
}

// The text and idempotency key of a request to send one (/api/sms/send, a reply).
struct TextRequest {
    std::string text;
    std::string key;
};

Result<TextRequest> ParseTextRequest(const nlohmann::json& body) {
    // The text's own rules (length, characters) are the service's; this only refuses what
    // cannot be a text at all before it is copied.
    TextRequest out;
    DIALLER_ASSIGN_OR_RETURN(
        out.text, RequireString(body, "body", 8 * domain::kMaxSmsLength, TextRule::kMultiline)
    );
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
    router.Add({"POST", "/api/sms/send", kFloor, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
                    DIALLER_ASSIGN_OR_RETURN(const TextRequest text, ParseTextRequest(body));
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::SendSmsResult sent,
                        d.sms.Send(req.session->agent, user, text.text, text.key, req.Context())
                    );
                    return SentOrRefused(sent, req);
                }});
    router.Add({"GET", "/api/sms/messages", kReaders, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(
                        const domain::UserId user, RequireUserIdParam(req.query)
                    );
                    nlohmann::json out = nlohmann::json::array();
                    for (const auto& s : d.sms.ForUser(req.session->agent, user)) {
                        out.push_back(SmsJson(s));
                    }
                    return Json({{"messages", out}});
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

Result<std::int64_t> ConversationId(const Request& req) {
    return PositiveId(req.path_params.at("id"), "id");
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
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, ConversationId(req));
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
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, ConversationId(req));
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
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, ConversationId(req));
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
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, ConversationId(req));
             DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
             if (!body.contains("agentId")) {
                 return InvalidField("agentId", "agentId is required (null to unassign)");
             }
             std::optional<domain::AgentId> agent;
             if (!body["agentId"].is_null()) {
                 DIALLER_ASSIGN_OR_RETURN(
                     const std::string text, RequireString(body, "agentId", 20)
                 );
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t agent_id, PositiveId(text, "agentId"));
                 agent = domain::AgentId{agent_id};
             }
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
                 DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, ConversationId(req));
                 DIALLER_ASSIGN_OR_RETURN(
                     const app::ConversationView view,
                     d.inbox.SetOpen(req.session->agent, id, open, req.Context())
                 );
                 return ConversationResponse(view);
             }}
        );
    }
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
    AddSmsWebhookRoutes(router, deps);
}

}  // namespace dialler::adapters::http
