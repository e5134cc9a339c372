#include "dialler/domain/sms.hpp"

#include <string>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(SmsStatus, NamesRoundTripAndUnknownNamesAreRefused) {
    for (const auto s :
         {SmsStatus::kQueued,
          SmsStatus::kSending,
          SmsStatus::kSent,
          SmsStatus::kDelivered,
          SmsStatus::kUndelivered,
          SmsStatus::kFailed,
          SmsStatus::kUnknown}) {
        EXPECT_EQ(ParseSmsStatus(SmsStatusName(s)), s);
    }
    EXPECT_FALSE(ParseSmsStatus("read"));
    EXPECT_FALSE(ParseSmsStatus(""));
}

TEST(SmsStatus, MapsTwiliosMessageStatuses) {
    for (const char* s : {"accepted", "queued", "sending", "sent"}) {
        EXPECT_EQ(FromProviderMessageStatus(s), SmsStatus::kSent) << s;
    }
    EXPECT_EQ(FromProviderMessageStatus("delivered"), SmsStatus::kDelivered);
    EXPECT_EQ(FromProviderMessageStatus("undelivered"), SmsStatus::kUndelivered);
    EXPECT_EQ(FromProviderMessageStatus("failed"), SmsStatus::kFailed);
    EXPECT_FALSE(FromProviderMessageStatus("read"));
    EXPECT_FALSE(FromProviderMessageStatus("DELIVERED"));
}

TEST(SmsStatus, AReportOnlyMovesATextForwardAndAFinalAnswerStays) {
    EXPECT_TRUE(SmsStatusAdvances(SmsStatus::kSent, SmsStatus::kDelivered));
    EXPECT_TRUE(SmsStatusAdvances(SmsStatus::kSending, SmsStatus::kSent));
    // The sender stopped before recording: a report settles it.
    EXPECT_TRUE(SmsStatusAdvances(SmsStatus::kUnknown, SmsStatus::kSent));
    EXPECT_TRUE(SmsStatusAdvances(SmsStatus::kUnknown, SmsStatus::kDelivered));
    // Late "sent" after "delivered", a repeated report, one final answer after another.
    EXPECT_FALSE(SmsStatusAdvances(SmsStatus::kDelivered, SmsStatus::kSent));
    EXPECT_FALSE(SmsStatusAdvances(SmsStatus::kDelivered, SmsStatus::kDelivered));
    EXPECT_FALSE(SmsStatusAdvances(SmsStatus::kUndelivered, SmsStatus::kDelivered));
    EXPECT_FALSE(SmsStatusAdvances(SmsStatus::kFailed, SmsStatus::kSent));
}

TEST(SmsRetryDelay, BacksOffThenGivesUp) {
    EXPECT_EQ(SmsRetryDelay(1), std::chrono::seconds{30});
    EXPECT_EQ(SmsRetryDelay(2), std::chrono::minutes{2});
    EXPECT_EQ(SmsRetryDelay(3), std::chrono::minutes{10});
    EXPECT_EQ(SmsRetryDelay(4), std::chrono::minutes{30});
    EXPECT_FALSE(SmsRetryDelay(kMaxSmsAttempts));
    EXPECT_FALSE(SmsRetryDelay(kMaxSmsAttempts + 10));
}

TEST(CheckSmsBody, TrimsAndAcceptsLineBreaksAndAnyLanguage) {
    EXPECT_EQ(*CheckSmsBody("  Hello Jane\nSee you at 5  ", "body"), "Hello Jane\nSee you at 5");
    EXPECT_EQ(*CheckSmsBody("Diolch — £20 ✓", "body"), "Diolch — £20 ✓");
    // The limit counts characters, not bytes.
    const std::string pounds = [] {
        std::string s;
        for (std::size_t i = 0; i < kMaxSmsLength; ++i) {
            s += "£";
        }
        return s;
    }();
    EXPECT_TRUE(CheckSmsBody(pounds, "body"));
}

TEST(CheckSmsBody, RefusesEmptyTooLongBrokenOrControlTextNamingTheField) {
    for (const std::string& bad :
         {std::string(""),
          std::string("   \n "),
          std::string(kMaxSmsLength + 1, 'a'),
          std::string("bad \xC0\xAE utf-8"),
          std::string("bell \x07"),
          std::string("nul \0 inside", 12)}) {
        const auto checked = CheckSmsBody(bad, "body");
        ASSERT_FALSE(checked) << bad;
        EXPECT_EQ(checked.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(checked.error().field, "body");
    }
}

TEST(ClassifyInbound, TheWholeMessageIsTheKeywordWhateverItsCaseAndSpacing) {
    for (const char* text :
         {"STOP",
          "stop",
          " Stop ",
          "StopAll",
          "STOP ALL",
          "unsubscribe",
          "Cancel",
          "END",
          "quit\n",
          "OptOut",
          "REVOKE"}) {
        EXPECT_EQ(ClassifyInbound(text), InboundConsent::kOptOut) << text;
    }
    for (const char* text : {"START", " start", "Unstop"}) {
        EXPECT_EQ(ClassifyInbound(text), InboundConsent::kOptIn) << text;
    }
}

TEST(ClassifyInbound, AMessageThatOnlyMentionsStoppingIsForAnAgent) {
    for (const char* text :
         {"please stop texting me", "STOP!", "Don't stop", "how do I unsubscribe?"}) {
        EXPECT_EQ(ClassifyInbound(text), InboundConsent::kMentionsStop) << text;
    }
    for (const char* text : {"Yes please call me", "the end of the week", "", "cancelled?"}) {
        EXPECT_EQ(ClassifyInbound(text), InboundConsent::kNone) << text;
    }
}

TEST(InboundConsentName, RoundTripsEveryValueAndRefusesOthers) {
    for (const auto c :
         {InboundConsent::kNone,
          InboundConsent::kOptOut,
          InboundConsent::kOptIn,
          InboundConsent::kMentionsStop}) {
        EXPECT_EQ(ParseInboundConsent(InboundConsentName(c)), c);
    }
    EXPECT_EQ(InboundConsentName(InboundConsent::kMentionsStop), "mentions_stop");
    EXPECT_EQ(ParseInboundConsent("OPT_OUT"), std::nullopt);
    EXPECT_EQ(ParseInboundConsent(""), std::nullopt);
}

}  // namespace
}  // namespace dialler::domain
