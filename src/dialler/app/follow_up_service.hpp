#pragma once

#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/follow_up_store.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/magic_link_service.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/app/sms_service.hpp"

namespace dialler::app {

// The texts outcomes schedule (domain::PlanFollowUp): scheduled when the outcome is recorded,
// sent by SendDue() on any instance when due, by the system, through the same gate as every
// text. When due, each is checked again: a customer no longer in a queue (converted, closed) or
// who has texted us since gets nothing (cancelled, with the reason); one the contact rules
// refuse for now (outside the calling window, today's cap) waits for the gate's next allowed
// time, at most a day past its time; any other refusal cancels it. Each is sent at most once
// (claimed before it is sent). Thread-safe; blocking.
class FollowUpService final : public OutcomeListener {
public:
    struct Ports {
        FollowUpStore& follow_ups;
        LeadStore& leads;
        OutcomeStore& outcomes;  // whether a no answer is the first ever
        SmsInbox& inbox;         // replies since
        SmsService& sms;
        MagicLinkService& links;  // a reminder carries a link
        Replica& replica;         // the customer's first name
        AuditLog& audit;
        const Clock& clock;
    };
    explicit FollowUpService(Ports ports) : ports_(ports) {}

    void OutcomeRecorded(
        const StoredOutcome& outcome,
        const domain::OutcomeRule& rule,
        const domain::OutcomeEffects& effects
    ) override;

    // One round: the follow-ups due now, each sent, put off or cancelled. Returns how many were
    // sent.
    int SendDue();

    std::vector<FollowUp> ForUser(domain::UserId user);

    // How long past its time a follow-up may still go out.
    static constexpr std::chrono::hours kMaxDelay{24};

    // How long a follow-up waits when the customer's details could not be read.
    static constexpr std::chrono::minutes kRetryAfterFault{5};

private:
    // Whether a claimed follow-up should still go: nullopt when it is cancelled (with the
    // reason); otherwise the customer's first name for its text. Throws on a fault, before
    // anything is sent.
    std::optional<std::string> Prepare(const FollowUp& f);
    // Sends one claimed, prepared follow-up, or decides why not.
    bool SendOne(const FollowUp& f, const std::string& first_name);
    void Cancel(const FollowUp& f, const std::string& reason);

    Ports ports_;
};

}  // namespace dialler::app
