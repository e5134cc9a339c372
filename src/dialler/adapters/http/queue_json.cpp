#include "dialler/adapters/http/queue_json.hpp"

#include <algorithm>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/follow_up.hpp"

namespace dialler::adapters::http {

nlohmann::json Opt(const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json MaskedPhoneJson(const std::optional<domain::PhoneNumber>& phone) {
    if (!phone) {
        return nullptr;
    }
    return {{"masked", domain::MaskPhone(*phone)}, {"type", domain::PhoneTypeName(phone->type)}};
}

nlohmann::json TimeJson(const std::optional<Timestamp>& t) {
    if (!t) {
        return nullptr;
    }
    return FormatRfc3339(std::chrono::floor<std::chrono::seconds>(*t));
}

nlohmann::json ScoreComponentsJson(const std::vector<domain::ScoreComponent>& components) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& c : components) {
        a.push_back({{"name", c.name}, {"points", c.points}, {"detail", c.detail}});
    }
    return a;
}

namespace {

nlohmann::json QueueJson(const std::optional<domain::Queue>& q) {
    return q ? nlohmann::json(domain::QueueName(*q)) : nlohmann::json(nullptr);
}

nlohmann::json PhoneJson(const std::optional<domain::PhoneNumber>& phone) {
    if (!phone) {
        return nullptr;
    }
    return {
        {"masked", domain::MaskPhone(*phone)},
        {"type", domain::PhoneTypeName(phone->type)},
        {"region", phone->region},
        {"ukDialable", domain::IsUkDialable(*phone)},
    };
}

}  // namespace

nlohmann::json GateJson(const domain::GateDecision& gate) {
    nlohmann::json denials = nlohmann::json::array();
    for (const auto& d : gate.denials) {
        denials.push_back({{"code", domain::GateReasonCode(d.reason)}, {"message", d.message}});
    }
    return {
        {"allowed", gate.allowed},
        {"denials", denials},
        {"retryAt",
         gate.retry_at ? nlohmann::json(FormatRfc3339(*gate.retry_at)) : nlohmann::json(nullptr)}};
}

Response GateRefusal(
    const domain::GateDecision& gate, const std::string& message, const Request& req
) {
    const nlohmann::json decision = GateJson(gate);
    return Json(
        {{"error",
          {{"code", "failed_precondition"}, {"message", message}, {"requestId", req.request_id}}},
         {"denials", decision["denials"]},
         {"nextAllowedAt", decision["retryAt"]}},
        409
    );
}

nlohmann::json InspectionJson(const app::CustomerInspection& in) {
    const auto& e = in.evaluation;
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto r : e.eligibility.reasons) {
        reasons.push_back(
            {{"code", domain::EligibilityReasonCode(r)}, {"text", domain::EligibilityReasonText(r)}}
        );
    }
    nlohmann::json lease = nullptr;
    nlohmann::json stored = nullptr;
    if (in.stored) {
        const app::Lead& l = *in.stored;
        if (l.lease_agent_id) {
            lease = {
                {"agentId", l.lease_agent_id->ToString()},
                {"expiresAt", TimeJson(l.lease_expires_at)}};
        }
        stored = {
            {"queue", QueueJson(l.queue)},
            {"reasons", l.reasons},
            {"score", l.score},
            {"isClosed", l.is_closed},
            {"isGivenUp", l.is_given_up},
            {"attempts", l.attempts},
            {"nextCallAt", TimeJson(l.next_call_at)},
            {"waitingSince", TimeJson(l.waiting_since)},
            {"evaluatedAt", TimeJson(l.evaluated_at)},
            {"badNumber", l.bad_number_e164.has_value()},
        };
    }
    return {
        {"queue", QueueJson(e.eligibility.queue)},
        {"userId", in.user_id.ToString()},
        {"eligibility",
         {{"queue", QueueJson(e.eligibility.queue)},
          {"reasons", reasons},
          {"activeClaims", e.eligibility.active_claims},
          {"outstandingRequirements", e.eligibility.outstanding_requirements},
          {"suppressed", e.suppressed}}},
        {"gate", GateJson(in.gate)},
        {"score",
         {{"total", e.lead.score},
          {"givenUp", e.lead.is_given_up},
          {"components", ScoreComponentsJson(e.lead.score_components)}}},
        {"phone", PhoneJson(e.phone)},
        {"lease", lease},
        {"stored", stored},
    };
}

