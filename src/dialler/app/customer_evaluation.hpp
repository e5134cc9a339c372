#pragma once

#include <optional>
#include <span>
#include <vector>

#include "dialler/app/contact_log.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/domain/contact_gate.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/eligibility.hpp"
#include "dialler/domain/lenders.hpp"
#include "dialler/domain/scoring.hpp"

// One customer, evaluated: the per-customer functions that discovery (in bulk), pre-call
// validation, re-scoring and inspection all call, so each rule is applied the same way wherever
// a customer is looked at.
namespace dialler::app {

// Everything decided about one customer: the eligibility decision, the parsed phone and the lead
// to store. Produced by EvaluateCustomer, the one per-customer function that discovery (in bulk),
// pre-call validation and inspection all use.
struct CustomerEvaluation {
    domain::EligibilityDecision eligibility;
    std::optional<domain::PhoneNumber> phone;
    bool suppressed = false;
    LeadEvaluation lead;
    std::optional<Conversion> conversion;  // agents not yet filled in
};

// The score of a lead in `queue` with these facts and history at `now`, under the current
// weights: domain::ComputeScore as discovery, outcomes and re-scoring all call it.
domain::Score ScoreLead(
    domain::Queue queue,
    const domain::ScoreFacts& facts,
    const domain::LeadHistory& history,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
);

// Evaluates one customer against the stored lead (`existing`, or null) at `now`, with the phone
// already resolved and the suppression already checked: eligibility, history reset rule, score,
// conversion. Pure. Discovery calls it in bulk; everything else through EvaluateLive.
CustomerEvaluation EvaluateCustomer(
    const domain::CustomerRecord& record,
    const Lead* existing,
    std::optional<domain::PhoneNumber> phone,
    bool call_suppressed,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
);

// Whether contacts on `channel` to this customer, or to this number, are suppressed (an entry
// for both channels counts).
bool IsSuppressed(
    SuppressionStore& suppressions,
    domain::UserId user,
    std::optional<std::string> phone_e164,
    SuppressionChannel channel
);
// IsSuppressed for calls.
bool CallSuppressed(
    SuppressionStore& suppressions, domain::UserId user, std::optional<std::string> phone_e164
);

// Evaluates one customer live, outside discovery (pre-call validation, a held lead asked for
// again, inspection): the phone resolved once (the stored parse while the number is unchanged),
// suppression checked for the customer and that number, then EvaluateCustomer.
CustomerEvaluation EvaluateLive(
    const domain::CustomerRecord& record,
    const std::optional<Lead>& existing,
    const PhoneParser& parser,
    SuppressionStore& suppressions,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
);

// The customer's phone: the stored parse while the replica's number is unchanged (parsing costs
// ~20 us, the largest part of a cold discovery run), else a fresh one.
std::optional<domain::PhoneNumber> CurrentPhone(
    const domain::CustomerRecord& record, const Lead* existing, const PhoneParser& parser
);

// Builds the gate's view of a customer from their stored lead and recent contacts. Shared by
// inspection and the next-lead path so both ask the gate the same question.
domain::ContactSubject ContactSubjectFor(
    const std::optional<domain::PhoneNumber>& phone,
    bool suppressed,
    const std::optional<Lead>& lead,
    const std::vector<ContactAttempt>& recent
);

// Where evaluations made outside a discovery run go: the next-lead path and suppression changes
// store what they find as a run would. DiscoveryService is the one implementation; the services
// that feed it depend on this, not on discovery.
class EvaluationSink {
public:
    virtual ~EvaluationSink() = default;
    // Stores the leads and the conversions with their credited agents, exactly as a run would.
    // Returns the ids skipped because they are leased, or an outcome changed them since they
    // were read (LeadEvaluation::based_on_version).
    virtual std::vector<domain::UserId> StoreEvaluations(std::vector<CustomerEvaluation> evaluations
    ) = 0;
    // Evaluates these customers now and stores the results (a suppression added or lifted shows
    // in the queues at once). Blocking (reads the replica).
    virtual void Reevaluate(std::span<const domain::UserId> ids) = 0;
};

}  // namespace dialler::app
