#include "dialler/domain/calling_window.hpp"

#include <algorithm>

namespace dialler::domain {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr minutes kGmtOffset{0};
constexpr minutes kBstOffset{60};
constexpr minutes kEndOfDay = hours{24};
// Bounds the search for the next opening; only a configuration that closes every day (or a
// closed-days list covering more than a year) reaches it.
constexpr int kMaxDaysScanned = 400;

// Keep in the order of weekday::c_encoding() (0 = Sunday), the index of by_weekday.
constexpr std::array<const char*, 7> kWeekdayPlurals{
    "Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"};

// Both switches happen at 01:00 UTC (01:00 GMT -> 02:00 BST, 02:00 BST -> 01:00 GMT).
sys_seconds BstStart(year y) {
    return sys_days{y / std::chrono::March / std::chrono::Sunday[std::chrono::last]} + hours{1};
}

sys_seconds BstEnd(year y) {
    return sys_days{y / std::chrono::October / std::chrono::Sunday[std::chrono::last]} + hours{1};
}

// Returns the first instant at which UK clocks show `local` or later. That is FromUkLocal for a
// time that exists (the earlier instant for a repeated one) and, for a time skipped when the
// clocks go forward, the instant of the jump: a window opening at 01:30 on that Sunday opens at
// 01:00 UTC, when the clocks leap from 00:59:59 GMT to 02:00 BST and have passed 01:30. The
// rejected alternative, shifting by the gap (02:30 BST, as java.time does), would keep the
// window shut for half an hour in which the wall clock is already past its opening time.
sys_seconds FirstInstantShowing(local_seconds local) {
    if (const auto exact = FromUkLocal(local)) {
        return *exact;
    }
    return BstStart(year_month_day{std::chrono::floor<days>(local)}.year());
}

bool IsUsable(const DayWindow& day_hours) {
    return day_hours.open >= minutes{0} && day_hours.open < day_hours.close &&
           day_hours.close <= kEndOfDay;
}

// Returns the hours configured for `wd`, or nullptr when that weekday is closed, including a
// misconfigured window (open >= close, or outside 00:00-24:00), which is safer shut than open.
const DayWindow* HoursOn(weekday wd, const CallingWindows& windows) {
    const auto& day_hours = windows.by_weekday[wd.c_encoding()];
    if (!day_hours.has_value() || !IsUsable(*day_hours)) {
        return nullptr;
    }
    return &*day_hours;
}

bool IsClosedDate(local_days day, const CallingWindows& windows) {
    const year_month_day date{day};
    return std::find(windows.closed_days.begin(), windows.closed_days.end(), date) !=
           windows.closed_days.end();
}

// One day's window as instants: from the first instant the clocks show `open` to the first
// instant they show `close`. So a repeated hour (clocks going back) inside the window lengthens
// it by an hour and a skipped one shortens it; both edges in the skipped hour leave it empty.
struct Span {
    sys_seconds open;
    sys_seconds close;
};

Span SpanOn(local_days day, const DayWindow& day_hours) {
    return Span{
        FirstInstantShowing(day + day_hours.open), FirstInstantShowing(day + day_hours.close)};
}

// Returns the opening of the first day after `day` (a UK local date) with a non-empty window.
std::optional<sys_seconds> FirstOpeningAfter(local_days day, const CallingWindows& windows) {
    // Every weekday closed would otherwise cost the full scan on every call.
    if (std::none_of(
            windows.by_weekday.begin(),
            windows.by_weekday.end(),
            [](const auto& day_hours) { return day_hours.has_value() && IsUsable(*day_hours); }
        )) {
        return std::nullopt;
    }
    for (int i = 1; i <= kMaxDaysScanned; ++i) {
        const local_days candidate = day + days{i};
        const DayWindow* day_hours = HoursOn(weekday{candidate}, windows);
        if (day_hours == nullptr || IsClosedDate(candidate, windows)) {
            continue;
        }
        const Span span = SpanOn(candidate, *day_hours);
        if (span.open < span.close) {
            return span.open;
        }
    }
    return std::nullopt;
}

// The decision without its wording, so NextWindowOpening builds no strings.
enum class Status { kOpen, kClosedWeekday, kClosedDate, kBeforeOpening, kAfterClosing };

struct Evaluation {
    Status status = Status::kOpen;
    weekday day_of_week{};
    const DayWindow* day_hours = nullptr;
    std::optional<sys_seconds> next_open;
};

Evaluation Evaluate(sys_seconds now, const CallingWindows& windows) {
    // No window crosses local midnight (close <= 24:00), so only today's window can contain now.
    const local_days today = std::chrono::floor<days>(ToUkLocal(now));
    const weekday day_of_week{today};
    const DayWindow* day_hours = HoursOn(day_of_week, windows);
    if (day_hours == nullptr) {
        return {Status::kClosedWeekday, day_of_week, nullptr, FirstOpeningAfter(today, windows)};
    }
    if (IsClosedDate(today, windows)) {
        return {Status::kClosedDate, day_of_week, day_hours, FirstOpeningAfter(today, windows)};
    }
    const Span span = SpanOn(today, *day_hours);
    if (now < span.open) {
        const bool opens_today = span.open < span.close;
        return {
            Status::kBeforeOpening,
            day_of_week,
            day_hours,
            opens_today ? std::optional{span.open} : FirstOpeningAfter(today, windows)};
    }
    if (now >= span.close) {
        return {Status::kAfterClosing, day_of_week, day_hours, FirstOpeningAfter(today, windows)};
    }
    return {Status::kOpen, day_of_week, day_hours, std::nullopt};
}

// Formats a time since local midnight as HH:MM; `since_midnight` is within 00:00-24:00.
std::string FormatHhMm(minutes since_midnight) {
    const auto total = since_midnight.count();
    const auto h = total / 60;
    const auto m = total % 60;
    std::string text = "00:00";
    text[0] = static_cast<char>('0' + h / 10);
    text[1] = static_cast<char>('0' + h % 10);
    text[3] = static_cast<char>('0' + m / 10);
    text[4] = static_cast<char>('0' + m % 10);
    return text;
}

year_month_day Date(int y, unsigned m, unsigned d) {
    return year_month_day{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

std::chrono::minutes UkUtcOffset(sys_seconds t) {
    const year y = year_month_day{std::chrono::floor<days>(t)}.year();
    return t >= BstStart(y) && t < BstEnd(y) ? kBstOffset : kGmtOffset;
}

local_seconds ToUkLocal(sys_seconds t) {
    return local_seconds{t.time_since_epoch() + UkUtcOffset(t)};
}

sys_seconds NextUkMidnight(sys_seconds t) {
    const auto tomorrow = std::chrono::floor<days>(ToUkLocal(t)) + days{1};
    // UK clocks change at 01:00 and 02:00, never at midnight: midnight always exists.
    return FirstInstantShowing(local_seconds{tomorrow});
}

std::optional<sys_seconds> FromUkLocal(local_seconds local) {
    // BST is tried first: in the repeated hour both readings are valid and the BST one is the
    // earlier instant.
    const sys_seconds as_bst{local.time_since_epoch() - kBstOffset};
    if (UkUtcOffset(as_bst) == kBstOffset) {
        return as_bst;
    }
    const sys_seconds as_gmt{local.time_since_epoch() - kGmtOffset};
    if (UkUtcOffset(as_gmt) == kGmtOffset) {
        return as_gmt;
    }
    return std::nullopt;  // neither reading maps back: the hour skipped in spring
}

CallingWindows CallingWindows::Defaults() {
    CallingWindows windows;
    constexpr DayWindow kWeekdayHours{.open = hours{8}, .close = hours{20}};
    for (const weekday wd :
         {std::chrono::Monday,
          std::chrono::Tuesday,
          std::chrono::Wednesday,
          std::chrono::Thursday,
          std::chrono::Friday}) {
        windows.by_weekday[wd.c_encoding()] = kWeekdayHours;
    }
    windows.by_weekday[std::chrono::Saturday.c_encoding()] =
        DayWindow{.open = hours{9}, .close = hours{17}};
    return windows;
}

std::vector<year_month_day> EnglandAndWalesBankHolidays2025To2027() {
    // From gov.uk/bank-holidays. When a holiday falls at a weekend only the substitute weekday is
    // a bank holiday, so Saturday 26 Dec 2026 and Saturday 25 Dec 2027 are not listed.
    return {
        Date(2025, 1, 1),    // New Year's Day
        Date(2025, 4, 18),   // Good Friday
        Date(2025, 4, 21),   // Easter Monday
        Date(2025, 5, 5),    // Early May bank holiday
        Date(2025, 5, 26),   // Spring bank holiday
        Date(2025, 8, 25),   // Summer bank holiday
        Date(2025, 12, 25),  // Christmas Day
        Date(2025, 12, 26),  // Boxing Day
        Date(2026, 1, 1),    // New Year's Day
        Date(2026, 4, 3),    // Good Friday
        Date(2026, 4, 6),    // Easter Monday
        Date(2026, 5, 4),    // Early May bank holiday
        Date(2026, 5, 25),   // Spring bank holiday
        Date(2026, 8, 31),   // Summer bank holiday
        Date(2026, 12, 25),  // Christmas Day
        Date(2026, 12, 28),  // Boxing Day (substitute day)
        Date(2027, 1, 1),    // New Year's Day
        Date(2027, 3, 26),   // Good Friday
        Date(2027, 3, 29),   // Easter Monday
        Date(2027, 5, 3),    // Early May bank holiday
        Date(2027, 5, 31),   // Spring bank holiday
        Date(2027, 8, 30),   // Summer bank holiday
        Date(2027, 12, 27),  // Christmas Day (substitute day)
        Date(2027, 12, 28),  // Boxing Day (substitute day)
    };
}

WindowCheck CheckCallingWindow(sys_seconds now, const CallingWindows& windows) {
    Evaluation e = Evaluate(now, windows);
    WindowCheck check;
    switch (e.status) {
        case Status::kOpen:
            check.open = true;
            return check;
        case Status::kClosedWeekday:
            check.reason = std::string{"closed on "} + kWeekdayPlurals[e.day_of_week.c_encoding()];
            break;
        case Status::kClosedDate:
            check.reason = "bank holiday";
            break;
        case Status::kBeforeOpening:
            check.reason = "before " + FormatHhMm(e.day_hours->open);
            break;
        case Status::kAfterClosing:
            check.reason = "after " + FormatHhMm(e.day_hours->close);
            break;
    }
    check.next_open = e.next_open;
    return check;
}

std::optional<sys_seconds> NextWindowOpening(sys_seconds t, const CallingWindows& windows) {
    const Evaluation e = Evaluate(t, windows);
    if (e.status == Status::kOpen) {
        return t;
    }
    return e.next_open;
}

}  // namespace dialler::domain
