#include "dialler/domain/eligibility.hpp"

#include <algorithm>

#include "dialler/base/text.hpp"

namespace dialler::domain {

bool StatusIs(const std::optional<std::string>& value, std::string_view expected) {
    return value && EqualsIgnoreCase(Trim(*value), Trim(expected));
}

bool StatusIn(const std::optional<std::string>& value, const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&value](const std::string& s) {
        return StatusIs(value, s);
    });
}

std::string_view EligibilityReasonCode(EligibilityReason reason) {
    switch (reason) {
        case EligibilityReason::kUnsigned:
            return "unsigned";
        case EligibilityReason::kOutstanding:
            return "outstanding_requirements";
        case EligibilityReason::kDisabled:
            return "user_disabled";
        case EligibilityReason::kInactiveStatus:
            return "user_inactive";
        case EligibilityReason::kNoValidPhone:
            return "no_valid_phone";
        case EligibilityReason::kNotUkDialable:
            return "phone_not_uk_dialable";
        case EligibilityReason::kSuppressed:
            return "suppressed";
        case EligibilityReason::kNoActiveClaim:
            return "no_active_claim";
        case EligibilityReason::kNothingOutstanding:
            return "nothing_outstanding";
    }
    return "unknown";
}

std::string_view EligibilityReasonText(EligibilityReason reason) {
    switch (reason) {
        case EligibilityReason::kUnsigned:
            return "Has not signed the claim documents.";
        case EligibilityReason::kOutstanding:
            return "Signed, but still owes documents.";
        case EligibilityReason::kDisabled:
            return "The account is disabled on the platform.";
        case EligibilityReason::kInactiveStatus:
            return "The account is cancelled or inactive.";
        case EligibilityReason::kNoValidPhone:
            return "No valid phone number.";
        case EligibilityReason::kNotUkDialable:
            return "The phone number is not a UK number we may call.";
        case EligibilityReason::kSuppressed:
            return "On the do-not-call list.";
        case EligibilityReason::kNoActiveClaim:
            return "No active claim (all cancelled or complete).";
        case EligibilityReason::kNothingOutstanding:
            return "Signed and nothing outstanding.";
    }
    return "";
}

namespace {

bool IsExcluded(const ReplicaRequirement& r, const EligibilityRules& rules) {
    return std::any_of(
        rules.excluded_requirements.begin(),
        rules.excluded_requirements.end(),
        [&r](const RequirementExclusion& ex) {
            if (!StatusIs(r.type, ex.type)) {
                return false;
            }
            // The reason is matched exactly: the platform writes this sentence verbatim, and a
            // customer-specific reason on the same type must still count.
            return !ex.only_with_reason || (r.reason && *r.reason == *ex.only_with_reason);
        }
    );
}

}  // namespace

EligibilityDecision DecideEligibility(
    const CustomerRecord& record,
    const std::optional<PhoneNumber>& phone,
    bool call_suppressed,
    const EligibilityRules& rules
) {
    EligibilityDecision d;
    const ReplicaUser& user = record.user;

    // A customer has a handful of claims: linear scans beat building a set (this runs for every
    // customer in a full discovery).
    const auto is_active = [&rules](const ReplicaClaim& c) {
        return !StatusIn(c.status, rules.closed_claim_statuses);
    };
    d.active_claims =
        static_cast<int>(std::count_if(record.claims.begin(), record.claims.end(), is_active));
    for (const ReplicaRequirement& r : record.requirements) {
        const bool on_active_claim =
            std::any_of(record.claims.begin(), record.claims.end(), [&](const ReplicaClaim& c) {
                return c.id == r.claim_id && is_active(c);
            });
        if (on_active_claim && StatusIn(r.status, rules.pending_requirement_statuses) &&
            !IsExcluded(r, rules)) {
            ++d.outstanding_requirements;
            d.outstanding_ids.push_back(r.id);
        }
    }
    std::sort(d.outstanding_ids.begin(), d.outstanding_ids.end());
    for (const ReplicaClaim& c : record.claims) {
        if (is_active(c) && c.lender) {
            d.active_lenders.push_back(*c.lender);
        }
    }

    if (!user.is_enabled) {
        d.reasons.push_back(EligibilityReason::kDisabled);
    }
    if (StatusIn(user.status, rules.inactive_user_statuses)) {
        d.reasons.push_back(EligibilityReason::kInactiveStatus);
    }
    if (!phone) {
        d.reasons.push_back(EligibilityReason::kNoValidPhone);
    } else if (!IsUkDialable(*phone)) {
        d.reasons.push_back(EligibilityReason::kNotUkDialable);
    }
    if (call_suppressed) {
        d.reasons.push_back(EligibilityReason::kSuppressed);
    }
    if (d.active_claims == 0) {
        d.reasons.push_back(EligibilityReason::kNoActiveClaim);
    }
    if (user.has_signature && d.outstanding_requirements == 0) {
        d.reasons.push_back(EligibilityReason::kNothingOutstanding);
    }
    if (!d.reasons.empty()) {
        return d;
    }
    d.queue = user.has_signature ? Queue::kOutstanding : Queue::kUnsigned;
    d.reasons.push_back(
        user.has_signature ? EligibilityReason::kOutstanding : EligibilityReason::kUnsigned
    );
    return d;
}

}  // namespace dialler::domain
