#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/contact_log.hpp"
#include "dialler/app/customer_evaluation.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/lead_leases.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::app {

// Everything the agent sees when handed a customer (product.md §4).
struct LeadContext {
    Lead lead;
    domain::CustomerContextData customer;
    domain::EligibilityDecision eligibility;
    std::optional<domain::PhoneNumber> phone;
    std::optional<std::int64_t> callback_id;  // when handed out for a due callback
    std::vector<StoredOutcome> outcomes;      // newest first
    std::vector<Callback> callbacks;
    std::vector<ContactAttempt> contacts;  // last 30 days
};

struct NextLeadResult {
    std::optional<LeadContext> lead;
    std::optional<Timestamp> next_callable_at;  // when nothing is callable now
    // Why nothing was handed out: "queue_empty", "outside_calling_window", or
    // "candidates_refused" when the request gave up after `refused` candidates (each of them
    // moved, deferred or closed on the way, so the next request starts further along).
    std::string reason;
    int refused = 0;  // candidates looked at and refused by this request
};

// The gate's answer when a call is placed: the attempt it recorded, or why not.
struct CallAttemptDecision {
    std::optional<ContactAttempt> attempt;
    domain::GateDecision gate;
    int lead_score = 0;  // the lead's score as it was called (the score-band mix)
};

// The gate's answer for a text: the attempt it recorded (its phone is where the text goes), or
// why not.
struct SmsAttemptDecision {
    std::optional<ContactAttempt> attempt;
    domain::GateDecision gate;
};

// Told of every outcome once it is recorded (the follow-ups it schedules). Must not throw
// for the outcome's sake: a listener's fault is its own.
class OutcomeListener {
public:
    virtual ~OutcomeListener() = default;
    virtual void OutcomeRecorded(
        const StoredOutcome& outcome,
        const domain::OutcomeRule& rule,
        const domain::OutcomeEffects& effects
    ) = 0;
};

// Why an agent may text a customer: they hold or have called them, or they answer the
// customer's texts to us (an SMS conversation that is theirs).
enum class TextRight { kHoldOrCalled, kConversation };

// The agent's side of the queues: next lead (claim, validate live, gate, context), heartbeat,
// release, skip, outcome. Keeps references to every port. Thread-safe; blocking.
class QueueService {
public:
    struct Ports {
        Replica& replica;
        LeadStore& leads;
        LeadLeases& leases;
        OutcomeStore& outcomes;
        SuppressionStore& suppressions;
        ContactLog& contacts;
        AuditLog& audit;
        EvaluationSink& discovery;
        EventSink& events;  // hand-outs and outcomes change every screen's queue counts
        const PhoneParser& phones;
        const SettingsProvider& settings;
        const domain::LenderNames& lenders;
        const Clock& clock;
    };
    QueueService(Ports ports, bool validate_before_call)
        : ports_(ports), validate_(validate_before_call) {}

    // Each queue's depth for the floor, and a kCallbacks row: pending callbacks due now
    // (callable_now) and later today (due_later_today; total is both). Outside the calling window
    // nothing is callable now, and a queue's next callable time is no earlier than the window's
    // next opening. The API and `dialler queue stats` both print this.
    std::vector<LeadCounts> Counts();

    // Hands the agent the best callable customer with a lease, or nothing with the reason and the
    // next time something becomes callable. The agent's own due callbacks come first, whatever
    // `queue` says. An agent who already holds a customer gets that one back (an outcome,
    // release or skip comes first), after the same validation and gate as a fresh hand-out.
    // A refused candidate is dealt with (moved, deferred to the gate's next allowed time; its
    // callback closed with the reason or moved likewise) and the next one tried, at most
    // kMaxCandidates and never the same one twice. `queue` nullopt = every queue the agent may
    // work. Errors: kPermissionDenied (field "queue") for a queue the agent may not work;
    // kUnavailable when the replica cannot be read (the claimed customer is released at once).
    Result<NextLeadResult> NextLead(
        const domain::Agent& agent, std::optional<domain::Queue> queue, const RequestContext& ctx
    );

    // Hands the agent this one customer (they chose them, e.g. from the customer's page, to call
    // now) after the same validation and gate as NextLead; the agent's own customer again if
    // they hold them already. Errors: kNotFound (the dialler has no such customer),
    // kPermissionDenied (a queue the agent may not work), kFailedPrecondition (the agent holds
    // someone else; the customer is in no queue, closed, given up, held by another agent, or
    // refused by validation or the gate, which is dealt with as on the next-lead path),
    // kUnavailable (the replica cannot be read).
    Result<LeadContext> Take(
        const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
    );

    // Hands the agent the customer whose call to us they are answering: no gate (the customer
    // rang us) and no queue check (whatever their queue, they are on the line); a customer the
    // agent held and had not called goes back unchanged first. The context is the next-lead
    // path's, with their due callback, which this call answers. Errors: kNotFound (no such
    // customer, or gone from the replica), kFailedPrecondition (their lead is closed, or another
    // agent holds them), kUnavailable (the replica cannot be read).
    Result<LeadContext> TakeCaller(
        const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
    );

