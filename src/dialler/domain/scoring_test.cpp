#include "dialler/domain/scoring.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using namespace std::chrono;  // NOLINT(google-build-using-namespace): calendar literals in tests

const sys_days kToday = sys_days{year{2026} / 11 / 20};  // a Friday
const LenderNames kLenders = LenderNames::FromCsv("black_horse,Black Horse\nmotonovo,Motonovo\n");

ScoreWeights Weights() {
    ScoreWeights w;
    w.lender_points = {{"black_horse", 0}, {"motonovo", 4}};
    return w;
}

int Component(const Score& s, const std::string& name) {
    for (const auto& c : s.components) {
        if (c.name == name) {
            return c.points;
        }
    }
    return -1;
}

ScoreInput Input() {
    ScoreInput in;
    in.queue = Queue::kUnsigned;
    in.active_lenders = {"motonovo", "black_horse"};
    in.date_of_birth = year{1985} / 6 / 1;
    in.history.waiting_since = Timestamp{kToday};
    return in;
}

TEST(ComputeScore, SumsNamedComponents) {
    const Score s = ComputeScore(Input(), Weights(), kToday, kLenders);
    int sum = 0;
    for (const auto& c : s.components) {
        sum += c.points;
    }
    EXPECT_EQ(s.total, sum);
    EXPECT_EQ(Component(s, "queue"), 0);
    EXPECT_EQ(Component(s, "lender"), 0);  // the best of the customer's lenders
    EXPECT_EQ(Component(s, "age"), 0);     // 41 years: 35-54 band
    EXPECT_EQ(Component(s, "waiting"), 0);
    EXPECT_FALSE(s.given_up);
    EXPECT_EQ(s.components[1].detail, "Black Horse");
}

TEST(ComputeScore, RanksOutstandingAfterUnsigned) {
    ScoreInput in = Input();
    in.queue = Queue::kOutstanding;
    EXPECT_EQ(Component(ComputeScore(in, Weights(), kToday, kLenders), "queue"), 20);
}

TEST(ComputeScore, UsesUnknownPointsForUnknownLendersAndAges) {
    ScoreInput in = Input();
    in.active_lenders = {"acme_credit"};
    in.date_of_birth.reset();
    const Score s = ComputeScore(in, Weights(), kToday, kLenders);
    EXPECT_EQ(Component(s, "lender"), 10);
    EXPECT_EQ(s.components[1].detail, "Acme Credit");
    EXPECT_EQ(Component(s, "age"), 5);
}

TEST(ComputeScore, AgesLeadsByWaitingDaysWithoutSundays) {
    ScoreInput in = Input();
    in.history.waiting_since = Timestamp{kToday - days{14}};  // two weeks: 12 days without Sundays
    EXPECT_EQ(Component(ComputeScore(in, Weights(), kToday, kLenders), "waiting"), 12);
    in.history.waiting_since = Timestamp{kToday - days{400}};
    EXPECT_EQ(Component(ComputeScore(in, Weights(), kToday, kLenders), "waiting"), 60);  // capped
}

TEST(ComputeScore, AddsAttemptsAndOutcomesAndGivesUpAtTheThreshold) {
    ScoreInput in = Input();
    in.history.attempts = 3;
    in.history.outcome_points = 100;
    const Score s = ComputeScore(in, Weights(), kToday, kLenders);
    EXPECT_EQ(Component(s, "attempts"), 6);
    EXPECT_EQ(Component(s, "outcomes"), 100);
    EXPECT_FALSE(s.given_up);
    in.history.outcome_points = 200;
    EXPECT_TRUE(ComputeScore(in, Weights(), kToday, kLenders).given_up);
}

TEST(AgeInYears, CountsBirthdays) {
    EXPECT_EQ(AgeInYears(year{2000} / 11 / 20, year{2026} / 11 / 20), 26);
    EXPECT_EQ(AgeInYears(year{2000} / 11 / 21, year{2026} / 11 / 20), 25);
    EXPECT_EQ(AgeInYears(year{2030} / 1 / 1, year{2026} / 11 / 20), 0);
}

TEST(DaysExcludingSundays, SkipsEverySunday) {
    const sys_days saturday = sys_days{year{2026} / 11 / 21};
    EXPECT_EQ(DaysExcludingSundays(saturday, saturday + days{1}), 0);  // to Sunday
    EXPECT_EQ(DaysExcludingSundays(saturday, saturday + days{2}), 1);  // to Monday
    EXPECT_EQ(DaysExcludingSundays(saturday, saturday + days{7}), 6);
    EXPECT_EQ(DaysExcludingSundays(saturday + days{3}, saturday), 0);
}

TEST(ScoreBandOf, BandsOfTwentyFromTheHottestAndNoneWithoutAScore) {
    EXPECT_EQ(ScoreBandOf(0), "0-19");
    EXPECT_EQ(ScoreBandOf(19), "0-19");
    EXPECT_EQ(ScoreBandOf(20), "20-39");
    EXPECT_EQ(ScoreBandOf(59), "40-59");
    EXPECT_EQ(ScoreBandOf(60), "60-79");
    EXPECT_EQ(ScoreBandOf(99), "80-99");
    EXPECT_EQ(ScoreBandOf(100), "100+");
    EXPECT_EQ(ScoreBandOf(250), "100+");
    EXPECT_EQ(ScoreBandOf(-3), "0-19");
    EXPECT_EQ(ScoreBandOf(std::nullopt), "none");
}

}  // namespace
}  // namespace dialler::domain
