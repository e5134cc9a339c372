#include "dialler/app/sms_service.hpp"

#include <algorithm>
#include <exception>

#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

constexpr int kShownPerCustomer = 200;

bool IsGoodKey(std::string_view key) {
    return key.size() >= 8 && key.size() <= 64 && IsUrlSafeText(key);
}

}  // namespace

Result<SendSmsResult> SmsService::Send(
    const std::optional<domain::Agent>& sender,
    domain::UserId user,
    std::string_view body,
    const std::string& idempotency_key,
    const RequestContext& ctx,
    TextRight right,
    std::optional<std::pair<std::int64_t, int>> from_template
) {
    DIALLER_ASSIGN_OR_RETURN(std::string text, domain::CheckSmsBody(body, "body"));
    if (!idempotency_key.empty() && !IsGoodKey(idempotency_key)) {
        return InvalidField(
            "idempotencyKey", "idempotencyKey must be 8-64 letters, digits, '-' or '_'"
        );
    }
    if (config_.from_numbers.empty()) {
        return Fail(ErrorCode::kFailedPrecondition, "no number to send texts from is configured");
    }
    // The key names the sender too: one agent's key can never return another agent's text.
    const std::string key =
        (sender ? "a" + std::to_string(sender->id.Value()) : std::string("system")) + ":" +
        (idempotency_key.empty() ? ports_.tokens.NewToken() : idempotency_key);
    if (!idempotency_key.empty()) {
        // A retried request: the text it queued, without asking the gate (and counting) again.
        if (auto existing = ports_.outbox.FindByKey(key)) {
            if (existing->user_id != user) {
                return InvalidField(
                    "idempotencyKey", "idempotencyKey was already used for another customer"
                );
            }
            return SendSmsResult{std::move(existing), {}};
        }
    }
    DIALLER_ASSIGN_OR_RETURN(
        const SmsAttemptDecision decision, ports_.queue.RecordSmsAttempt(sender, user, ctx, right)
    );
    if (!decision.attempt) {
        return SendSmsResult{std::nullopt, decision.gate};
    }
    const Timestamp now = ports_.clock.Now();
    OutboundSms sms;
    sms.user_id = user;
    sms.agent_id = sender ? std::optional(sender->id) : std::nullopt;
    sms.to_e164 = decision.attempt->phone_e164;
    sms.from_e164 = config_.from_numbers.front();
    sms.body = std::move(text);
    sms.idempotency_key = key;
    if (from_template) {
        sms.template_id = from_template->first;
        sms.template_version = from_template->second;
    }
    sms.next_attempt_at = now;
    sms.created_at = now;
    sms.updated_at = now;
    const SmsOutbox::Enqueued queued = ports_.outbox.Enqueue(sms);
    if (queued.created) {
        AuditAction(
            ports_.audit,
            ports_.clock,
            sender ? Actor::OfAgent(sender->id) : Actor::System(),
            "sms.queued",
            "customer",
            user.ToString(),
            ctx,
            {{"smsId", std::to_string(queued.sms.id)}}
        );
        Publish(queued.sms, queued.sms.status);
    }
    return SendSmsResult{queued.sms, {}};
}

int SmsService::Deliver() {
    const Timestamp now = ports_.clock.Now();
    for (const OutboundSms& lost : ports_.outbox.ExpireClaims(now)) {
        Publish(lost, domain::SmsStatus::kUnknown);
    }
    int taken = 0;
    for (const OutboundSms& sms :
         ports_.outbox.ClaimDue(now, now + config_.claim_for, config_.batch)) {
        taken += SendOne(sms) ? 1 : 0;
    }
    return taken;
}

bool SmsService::SendOne(const OutboundSms& sms) {
    const std::string callback =
        config_.status_callback_url.empty()
            ? std::string()
            : config_.status_callback_url + "?id=" + std::to_string(sms.id);
    SentMessage answer;
    try {
        answer = ports_.telephony.SendMessage({sms.to_e164, sms.from_e164, sms.body, callback});
    } catch (const std::exception& e) {
        // The provider may or may not have the text: never sent again (a delivery report for
        // it settles it; the id is in its callback URL).
        if (ports_.outbox.MarkUnknown(sms.id, e.what(), ports_.clock.Now())) {
            Publish(sms, domain::SmsStatus::kUnknown);
        }
        return false;
    }
    const Timestamp now = ports_.clock.Now();
    if (!answer.sid.empty()) {
        if (ports_.outbox.MarkSent(sms.id, answer.sid, now)) {
            Publish(sms, domain::SmsStatus::kSent);
        }
        return true;
    }
    if (answer.not_taken) {
        if (const auto delay = domain::SmsRetryDelay(sms.attempts)) {
            ports_.outbox.MarkRetry(sms.id, now + *delay, answer.error_message, now);
            return false;
        }
    }
    if (ports_.outbox.MarkFailed(sms.id, answer.error_code, answer.error_message, now)) {
        Publish(sms, domain::SmsStatus::kFailed);
    }
    if (answer.error_code == domain::kProviderUnsubscribed) {
        // The customer replied STOP to the provider: no text goes to that number again.
        Suppression entry;
        entry.phone_e164 = sms.to_e164;
        entry.channel = SuppressionChannel::kSms;
        entry.reason = "the number has unsubscribed from texts (provider code 21610)";
        entry.source = "sms_stop";
        entry.created_by = Actor::System();
        entry.created_at = now;
        ports_.suppressions.Add(entry);
    }
    return false;
}

Status SmsService::OnReport(const SmsReport& report) {
    const auto next = domain::FromProviderMessageStatus(report.provider_status);
    for (int round = 0; round < 3; ++round) {
        const auto sms = ports_.outbox.Find(report.sms_id);
        if (!sms || (!sms->provider_sid.empty() && sms->provider_sid != report.provider_sid)) {
            return Fail(ErrorCode::kNotFound, "no such text");
        }
        if (!next || !domain::SmsStatusAdvances(sms->status, *next)) {
            return Ok();  // repeated, late or not about delivery
        }
        if (ports_.outbox.ApplyReport(
                sms->id,
                sms->status,
                *next,
                report.provider_sid,
                report.error_code,
                ports_.clock.Now()
            )) {
            Publish(*sms, *next);
            return Ok();
        }
    }
    return Ok();  // moved by another report meanwhile, which is at least as far along
}

std::vector<OutboundSms> SmsService::ForUser(const domain::Agent& viewer, domain::UserId user) {
    std::vector<OutboundSms> texts = ports_.outbox.ForUser(user, kShownPerCustomer);
    if (viewer.role == domain::Role::kAgent) {
        std::erase_if(texts, [&viewer](const OutboundSms& s) { return s.agent_id != viewer.id; });
    }
    return texts;
}

void SmsService::Publish(const OutboundSms& sms, domain::SmsStatus status) {
    ports_.events.Publish(LiveEvent{
        "sms", sms.id, std::string(domain::SmsStatusName(status)), sms.agent_id, ports_.clock.Now()}
    );
}

}  // namespace dialler::app
