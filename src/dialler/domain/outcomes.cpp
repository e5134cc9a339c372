#include "dialler/domain/outcomes.hpp"

#include <algorithm>

#include "dialler/base/assert.hpp"
#include "dialler/base/text.hpp"

namespace dialler::domain {

namespace {
constexpr std::size_t kMaxNotes = 2000;
using std::chrono::days;
using std::chrono::hours;
}  // namespace

std::string_view OutcomeCode(Outcome outcome) {
    switch (outcome) {
        case Outcome::kCompletedForm:
            return "completed_form";
        case Outcome::kGoingToComplete:
            return "going_to_complete";
        case Outcome::kMightComplete:
            return "might_complete";
        case Outcome::kCallBack:
            return "call_back";
        case Outcome::kNoAnswer:
            return "no_answer";
        case Outcome::kVoicemailLeft:
            return "voicemail_left";
        case Outcome::kHungUp:
            return "hung_up";
        case Outcome::kBadNumber:
            return "bad_number";
        case Outcome::kNotInterested:
            return "not_interested";
        case Outcome::kNoClaim:
            return "no_claim";
        case Outcome::kDoNotContact:
            return "do_not_contact";
    }
    return "no_answer";
}

std::vector<Outcome> AllOutcomes() {
    return {
        Outcome::kCompletedForm,
        Outcome::kGoingToComplete,
        Outcome::kMightComplete,
        Outcome::kCallBack,
        Outcome::kNoAnswer,
        Outcome::kVoicemailLeft,
        Outcome::kHungUp,
        Outcome::kBadNumber,
        Outcome::kNotInterested,
        Outcome::kNoClaim,
        Outcome::kDoNotContact,
    };
}

std::optional<Outcome> ParseOutcome(std::string_view code) {
    for (Outcome o : AllOutcomes()) {
        if (OutcomeCode(o) == code) {
            return o;
        }
    }
    return std::nullopt;
}

OutcomeTable OutcomeTable::Defaults() {
    OutcomeTable t;
    const auto rule = [](Outcome o, int score, std::optional<std::chrono::minutes> next) {
        OutcomeRule r;
        r.outcome = o;
        r.score_adjustment = score;
        r.next_call_after = next;
        return r;
    };
    OutcomeRule completed = rule(Outcome::kCompletedForm, 0, hours{24});
    completed.verifies_conversion = true;
    OutcomeRule going = rule(Outcome::kGoingToComplete, 0, hours{72});
    going.offers_sms_reminder = true;
    OutcomeRule might = rule(Outcome::kMightComplete, 2, hours{24});
    might.offers_sms_reminder = true;
    OutcomeRule call_back = rule(Outcome::kCallBack, 0, std::nullopt);
    call_back.creates_callback = true;
    OutcomeRule no_answer = rule(Outcome::kNoAnswer, 1, hours{4});
    no_answer.offers_sms_reminder = true;
    OutcomeRule bad_number = rule(Outcome::kBadNumber, 0, std::nullopt);
    bad_number.flags_bad_number = true;
    OutcomeRule no_claim = rule(Outcome::kNoClaim, 0, std::nullopt);
    no_claim.closes_lead = true;
    OutcomeRule dnc = rule(Outcome::kDoNotContact, 0, std::nullopt);
    dnc.suppresses = true;
    dnc.requires_notes = true;
    dnc.closes_lead = true;
    no_answer.reaches_customer = false;
    OutcomeRule voicemail = rule(Outcome::kVoicemailLeft, 1, hours{24});
    voicemail.reaches_customer = false;
    OutcomeRule hung_up = rule(Outcome::kHungUp, 2, hours{4});
    hung_up.reaches_customer = false;
    t.rules = {
        completed,
        going,
        might,
        call_back,
        no_answer,
        voicemail,
        hung_up,
        bad_number,
        rule(Outcome::kNotInterested, 100, days{28}),
        no_claim,
        dnc,
    };
    return t;
}

const OutcomeRule& OutcomeTable::For(Outcome outcome) const {
    const auto it = std::find_if(rules.begin(), rules.end(), [outcome](const OutcomeRule& r) {
        return r.outcome == outcome;
    });
    DIALLER_INVARIANT(it != rules.end(), "outcome table lacks a rule");
    return *it;
}

Status CheckCallbackTime(
    std::chrono::sys_seconds at,
    std::chrono::sys_seconds now,
    const CallingWindows& windows,
    const std::string& field
) {
    if (at <= now) {
        return InvalidField(field, field + " must be in the future");
    }
    if (at > now + kMaxCallbackAhead) {
        return InvalidField(
            field, field + " must be within " + std::to_string(kMaxCallbackAhead.count()) + " days"
        );
    }
    const WindowCheck check = CheckCallingWindow(at, windows);
    if (!check.open) {
        return InvalidField(field, field + " is outside the calling window: " + check.reason);
    }
    return Ok();
}

Result<OutcomeEffects> DecideOutcomeEffects(
    const OutcomeInput& input,
    const OutcomeTable& table,
    const CallingWindows& windows,
    std::chrono::sys_seconds now
) {
    const OutcomeRule& rule = table.For(input.outcome);
    DIALLER_RETURN_IF_ERROR(CheckText(input.notes, "notes", kMaxNotes, ControlChars::kNewlineAndTab)
    );
    if (rule.requires_notes && Trim(input.notes).empty()) {
        return InvalidField(
            "notes", "notes are required for " + std::string(OutcomeCode(input.outcome))
        );
    }
    OutcomeEffects e;
    e.score_adjustment = rule.score_adjustment;
    e.flags_bad_number = rule.flags_bad_number;
    e.closes_lead = rule.closes_lead;
    e.suppresses = rule.suppresses;
    e.verifies_conversion = rule.verifies_conversion;
    e.reached_customer = rule.reaches_customer;
    if (rule.creates_callback) {
        if (!input.callback_at) {
            return InvalidField(
                "callbackAt", "callbackAt (date and time) is required for a call back"
            );
        }
        DIALLER_RETURN_IF_ERROR(CheckCallbackTime(*input.callback_at, now, windows, "callbackAt"));
        e.callback_at = input.callback_at;
        e.next_call_at = input.callback_at;
    } else if (rule.next_call_after) {
        e.next_call_at =
            now + std::chrono::duration_cast<std::chrono::seconds>(*rule.next_call_after);
    }
    return e;
}

}  // namespace dialler::domain
