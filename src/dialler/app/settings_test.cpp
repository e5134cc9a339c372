#include <gtest/gtest.h>

#include "dialler/app/settings_codec.hpp"
#include "dialler/app/settings_service.hpp"

#include "fakes.hpp"
#include "manual_clock.hpp"

namespace dialler::app {
namespace {

TEST(SettingsCodec, RoundTripsTheDefaults) {
    const QueueSettings defaults = QueueSettings::Defaults();
    const SettingsMap encoded = EncodeSettings(defaults);
    const auto decoded = DecodeSettings(encoded, QueueSettings{});
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(EncodeSettings(*decoded), encoded);
    EXPECT_EQ(encoded.at("window.mon"), "08:00-20:00");
    EXPECT_EQ(encoded.at("window.sat"), "09:00-17:00");
    EXPECT_EQ(encoded.at("window.sun"), "closed");
    EXPECT_EQ(encoded.at("lender.black_horse"), "0");
    EXPECT_EQ(encoded.at("outcome.not_interested.score"), "100");
    EXPECT_EQ(encoded.at("outcome.no_answer.nextCallMinutes"), "240");
    EXPECT_EQ(encoded.at("outcome.do_not_contact.nextCallMinutes"), "");
    EXPECT_NE(
        encoded.at("eligibility.excludedRequirements")
            .find("id_document=base requirement for claim."),
        std::string::npos
    );
    EXPECT_EQ(encoded.at("window.bankHolidays"), "closed");
    EXPECT_EQ(encoded.at("window.closedDays"), "");
}

TEST(SettingsCodec, AppliesChangesOnTopOfTheBase) {
    const auto s = DecodeSettings({
        {"score.outstandingBase", "35"},
        {"window.sat", "closed"},
        {"window.mon", "09:30-18:00"},
        {"lender.acme_credit", "-5"},
        {"eligibility.closedClaimStatuses", "cancelled, complete,completed,approved"},
        {"eligibility.excludedRequirements", "cfa;id_document=base requirement for claim."},
        {"outcome.hung_up.nextCallMinutes", "60"},
        {"caps.callsPerDay", "2"},
        {"inbound.outOfHoursMessage", "  We open at 8am.  "},
        {"inbound.ringSeconds", "30"},
        {"inbound.voicemail", "off"},
        {"alerts.ringingSeconds", "90"},
        {"alerts.breakMinutes", "45"},
        {"retention.callDays", "30"},
        {"retention.textDays", "3650"},
        {"retention.noteDays", "400"},
        {"retention.linkClickDays", "31"},
    });
    ASSERT_TRUE(s);
    EXPECT_EQ(
        s->retention,
        (RetentionSettings{
            std::chrono::days{30},
            std::chrono::days{3650},
            std::chrono::days{400},
            std::chrono::days{31}})
    );
    EXPECT_EQ(s->alerts.ringing_long, std::chrono::seconds{90});
    EXPECT_EQ(s->alerts.break_long, std::chrono::minutes{45});
    EXPECT_EQ(s->inbound.out_of_hours_message, "We open at 8am.");
    EXPECT_EQ(s->inbound.ring, std::chrono::seconds{30});
    EXPECT_FALSE(s->inbound.voicemail);
    EXPECT_EQ(s->scoring.outstanding_base, 35);
    EXPECT_FALSE(s->gate.windows.by_weekday[6]);
    EXPECT_EQ(s->gate.windows.by_weekday[1]->open, std::chrono::minutes{9 * 60 + 30});
    EXPECT_EQ(s->scoring.lender_points.at("acme_credit"), -5);
    EXPECT_EQ(s->eligibility.closed_claim_statuses.back(), "approved");
    ASSERT_EQ(s->eligibility.excluded_requirements.size(), 2U);
    EXPECT_EQ(
        s->eligibility.excluded_requirements[1].only_with_reason, "base requirement for claim."
    );
    EXPECT_EQ(s->outcomes.For(domain::Outcome::kHungUp).next_call_after, std::chrono::minutes{60});
    EXPECT_EQ(s->gate.caps.calls_per_day, 2);
}

TEST(SettingsCodec, NamesTheKeyOfABadValue) {
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"score.outstandingBase", "twenty"},
             {"window.mon", "20:00-08:00"},
             {"window.tue", "8am-8pm"},
             {"window.closedDays", "2026-02-30"},
             {"score.ageBands", "30-20:1"},
             {"lease.seconds", "5"},
             {"outcome.no_answer.nextCallMinutes", "-1"},
             {"no.such.key", "1"},
             {"autoDial.countdownSeconds", "2"},
             {"autoDial.maxCallsPerSession", "0"},
             {"autoDial.breakReminderMinutes", "601"},
             {"autoDial.somethingElse", "1"},
             {"inbound.outOfHoursMessage", "  "},
             {"inbound.outOfHoursMessage", "Closed.\nCall tomorrow."},
             {"inbound.outOfHoursMessage", std::string(501, 'a')},
             {"inbound.ringSeconds", "9"},
             {"inbound.ringSeconds", "61"},
             {"inbound.voicemail", "yes"},
             {"alerts.ringingSeconds", "19"},
             {"alerts.breakMinutes", "241"},
             {"alerts.other", "1"},
             {"retention.callDays", "29"},
             {"retention.textDays", "3651"},
             {"retention.noteDays", "a year"},
             {"retention.linkClickDays", ""},
             {"retention.auditDays", "3000"},
         }) {
        const auto r = DecodeSettings({{key, value}});
        ASSERT_FALSE(r) << key;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, key);
    }
}

