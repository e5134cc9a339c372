#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/phone.hpp"

namespace dialler::domain {

// Returns whether `value` equals one of `list`, ignoring ASCII case and surrounding whitespace;
// NULL matches nothing. THE comparison for every replica status and type (product.md §2).
bool StatusIn(const std::optional<std::string>& value, const std::vector<std::string>& list);
// The same comparison against one expected value.
bool StatusIs(const std::optional<std::string>& value, std::string_view expected);

// A requirement type that never puts a customer in the outstanding queue, optionally only when
// its claim_requirement_reason is exactly `only_with_reason` (case and full stop included).
struct RequirementExclusion {
    std::string type;
    std::optional<std::string> only_with_reason;
};

// The configurable parts of eligibility (product.md §3); admins change them in settings.
struct EligibilityRules {
    std::vector<std::string> inactive_user_statuses{"cancelled", "inactive"};
    std::vector<std::string> closed_claim_statuses{"cancelled", "complete", "completed"};
    std::vector<std::string> pending_requirement_statuses{"pending"};
    std::vector<RequirementExclusion> excluded_requirements{
        {"signature", std::nullopt},
        {"vehicle_registration", std::nullopt},
        {"cfa", std::nullopt},
        {"solicitor_letter_of_authority", std::nullopt},
        {"letter_of_authority", std::nullopt},
        {"id_document", "base requirement for claim."},
    };
};

// Why a customer is, or is not, in a queue. Codes are stable (wire, audit, reports).
enum class EligibilityReason {
    kUnsigned,            // in: no signature on file
    kOutstanding,         // in: signed, owes at least one document
    kDisabled,            // out: is_enabled = 0
    kInactiveStatus,      // out: user status cancelled/inactive
    kNoValidPhone,        // out: no phone that parses as a valid number (data-quality report)
    kNotUkDialable,       // out: valid but not a UK mobile/landline we may call
    kSuppressed,          // out: on the suppression list for calls
    kNoActiveClaim,       // out: every claim cancelled/complete, or none
    kNothingOutstanding,  // out: signed and no pending, non-excluded requirement
};

std::string_view EligibilityReasonCode(EligibilityReason reason);
std::string_view EligibilityReasonText(EligibilityReason reason);

struct EligibilityDecision {
    std::optional<Queue> queue;  // kUnsigned or kOutstanding; nullopt = in no queue
    // Every reason that applies: for an eligible customer the single "in" reason; for an
    // ineligible one every "out" reason found (so support sees all that is wrong at once).
    std::vector<EligibilityReason> reasons;
    int active_claims = 0;
    int outstanding_requirements = 0;          // pending, non-excluded, on active claims
    std::vector<std::string> outstanding_ids;  // their ids, sorted
    std::vector<std::string> active_lenders;   // lender codes of the active claims
};

// THE eligibility rule (product.md §3): discovery, pre-call validation, inspection and reports
// all call this. `phone` is the parse of record.user.phone_number (nullopt if it did not parse);
// `call_suppressed` is whether the user or that phone is suppressed for calls. Pure.
EligibilityDecision DecideEligibility(
    const CustomerRecord& record,
    const std::optional<PhoneNumber>& phone,
    bool call_suppressed,
    const EligibilityRules& rules
);

}  // namespace dialler::domain