nlohmann::json DataQualityJson(const app::InspectionService::DataQualityPage& page) {
    nlohmann::json customers = nlohmann::json::array();
    for (const auto& lead : page.customers) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto code : Split(lead.reasons, ',')) {
            if (!code.empty()) {
                reasons.push_back(code);
            }
        }
        customers.push_back({
            {"userId", lead.user_id.ToString()},
            {"reasons", reasons},
            // The number as the platform holds it: it is not a callable number, and the point of
            // the report is to show what is wrong with it.
            {"phone", lead.phone_raw ? nlohmann::json(*lead.phone_raw) : nlohmann::json(nullptr)},
        });
    }
    return {
        {"customers", customers},
        {"next", page.next ? nlohmann::json(page.next->ToString()) : nlohmann::json(nullptr)},
    };
}

nlohmann::json QueueCountsJson(const std::vector<app::LeadCounts>& counts) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& c : counts) {
        nlohmann::json row = {
            {"queue", domain::QueueName(c.queue)},
            {"total", c.total},
            {"callableNow", c.callable_now},
            {"nextCallableAt", TimeJson(c.next_callable_at)},
        };
        if (c.queue == domain::Queue::kCallbacks) {
            row["dueNow"] = c.callable_now;
            row["laterToday"] = c.due_later_today;
        }
        a.push_back(std::move(row));
    }
    return a;
}

nlohmann::json DiscoveryRunJson(const app::DiscoveryRun& run) {
    return {
        {"id", std::to_string(run.id)},
        {"kind", run.kind},
        {"status", run.status},
        {"startedAt", TimeJson(run.started_at)},
        {"finishedAt", TimeJson(run.finished_at)},
        {"customersRead", run.customers_read},
        {"leadsWritten", run.leads_written},
        {"unchanged", run.unchanged},
        {"leadsInQueue", run.leads_in_queue},
        {"skippedLeased", run.skipped_leased},
        {"removed", run.removed},
        {"conversions", run.conversions},
        {"error", run.error},
    };
}

namespace {

nlohmann::json ActorJson(const app::Actor& a) {
    return {
        {"kind", app::ActorKindName(a.kind)},
        {"agentId", a.agent_id ? nlohmann::json(a.agent_id->ToString()) : nlohmann::json(nullptr)},
    };
}

}  // namespace

nlohmann::json CallbackJson(const app::Callback& c) {
    return {
        {"id", std::to_string(c.id)},
        {"userId", c.user_id.ToString()},
        {"agentId", c.agent ? nlohmann::json(c.agent->ToString()) : nlohmann::json(nullptr)},
        {"scheduledFor", TimeJson(c.scheduled_for)},
        {"status", app::CallbackStatusName(c.status)},
        {"notes", c.notes},
        {"failedTries", c.failed_tries},
        {"closedReason",
         c.closed_reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.closed_reason)},
        {"voicemail",
         c.voicemail
             ? nlohmann::
                   json{{"seconds", c.voicemail->seconds}, {"url", "/api/callbacks/" + std::to_string(c.id) + "/voicemail"}}
             : nlohmann::json(nullptr)},
        {"createdBy", ActorJson(c.created_by)},
        {"createdAt", TimeJson(c.created_at)},
        {"updatedAt", TimeJson(c.updated_at)},
    };
}

