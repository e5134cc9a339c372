#include "dialler/domain/calling_window.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using std::chrono::hours;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year;
using std::chrono::year_month_day;

year_month_day Date(int y, int m, int d) {
    return year{y} / m / d;
}

// A UTC instant from calendar fields.
sys_seconds Utc(int y, int mo, int d, int h, int mi = 0, int s = 0) {
    return sys_days{Date(y, mo, d)} + hours{h} + minutes{mi} + seconds{s};
}

// A UK wall-clock reading from calendar fields.
local_seconds Local(int y, int mo, int d, int h, int mi = 0, int s = 0) {
    return local_days{Date(y, mo, d)} + hours{h} + minutes{mi} + seconds{s};
}

CallingWindows DefaultsWithBankHolidays() {
    CallingWindows windows = CallingWindows::Defaults();
    windows.close_bank_holidays = true;
    return windows;
}

// A configuration open only on Sundays, for the clock changes (which are always on a Sunday).
CallingWindows SundaysOnly(minutes open, minutes close) {
    CallingWindows windows;
    windows.by_weekday[std::chrono::Sunday.c_encoding()] = DayWindow{open, close};
    return windows;
}

// --- UK civil time ------------------------------------------------------------------------

TEST(UkUtcOffset, IsGmtInWinterAndBstInSummer) {
    EXPECT_EQ(UkUtcOffset(Utc(2026, 1, 15, 12)), minutes{0});
    EXPECT_EQ(UkUtcOffset(Utc(2026, 7, 15, 12)), minutes{60});
    EXPECT_EQ(UkUtcOffset(Utc(2026, 12, 31, 23, 59, 59)), minutes{0});
}

TEST(UkUtcOffset, SwitchesToBstAt0100UtcOnTheLastSundayOfMarch) {
    // 29 March 2026 is the last Sunday of March.
    EXPECT_EQ(UkUtcOffset(Utc(2026, 3, 29, 0, 59, 59)), minutes{0});
    EXPECT_EQ(UkUtcOffset(Utc(2026, 3, 29, 1, 0, 0)), minutes{60});
    // A week earlier is still winter time.
    EXPECT_EQ(UkUtcOffset(Utc(2026, 3, 22, 12)), minutes{0});
}

TEST(UkUtcOffset, SwitchesBackToGmtAt0100UtcOnTheLastSundayOfOctober) {
    // 25 October 2026 is the last Sunday of October (the 31st is a Saturday).
    EXPECT_EQ(UkUtcOffset(Utc(2026, 10, 25, 0, 59, 59)), minutes{60});
    EXPECT_EQ(UkUtcOffset(Utc(2026, 10, 25, 1, 0, 0)), minutes{0});
    EXPECT_EQ(UkUtcOffset(Utc(2026, 10, 18, 12)), minutes{60});
}

TEST(UkUtcOffset, FindsTheLastSundayWhenItIsTheLastDayOfTheMonth) {
    // 31 March 2024 and 31 October 2021 are Sundays.
    EXPECT_EQ(UkUtcOffset(Utc(2024, 3, 31, 0, 59, 59)), minutes{0});
    EXPECT_EQ(UkUtcOffset(Utc(2024, 3, 31, 1)), minutes{60});
    EXPECT_EQ(UkUtcOffset(Utc(2021, 10, 31, 0, 59, 59)), minutes{60});
    EXPECT_EQ(UkUtcOffset(Utc(2021, 10, 31, 1)), minutes{0});
}

TEST(NextUkMidnight, IsTheStartOfTheNextUkDay) {
    EXPECT_EQ(NextUkMidnight(Utc(2026, 11, 4, 11)), Utc(2026, 11, 5, 0));
    // 00:30 BST on 16 July is already the 16th: the next midnight is 23:00 UTC that day.
    EXPECT_EQ(NextUkMidnight(Utc(2026, 7, 15, 23, 30)), Utc(2026, 7, 16, 23));
    EXPECT_EQ(NextUkMidnight(Utc(2026, 7, 15, 22, 59)), Utc(2026, 7, 15, 23));
    // The days the clocks change are 23 and 25 hours long.
    EXPECT_EQ(NextUkMidnight(Utc(2026, 3, 29, 0, 30)), Utc(2026, 3, 29, 23));
    EXPECT_EQ(NextUkMidnight(Utc(2026, 10, 24, 23, 30)), Utc(2026, 10, 26, 0));
}

