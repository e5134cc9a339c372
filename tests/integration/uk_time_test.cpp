// The domain computes UK time from the rule in force since 1996 because it may not read a time
// zone database. These tests hold that rule against the system's tz database (tzdata, read by
// Howard Hinnant's date library), so a change in UK law, once tzdata ships it, fails here.
#include <chrono>
#include <optional>
#include <string>

#include <date/date.h>
#include <date/tz.h>
#include <gtest/gtest.h>

#include "dialler/domain/calling_window.hpp"

namespace dialler::domain {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year;

// 2020-01-01 to 2035-12-31 inclusive, in UTC.
const sys_seconds kFrom{sys_days{year{2020} / 1 / 1}};
const sys_seconds kTo{sys_days{year{2036} / 1 / 1}};
// Half-hourly: on the hour and inside the skipped and repeated hours, within ~2 s under ASan.
constexpr minutes kStep{30};
constexpr int kYears = 16;

const date::time_zone& London() {
    return *date::locate_zone("Europe/London");
}

std::string Show(sys_seconds t) {
    return date::format("%F %T UTC", t);
}

std::string Show(std::chrono::local_seconds local) {
    return date::format("%F %T local", date::local_seconds{local.time_since_epoch()});
}

TEST(UkTime, MatchesTheTzDatabaseFrom2020To2035) {
    const date::time_zone& london = London();
    // Walking the tz periods instead of asking the database about each instant, and asserting
    // only on a mismatch, keeps the 280,000 checks fast under ASan.
    date::sys_info period = london.get_info(kFrom);
    for (sys_seconds t = kFrom; t < kTo; t += kStep) {
        if (t >= period.end) {
            period = london.get_info(t);
        }
        const date::local_seconds tz_local{t.time_since_epoch() + period.offset};
        if (UkUtcOffset(t) != period.offset ||
            ToUkLocal(t).time_since_epoch() != tz_local.time_since_epoch()) {
            ASSERT_EQ(UkUtcOffset(t), period.offset) << Show(t);
            ASSERT_EQ(ToUkLocal(t).time_since_epoch(), tz_local.time_since_epoch()) << Show(t);
        }
    }
}

TEST(UkTime, SwitchesAtTheSameSecondAsTheTzDatabase) {
    const date::time_zone& london = London();
    int switches = 0;
    date::sys_info period = london.get_info(kFrom);
    while (period.end < kTo) {
        const sys_seconds at = period.end;
        const date::sys_info next = london.get_info(at);
        EXPECT_EQ(UkUtcOffset(at - seconds{1}), period.offset) << Show(at);
        EXPECT_EQ(UkUtcOffset(at), next.offset) << Show(at);
        period = next;
        ++switches;
    }
    EXPECT_EQ(switches, 2 * kYears);  // one in spring and one in autumn, nothing else
}

TEST(UkTime, ResolvesLocalTimesLikeTheTzDatabase) {
    const date::time_zone& london = London();
    int skipped = 0;
    int repeated = 0;
    const std::chrono::local_seconds from{kFrom.time_since_epoch()};
    const std::chrono::local_seconds to{kTo.time_since_epoch()};
    for (std::chrono::local_seconds local = from; local < to; local += kStep) {
        const date::local_info info =
            london.get_info(date::local_seconds{local.time_since_epoch()});
        // For a repeated time `first` is the earlier instant, the one FromUkLocal promises.
        std::optional<sys_seconds> expected =
            sys_seconds{local.time_since_epoch() - info.first.offset};
        if (info.result == date::local_info::nonexistent) {
            expected = std::nullopt;
            ++skipped;
        } else if (info.result == date::local_info::ambiguous) {
            ++repeated;
        }
        const std::optional<sys_seconds> resolved = FromUkLocal(local);
        if (resolved != expected) {
            ASSERT_EQ(resolved, expected) << Show(local);
        }
        if (resolved.has_value() && ToUkLocal(*resolved) != local) {
            ASSERT_EQ(ToUkLocal(*resolved), local) << Show(local);
        }
    }
    // 01:00 and 01:30: skipped each spring, repeated each autumn.
    EXPECT_EQ(skipped, 2 * kYears);
    EXPECT_EQ(repeated, 2 * kYears);
}

}  // namespace
}  // namespace dialler::domain
