#include "dialler/domain/follow_up.hpp"

#include <gtest/gtest.h>

#include "dialler/base/text.hpp"

namespace dialler::domain {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

sys_seconds At(const char* rfc3339) {
    return *ParseRfc3339(rfc3339);
}

OutcomeEffects NoEffects() {
    return {};
}

const OutcomeTable kTable = OutcomeTable::Defaults();

TEST(PlanFollowUp, AReminderGoesOutThatEveningOrTheNextWhenTheCallIsLate) {
    const OutcomeRule& going = kTable.For(Outcome::kGoingToComplete);
    // November: UK time is UTC.
    auto plan = PlanFollowUp(going, NoEffects(), false, At("2026-11-04T11:00:00Z"));
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->kind, FollowUpKind::kReminder);
    EXPECT_EQ(plan->due, At("2026-11-04T18:30:00Z"));
    plan = PlanFollowUp(going, NoEffects(), false, At("2026-11-04T17:45:00Z"));
    EXPECT_EQ(plan->due, At("2026-11-05T18:30:00Z"));
    // July: 18:30 BST is 17:30 UTC.
    plan = PlanFollowUp(going, NoEffects(), false, At("2026-07-01T10:00:00Z"));
    EXPECT_EQ(plan->due, At("2026-07-01T17:30:00Z"));
    EXPECT_TRUE(PlanFollowUp(
        kTable.For(Outcome::kMightComplete), NoEffects(), false, At("2026-11-04T11:00:00Z")
    ));
}

TEST(PlanFollowUp, OnlyTheFirstEverNoAnswerGetsACheckIn) {
    const OutcomeRule& no_answer = kTable.For(Outcome::kNoAnswer);
    const auto now = At("2026-11-04T11:00:00Z");
    const auto plan = PlanFollowUp(no_answer, NoEffects(), true, now);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->kind, FollowUpKind::kCheckIn);
    EXPECT_EQ(plan->due, now + minutes{30});
    EXPECT_FALSE(PlanFollowUp(no_answer, NoEffects(), false, now));
}

TEST(PlanFollowUp, ABookedCallbackIsConfirmedAtOnceAndOtherOutcomesScheduleNothing) {
    const auto now = At("2026-11-04T11:00:00Z");
    OutcomeEffects booked;
    booked.callback_at = At("2026-11-05T14:30:00Z");
    const auto plan = PlanFollowUp(kTable.For(Outcome::kCallBack), booked, false, now);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->kind, FollowUpKind::kCallbackConfirmation);
    EXPECT_EQ(plan->due, now);
    for (const auto o :
         {Outcome::kVoicemailLeft,
          Outcome::kHungUp,
          Outcome::kNotInterested,
          Outcome::kDoNotContact,
          Outcome::kCompletedForm}) {
        EXPECT_FALSE(PlanFollowUp(kTable.For(o), booked, true, now)) << OutcomeCode(o);
    }
    // An admin turned the reminder off for the outcome.
    OutcomeRule quiet = kTable.For(Outcome::kGoingToComplete);
    quiet.offers_sms_reminder = false;
    EXPECT_FALSE(PlanFollowUp(quiet, NoEffects(), true, now));
}

TEST(FollowUpText, NamesTheCustomerAndTheAgreedTimeInUkTime) {
    EXPECT_EQ(UkDayAndTime(At("2026-11-05T14:30:00Z")), "Thu 5 Nov at 14:30");
    EXPECT_EQ(UkDayAndTime(At("2026-07-02T08:05:00Z")), "Thu 2 Jul at 09:05");
    const auto text =
        FollowUpText(FollowUpKind::kCallbackConfirmation, "Jane", At("2026-11-05T14:30:00Z"));
    EXPECT_EQ(text.find("Hi Jane, as agreed we will call you back on Thu 5 Nov at 14:30"), 0U)
        << text;
    EXPECT_EQ(FollowUpText(FollowUpKind::kCheckIn, "", std::nullopt).find("Hi, we tried"), 0U);
}

TEST(FollowUpKindName, RoundTripsAndRefusesOthers) {
    for (const auto k :
         {FollowUpKind::kReminder, FollowUpKind::kCheckIn, FollowUpKind::kCallbackConfirmation}) {
        EXPECT_EQ(ParseFollowUpKind(FollowUpKindName(k)), k);
    }
    EXPECT_FALSE(ParseFollowUpKind("Reminder"));
}

}  // namespace
}  // namespace dialler::domain
