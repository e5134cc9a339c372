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
        {"to", domain::MaskPhone(domain::PhoneNumber{s.to_e164, domain::PhoneType::kUnknown, ""})},
        {"body", s.body},
        {"status", domain::SmsStatusName(s.status)},
        {"attempts", s.attempts},
        {"errorCode", s.error_code != 0 ? nlohmann::json(s.error_code) : nlohmann::json(nullptr)},
        {"createdAt", TimeJson(s.created_at)},
        {"updatedAt", TimeJson(s.updated_at)},
    };
}

void AddSendRoutes(Router& router, const SmsRouteDeps& d) {
    router.Add({"POST", "/api/sms/send", kFloor, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObject(req.body));
                    DIALLER_ASSIGN_OR_RETURN(const domain::UserId user, RequireUserId(body));
                    // The text's own rules (length, characters) are the service's; this only
                    // refuses what cannot be a text at all before it is copied.
                    DIALLER_ASSIGN_OR_RETURN(
                        const std::string text,
                        RequireString(body, "body", 8 * domain::kMaxSmsLength, TextRule::kMultiline)
                    );
                    std::string key;
                    if (body.contains("idempotencyKey")) {
                        DIALLER_ASSIGN_OR_RETURN(key, RequireString(body, "idempotencyKey", 64));
                    }
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::SendSmsResult sent,
                        d.sms.Send(req.session->agent, user, text, key, req.Context())
                    );
                    if (!sent.sms) {
                        return GateRefusal(
                            sent.refusal, "the contact rules do not allow this text now", req
                        );
                    }
                    return Json({{"sms", SmsJson(*sent.sms)}}, 201);
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

void AddSmsWebhookRoutes(Router& router, const SmsRouteDeps& d) {
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
    AddSmsWebhookRoutes(router, deps);
}

}  // namespace dialler::adapters::http
