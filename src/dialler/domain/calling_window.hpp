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

// Opening hours of one weekday in UK local time; `open` < `close`, both since local midnight.
struct DayWindow {
    std::chrono::minutes open{0};
    std::chrono::minutes close{0};
};

// When calls (and SMS) may happen: per weekday (index = std::chrono::weekday::c_encoding(),
// 0 = Sunday), nullopt = closed all day, plus closed dates (bank holidays, as data).
struct CallingWindows {
    std::array<std::optional<DayWindow>, 7> by_weekday;
    std::vector<std::chrono::year_month_day> closed_days;  // UK local dates

    // product.md §8 defaults: Mon-Fri 08:00-20:00, Sat 09:00-17:00, Sun closed, no holidays.
    static CallingWindows Defaults();
};

// The bank holidays of England & Wales for 2025-2027 (gov.uk), the seeded default calendar.
std::vector<std::chrono::year_month_day> EnglandAndWalesBankHolidays2025To2027();

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

}  // namespace dialler::domain