TEST(UkDayStart, IsTheMidnightThatBeganTheUkDay) {
    EXPECT_EQ(UkDayStart(Utc(2026, 11, 4, 11)), Utc(2026, 11, 4, 0));
    EXPECT_EQ(UkDayStart(Utc(2026, 11, 4, 0)), Utc(2026, 11, 4, 0));
    // 00:30 BST on 16 July began at 23:00 UTC on the 15th; 23:30 UTC on the 15th too.
    EXPECT_EQ(UkDayStart(Utc(2026, 7, 15, 23, 30)), Utc(2026, 7, 15, 23));
    EXPECT_EQ(UkDayStart(Utc(2026, 7, 15, 22, 59)), Utc(2026, 7, 14, 23));
    // The short and the long day: each starts at its own midnight.
    EXPECT_EQ(UkDayStart(Utc(2026, 3, 29, 22)), Utc(2026, 3, 29, 0));
    EXPECT_EQ(UkDayStart(Utc(2026, 10, 25, 23, 30)), Utc(2026, 10, 24, 23));
}

TEST(ToUkLocal, AddsTheOffsetOfTheInstant) {
    EXPECT_EQ(ToUkLocal(Utc(2026, 1, 15, 12)), Local(2026, 1, 15, 12));
    EXPECT_EQ(ToUkLocal(Utc(2026, 7, 15, 12)), Local(2026, 7, 15, 13));
    EXPECT_EQ(ToUkLocal(Utc(2026, 7, 15, 23, 30)), Local(2026, 7, 16, 0, 30));
}

TEST(ToUkLocal, JumpsAnHourForwardInSpringAndRepeatsAnHourInAutumn) {
    EXPECT_EQ(ToUkLocal(Utc(2026, 3, 29, 0, 59, 59)), Local(2026, 3, 29, 0, 59, 59));
    EXPECT_EQ(ToUkLocal(Utc(2026, 3, 29, 1)), Local(2026, 3, 29, 2));
    EXPECT_EQ(ToUkLocal(Utc(2026, 10, 25, 0, 30)), Local(2026, 10, 25, 1, 30));
    EXPECT_EQ(ToUkLocal(Utc(2026, 10, 25, 1, 30)), Local(2026, 10, 25, 1, 30));
}

TEST(FromUkLocal, InvertsToUkLocalOutsideTheClockChanges) {
    EXPECT_EQ(FromUkLocal(Local(2026, 1, 15, 12)), Utc(2026, 1, 15, 12));
    EXPECT_EQ(FromUkLocal(Local(2026, 7, 15, 13)), Utc(2026, 7, 15, 12));
    EXPECT_EQ(FromUkLocal(Local(2026, 7, 16, 0, 30)), Utc(2026, 7, 15, 23, 30));
    EXPECT_EQ(FromUkLocal(Local(2027, 1, 1, 0, 30)), Utc(2027, 1, 1, 0, 30));
}

TEST(FromUkLocal, ReturnsNulloptForTheHourSkippedInSpring) {
    EXPECT_EQ(FromUkLocal(Local(2026, 3, 29, 0, 59, 59)), Utc(2026, 3, 29, 0, 59, 59));
    EXPECT_EQ(FromUkLocal(Local(2026, 3, 29, 1, 0, 0)), std::nullopt);
    EXPECT_EQ(FromUkLocal(Local(2026, 3, 29, 1, 30)), std::nullopt);
    EXPECT_EQ(FromUkLocal(Local(2026, 3, 29, 1, 59, 59)), std::nullopt);
    EXPECT_EQ(FromUkLocal(Local(2026, 3, 29, 2, 0, 0)), Utc(2026, 3, 29, 1, 0, 0));
}

TEST(FromUkLocal, ResolvesTheHourRepeatedInAutumnToTheEarlierInstant) {
    EXPECT_EQ(FromUkLocal(Local(2026, 10, 25, 0, 59, 59)), Utc(2026, 10, 24, 23, 59, 59));
    EXPECT_EQ(FromUkLocal(Local(2026, 10, 25, 1, 0, 0)), Utc(2026, 10, 25, 0, 0, 0));
    EXPECT_EQ(FromUkLocal(Local(2026, 10, 25, 1, 30)), Utc(2026, 10, 25, 0, 30));
    EXPECT_EQ(FromUkLocal(Local(2026, 10, 25, 1, 59, 59)), Utc(2026, 10, 25, 0, 59, 59));
    EXPECT_EQ(FromUkLocal(Local(2026, 10, 25, 2, 0, 0)), Utc(2026, 10, 25, 2, 0, 0));
}

// --- Configuration ------------------------------------------------------------------------

TEST(CallingWindows, DefaultsToWeekdays0800To2000Saturdays0900To1700AndClosedSundays) {
    const CallingWindows windows = CallingWindows::Defaults();
    for (unsigned d = 1; d <= 5; ++d) {
        ASSERT_TRUE(windows.by_weekday[d].has_value()) << d;
        EXPECT_EQ(windows.by_weekday[d]->open, hours{8}) << d;
        EXPECT_EQ(windows.by_weekday[d]->close, hours{20}) << d;
    }
    ASSERT_TRUE(windows.by_weekday[6].has_value());
    EXPECT_EQ(windows.by_weekday[6]->open, hours{9});
    EXPECT_EQ(windows.by_weekday[6]->close, hours{17});
    EXPECT_FALSE(windows.by_weekday[0].has_value());
    EXPECT_TRUE(windows.closed_days.empty());
}

