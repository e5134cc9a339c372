#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"

namespace dialler::domain {

// UK civil time. Domain code cannot use a time-zone database (no I/O), so the UK rule is
// computed: GMT, and BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October (the rule in force since 1996). A platform test cross-checks it
// against the system tz database, so a change in the law shows up as a failing test.
std::chrono::minutes UkUtcOffset(std::chrono::sys_seconds t);
std::chrono::local_seconds ToUkLocal(std::chrono::sys_seconds t);
// Returns the UTC instant of a UK local time; nullopt for a local time that does not exist
// (the skipped hour when clocks go forward). An ambiguous local time (the repeated hour when
// clocks go back) resolves to the earlier instant.
std::optional<std::chrono::sys_seconds> FromUkLocal(std::chrono::local_seconds local);

// The first instant of the UK day after the one containing `t` (the next UK midnight).
std::chrono::sys_seconds NextUkMidnight(std::chrono::sys_seconds t);
// The first instant of the UK day containing `t` (its UK midnight).
std::chrono::sys_seconds UkDayStart(std::chrono::sys_seconds t);

// Opening hours of one weekday in UK local time; `open` < `close`, both since local midnight.
struct DayWindow {
    std::chrono::minutes open{0};
    std::chrono::minutes close{0};
};

// When calls (and SMS) may happen: per weekday (index = std::chrono::weekday::c_encoding(),
// 0 = Sunday), nullopt = closed all day; England & Wales bank holidays (by rule, any year) when
// `close_bank_holidays`, except `open_days`; plus `closed_days` (one-off closures). Dates are
// UK local dates.
struct CallingWindows {
    std::array<std::optional<DayWindow>, 7> by_weekday;
    bool close_bank_holidays = false;
    std::vector<std::chrono::year_month_day> closed_days;  // added by an admin
    std::vector<std::chrono::year_month_day> open_days;    // bank holidays worked anyway

    // product.md §8 weekly hours: Mon-Fri 08:00-20:00, Sat 09:00-17:00, Sun closed; no
    // closed dates (QueueSettings::Defaults closes the bank holidays).
    static CallingWindows Defaults();

    // Whether the whole UK day `date` is closed: a closed day, or a bank holiday (and, while
    // bank holidays are closed, Christmas Day and Boxing Day themselves when they fall at a
    // weekend: nobody wants a claims call on Christmas morning) that is not an open day.
    bool IsClosedDate(std::chrono::year_month_day date) const;
};

// The legal outer bounds of any day's calling hours (UK time), whatever admins configure.
inline constexpr DayWindow kWidestCallingHours{std::chrono::hours{8}, std::chrono::hours{21}};

// Narrows every weekday's hours to `limits`; a day left with no hours is closed. So hours stored
// before the limits were narrowed (or a fallback) can never open the floor outside them.
void ClampToLimits(CallingWindows& windows, const DayWindow& limits);

// The bank holidays of England & Wales in year `y`, computed by rule (gov.uk): New Year's Day,
// Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August,
// Christmas Day and Boxing Day, with a weekday substitute for one that falls at a weekend. One-off
// holidays (a coronation, a jubilee) are not rules: admins add them as closed days. Sorted.
std::vector<std::chrono::year_month_day> EnglandAndWalesBankHolidays(std::chrono::year y);
bool IsEnglandAndWalesBankHoliday(std::chrono::year_month_day date);

struct WindowCheck {
    bool open = false;
    // When closed: why, for the agent and the audit ("closed on Sundays", "bank holiday",
    // "before 08:00", "after 20:00").
    std::string reason;
    // When closed: the next instant the window opens (nullopt if never within 400 days).
    std::optional<std::chrono::sys_seconds> next_open;
};

// Returns whether `now` is inside the calling window. Pure.
WindowCheck CheckCallingWindow(std::chrono::sys_seconds now, const CallingWindows& windows);

// Returns the next instant at or after `t` that is inside the window; nullopt if none within 400
// days (a misconfiguration: every day closed).
std::optional<std::chrono::sys_seconds> NextWindowOpening(
    std::chrono::sys_seconds t, const CallingWindows& windows
);

// One stretch of open calling hours, as instants: [open, close).
struct OpenSpan {
    std::chrono::sys_seconds open;
    std::chrono::sys_seconds close;
};

// The open stretches from `from` through the end of the UK day `uk_days - 1` days after the one
// containing `from` (at most one per UK day, sorted; the first starts at `from` when the window
// is open then). What a screen offers as callback times, so it cannot offer a time the gate
// refuses. `uk_days` is clamped to 1..400. Pure.
std::vector<OpenSpan> OpenSpans(
    std::chrono::sys_seconds from, int uk_days, const CallingWindows& windows
);

}  // namespace dialler::domain