// Compliance settings have floors: a cap or a gap cannot be switched off by a 0, an empty value
// or a negative one, nor made absurd.
TEST(SettingsCodec, RefusesCapsAndGapsThatWouldSwitchARuleOff) {
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"caps.callsPerDay", "0"},
             {"caps.callsPerDay", "-1"},
             {"caps.callsPerDay", "1000"},
             {"caps.callsPer7Days", "0"},
             {"caps.callsPer7Days", "100000"},
             {"caps.smsPerDay", "0"},
             {"caps.smsPerDay", "99"},
             {"outcome.no_answer.nextCallMinutes", ""},
             {"outcome.no_answer.nextCallMinutes", "0"},
             {"outcome.hung_up.nextCallMinutes", "5"},
             {"outcome.not_interested.nextCallMinutes", "999999999"},
             {"window.bankHolidays", "maybe"},
             {"window.openDays", "2026-13-01"},
         }) {
        const auto r = DecodeSettings({{key, value}});
        ASSERT_FALSE(r) << key << "=" << value;
        EXPECT_EQ(r.error().field, key) << value;
    }
    const auto weekly_below_daily =
        DecodeSettings({{"caps.callsPerDay", "5"}, {"caps.callsPer7Days", "4"}});
    ASSERT_FALSE(weekly_below_daily);
    EXPECT_EQ(weekly_below_daily.error().field, "caps.callsPer7Days");
    // Outcomes that never wait by rule may stay without a wait.
    EXPECT_TRUE(DecodeSettings({{"outcome.call_back.nextCallMinutes", ""}}));
    EXPECT_TRUE(DecodeSettings({{"outcome.no_answer.nextCallMinutes", "30"}}));
    // Turning bank holidays off is an explicit setting of its own.
    const auto open = DecodeSettings({{"window.bankHolidays", "open"}});
    ASSERT_TRUE(open);
    EXPECT_FALSE(open->gate.windows.close_bank_holidays);
}

TEST(SettingsCodec, KeepsCallingHoursInsideTheConfiguredLimits) {
    for (const char* wide : {"07:00-20:00", "08:00-21:30", "00:00-24:00"}) {
        const auto r = DecodeSettings({{"window.wed", wide}});
        ASSERT_FALSE(r) << wide;
        EXPECT_EQ(r.error().field, "window.wed");
        EXPECT_NE(r.error().message.find("08:00-21:00"), std::string::npos) << r.error().message;
    }
    EXPECT_TRUE(DecodeSettings({{"window.wed", "08:00-21:00"}}));
    QueueSettings narrow = QueueSettings::Defaults();
    narrow.window_limits = domain::DayWindow{std::chrono::hours{9}, std::chrono::hours{18}};
    const auto r = DecodeSettings({{"window.wed", "08:30-17:00"}}, narrow);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("09:00-18:00"), std::string::npos) << r.error().message;
}