// Good Friday and Easter Monday are checked against Easter computed independently (the
// anonymous Gregorian algorithm), not against a second copy of the list.
year_month_day EasterSunday(int y) {
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date(y, month, day);
}

bool Contains(const std::vector<year_month_day>& dates, year_month_day date) {
    return std::find(dates.begin(), dates.end(), date) != dates.end();
}

// gov.uk's published dates (2024-2027) and the same rules carried on to 2030.
TEST(EnglandAndWalesBankHolidays, MatchesThePublishedDates2024To2030) {
    const std::vector<std::pair<int, std::vector<year_month_day>>> published{
        {2024,
         {Date(2024, 1, 1),
          Date(2024, 3, 29),
          Date(2024, 4, 1),
          Date(2024, 5, 6),
          Date(2024, 5, 27),
          Date(2024, 8, 26),
          Date(2024, 12, 25),
          Date(2024, 12, 26)}},
        {2025,
         {Date(2025, 1, 1),
          Date(2025, 4, 18),
          Date(2025, 4, 21),
          Date(2025, 5, 5),
          Date(2025, 5, 26),
          Date(2025, 8, 25),
          Date(2025, 12, 25),
          Date(2025, 12, 26)}},
        {2026,
         {Date(2026, 1, 1),
          Date(2026, 4, 3),
          Date(2026, 4, 6),
          Date(2026, 5, 4),
          Date(2026, 5, 25),
          Date(2026, 8, 31),
          Date(2026, 12, 25),
          Date(2026, 12, 28)}},  // Boxing Day is a Saturday
        {2027,
         {Date(2027, 1, 1),
          Date(2027, 3, 26),
          Date(2027, 3, 29),
          Date(2027, 5, 3),
          Date(2027, 5, 31),
          Date(2027, 8, 30),
          Date(2027, 12, 27),    // Christmas Day is a Saturday
          Date(2027, 12, 28)}},  // Boxing Day a Sunday
        {2028,
         {Date(2028, 1, 3),  // New Year's Day is a Saturday
          Date(2028, 4, 14),
          Date(2028, 4, 17),
          Date(2028, 5, 1),
          Date(2028, 5, 29),
          Date(2028, 8, 28),
          Date(2028, 12, 25),
          Date(2028, 12, 26)}},
        {2029,
         {Date(2029, 1, 1),
          Date(2029, 3, 30),
          Date(2029, 4, 2),
          Date(2029, 5, 7),
          Date(2029, 5, 28),
          Date(2029, 8, 27),
          Date(2029, 12, 25),
          Date(2029, 12, 26)}},
        {2030,
         {Date(2030, 1, 1),
          Date(2030, 4, 19),
          Date(2030, 4, 22),
          Date(2030, 5, 6),
          Date(2030, 5, 27),
          Date(2030, 8, 26),
          Date(2030, 12, 25),
          Date(2030, 12, 26)}},
    };
    for (const auto& [y, dates] : published) {
        EXPECT_EQ(EnglandAndWalesBankHolidays(year{y}), dates) << y;
        for (const auto d : dates) {
            EXPECT_TRUE(IsEnglandAndWalesBankHoliday(d)) << y;
        }
    }
}

// Good Friday and Easter Monday are checked against Easter computed independently (the
// anonymous Gregorian algorithm; the code uses Oudin's), for two centuries.
TEST(EnglandAndWalesBankHolidays, FollowsTheRulesInAnyYear) {
    using std::chrono::last;
    using std::chrono::Monday;
    for (int y = 1990; y <= 2190; ++y) {
        const auto holidays = EnglandAndWalesBankHolidays(year{y});
        ASSERT_EQ(holidays.size(), 8U) << y;
        for (const year_month_day date : holidays) {
            const std::chrono::weekday wd{sys_days{date}};
            EXPECT_NE(wd, std::chrono::Saturday) << y;
            EXPECT_NE(wd, std::chrono::Sunday) << y;
        }
        const sys_days easter{EasterSunday(y)};
        EXPECT_TRUE(Contains(holidays, year_month_day{easter - std::chrono::days{2}})) << y;
        EXPECT_TRUE(Contains(holidays, year_month_day{easter + std::chrono::days{1}})) << y;
        EXPECT_TRUE(Contains(holidays, year_month_day{sys_days{year{y} / 5 / Monday[1]}})) << y;
        EXPECT_TRUE(Contains(holidays, year_month_day{sys_days{year{y} / 5 / Monday[last]}})) << y;
        EXPECT_TRUE(Contains(holidays, year_month_day{sys_days{year{y} / 8 / Monday[last]}})) << y;
    }
    EXPECT_FALSE(IsEnglandAndWalesBankHoliday(Date(2026, 6, 2)));
    EXPECT_FALSE(IsEnglandAndWalesBankHoliday(Date(2026, 12, 26)));  // a Saturday
}

