#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "dialler/adapters/http/http_types.hpp"
#include "dialler/app/audit_search.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/contact_log.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/follow_up_store.hpp"
#include "dialler/app/inspection_service.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/magic_link_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/app/sms_outbox.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::adapters::http {

// The wire form of the queue engine's values (camelCase keys, ids as strings, RFC 3339 times).
// Used by the HTTP routes and by the `dialler queue` commands, so both print the same shape.
// A 409 for a contact the gate refused: the error envelope, "denials" (every reason) and
// "nextAllowedAt" (when every reason is temporary).
Response GateRefusal(
    const domain::GateDecision& gate, const std::string& message, const Request& req
);

// The contact gate's decision: {"allowed", "denials": [{"code", "message"}], "retryAt"}.
nlohmann::json GateJson(const domain::GateDecision& gate);
nlohmann::json InspectionJson(const app::CustomerInspection& inspection);
// {"customers": [{"userId", "reasons": [codes], "phone": as in the replica | null}], "next"}
nlohmann::json DataQualityJson(const app::InspectionService::DataQualityPage& page);

nlohmann::json QueueCountsJson(const std::vector<app::LeadCounts>& counts);
nlohmann::json DiscoveryRunJson(const app::DiscoveryRun& run);
nlohmann::json ScoreComponentsJson(const std::vector<domain::ScoreComponent>& components);
nlohmann::json TimeJson(const std::optional<Timestamp>& t);
// An optional text: the string, or null.
nlohmann::json Opt(const std::optional<std::string>& v);
// A number as screens show it: {"masked", "type"}, or null.
nlohmann::json MaskedPhoneJson(const std::optional<domain::PhoneNumber>& phone);
// A stored E.164 number as screens show it: masked (domain::MaskPhone).
std::string MaskedNumber(const std::string& e164);
// The customer context handed to an agent with a lead (product.md §4).
nlohmann::json LeadContextJson(
    const app::LeadContext& context, const domain::LenderNames& lenders, Timestamp now
);
nlohmann::json CallbackJson(const app::Callback& callback);
nlohmann::json OutcomeJson(const app::StoredOutcome& outcome);
nlohmann::json SuppressionJson(const app::Suppression& entry);

// An optional id as the wire has it: a string, or null.
nlohmann::json IdJson(const std::optional<std::int64_t>& id);
// A call session (GET /api/call-sessions), a magic link (GET /api/magic-links; its status as at
// `now`) and a text we sent (GET /api/sms/messages): the same shapes wherever they appear.
nlohmann::json CallSessionJson(const app::CallSession& session);
nlohmann::json LinkJson(const app::MagicLink& link, Timestamp now);
nlohmann::json SmsJson(const app::OutboundSms& sms);
// Who is signed in (login, /api/auth/me) and the start of an account on the admin screens.
nlohmann::json AgentJson(const domain::Agent& agent);
nlohmann::json InboundSmsJson(const app::InboundSms& sms);  // the customer's own number in full
nlohmann::json ConversionJson(const app::Conversion& conversion);
nlohmann::json FollowUpJson(const app::FollowUp& follow_up);
nlohmann::json ContactAttemptJson(const app::ContactAttempt& attempt);
nlohmann::json AuditViewJson(const app::AuditView& view);

}  // namespace dialler::adapters::http
