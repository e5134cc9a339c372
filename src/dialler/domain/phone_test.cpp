#include "dialler/domain/phone.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

const std::vector<PhoneType> kAllTypes{
    PhoneType::kMobile,
    PhoneType::kFixedLine,
    PhoneType::kFixedLineOrMobile,
    PhoneType::kTollFree,
    PhoneType::kPremiumRate,
    PhoneType::kSharedCost,
    PhoneType::kVoip,
    PhoneType::kPersonalNumber,
    PhoneType::kPager,
    PhoneType::kUan,
    PhoneType::kVoicemail,
    PhoneType::kUnknown,
};

PhoneNumber Uk(PhoneType type, std::string region = "GB") {
    return PhoneNumber{"+447400123456", type, std::move(region)};
}

TEST(IsUkDialable, AcceptsMobilesLandlinesAndVoip) {
    EXPECT_TRUE(IsUkDialable(Uk(PhoneType::kMobile)));
    EXPECT_TRUE(IsUkDialable(Uk(PhoneType::kFixedLine)));
    EXPECT_TRUE(IsUkDialable(Uk(PhoneType::kFixedLineOrMobile)));
    EXPECT_TRUE(IsUkDialable(Uk(PhoneType::kVoip)));
}

TEST(IsUkDialable, RefusesEveryOtherType) {
    const std::set<PhoneType> dialable{
        PhoneType::kMobile, PhoneType::kFixedLine, PhoneType::kFixedLineOrMobile, PhoneType::kVoip};
    for (PhoneType type : kAllTypes) {
        if (!dialable.contains(type)) {
            EXPECT_FALSE(IsUkDialable(Uk(type))) << PhoneTypeName(type);
        }
    }
}

TEST(IsUkDialable, AcceptsTheCrownDependencies) {
    for (const char* region : {"GB", "GG", "JE", "IM"}) {
        EXPECT_TRUE(IsUkDialable(Uk(PhoneType::kMobile, region))) << region;
    }
}

TEST(IsUkDialable, RefusesOtherRegions) {
    EXPECT_FALSE(IsUkDialable(PhoneNumber{"+33612345678", PhoneType::kMobile, "FR"}));
    EXPECT_FALSE(IsUkDialable(PhoneNumber{"+353851234567", PhoneType::kMobile, "IE"}));
    // Case matters: the parser always gives ISO upper case, and anything else is not one of ours.
    EXPECT_FALSE(IsUkDialable(Uk(PhoneType::kMobile, "gb")));
    EXPECT_FALSE(IsUkDialable(Uk(PhoneType::kMobile, "")));
    EXPECT_FALSE(IsUkDialable(Uk(PhoneType::kMobile, "ZZ")));
}

TEST(IsUkTextable, AcceptsOnlyUkMobiles) {
    for (PhoneType type : kAllTypes) {
        EXPECT_EQ(IsUkTextable(Uk(type)), type == PhoneType::kMobile) << PhoneTypeName(type);
    }
    EXPECT_TRUE(IsUkTextable(Uk(PhoneType::kMobile, "JE")));
}

TEST(IsUkTextable, RefusesForeignMobiles) {
    EXPECT_FALSE(IsUkTextable(PhoneNumber{"+33612345678", PhoneType::kMobile, "FR"}));
}

TEST(PhoneTypeName, GivesEachTypeItsOwnSnakeCaseName) {
    EXPECT_EQ(PhoneTypeName(PhoneType::kMobile), "mobile");
    EXPECT_EQ(PhoneTypeName(PhoneType::kFixedLine), "fixed_line");
    EXPECT_EQ(PhoneTypeName(PhoneType::kFixedLineOrMobile), "fixed_line_or_mobile");
    EXPECT_EQ(PhoneTypeName(PhoneType::kPremiumRate), "premium_rate");
    EXPECT_EQ(PhoneTypeName(PhoneType::kUnknown), "unknown");
    std::set<std::string_view> names;
    for (PhoneType type : kAllTypes) {
        names.insert(PhoneTypeName(type));
    }
    EXPECT_EQ(names.size(), kAllTypes.size());
}