TEST(CallingWindows, ClosesBankHolidaysExceptOpenDaysAndAddsClosedDays) {
    CallingWindows windows = CallingWindows::Defaults();
    EXPECT_FALSE(windows.IsClosedDate(Date(2031, 8, 25)));  // not unless asked
    windows.close_bank_holidays = true;
    EXPECT_TRUE(windows.IsClosedDate(Date(2031, 8, 25)));   // Summer bank holiday 2031
    EXPECT_TRUE(windows.IsClosedDate(Date(2026, 12, 26)));  // Boxing Day on a Saturday
    EXPECT_FALSE(windows.IsClosedDate(Date(2026, 12, 29)));
    windows.open_days = {Date(2031, 8, 25)};
    EXPECT_FALSE(windows.IsClosedDate(Date(2031, 8, 25)));
    windows.closed_days = {Date(2026, 6, 2)};  // a one-off holiday
    EXPECT_TRUE(windows.IsClosedDate(Date(2026, 6, 2)));
    // Far ahead the calendar still knows: no list to run out.
    const WindowCheck christmas_2040 = CheckCallingWindow(Utc(2040, 12, 25, 10), windows);
    EXPECT_FALSE(christmas_2040.open);
    EXPECT_EQ(christmas_2040.next_open, Utc(2040, 12, 27, 8));
}

// --- CheckCallingWindow: defaults, in winter (UTC == UK time) -----------------------------

// Monday 12 January 2026 (GMT).
TEST(CheckCallingWindow, OpensAtExactly0800OnAWeekday) {
    const CallingWindows windows = CallingWindows::Defaults();
    const WindowCheck before = CheckCallingWindow(Utc(2026, 1, 12, 7, 59, 59), windows);
    EXPECT_FALSE(before.open);
    EXPECT_EQ(before.reason, "before 08:00");
    EXPECT_EQ(before.next_open, Utc(2026, 1, 12, 8));

    const WindowCheck at_open = CheckCallingWindow(Utc(2026, 1, 12, 8), windows);
    EXPECT_TRUE(at_open.open);
    EXPECT_EQ(at_open.reason, "");
    EXPECT_EQ(at_open.next_open, std::nullopt);
}

TEST(CheckCallingWindow, ClosesAtExactly2000BecauseTheCloseIsExclusive) {
    const CallingWindows windows = CallingWindows::Defaults();
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 12, 19, 59, 59), windows).open);

    const WindowCheck at_close = CheckCallingWindow(Utc(2026, 1, 12, 20), windows);
    EXPECT_FALSE(at_close.open);
    EXPECT_EQ(at_close.reason, "after 20:00");
    EXPECT_EQ(at_close.next_open, Utc(2026, 1, 13, 8));
}

TEST(CheckCallingWindow, UsesSaturdayHours) {
    const CallingWindows windows = CallingWindows::Defaults();
    // Saturday 17 January 2026.
    const WindowCheck early = CheckCallingWindow(Utc(2026, 1, 17, 8, 30), windows);
    EXPECT_FALSE(early.open);
    EXPECT_EQ(early.reason, "before 09:00");
    EXPECT_EQ(early.next_open, Utc(2026, 1, 17, 9));

    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 17, 9), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 17, 16, 59, 59), windows).open);

    const WindowCheck late = CheckCallingWindow(Utc(2026, 1, 17, 17), windows);
    EXPECT_FALSE(late.open);
    EXPECT_EQ(late.reason, "after 17:00");
    EXPECT_EQ(late.next_open, Utc(2026, 1, 19, 8));  // Sunday skipped
}

TEST(CheckCallingWindow, ClosesAllDayOnSundays) {
    const CallingWindows windows = CallingWindows::Defaults();
    for (const sys_seconds t :
         {Utc(2026, 1, 18, 0), Utc(2026, 1, 18, 12), Utc(2026, 1, 18, 23, 59, 59)}) {
        const WindowCheck check = CheckCallingWindow(t, windows);
        EXPECT_FALSE(check.open);
        EXPECT_EQ(check.reason, "closed on Sundays");
        EXPECT_EQ(check.next_open, Utc(2026, 1, 19, 8));
    }
}

