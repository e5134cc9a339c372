#include "dialler/domain/follow_up.hpp"

#include <array>
#include <cstdio>

#include "dialler/domain/calling_window.hpp"

namespace dialler::domain {

namespace {

using std::chrono::days;
using std::chrono::minutes;

constexpr std::array<std::string_view, 7> kWeekdays{
    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths{
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// kReminderAt UK time on the UK day containing `t`, or on the next one.
std::chrono::sys_seconds EveningOf(std::chrono::sys_seconds t, bool next_day) {
    const auto local = ToUkLocal(t);
    auto day = std::chrono::floor<days>(local) + (next_day ? days{1} : days{0});
    const std::chrono::local_seconds at{day.time_since_epoch() + kReminderAt};
    // 18:30 always exists (clocks change at night); the fallback keeps the function total.
    return FromUkLocal(at).value_or(t + std::chrono::hours{1});
}

std::string Greeting(std::string_view first_name) {
    return first_name.empty() ? std::string("Hi") : "Hi " + std::string(first_name);
}

}  // namespace

std::string_view FollowUpKindName(FollowUpKind kind) {
    switch (kind) {
        case FollowUpKind::kReminder:
            return "reminder";
        case FollowUpKind::kCheckIn:
            return "check_in";
        case FollowUpKind::kCallbackConfirmation:
            return "callback_confirmation";
    }
    return "reminder";
}

std::optional<FollowUpKind> ParseFollowUpKind(std::string_view name) {
    for (const auto kind :
         {FollowUpKind::kReminder, FollowUpKind::kCheckIn, FollowUpKind::kCallbackConfirmation}) {
        if (FollowUpKindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

std::optional<FollowUpPlan> PlanFollowUp(
    const OutcomeRule& rule,
    const OutcomeEffects& effects,
    bool first_no_answer,
    std::chrono::sys_seconds now
) {
    if (rule.creates_callback && effects.callback_at) {
        return FollowUpPlan{FollowUpKind::kCallbackConfirmation, now};
    }
    if (!rule.offers_sms_reminder) {
        return std::nullopt;
    }
    if (rule.outcome == Outcome::kNoAnswer) {
        if (!first_no_answer) {
            return std::nullopt;
        }
        return FollowUpPlan{FollowUpKind::kCheckIn, now + kCheckInAfter};
    }
    // Less than an hour before the evening's time is too soon after the call: the next evening.
    const auto today = EveningOf(now, false);
    return FollowUpPlan{
        FollowUpKind::kReminder,
        now + std::chrono::hours{1} > today ? EveningOf(now, true) : today};
}

std::string UkDayAndTime(std::chrono::sys_seconds t) {
    const auto local = ToUkLocal(t);
    const auto day = std::chrono::floor<days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::weekday weekday{day};
    const auto since_midnight = std::chrono::duration_cast<minutes>(local - day);
    std::array<char, 8> clock{};
    std::snprintf(
        clock.data(),
        clock.size(),
        "%02d:%02d",
        static_cast<int>(since_midnight.count() / 60),
        static_cast<int>(since_midnight.count() % 60)
    );
    return std::string(kWeekdays.at(weekday.c_encoding())) + " " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           std::string(kMonths.at(static_cast<unsigned>(ymd.month()) - 1)) + " at " + clock.data();
}

std::string FollowUpText(
    FollowUpKind kind,
    std::string_view first_name,
    std::optional<std::chrono::sys_seconds> callback_at
) {
    switch (kind) {
        case FollowUpKind::kCallbackConfirmation:
            return Greeting(first_name) + ", as agreed we will call you back on " +
                   (callback_at ? UkDayAndTime(*callback_at) : std::string("the day we agreed")) +
                   ". Reply to this text if another time suits you better.";
        case FollowUpKind::kCheckIn:
            return Greeting(first_name) +
                   ", we tried to call you about your claim. Reply to this text and we will call "
                   "you back when it suits you.";
        case FollowUpKind::kReminder:
            break;
    }
    return Greeting(first_name) + ", a reminder to finish your claim documents when you can.";
}

}  // namespace dialler::domain
