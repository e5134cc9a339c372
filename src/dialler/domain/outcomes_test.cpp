#include "dialler/domain/outcomes.hpp"

#include <string>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using namespace std::chrono;  // NOLINT(google-build-using-namespace): calendar literals in tests

// Friday 20 November 2026, 10:00 GMT: inside the default window.
const sys_seconds kNow = sys_days{year{2026} / 11 / 20} + hours{10};
const OutcomeTable kTable = OutcomeTable::Defaults();
const CallingWindows kWindows = CallingWindows::Defaults();

TEST(OutcomeTable, HasARuleForEveryOutcomeAndRoundTripsCodes) {
    for (Outcome o : AllOutcomes()) {
        EXPECT_EQ(kTable.For(o).outcome, o);
        EXPECT_EQ(ParseOutcome(OutcomeCode(o)), o);
    }
    EXPECT_FALSE(ParseOutcome("maybe"));
}

TEST(DecideOutcomeEffects, AppliesTheDefaultTable) {
    const auto no_answer =
        DecideOutcomeEffects({Outcome::kNoAnswer, "", {}}, kTable, kWindows, kNow);
    ASSERT_TRUE(no_answer);
    EXPECT_EQ(no_answer->score_adjustment, 1);
    EXPECT_EQ(no_answer->next_call_at, kNow + hours{4});

    const auto not_interested =
        DecideOutcomeEffects({Outcome::kNotInterested, "", {}}, kTable, kWindows, kNow);
    EXPECT_EQ(not_interested->score_adjustment, 100);
    EXPECT_EQ(not_interested->next_call_at, kNow + days{28});

    const auto bad = DecideOutcomeEffects({Outcome::kBadNumber, "", {}}, kTable, kWindows, kNow);
    EXPECT_TRUE(bad->flags_bad_number);
    EXPECT_FALSE(bad->next_call_at);

    const auto no_claim = DecideOutcomeEffects({Outcome::kNoClaim, "", {}}, kTable, kWindows, kNow);
    EXPECT_TRUE(no_claim->closes_lead);
    EXPECT_FALSE(no_claim->suppresses);

    const auto completed =
        DecideOutcomeEffects({Outcome::kCompletedForm, "", {}}, kTable, kWindows, kNow);
    EXPECT_TRUE(completed->verifies_conversion);
    EXPECT_EQ(completed->next_call_at, kNow + hours{24});
}

TEST(DecideOutcomeEffects, RequiresNotesForDoNotContact) {
    const auto missing =
        DecideOutcomeEffects({Outcome::kDoNotContact, "  ", {}}, kTable, kWindows, kNow);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().field, "notes");
    const auto ok = DecideOutcomeEffects(
        {Outcome::kDoNotContact, "Asked never to be called", {}}, kTable, kWindows, kNow
    );
    ASSERT_TRUE(ok);
    EXPECT_TRUE(ok->suppresses);
    EXPECT_TRUE(ok->closes_lead);
    EXPECT_FALSE(ok->next_call_at);
}

TEST(DecideOutcomeEffects, RequiresAFutureCallbackInsideTheWindow) {
    const auto missing = DecideOutcomeEffects({Outcome::kCallBack, "", {}}, kTable, kWindows, kNow);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().field, "callbackAt");
    EXPECT_FALSE(
        DecideOutcomeEffects({Outcome::kCallBack, "", kNow - minutes{1}}, kTable, kWindows, kNow)
    );
    const sys_seconds sunday = sys_days{year{2026} / 11 / 22} + hours{11};
    const auto closed =
        DecideOutcomeEffects({Outcome::kCallBack, "", sunday}, kTable, kWindows, kNow);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().field, "callbackAt");
    const sys_seconds monday = sys_days{year{2026} / 11 / 23} + hours{11};
    const auto ok = DecideOutcomeEffects({Outcome::kCallBack, "", monday}, kTable, kWindows, kNow);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->callback_at, monday);
    EXPECT_EQ(ok->next_call_at, monday);
}

TEST(DecideOutcomeEffects, RefusesOverlongNotes) {
    const auto r = DecideOutcomeEffects(
        {Outcome::kNoAnswer, std::string(2001, 'x'), {}}, kTable, kWindows, kNow
    );
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "notes");
}

TEST(CheckCallbackTime, RefusesCallbacksMoreThan90DaysAhead) {
    const sys_seconds wednesday_in_87_days = sys_days{year{2027} / 2 / 17} + hours{11};
    EXPECT_TRUE(CheckCallbackTime(wednesday_in_87_days, kNow, kWindows, "scheduledFor"));
    const sys_seconds friday_in_91_days = sys_days{year{2027} / 2 / 19} + hours{11};
    const auto late = CheckCallbackTime(friday_in_91_days, kNow, kWindows, "scheduledFor");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().field, "scheduledFor");
    const sys_seconds year_typo = sys_days{year{2062} / 11 / 23} + hours{11};
    const auto typo =
        DecideOutcomeEffects({Outcome::kCallBack, "", year_typo}, kTable, kWindows, kNow);
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.error().field, "callbackAt");
}

TEST(DecideOutcomeEffects, RefusesControlCharactersInNotesButKeepsLines) {
    using std::string_literals::operator""s;
    const auto nul =
        DecideOutcomeEffects({Outcome::kNoAnswer, "rang\0twice"s, {}}, kTable, kWindows, kNow);
    ASSERT_FALSE(nul);
    EXPECT_EQ(nul.error().field, "notes");
    EXPECT_TRUE(DecideOutcomeEffects(
        {Outcome::kNoAnswer, "rang twice\n\tno voicemail", {}}, kTable, kWindows, kNow
    ));
}

}  // namespace
}  // namespace dialler::domain