TEST(CheckCallingWindow, FindsTheNextOpeningAcrossAWeekend) {
    const CallingWindows windows = CallingWindows::Defaults();
    // Friday 16 January 2026, after hours.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 16, 21), windows).next_open, Utc(2026, 1, 17, 9));
    // Saturday after hours: the next opening is Monday.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 17, 23), windows).next_open, Utc(2026, 1, 19, 8));
}

TEST(CheckCallingWindow, ClosesOnBankHolidaysWithTheReason) {
    const CallingWindows windows = DefaultsWithBankHolidays();
    // New Year's Day 2026, a Thursday, at noon: would be open without the calendar.
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 1, 12), CallingWindows::Defaults()).open);
    const WindowCheck check = CheckCallingWindow(Utc(2026, 1, 1, 12), windows);
    EXPECT_FALSE(check.open);
    EXPECT_EQ(check.reason, "bank holiday");
    EXPECT_EQ(check.next_open, Utc(2026, 1, 2, 8));
}

TEST(CheckCallingWindow, ReopensTheDayAfterABankHolidayInBst) {
    const CallingWindows windows = DefaultsWithBankHolidays();
    // Early May bank holiday, Monday 4 May 2026: the Tuesday opens at 08:00 BST = 07:00 UTC.
    const WindowCheck check = CheckCallingWindow(Utc(2026, 5, 4, 11), windows);
    EXPECT_EQ(check.reason, "bank holiday");
    EXPECT_EQ(check.next_open, Utc(2026, 5, 5, 7));
    // Good Friday 3 April 2026 through Easter Monday: next is Saturday 4th, 09:00 BST.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 4, 3, 10), windows).next_open, Utc(2026, 4, 4, 8));
    // Saturday 4 April after hours: Sunday closed, Monday 6th is Easter Monday.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 4, 4, 17), windows).next_open, Utc(2026, 4, 7, 7));
}

TEST(CheckCallingWindow, SkipsChristmasAndTheBoxingDaySubstitute2026) {
    const CallingWindows windows = DefaultsWithBankHolidays();
    // Christmas Eve 2026 (Thursday) after hours: Friday 25th is closed; Saturday 26th is Boxing
    // Day, not itself a bank holiday (Monday 28th is) but closed all the same; then Sunday and
    // the Monday substitute: Tuesday 29th.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 12, 24, 20), windows).next_open, Utc(2026, 12, 29, 8));
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 12, 25, 9), windows).reason, "bank holiday");
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 12, 26, 10), windows).open);
    const WindowCheck substitute = CheckCallingWindow(Utc(2026, 12, 28, 12), windows);
    EXPECT_FALSE(substitute.open);
    EXPECT_EQ(substitute.reason, "bank holiday");
    EXPECT_EQ(substitute.next_open, Utc(2026, 12, 29, 8));
    // Without the Christmas closure (bank holidays worked), Boxing Saturday has Saturday hours.
    CallingWindows worked = windows;
    worked.close_bank_holidays = false;
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 12, 26, 10), worked).open);
}

TEST(CheckCallingWindow, SkipsBothChristmasSubstitutes2027) {
    const CallingWindows windows = DefaultsWithBankHolidays();
    // Saturday 25 December 2027 after hours: Sunday, Monday 27th and Tuesday 28th are closed.
    EXPECT_EQ(CheckCallingWindow(Utc(2027, 12, 25, 17), windows).next_open, Utc(2027, 12, 29, 8));
}

// --- CheckCallingWindow: the clock changes ------------------------------------------------

TEST(CheckCallingWindow, OpensAt0700UtcOnABstWeekday) {
    const CallingWindows windows = CallingWindows::Defaults();
    // Monday 1 June 2026: 08:00-20:00 BST is 07:00-19:00 UTC.
    const WindowCheck before = CheckCallingWindow(Utc(2026, 6, 1, 6, 59, 59), windows);
    EXPECT_FALSE(before.open);
    EXPECT_EQ(before.reason, "before 08:00");
    EXPECT_EQ(before.next_open, Utc(2026, 6, 1, 7));
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 6, 1, 7), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 6, 1, 7, 30), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 6, 1, 18, 59, 59), windows).open);
    const WindowCheck after = CheckCallingWindow(Utc(2026, 6, 1, 19), windows);
    EXPECT_FALSE(after.open);
    EXPECT_EQ(after.reason, "after 20:00");
    EXPECT_EQ(after.next_open, Utc(2026, 6, 2, 7));
}

