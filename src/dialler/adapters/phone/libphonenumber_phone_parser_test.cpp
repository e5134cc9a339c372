#include "dialler/adapters/phone/libphonenumber_phone_parser.hpp"

#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace dialler::adapters::phone {
namespace {

using domain::PhoneNumber;
using domain::PhoneType;

const LibphonenumberPhoneParser kParser;

PhoneNumber MustParse(std::string_view raw) {
    const auto number = kParser.Parse(raw);
    EXPECT_TRUE(number.has_value()) << "'" << raw << "' did not parse";
    return number.value_or(PhoneNumber{});
}

TEST(LibphonenumberPhoneParser, ReadsEveryReplicaFormatOfAMobileAsTheSameNumber) {
    for (const char* raw : {
             "+447400123456",
             "07400 123456",
             "07400-123-456",
             "447400123456",
             "7400123456",
             "(07400) 123456",
             " 07400123456 ",
             "0044 7400 123456",
             "+44 (0)7400 123456",
             "07400.123.456",
             "07400\t123456",
             "07400123456\r\n",
         }) {
        const auto number = kParser.Parse(raw);
        ASSERT_TRUE(number.has_value()) << "'" << raw << "'";
        EXPECT_EQ(number->e164, "+447400123456") << "'" << raw << "'";
        EXPECT_EQ(number->type, PhoneType::kMobile) << "'" << raw << "'";
        EXPECT_EQ(number->region, "GB") << "'" << raw << "'";
    }
}

TEST(LibphonenumberPhoneParser, ReadsLandlinesWithoutPlusOrTrunkZeroAsBritish) {
    EXPECT_EQ(MustParse("4420 3123 4567").e164, "+442031234567");
    EXPECT_EQ(MustParse("2031234567").e164, "+442031234567");
}

TEST(LibphonenumberPhoneParser, KeepsAForeignNumberForeign) {
    for (const char* raw : {"+33 6 12 34 56 78", "0033 6 12 34 56 78", "+33612345678"}) {
        const PhoneNumber number = MustParse(raw);
        EXPECT_EQ(number.e164, "+33612345678") << raw;
        EXPECT_EQ(number.region, "FR") << raw;
        EXPECT_EQ(number.type, PhoneType::kMobile) << raw;
        EXPECT_FALSE(domain::IsUkDialable(number)) << raw;
    }
}

TEST(LibphonenumberPhoneParser, DoesNotGuessACountryForDigitsWithoutPlus) {
    // Read as British ("+4433612345678"), which is invalid: reported, never dialled in France.
    EXPECT_FALSE(kParser.Parse("33612345678").has_value());
}

TEST(LibphonenumberPhoneParser, RefusesOfcomDramaRanges) {
    for (const char* raw : {"07700 900123", "+447700900123", "01632 960123", "+441632960123"}) {
        EXPECT_FALSE(kParser.Parse(raw).has_value()) << raw;
    }
}

TEST(LibphonenumberPhoneParser, AcceptsTheLondonDramaRangeUnlikeTheOthers) {
    // replica-schema.md lists 020 7946 0xxx with the reserved ranges, but libphonenumber 8.12.57
    // calls it a valid London landline: demo data must not use it as an "invalid number" case.
    EXPECT_EQ(MustParse("020 7946 0123").type, PhoneType::kFixedLine);
}

TEST(LibphonenumberPhoneParser, ReadsALandlineAsDialableButNotTextable) {
    for (const char* raw : {"020 3123 4567", "0161 512 3456"}) {
        const PhoneNumber number = MustParse(raw);
        EXPECT_EQ(number.type, PhoneType::kFixedLine) << raw;
        EXPECT_EQ(number.region, "GB") << raw;
        EXPECT_TRUE(domain::IsUkDialable(number)) << raw;
        EXPECT_FALSE(domain::IsUkTextable(number)) << raw;
    }
    EXPECT_EQ(MustParse("020 3123 4567").e164, "+442031234567");
}

TEST(LibphonenumberPhoneParser, FindsTheCrownDependencies) {
    struct Case {
        const char* raw;
        const char* region;
    };
    for (const Case& c : {
             Case{"07781 123456", "GG"},
             Case{"07911 123456", "GG"},  // looks like a GB mobile, is Guernsey
             Case{"07797 712345", "JE"},
             Case{"07624 123456", "IM"},
         }) {
        const PhoneNumber number = MustParse(c.raw);
        EXPECT_EQ(number.region, c.region) << c.raw;
        EXPECT_EQ(number.type, PhoneType::kMobile) << c.raw;
        EXPECT_TRUE(domain::IsUkTextable(number)) << c.raw;
    }
    EXPECT_EQ(MustParse("01481 256789").region, "GG");
    EXPECT_EQ(MustParse("01534 456789").region, "JE");
    EXPECT_EQ(MustParse("01624 756789").region, "IM");
}

TEST(LibphonenumberPhoneParser, MapsSpecialRangesToTypesWeDoNotDial) {
    struct Case {
        const char* raw;
        PhoneType type;
    };
    for (const Case& c : {
             Case{"09098 790000", PhoneType::kPremiumRate},
             Case{"0800 123 4567", PhoneType::kTollFree},
             Case{"070 1234 5678", PhoneType::kPersonalNumber},
             Case{"076 2345 6789", PhoneType::kPager},
             Case{"0303 123 4567", PhoneType::kUan},
         }) {
        const PhoneNumber number = MustParse(c.raw);
        EXPECT_EQ(number.type, c.type) << c.raw;
        EXPECT_EQ(number.region, "GB") << c.raw;
        EXPECT_FALSE(domain::IsUkDialable(number)) << c.raw;
    }
    EXPECT_EQ(MustParse("056 1234 5678").type, PhoneType::kVoip);
    EXPECT_EQ(MustParse("+1 202 555 0123").type, PhoneType::kFixedLineOrMobile);
}

TEST(LibphonenumberPhoneParser, ReturnsNothingForJunk) {
    const std::string long_digits(1000, '7');
    std::string long_repeat;
    for (int i = 0; i < 10; ++i) {
        long_repeat += "07400 123456 ";
    }
    for (const std::string& raw : {
             std::string{"n/a"},
             std::string{"N/A"},
             std::string{"123"},
             std::string{"unknown"},
             std::string{""},
             std::string{"   "},
             std::string{"+"},
             std::string{"00"},
             std::string{"0"},
             std::string{"-"},
             std::string{"07400123456/07400999999"},
             std::string{"07400123456, 07400999999"},
             std::string{"\xff\xfe\x00\x01", 4},
             long_digits,
             long_repeat,
         }) {
        EXPECT_FALSE(kParser.Parse(raw).has_value()) << "'" << raw << "'";
    }
}

TEST(LibphonenumberPhoneParser, RefusesOverlongInputEvenWhenItHoldsANumber) {
    const std::string padding(60, ' ');
    EXPECT_EQ(MustParse(padding + "07400 123456" + padding).e164, "+447400123456");
    EXPECT_FALSE(kParser.Parse("07400" + padding + "123456").has_value());
}

TEST(LibphonenumberPhoneParser, RefusesLettersRatherThanReadingThemAsDigits) {
    // Each of these is a valid number to libphonenumber once the letters are dropped or read off
    // a keypad: "l" for "1" would dial 07400 234567.
    for (const char* raw :
         {"07400 l234567", "0800 FLOWERS", "07400123456 x12", "tel:+447400123456", "O7400123456"}) {
        EXPECT_FALSE(kParser.Parse(raw).has_value()) << raw;
    }
}

TEST(LibphonenumberPhoneParser, AcceptsExactlyWhatIsValidNumberAccepts) {
    // The parser uses GetNumberType() != UNKNOWN as its validity test (it is how libphonenumber
    // defines IsValidNumber, at a third of the cost); this pins that equivalence.
    const auto& util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    for (const char* raw : {
             "07400 123456",
             "07700 900123",
             "01632 960123",
             "020 3123 4567",
             "0500 123456",
             "09098 790000",
             "07781 123456",
             "+33 6 12 34 56 78",
             "+33 6 12 34 56",
             "+1 202 555 0123",
             "+1 202 155 0123",
             "+800 1234 5678",
             "+999 1234 5678",
             "123",
             "44",
         }) {
        i18n::phonenumbers::PhoneNumber parsed;
        const bool is_valid = util.Parse(raw, "GB", &parsed) ==
                                  i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR &&
                              util.IsValidNumber(parsed);
        EXPECT_EQ(kParser.Parse(raw).has_value(), is_valid) << raw;
    }
}

TEST(LibphonenumberPhoneParser, GivesTheSameAnswersOnManyThreads) {
    const std::vector<std::string> inputs{"07400 123456", "n/a", "07781 123456", "+33612345678"};
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    threads.reserve(results.size());
    for (auto& result : results) {
        threads.emplace_back([&inputs, &result] {
            for (int round = 0; round < 50; ++round) {
                for (const std::string& raw : inputs) {
                    const auto number = kParser.Parse(raw);
                    result.push_back(number ? number->e164 + number->region : "-");
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const auto& result : results) {
        ASSERT_EQ(result.size(), 200U);
        EXPECT_EQ(result[0], "+447400123456GB");
        EXPECT_EQ(result[1], "-");
        EXPECT_EQ(result[2], "+447781123456GG");
        EXPECT_EQ(result[3], "+33612345678FR");
        EXPECT_EQ(result, results[0]);
    }
}

TEST(MaskPhone, KeepsEveryCallingCodeLibphonenumberKnows) {
    // MaskPhone finds the country code without a library (domain code); check its table against
    // the library's full list, geographic and global (+800, +882, ...).
    std::set<int> codes;
    i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedCallingCodes(&codes);
    ASSERT_GT(codes.size(), 200U);
    for (int code : codes) {
        const std::string prefix = "+" + std::to_string(code);
        const PhoneNumber number{prefix + "123456789", PhoneType::kUnknown, "ZZ"};
        EXPECT_EQ(domain::MaskPhone(number).rfind(prefix + " ", 0), 0U)
            << code << ": " << domain::MaskPhone(number);
    }
}

TEST(MaskPhone, MasksAParsedNumber) {
    EXPECT_EQ(domain::MaskPhone(MustParse("07400 123456")), "+44 •••• ••• 456");
}

}  // namespace
}  // namespace dialler::adapters::phone
