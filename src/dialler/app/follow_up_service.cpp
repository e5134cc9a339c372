#include "dialler/app/follow_up_service.hpp"

#include <algorithm>
#include <exception>

namespace dialler::app {

namespace {

constexpr int kBatch = 20;
constexpr int kShownPerCustomer = 50;
const RequestContext kJob{"follow-ups", ""};

// The gate's refusal in words, for the follow-up's reason.
std::string Reasons(const domain::GateDecision& gate) {
    std::string out;
    for (const auto& d : gate.denials) {
        out += (out.empty() ? "" : "; ") + d.message;
    }
    return out.empty() ? std::string("the contact rules refused it") : out;
}

}  // namespace

std::string_view FollowUpStatusName(FollowUpStatus status) {
    switch (status) {
        case FollowUpStatus::kScheduled:
            return "scheduled";
        case FollowUpStatus::kSending:
            return "sending";
        case FollowUpStatus::kSent:
            return "sent";
        case FollowUpStatus::kCancelled:
            return "cancelled";
    }
    return "cancelled";
}

std::optional<FollowUpStatus> ParseFollowUpStatus(std::string_view name) {
    for (const auto s :
         {FollowUpStatus::kScheduled,
          FollowUpStatus::kSending,
          FollowUpStatus::kSent,
          FollowUpStatus::kCancelled}) {
        if (FollowUpStatusName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

void FollowUpService::OutcomeRecorded(
    const StoredOutcome& outcome,
    const domain::OutcomeRule& rule,
    const domain::OutcomeEffects& effects
) {
    const auto now = std::chrono::floor<std::chrono::seconds>(outcome.at);
    bool first_no_answer = false;
    if (outcome.outcome == domain::Outcome::kNoAnswer) {
        // Recorded already: a first-ever no answer is the only one in the customer's history.
        const auto history = ports_.outcomes.OutcomesFor(outcome.user_id, 1000);
        first_no_answer = std::count_if(history.begin(), history.end(), [](const auto& o) {
                              return o.outcome == domain::Outcome::kNoAnswer;
                          }) <= 1;
    }
    const auto plan = domain::PlanFollowUp(rule, effects, first_no_answer, now);
    if (!plan) {
        return;
    }
    FollowUp f;
    f.user_id = outcome.user_id;
    f.outcome_id = outcome.id;
    f.kind = plan->kind;
    f.due_at = plan->due;
    if (effects.callback_at) {
        f.callback_at = *effects.callback_at;
    }
    f.created_at = ports_.clock.Now();
    const FollowUp stored = ports_.follow_ups.Schedule(f);
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::System(),
        "follow_up.scheduled",
        "customer",
        outcome.user_id.ToString(),
        kJob,
        {{"followUpId", std::to_string(stored.id)},
         {"kind", std::string(domain::FollowUpKindName(stored.kind))}}
    );
}

int FollowUpService::SendDue() {
    int sent = 0;
    for (const FollowUp& f : ports_.follow_ups.ClaimDue(ports_.clock.Now(), kBatch)) {
        std::optional<std::string> first_name;
        try {
            first_name = Prepare(f);
        } catch (const std::exception&) {
            // Nothing was asked of anyone yet: try again shortly.
            const Timestamp now = ports_.clock.Now();
            ports_.follow_ups.Defer(
                f.id, now + kRetryAfterFault, "the customer's details could not be read", now
            );
            continue;
        }
        if (!first_name) {
            continue;
        }
        try {
            sent += SendOne(f, *first_name) ? 1 : 0;
        } catch (const std::exception&) {
            // Claimed and maybe half-sent: never tried again (at most once).
            Cancel(f, "a fault stopped it; it is not sent again");
        }
    }
    return sent;
}

std::optional<std::string> FollowUpService::Prepare(const FollowUp& f) {
    const auto lead = ports_.leads.FindLead(f.user_id);
    if (!lead || !lead->queue || lead->is_closed) {
        Cancel(f, "the customer is no longer in a queue (converted or closed)");
        return std::nullopt;
    }
    if (lead->phone) {
        const auto conversation = ports_.inbox.FindByPhone(lead->phone->e164);
        if (conversation && conversation->last_message_at > f.created_at) {
            Cancel(f, "the customer has texted us since");
            return std::nullopt;
        }
    }
    // A reminder is the magic link's own text.
    return f.kind == domain::FollowUpKind::kReminder ? std::string()
                                                     : FirstName(ports_.replica, f.user_id);
}

bool FollowUpService::SendOne(const FollowUp& f, const std::string& first_name) {
    std::optional<SendSmsResult> sent;
    if (f.kind == domain::FollowUpKind::kReminder) {
        auto link =
            ports_.links.Create(std::nullopt, f.user_id, "claimCompletion", std::nullopt, kJob);
        if (!link) {
            Cancel(f, link.error().message);
            return false;
        }
        sent = SendSmsResult{link->sms, link->refusal};
    } else {
        auto text = ports_.sms.Send(
            std::nullopt,
            f.user_id,
            domain::FollowUpText(
                f.kind,
                first_name,
                f.callback_at
                    ? std::optional(std::chrono::floor<std::chrono::seconds>(*f.callback_at))
                    : std::nullopt
            ),
            "follow-up-" + std::to_string(f.id),
            kJob
        );
        if (!text) {
            Cancel(f, text.error().message);
            return false;
        }
        sent = *text;
    }
    const Timestamp now = ports_.clock.Now();
    if (!sent->sms) {
        const auto& gate = sent->refusal;
        if (gate.retry_at && Timestamp(*gate.retry_at) <= f.due_at + kMaxDelay) {
            ports_.follow_ups.Defer(f.id, *gate.retry_at, Reasons(gate), now);
            return false;
        }
        Cancel(f, Reasons(gate));
        return false;
    }
    ports_.follow_ups.Finish(f.id, FollowUpStatus::kSent, "", sent->sms->id, now);
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::System(),
        "follow_up.sent",
        "customer",
        f.user_id.ToString(),
        kJob,
        {{"followUpId", std::to_string(f.id)}, {"smsId", std::to_string(sent->sms->id)}}
    );
    return true;
}

void FollowUpService::Cancel(const FollowUp& f, const std::string& reason) {
    if (ports_.follow_ups.Finish(
            f.id, FollowUpStatus::kCancelled, reason, std::nullopt, ports_.clock.Now()
        )) {
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::System(),
            "follow_up.cancelled",
            "customer",
            f.user_id.ToString(),
            kJob,
            {{"followUpId", std::to_string(f.id)}, {"reason", reason}}
        );
    }
}

std::vector<FollowUp> FollowUpService::ForUser(domain::UserId user) {
    return ports_.follow_ups.ForUser(user, kShownPerCustomer);
}

}  // namespace dialler::app