TEST(CheckCallingWindow, HandlesTheWeekendOfTheSpringClockChange2026) {
    const CallingWindows windows = CallingWindows::Defaults();
    // Saturday 28 March is still GMT: 09:00-17:00 UTC.
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 3, 28, 8, 59, 59), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 28, 9), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 28, 16, 59, 59), windows).open);
    const WindowCheck saturday_closed = CheckCallingWindow(Utc(2026, 3, 28, 17), windows);
    EXPECT_FALSE(saturday_closed.open);
    // The next opening is Monday 30 March at 08:00 BST, which is 07:00 UTC, not 08:00.
    EXPECT_EQ(saturday_closed.next_open, Utc(2026, 3, 30, 7));
    // Sunday 29 March either side of the switch at 01:00 UTC.
    for (const sys_seconds t : {Utc(2026, 3, 29, 0, 59, 59), Utc(2026, 3, 29, 1)}) {
        const WindowCheck sunday = CheckCallingWindow(t, windows);
        EXPECT_EQ(sunday.reason, "closed on Sundays");
        EXPECT_EQ(sunday.next_open, Utc(2026, 3, 30, 7));
    }
    // Monday 30 March.
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 3, 30, 6, 59, 59), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 30, 7), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 30, 7, 30), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 30, 18, 59, 59), windows).open);
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 3, 30, 19), windows).reason, "after 20:00");
}

TEST(CheckCallingWindow, HandlesTheWeekendOfTheAutumnClockChange2026) {
    const CallingWindows windows = CallingWindows::Defaults();
    // Saturday 24 October is still BST: 09:00-17:00 BST is 08:00-16:00 UTC.
    const WindowCheck saturday_early = CheckCallingWindow(Utc(2026, 10, 24, 7, 59, 59), windows);
    EXPECT_EQ(saturday_early.reason, "before 09:00");
    EXPECT_EQ(saturday_early.next_open, Utc(2026, 10, 24, 8));
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 24, 8), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 24, 15, 59, 59), windows).open);
    const WindowCheck saturday_closed = CheckCallingWindow(Utc(2026, 10, 24, 16), windows);
    EXPECT_EQ(saturday_closed.reason, "after 17:00");
    // Monday 26 October is GMT again: 08:00 UTC.
    EXPECT_EQ(saturday_closed.next_open, Utc(2026, 10, 26, 8));
    for (const sys_seconds t : {Utc(2026, 10, 25, 0, 59, 59), Utc(2026, 10, 25, 1)}) {
        const WindowCheck sunday = CheckCallingWindow(t, windows);
        EXPECT_EQ(sunday.reason, "closed on Sundays");
        EXPECT_EQ(sunday.next_open, Utc(2026, 10, 26, 8));
    }
    // 23:30 UTC on Saturday 24 October is already Sunday 00:30 BST.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 10, 24, 23, 30), windows).reason, "closed on Sundays");
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 10, 26, 7, 59, 59), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 26, 8), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 26, 19, 59, 59), windows).open);
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 10, 26, 20), windows).open);
}

TEST(CheckCallingWindow, OpensAtTheJumpWhenTheOpeningTimeIsSkipped) {
    // Opening at 01:30 on 29 March 2026, a time that does not exist: the window opens at 01:00
    // UTC, when the clocks leap from 00:59:59 GMT straight to 02:00 BST, past 01:30.
    const CallingWindows windows = SundaysOnly(hours{1} + minutes{30}, hours{3});
    const WindowCheck before = CheckCallingWindow(Utc(2026, 3, 29, 0, 59, 59), windows);
    EXPECT_FALSE(before.open);
    EXPECT_EQ(before.reason, "before 01:30");
    EXPECT_EQ(before.next_open, Utc(2026, 3, 29, 1));
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 29, 1), windows).open);
    // 03:00 BST.
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 3, 29, 1, 59, 59), windows).open);
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 3, 29, 2), windows).reason, "after 03:00");
}

TEST(CheckCallingWindow, SkipsADayWhoseWholeWindowIsInTheSkippedHour) {
    const CallingWindows windows = SundaysOnly(hours{1} + minutes{15}, hours{1} + minutes{45});
    const WindowCheck check = CheckCallingWindow(Utc(2026, 3, 29, 0, 30), windows);
    EXPECT_FALSE(check.open);
    EXPECT_EQ(check.reason, "before 01:15");
    // The next Sunday, 5 April, at 01:15 BST.
    EXPECT_EQ(check.next_open, Utc(2026, 4, 5, 0, 15));
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 3, 29, 1), windows).open);
    // Searching from the day before passes over that Sunday too.
    EXPECT_EQ(NextWindowOpening(Utc(2026, 3, 28, 12), windows), Utc(2026, 4, 5, 0, 15));
    // The Sunday before, in GMT, still opens.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 3, 22, 0), windows).next_open, Utc(2026, 3, 22, 1, 15));
}