nlohmann::json OutcomeJson(const app::StoredOutcome& o) {
    return {
        {"id", std::to_string(o.id)},
        {"userId", o.user_id.ToString()},
        {"agentId", o.agent.ToString()},
        {"outcome", domain::OutcomeCode(o.outcome)},
        {"notes", o.notes},
        {"at", TimeJson(o.at)},
    };
}

std::string MaskedNumber(const std::string& e164) {
    return domain::MaskPhone(domain::PhoneNumber{e164, domain::PhoneType::kUnknown, ""});
}

nlohmann::json SuppressionJson(const app::Suppression& e) {
    return {
        {"id", std::to_string(e.id)},
        {"userId", e.user_id ? nlohmann::json(e.user_id->ToString()) : nlohmann::json(nullptr)},
        {"phone",
         e.phone_e164 ? nlohmann::json(MaskedNumber(*e.phone_e164)) : nlohmann::json(nullptr)},
        {"channel", app::SuppressionChannelName(e.channel)},
        {"reason", e.reason},
        {"source", e.source},
        {"createdBy", ActorJson(e.created_by)},
        {"createdAt", TimeJson(e.created_at)},
        {"removedAt", TimeJson(e.removed_at)},
        {"removedReason", e.removed_reason},
    };
}

namespace {

// One claim with its lender's display name, vehicle package and requirements.
nlohmann::json ClaimJson(
    const domain::ReplicaClaim& claim, const app::LeadContext& c, const domain::LenderNames& lenders
) {
    nlohmann::json vehicle = nullptr;
    for (const auto& v : c.customer.vehicles) {
        if (v.claim_id == claim.id) {
            vehicle = {
                {"registration", Opt(v.registration)},
                {"make", Opt(v.make)},
                {"model", Opt(v.model)},
                {"dealership", Opt(v.dealership)},
                {"monthlyPayment", Opt(v.monthly_payment)},
                {"contractStart", TimeJson(v.contract_start)},
            };
            break;
        }
    }
    nlohmann::json requirements = nlohmann::json::array();
    for (const auto& r : c.customer.record.requirements) {
        if (r.claim_id == claim.id) {
            const bool outstanding = std::binary_search(
                c.eligibility.outstanding_ids.begin(), c.eligibility.outstanding_ids.end(), r.id
            );
            requirements.push_back({
                {"id", r.id},
                {"type", Opt(r.type)},
                {"status", Opt(r.status)},
                {"reason", Opt(r.reason)},
                {"outstanding", outstanding},
            });
        }
    }
    return {
        {"id", std::to_string(claim.id)},
        {"lender",
         claim.lender ? nlohmann::json(lenders.DisplayName(*claim.lender))
                      : nlohmann::json(nullptr)},
        {"lenderCode", Opt(claim.lender)},
        {"status", Opt(claim.status)},
        {"type", Opt(claim.type)},
        {"vehicle", vehicle},
        {"requirements", requirements},
    };
}

}  // namespace