    // Asks the gate again when the call is placed (the window may have closed, another agent
    // may have called, a suppression may have arrived since the hand-out) and, if it says yes,
    // records the call attempt: the daily and weekly caps and the minimum gap count it even if
    // the agent then releases, skips or loses the lease. The outcome saved after it in the same
    // hold is linked to it rather than counted again. A refusal records nothing, is audited and
    // leaves the customer held (the agent saves an outcome or lets them go). Errors:
    // kFailedPrecondition when the agent does not hold the customer or there is no number.
    Result<CallAttemptDecision> RecordCallAttempt(
        const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
    );

    // The same for a text to the customer's number (SMS suppression, the SMS cap, mobiles only,
    // the window): a yes records the attempt the SMS cap counts. `sender` nullopt: a rule of
    // the system, not a person. An agent may text a customer they hold or have called in the
    // last kTextAfterCallFor, or (kConversation) one whose texts to us they answer, which the
    // caller has checked; supervisors and admins anyone with a lead. Errors: kNotFound (no such
    // customer in the queues), kPermissionDenied (an agent and a customer not theirs).
    Result<SmsAttemptDecision> RecordSmsAttempt(
        const std::optional<domain::Agent>& sender,
        domain::UserId user,
        const RequestContext& ctx,
        TextRight right = TextRight::kHoldOrCalled
    );
    static constexpr std::chrono::hours kTextAfterCallFor{24};

    // Keeps the agent's lease alive. Errors: kFailedPrecondition if the agent does not hold it.
    Result<Timestamp> Heartbeat(const domain::Agent& agent, domain::UserId user);
    // Gives the customer back unchanged (agent leaves, break). kFailedPrecondition if not held.
    Status Release(const domain::Agent& agent, domain::UserId user, const RequestContext& ctx);
    // Gives the customer back and keeps them out of the queue for a while (skip_delay).
    Status Skip(const domain::Agent& agent, domain::UserId user, const RequestContext& ctx);

    // Records the disposition for the customer the agent holds and applies its effects in one
    // transaction. Errors: kInvalidArgument (outcome, notes, callbackAt), kFailedPrecondition
    // when the agent does not hold the customer.
    Result<StoredOutcome> RecordOutcome(
        const domain::Agent& agent,
        domain::UserId user,
        const domain::OutcomeInput& input,
        const RequestContext& ctx
    );

    // Who hears of recorded outcomes (null: nobody). Set once while wiring, before serving.
    void SetOutcomeListener(OutcomeListener* listener) { outcome_listener_ = listener; }

    static constexpr std::chrono::minutes kSkipDelay{30};
    static constexpr int kMaxCandidates = 20;

private:
    // Tells every screen the queues changed ("lead": taken, released or done).
    void PublishLead(const domain::Agent& agent, domain::UserId user, std::string_view state);
    // Validates and gates a leased candidate; hands it out, or deals with the refusal and
    // returns nullopt. `again`: the agent already held it (no second assignment audit).
    std::optional<LeadContext> TryHandOut(
        const domain::Agent& agent,
        const ClaimedLead& claimed,
        const QueueSettings& settings,
        const RequestContext& ctx,
        bool again
    );
    // The refusals: the customer is gone from the replica; no longer in the queue (moved as
    // discovery would); or refused by the contact gate (deferred to its next allowed time).
    // Each releases the lead, audits, and closes or moves the callback it was claimed for.
    void DropMissing(
        const domain::Agent& agent, const ClaimedLead& claimed, const RequestContext& ctx
    );
    void MoveOut(
        const domain::Agent& agent,
        const ClaimedLead& claimed,
        CustomerEvaluation evaluation,
        const RequestContext& ctx
    );
    void Defer(
        const domain::Agent& agent,
        const ClaimedLead& claimed,
        const domain::GateDecision& gate,
        const RequestContext& ctx
    );
    // TryHandOut, with a failure of the replica or a store turned into kUnavailable after the
    // lead is released at once (not left leased until the lease runs out).
    Result<std::optional<LeadContext>> GuardedHandOut(
        const domain::Agent& agent,
        const ClaimedLead& claimed,
        const QueueSettings& settings,
        const RequestContext& ctx,
        bool again
    );
    // The customer's pending callback that is due at `now`, if any: the one a call answers.
    std::optional<std::int64_t> DueCallback(domain::UserId user, Timestamp now);
    void CloseCallback(
        const domain::Agent& agent,
        std::int64_t callback,
        domain::UserId user,
        std::string_view reason,
        const RequestContext& ctx
    );
    // The context an agent sees; `contacts` are the customer's last kContactHistory of attempts.
    LeadContext BuildContext(
        Lead lead,
        domain::CustomerContextData customer,
        const CustomerEvaluation& evaluation,
        std::vector<ContactAttempt> contacts
    );
    // The gate said no: every reason, and where it was asked ("call", "sms"; empty: the
    // hand-out).
    void AuditGateDenied(
        const Actor& actor,
        domain::UserId user,
        const domain::GateDecision& gate,
        std::string_view at,
        const RequestContext& ctx
    );
    void Audit(
        const domain::Agent& agent,
        std::string action,
        domain::UserId user,
        const RequestContext& ctx,
        std::vector<std::pair<std::string, std::string>> details = {}
    );

    Ports ports_;
    OutcomeListener* outcome_listener_ = nullptr;
    bool validate_;
};

}  // namespace dialler::app