TEST(CheckCallingWindow, StaysOpenThroughTheRepeatedHour) {
    // 01:30-02:00 on 25 October 2026: from the first 01:30 (BST, 00:30 UTC) until 02:00 GMT
    // (02:00 UTC), including the second pass through 01:00-01:30.
    const CallingWindows windows = SundaysOnly(hours{1} + minutes{30}, hours{2});
    EXPECT_EQ(NextWindowOpening(Utc(2026, 10, 25, 0), windows), Utc(2026, 10, 25, 0, 30));
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 25, 0, 30), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 25, 1, 10), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 10, 25, 1, 59, 59), windows).open);
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 10, 25, 2), windows).open);
}

// --- Custom and broken configurations -----------------------------------------------------

TEST(CheckCallingWindow, UsesCustomWindows) {
    CallingWindows windows;
    windows.by_weekday[std::chrono::Sunday.c_encoding()] = DayWindow{hours{10}, hours{14}};
    windows.by_weekday[std::chrono::Wednesday.c_encoding()] = DayWindow{hours{0}, hours{24}};
    windows.closed_days = {Date(2026, 1, 21)};
    // Sunday 18 January 2026.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 18, 9, 59), windows).reason, "before 10:00");
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 18, 10), windows).open);
    // Monday is not configured, so closed; the next opening is Sunday's.
    const WindowCheck monday = CheckCallingWindow(Utc(2026, 1, 19, 12), windows);
    EXPECT_EQ(monday.reason, "closed on Mondays");
    EXPECT_EQ(monday.next_open, Utc(2026, 1, 25, 10));
    // After Sunday's window: Wednesday 21st is a closed day, so Wednesday 28th.
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 25, 14), windows).next_open, Utc(2026, 1, 28, 0));
    // A 24-hour Wednesday is open from midnight to the last second.
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 28, 0), windows).open);
    EXPECT_TRUE(CheckCallingWindow(Utc(2026, 1, 28, 23, 59, 59), windows).open);
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 29, 0), windows).reason, "closed on Thursdays");
}

TEST(CheckCallingWindow, TreatsAWindowThatClosesBeforeItOpensAsClosed) {
    CallingWindows windows = CallingWindows::Defaults();
    windows.by_weekday[std::chrono::Monday.c_encoding()] = DayWindow{hours{20}, hours{8}};
    windows.by_weekday[std::chrono::Tuesday.c_encoding()] = DayWindow{hours{9}, hours{9}};
    // Monday 12 January 2026.
    for (const int h : {0, 7, 8, 12, 20, 23}) {
        const WindowCheck check = CheckCallingWindow(Utc(2026, 1, 12, h), windows);
        EXPECT_FALSE(check.open) << h;
        EXPECT_EQ(check.reason, "closed on Mondays") << h;
        EXPECT_EQ(check.next_open, Utc(2026, 1, 14, 8)) << h;  // Tuesday is empty too
    }
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 13, 9), windows).reason, "closed on Tuesdays");
}

TEST(CheckCallingWindow, TreatsAWindowOutsideTheDayAsClosed) {
    CallingWindows windows;
    windows.by_weekday[std::chrono::Monday.c_encoding()] = DayWindow{hours{-1}, hours{8}};
    windows.by_weekday[std::chrono::Tuesday.c_encoding()] = DayWindow{hours{8}, hours{25}};
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 1, 12, 6), windows).open);
    EXPECT_FALSE(CheckCallingWindow(Utc(2026, 1, 13, 12), windows).open);
    EXPECT_EQ(CheckCallingWindow(Utc(2026, 1, 13, 12), windows).next_open, std::nullopt);
}

TEST(CheckCallingWindow, ReportsNoNextOpeningWhenEveryDayIsClosed) {
    const CallingWindows windows{};
    const WindowCheck check = CheckCallingWindow(Utc(2026, 1, 12, 12), windows);
    EXPECT_FALSE(check.open);
    EXPECT_EQ(check.reason, "closed on Mondays");
    EXPECT_EQ(check.next_open, std::nullopt);
}

// --- NextWindowOpening --------------------------------------------------------------------

TEST(NextWindowOpening, ReturnsTheInstantItselfInsideTheWindow) {
    const CallingWindows windows = CallingWindows::Defaults();
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 8), windows), Utc(2026, 1, 12, 8));
    EXPECT_EQ(
        NextWindowOpening(Utc(2026, 1, 12, 13, 14, 15), windows), Utc(2026, 1, 12, 13, 14, 15)
    );
}

TEST(NextWindowOpening, ReturnsTheNextOpeningOutsideTheWindow) {
    const CallingWindows windows = DefaultsWithBankHolidays();
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 7), windows), Utc(2026, 1, 12, 8));
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 20), windows), Utc(2026, 1, 13, 8));
    EXPECT_EQ(NextWindowOpening(Utc(2026, 12, 26, 17), windows), Utc(2026, 12, 29, 8));
    EXPECT_EQ(NextWindowOpening(Utc(2026, 3, 28, 17), windows), Utc(2026, 3, 30, 7));
}