nlohmann::json LeadContextJson(
    const app::LeadContext& c, const domain::LenderNames& lenders, Timestamp now
) {
    const auto& user = c.customer.record.user;
    nlohmann::json addresses = nlohmann::json::array();
    for (const auto& a : c.customer.addresses) {
        addresses.push_back({
            {"current", a.is_current},
            {"fullAddress", Opt(a.full_address)},
            {"line1", Opt(a.line_1)},
            {"line2", Opt(a.line_2)},
            {"town", Opt(a.town)},
            {"county", Opt(a.county)},
            {"postCode", Opt(a.post_code)},
        });
    }
    nlohmann::json claims = nlohmann::json::array();
    for (const auto& claim : c.customer.record.claims) {
        claims.push_back(ClaimJson(claim, c, lenders));
    }
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto r : c.eligibility.reasons) {
        reasons.push_back(
            {{"code", domain::EligibilityReasonCode(r)}, {"text", domain::EligibilityReasonText(r)}}
        );
    }
    nlohmann::json outcomes = nlohmann::json::array();
    for (const auto& o : c.outcomes) {
        outcomes.push_back(OutcomeJson(o));
    }
    nlohmann::json callbacks = nlohmann::json::array();
    for (const auto& cb : c.callbacks) {
        callbacks.push_back(CallbackJson(cb));
    }
    nlohmann::json contacts = nlohmann::json::array();
    for (const auto& a : c.contacts) {
        contacts.push_back(ContactAttemptJson(a));
    }
    std::optional<int> age;
    if (user.date_of_birth) {
        age = domain::AgeInYears(
            *user.date_of_birth,
            std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)}
        );
    }
    return {
        {"userId", user.id.ToString()},
        {"queue",
         c.lead.queue ? nlohmann::json(domain::QueueName(*c.lead.queue)) : nlohmann::json(nullptr)},
        {"callbackId",
         c.callback_id ? nlohmann::json(std::to_string(*c.callback_id)) : nlohmann::json(nullptr)},
        {"whyInQueue", reasons},
        {"leaseExpiresAt", TimeJson(c.lead.lease_expires_at)},
        {"customer",
         {{"firstName", Opt(user.first_name)},
          {"lastName", Opt(user.last_name)},
          {"age", age ? nlohmann::json(*age) : nlohmann::json(nullptr)},
          {"email", Opt(c.customer.email)},
          {"phone", MaskedPhoneJson(c.phone)},
          {"addresses", addresses}}},
        {"claims", claims},
        {"score",
         {{"total", c.lead.score}, {"components", ScoreComponentsJson(c.lead.score_components)}}},
        {"history",
         {{"outcomes", outcomes}, {"contacts", contacts}, {"attempts", c.lead.attempts}}},
        {"callbacks", callbacks},
    };
}

nlohmann::json IdJson(const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(std::to_string(*id)) : nlohmann::json(nullptr);
}

nlohmann::json CallSessionJson(const app::CallSession& s) {
    const auto& st = s.state;
    const bool over = domain::IsFinal(st.status);
    nlohmann::json recording = nullptr;
    if (s.recording) {
        recording = {
            {"seconds", s.recording->seconds},
            {"url", "/api/call-sessions/" + std::to_string(s.id) + "/recording"}};
    }
    return {
        {"id", std::to_string(s.id)},
        {"direction", app::CallDirectionName(s.direction)},
        {"userId", s.user_id.ToString()},
        {"agentId", s.agent_id.ToString()},
        {"status", domain::CallStatusName(st.status)},
        {"createdAt", TimeJson(st.created_at)},
        {"ringingAt", TimeJson(st.ringing_at)},
        {"answeredAt", TimeJson(st.answered_at)},
        {"endedAt", TimeJson(st.ended_at)},
        {"ringSeconds", domain::RingSeconds(st)},
        {"talkSeconds", domain::TalkSeconds(st)},
        {"endReason", over ? nlohmann::json(domain::CallStatusName(st.status)) : nullptr},
        {"recording", recording},
        {"outcomeId", s.outcome_id ? nlohmann::json(std::to_string(*s.outcome_id)) : nullptr},
    };
}

nlohmann::json LinkJson(const app::MagicLink& l, Timestamp now) {
    const char* status = "active";
    switch (domain::DecideLinkOpen(l.expires_at, l.revoked_at, now)) {
        case domain::LinkOpen::kExpired:
            status = "expired";
            break;
        case domain::LinkOpen::kRevoked:
            status = "revoked";
            break;
        case domain::LinkOpen::kOpen:
            break;
    }
    return {
        {"id", std::to_string(l.id)},
        {"userId", l.user_id.ToString()},
        {"type", domain::LinkTypeName(l.type)},
        {"status", status},
        {"createdBy", l.created_by ? nlohmann::json(l.created_by->ToString()) : nullptr},
        {"callSessionId", IdJson(l.call_session_id)},
        {"smsId", IdJson(l.sms_id)},
        {"sentAt", TimeJson(l.created_at)},
        {"expiresAt", TimeJson(l.expires_at)},
        {"revokedAt", TimeJson(l.revoked_at)},
        {"clickCount", l.click_count},
        {"firstOpenedAt", TimeJson(l.first_opened_at)},
        {"lastOpenedAt", TimeJson(l.last_opened_at)},
    };
}