TEST(SettingsService, ServesOnlyHoursInsideTheLimitsWhateverIsStored) {
    testing::ManualClock clock;
    testing::InMemorySettingsStore store;
    testing::InMemoryAuditLog audit;
    // Stored when the limits were wider; the configuration has narrowed them since.
    store.Save(
        {{"window.mon", "08:00-20:00"}, {"window.sat", "09:00-17:00"}}, Actor::System(), clock.Now()
    );
    SettingsService service(
        store,
        audit,
        clock,
        std::chrono::seconds{30},
        domain::DayWindow{std::chrono::hours{10}, std::chrono::hours{16}}
    );
    const auto windows = service.Current().gate.windows;
    for (const auto& day : windows.by_weekday) {
        if (day) {
            EXPECT_GE(day->open, std::chrono::hours{10});
            EXPECT_LE(day->close, std::chrono::hours{16});
        }
    }
    ASSERT_TRUE(windows.by_weekday[1]);
    EXPECT_EQ(windows.by_weekday[1]->open, std::chrono::hours{10});
}

class SettingsServiceTest : public ::testing::Test {
protected:
    testing::ManualClock clock_;
    testing::InMemorySettingsStore store_;
    testing::InMemoryAuditLog audit_;
    SettingsService service_{store_, audit_, clock_, std::chrono::seconds{30}};
    domain::Agent admin_{
        domain::AgentId{9}, "admin@x", "Admin", domain::Role::kAdmin, {}, true, {}, {}, {}, ""};
    RequestContext ctx_{"rid", "127.0.0.1"};
};

TEST_F(SettingsServiceTest, SeedsTheDefaultsOnceAndServesThem) {
    EXPECT_GT(service_.SeedDefaults(), 50);
    EXPECT_EQ(service_.SeedDefaults(), 0);
    EXPECT_EQ(service_.Current().scoring.give_up_threshold, 200);
}

TEST_F(SettingsServiceTest, ValidatesTheWholeChangeAndStoresNothingOnError) {
    service_.SeedDefaults();
    const auto bad = service_.Update(
        {{"score.giveUpThreshold", "150"}, {"window.mon", "nonsense"}}, admin_, ctx_
    );
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "window.mon");
    EXPECT_EQ(service_.Current().scoring.give_up_threshold, 200);
    EXPECT_TRUE(audit_.WithAction("settings.changed").empty());
}

TEST_F(SettingsServiceTest, AppliesAndAuditsEachChangedKey) {
    service_.SeedDefaults();
    const auto ok = service_.Update(
        {{"score.giveUpThreshold", "150"}, {"caps.callsPerDay", "3"}}, admin_, ctx_
    );
    ASSERT_TRUE(ok);
    EXPECT_EQ(service_.Current().scoring.give_up_threshold, 150);
    const auto changes = audit_.WithAction("settings.changed");
    ASSERT_EQ(changes.size(), 1U);  // callsPerDay was already 3
    EXPECT_EQ(changes[0].subject_id, "score.giveUpThreshold");
    EXPECT_EQ(changes[0].details[0], (std::pair<std::string, std::string>{"from", "200"}));
    EXPECT_EQ(changes[0].details[1], (std::pair<std::string, std::string>{"to", "150"}));
}

TEST_F(SettingsServiceTest, PicksUpChangesFromOtherInstancesAfterTheRefreshPeriod) {
    service_.SeedDefaults();
    EXPECT_EQ(service_.Current().gate.caps.sms_per_day, 3);
    store_.Save({{"caps.smsPerDay", "1"}}, Actor::System(), clock_.Now());  // another instance
    EXPECT_EQ(service_.Current().gate.caps.sms_per_day, 3);
    clock_.Advance(std::chrono::seconds{30});
    EXPECT_EQ(service_.Current().gate.caps.sms_per_day, 1);
}

}  // namespace
}  // namespace dialler::app