TEST(NextWindowOpening, ReturnsNulloptWhenEveryDayIsClosed) {
    CallingWindows windows;
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 12), windows), std::nullopt);
    windows.by_weekday[std::chrono::Friday.c_encoding()] = DayWindow{hours{10}, hours{10}};
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 12), windows), std::nullopt);
}

TEST(NextWindowOpening, GivesUpAfter400ClosedDays) {
    // Only Mondays open, and the closed-days list covers every Monday for a while.
    CallingWindows windows;
    windows.by_weekday[std::chrono::Monday.c_encoding()] = DayWindow{hours{8}, hours{20}};
    const sys_days start{Date(2026, 1, 12)};  // a Monday
    const auto close_mondays = [&windows, start](int weeks) {
        windows.closed_days.clear();
        for (int w = 0; w < weeks; ++w) {
            windows.closed_days.emplace_back(start + std::chrono::weeks{w});
        }
    };
    close_mondays(50);  // 350 days: the Monday after is still found
    EXPECT_EQ(
        NextWindowOpening(Utc(2026, 1, 12, 12), windows),
        sys_days{start + std::chrono::weeks{50}} + hours{8}
    );
    close_mondays(60);  // 420 days: beyond the search
    EXPECT_EQ(NextWindowOpening(Utc(2026, 1, 12, 12), windows), std::nullopt);
}

// --- OpenSpans -----------------------------------------------------------------------------

// Each span as its open and close instants, for a readable comparison.
std::vector<std::pair<sys_seconds, sys_seconds>> Pairs(const std::vector<OpenSpan>& spans) {
    std::vector<std::pair<sys_seconds, sys_seconds>> pairs;
    pairs.reserve(spans.size());
    for (const OpenSpan& span : spans) {
        pairs.emplace_back(span.open, span.close);
    }
    return pairs;
}

TEST(OpenSpans, StartsAtTheInstantInsideTheWindowAndSkipsClosedDays) {
    // Friday 2026-01-16 at noon: the rest of Friday, Saturday's hours, no Sunday, then Monday.
    const auto spans = OpenSpans(Utc(2026, 1, 16, 12, 30), 4, CallingWindows::Defaults());
    EXPECT_EQ(
        Pairs(spans),
        (std::vector<std::pair<sys_seconds, sys_seconds>>{
            {Utc(2026, 1, 16, 12, 30), Utc(2026, 1, 16, 20)},
            {Utc(2026, 1, 17, 9), Utc(2026, 1, 17, 17)},
            {Utc(2026, 1, 19, 8), Utc(2026, 1, 19, 20)},
        })
    );
}

TEST(OpenSpans, LeavesOutTodayAfterClosingAndBankHolidays) {
    // Thursday 2026-12-24 after closing; Christmas and Boxing Day (Saturday) closed, Sunday
    // closed, Monday 28th is Boxing Day's substitute: the first span is Tuesday the 29th.
    const auto spans = OpenSpans(Utc(2026, 12, 24, 20), 6, DefaultsWithBankHolidays());
    EXPECT_EQ(
        Pairs(spans),
        (std::vector<std::pair<sys_seconds, sys_seconds>>{
            {Utc(2026, 12, 29, 8), Utc(2026, 12, 29, 20)},
        })
    );
}

TEST(OpenSpans, GivesSummerHoursAsBstInstants) {
    const auto spans = OpenSpans(Utc(2026, 7, 1, 5), 1, CallingWindows::Defaults());
    EXPECT_EQ(
        Pairs(spans),
        (std::vector<std::pair<sys_seconds, sys_seconds>>{{Utc(2026, 7, 1, 7), Utc(2026, 7, 1, 19)}}
        )
    );
}

TEST(OpenSpans, IsEmptyWhenEveryDayIsClosedAndClampsTheDayCount) {
    EXPECT_TRUE(OpenSpans(Utc(2026, 1, 12, 12), 14, CallingWindows{}).empty());
    // Zero or negative days still mean today; a huge count stops at 400 days.
    EXPECT_EQ(OpenSpans(Utc(2026, 1, 12, 12), 0, CallingWindows::Defaults()).size(), 1U);
    EXPECT_EQ(OpenSpans(Utc(2026, 1, 12, 12), -5, CallingWindows::Defaults()).size(), 1U);
    const auto year_of_spans = OpenSpans(Utc(2026, 1, 12, 12), 100000, CallingWindows::Defaults());
    EXPECT_LE(year_of_spans.size(), 400U);
    EXPECT_GT(year_of_spans.size(), 300U);
}

}  // namespace
}  // namespace dialler::domain
