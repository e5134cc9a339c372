#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/domain/outcomes.hpp"

namespace dialler::domain {

// A text an outcome schedules (product.md §6, §7):
// - a reminder with a magic link the same evening after "going to complete" or "might complete";
// - one check-in half an hour after the customer's first-ever "no answer";
// - a confirmation of the callback the customer agreed to, straight away.
// Each is sent by the system, re-checked when due (the contact gate, the customer still in a
// queue, no reply from them since) and otherwise cancelled with the reason.
enum class FollowUpKind { kReminder, kCheckIn, kCallbackConfirmation };
std::string_view FollowUpKindName(FollowUpKind kind);  // "reminder", "check_in", ...
std::optional<FollowUpKind> ParseFollowUpKind(std::string_view name);

struct FollowUpPlan {
    FollowUpKind kind = FollowUpKind::kReminder;
    std::chrono::sys_seconds due;
};

// The evening a reminder goes out: 18:30 UK time.
inline constexpr std::chrono::minutes kReminderAt{18 * 60 + 30};
inline constexpr std::chrono::minutes kCheckInAfter{30};

// What the outcome schedules, if anything: its rule must offer a text (offers_sms_reminder) or
// book a callback. `first_no_answer`: no earlier "no answer" for the customer. A reminder is due
// at kReminderAt UK time the same day, or the next day when the outcome is later than an hour
// before it. Pure.
std::optional<FollowUpPlan> PlanFollowUp(
    const OutcomeRule& rule,
    const OutcomeEffects& effects,
    bool first_no_answer,
    std::chrono::sys_seconds now
);

// The words of a check-in or a callback confirmation (a reminder is the magic link's text).
// `callback_at`: the agreed time, for a confirmation ("Thu 5 Nov at 14:30", UK time).
std::string FollowUpText(
    FollowUpKind kind,
    std::string_view first_name,
    std::optional<std::chrono::sys_seconds> callback_at
);

// "Thu 5 Nov at 14:30": a UK local time as a customer reads it.
std::string UkDayAndTime(std::chrono::sys_seconds t);

}  // namespace dialler::domain
