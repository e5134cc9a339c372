#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/error.hpp"
#include "dialler/domain/calling_window.hpp"

namespace dialler::domain {

// The dispositions an agent records after a call (product.md §6).
enum class Outcome {
    kCompletedForm,
    kGoingToComplete,
    kMightComplete,
    kCallBack,
    kNoAnswer,
    kVoicemailLeft,
    kHungUp,
    kBadNumber,
    kNotInterested,
    kNoClaim,
    kDoNotContact,
};

std::string_view OutcomeCode(Outcome outcome);  // "completed_form", ...
std::optional<Outcome> ParseOutcome(std::string_view code);
std::vector<Outcome> AllOutcomes();

// What an outcome does. `next_call_after` nullopt with `closes_lead` = never again (until the
// replica changes, for no_claim); bad_number waits for the replica's number to change.
struct OutcomeRule {
    Outcome outcome = Outcome::kNoAnswer;
    int score_adjustment = 0;
    std::optional<std::chrono::minutes> next_call_after;
    bool creates_callback = false;     // needs a time, in the future and inside the window
    bool requires_notes = false;       // do_not_contact: the reason is evidence
    bool flags_bad_number = false;     // not dialled until the replica's number changes
    bool closes_lead = false;          // no_claim: closed, reason kept
    bool suppresses = false;           // do_not_contact: permanent suppression entry
    bool verifies_conversion = false;  // completed_form: checked at the next discovery
    bool offers_sms_reminder = false;  // an optional follow-up text with a magic link
    // Whether the call reached the customer. A callback is completed only by one that did;
    // no_answer, voicemail_left and hung_up leave it pending, moved by the rule's delay.
    bool reaches_customer = true;
};

// The configurable outcome table; Defaults() is product.md §6.
struct OutcomeTable {
    std::vector<OutcomeRule> rules;
    static OutcomeTable Defaults();
    const OutcomeRule& For(Outcome outcome
    ) const;  // every outcome has a rule (Defaults fills gaps)
};

// What the agent sent with the outcome.
struct OutcomeInput {
    Outcome outcome = Outcome::kNoAnswer;
    std::string notes;
    std::optional<std::chrono::sys_seconds> callback_at;
};

// The effects to apply in one transaction (by the app layer).
struct OutcomeEffects {
    int score_adjustment = 0;
    std::optional<std::chrono::sys_seconds> next_call_at;  // nullopt with closes/suppresses = never
    std::optional<std::chrono::sys_seconds> callback_at;
    bool flags_bad_number = false;
    bool closes_lead = false;
    bool suppresses = false;
    bool verifies_conversion = false;
    bool reached_customer = true;  // the rule's reaches_customer
};

// How far ahead a callback may be booked: a typo in the year must not park a customer for ever.
inline constexpr std::chrono::days kMaxCallbackAhead{90};

// The one rule for when a callback may be booked (outcome "call_back", the callbacks API,
// reschedules): in the future, at most kMaxCallbackAhead ahead, inside the calling window.
// Errors: kInvalidArgument naming `field`. Pure.
Status CheckCallbackTime(
    std::chrono::sys_seconds at,
    std::chrono::sys_seconds now,
    const CallingWindows& windows,
    const std::string& field
);

// Validates the agent's input against the rule and computes the effects. Errors:
// kInvalidArgument naming "callbackAt" (missing, or refused by CheckCallbackTime) or "notes"
// (required, longer than 2000 characters, or holding control characters). Pure.
Result<OutcomeEffects> DecideOutcomeEffects(
    const OutcomeInput& input,
    const OutcomeTable& table,
    const CallingWindows& windows,
    std::chrono::sys_seconds now
);

}  // namespace dialler::domain