nlohmann::json SmsJson(const app::OutboundSms& s) {
    return {
        {"id", std::to_string(s.id)},
        {"userId", s.user_id.ToString()},
        {"agentId", s.agent_id ? nlohmann::json(s.agent_id->ToString()) : nlohmann::json(nullptr)},
        {"to", MaskedNumber(s.to_e164)},
        {"body", s.body},
        {"status", domain::SmsStatusName(s.status)},
        {"attempts", s.attempts},
        {"templateId",
         s.template_id ? nlohmann::json(std::to_string(*s.template_id)) : nlohmann::json(nullptr)},
        {"templateVersion",
         s.template_id ? nlohmann::json(s.template_version) : nlohmann::json(nullptr)},
        {"errorCode", s.error_code != 0 ? nlohmann::json(s.error_code) : nlohmann::json(nullptr)},
        {"createdAt", TimeJson(s.created_at)},
        {"updatedAt", TimeJson(s.updated_at)},
    };
}

nlohmann::json AgentJson(const domain::Agent& a) {
    nlohmann::json queues = nlohmann::json::array();
    for (const domain::Queue q : a.queues) {
        queues.push_back(domain::QueueName(q));
    }
    return {
        {"id", a.id.ToString()},
        {"email", a.email},
        {"displayName", a.display_name},
        {"role", domain::RoleName(a.role)},
        {"queues", queues},
        {"kind", domain::AgentKindName(a.kind)},
    };
}

nlohmann::json InboundSmsJson(const app::InboundSms& sms) {
    return {
        {"id", std::to_string(sms.id)},
        {"from", sms.from_e164},
        {"body", sms.body},
        {"receivedAt", TimeJson(sms.received_at)},
    };
}

nlohmann::json ConversionJson(const app::Conversion& c) {
    nlohmann::json agents = nlohmann::json::array();
    for (const auto& a : c.agents) {
        agents.push_back(a.ToString());
    }
    return {
        {"kind", c.kind},
        {"fromQueue", domain::QueueName(c.from_queue)},
        {"at", TimeJson(c.at)},
        {"creditedAgents", agents},
    };
}

nlohmann::json FollowUpJson(const app::FollowUp& f) {
    return {
        {"id", std::to_string(f.id)},
        {"kind", domain::FollowUpKindName(f.kind)},
        {"status", app::FollowUpStatusName(f.status)},
        {"dueAt", TimeJson(f.due_at)},
        {"reason", f.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.reason)},
    };
}

nlohmann::json ContactAttemptJson(const app::ContactAttempt& a) {
    return {
        {"channel", a.channel == domain::Channel::kCall ? "call" : "sms"},
        {"agentId", a.agent_id ? nlohmann::json(a.agent_id->ToString()) : nlohmann::json(nullptr)},
        {"at", TimeJson(a.at)},
    };
}

nlohmann::json AuditViewJson(const app::AuditView& v) {
    const app::AuditEntry& e = v.entry;
    nlohmann::json details = nlohmann::json::object();
    for (const auto& [key, value] : e.details) {
        details[key] = value;
    }
    return {
        {"id", std::to_string(e.id)},
        {"at", TimeJson(e.at)},
        {"actor",
         {{"kind", app::ActorKindName(e.actor.kind)},
          {"agentId", e.actor.agent_id ? nlohmann::json(e.actor.agent_id->ToString()) : nullptr}}},
        {"action", e.action},
        {"subjectType", e.subject_type},
        {"subjectId", e.subject_id},
        {"userId", v.user_id ? nlohmann::json(v.user_id->ToString()) : nullptr},
        {"details", details},
        {"requestId", e.request_id},
    };
}

}  // namespace dialler::adapters::http
