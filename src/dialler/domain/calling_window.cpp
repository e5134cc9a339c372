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
    return windows.IsClosedDate(year_month_day{day});
}

bool Contains(const std::vector<year_month_day>& dates, year_month_day date) {
    return std::find(dates.begin(), dates.end(), date) != dates.end();
}

// Easter Sunday (Gregorian), by Oudin's algorithm.
year_month_day EasterSunday(int y) {
    const int c = y / 100;
    const int n = y - 19 * (y / 19);
    const int k = (c - 17) / 25;
    int i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
    i = i - 30 * (i / 30);
    i = i - (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    int j = y + y / 4 + i + 2 - c + c / 4;
    j = j - 7 * (j / 7);
    const int l = i - j;
    const int month = 3 + (l + 40) / 44;
    const int day = l + 28 - 31 * (month / 4);
    return year_month_day{
        year{y},
        std::chrono::month{static_cast<unsigned>(month)},
        std::chrono::day{static_cast<unsigned>(day)}};
}

// The first weekday on or after `date` that is not in `taken` (a substitute day).
year_month_day WeekdayFrom(year_month_day date, const std::vector<year_month_day>& taken) {
    sys_days d{date};
    while (weekday{d} == std::chrono::Saturday || weekday{d} == std::chrono::Sunday ||
           Contains(taken, year_month_day{d})) {
        d += days{1};
    }
    return year_month_day{d};
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

sys_seconds UkDayStart(sys_seconds t) {
    return FirstInstantShowing(local_seconds{std::chrono::floor<days>(ToUkLocal(t))});
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

void ClampToLimits(CallingWindows& windows, const DayWindow& limits) {
    for (auto& day_hours : windows.by_weekday) {
        if (!day_hours) {
            continue;
        }
        day_hours->open = std::max(day_hours->open, limits.open);
        day_hours->close = std::min(day_hours->close, limits.close);
        if (day_hours->open >= day_hours->close) {
            day_hours.reset();
        }
    }
}

bool CallingWindows::IsClosedDate(year_month_day date) const {
    if (Contains(closed_days, date)) {
        return true;
    }
    if (!close_bank_holidays || Contains(open_days, date)) {
        return false;
    }
    const bool christmas =
        date.month() == std::chrono::December &&
        (date.day() == std::chrono::day{25} || date.day() == std::chrono::day{26});
    return christmas || IsEnglandAndWalesBankHoliday(date);
}

std::vector<year_month_day> EnglandAndWalesBankHolidays(year y) {
    using std::chrono::last;
    using std::chrono::Monday;
    const int yy = static_cast<int>(y);
    const sys_days easter{EasterSunday(yy)};
    std::vector<year_month_day> out;
    out.push_back(WeekdayFrom(y / 1 / 1, out));                          // New Year's Day
    out.emplace_back(easter - days{2});                                  // Good Friday
    out.emplace_back(easter + days{1});                                  // Easter Monday
    out.emplace_back(sys_days{y / std::chrono::May / Monday[1]});        // Early May
    out.emplace_back(sys_days{y / std::chrono::May / Monday[last]});     // Spring
    out.emplace_back(sys_days{y / std::chrono::August / Monday[last]});  // Summer
    // Christmas first, then Boxing Day on the first weekday left: Christmas on a Saturday moves
    // to Monday 27 and Boxing Day to Tuesday 28.
    out.push_back(WeekdayFrom(y / 12 / 25, out));
    out.push_back(WeekdayFrom(y / 12 / 26, out));
    std::sort(out.begin(), out.end());
    return out;
}

bool IsEnglandAndWalesBankHoliday(year_month_day date) {
    if (!date.ok()) {
        return false;
    }
    // A substitute for 31 December's neighbour never crosses into the next year (1 January's
    // substitute is at most 3 January), so the date's own year has all its holidays.
    return Contains(EnglandAndWalesBankHolidays(date.year()), date);
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

std::vector<OpenSpan> OpenSpans(sys_seconds from, int uk_days, const CallingWindows& windows) {
    const int day_count = std::clamp(uk_days, 1, kMaxDaysScanned);
    const local_days first = std::chrono::floor<days>(ToUkLocal(from));
    std::vector<OpenSpan> spans;
    for (int i = 0; i < day_count; ++i) {
        const local_days day = first + days{i};
        const DayWindow* day_hours = HoursOn(weekday{day}, windows);
        if (day_hours == nullptr || IsClosedDate(day, windows)) {
            continue;
        }
        const Span span = SpanOn(day, *day_hours);
        const sys_seconds open = std::max(span.open, from);
        if (open < span.close) {
            spans.push_back(OpenSpan{open, span.close});
        }
    }
    return spans;
}

}  // namespace dialler::domain