std::string Mask(std::string e164) {
    return MaskPhone(PhoneNumber{std::move(e164), PhoneType::kMobile, "GB"});
}

TEST(IsE164, TakesAPlusAndEightToFifteenDigitsOnly) {
    for (const char* good : {"+447700900123", "+12025550123", "+35312345"}) {
        EXPECT_TRUE(IsE164(good)) << good;
    }
    for (const char* bad :
         {"",
          "+",
          "447700900123",
          "07700 900123",
          "+44 7700 900123",
          "+4477009001234567",
          "+4477a0900123",
          "+1234567"}) {
        EXPECT_FALSE(IsE164(bad)) << bad;
    }
}

TEST(MaskPhone, ShowsTheCountryCodeAndTheLastThreeDigits) {
    EXPECT_EQ(Mask("+447400123123"), "+44 •••• ••• 123");
    EXPECT_EQ(Mask("+442031234567"), "+44 •••• ••• 567");
}

TEST(MaskPhone, FindsOneTwoAndThreeDigitCountryCodes) {
    EXPECT_EQ(Mask("+12025550123"), "+1 •••• ••• 123");
    EXPECT_EQ(Mask("+79161234567"), "+7 •••• ••• 567");
    EXPECT_EQ(Mask("+33612345678"), "+33 ••• ••• 678");
    EXPECT_EQ(Mask("+353851234567"), "+353 ••• ••• 567");
    EXPECT_EQ(Mask("+35319876543"), "+353 •• ••• 543");
}

TEST(MaskPhone, GroupsTheHiddenDigitsInThreesFromTheRight) {
    EXPECT_EQ(Mask("+4412345"), "+44 •• 345");
    EXPECT_EQ(Mask("+44123456"), "+44 ••• 456");
    EXPECT_EQ(Mask("+441234567"), "+44 •••• 567");
    EXPECT_EQ(Mask("+4412345678"), "+44 •• ••• 678");
    EXPECT_EQ(Mask("+44123456789"), "+44 ••• ••• 789");
    EXPECT_EQ(Mask("+4412345678901"), "+44 •• ••• ••• 901");
    EXPECT_EQ(Mask("+441234567890123"), "+44 •••• ••• ••• 123");
}

TEST(MaskPhone, HidesEveryDigitOfAVeryShortNumber) {
    EXPECT_EQ(Mask("+299123"), "+299 •••");
    EXPECT_EQ(Mask("+2991234"), "+299 • 234");
}

TEST(MaskPhone, NeverShowsMoreThanThreeNationalDigits) {
    for (const std::string e164 :
         {"+447400123456", "+33612345678", "+12025550123", "+35319876543"}) {
        const std::string masked = Mask(e164);
        std::size_t digits = 0;
        for (char c : masked) {
            digits += (c >= '0' && c <= '9') ? 1U : 0U;
        }
        const std::size_t code_digits = masked.find(' ') - 1;
        EXPECT_EQ(digits - code_digits, 3U) << masked;
    }
}

TEST(MaskPhone, ShowsNothingForAMalformedNumber) {
    EXPECT_EQ(Mask(""), "•••");
    EXPECT_EQ(Mask("+"), "•••");
    EXPECT_EQ(Mask("+4"), "•••");
    EXPECT_EQ(Mask("07400123456"), "•••");
    EXPECT_EQ(Mask("+44 7400 123456"), "•••");
}

TEST(ParsePhoneType, InvertsPhoneTypeName) {
    for (auto t :
         {PhoneType::kMobile, PhoneType::kFixedLine, PhoneType::kVoip, PhoneType::kUnknown}) {
        EXPECT_EQ(ParsePhoneType(PhoneTypeName(t)), t);
    }
    EXPECT_EQ(ParsePhoneType("carrier_pigeon"), PhoneType::kUnknown);
}

}  // namespace
}  // namespace dialler::domain
