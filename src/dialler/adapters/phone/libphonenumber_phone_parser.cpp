#include "dialler/adapters/phone/libphonenumber_phone_parser.hpp"

#include <cstddef>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "dialler/base/text.hpp"

namespace dialler::adapters::phone {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// The replica's numbers are British unless they say otherwise ("+33 ...", "0033 ...").
const std::string kDefaultRegion = "GB";

// Longer than any real number with generous punctuation ("+44 (0) 7400 123 456" is 20). Cuts
// junk off before libphonenumber's regexes see it (its own limit is 250).
constexpr std::size_t kMaxRawLength = 64;

bool IsAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAsciiSpace(char c) {
    return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

domain::PhoneType ToDomainType(PhoneNumberUtil::PhoneNumberType type) {
    using domain::PhoneType;
    switch (type) {
        case PhoneNumberUtil::FIXED_LINE:
            return PhoneType::kFixedLine;
        case PhoneNumberUtil::MOBILE:
            return PhoneType::kMobile;
        case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
            return PhoneType::kFixedLineOrMobile;
        case PhoneNumberUtil::TOLL_FREE:
            return PhoneType::kTollFree;
        case PhoneNumberUtil::PREMIUM_RATE:
            return PhoneType::kPremiumRate;
        case PhoneNumberUtil::SHARED_COST:
            return PhoneType::kSharedCost;
        case PhoneNumberUtil::VOIP:
            return PhoneType::kVoip;
        case PhoneNumberUtil::PERSONAL_NUMBER:
            return PhoneType::kPersonalNumber;
        case PhoneNumberUtil::PAGER:
            return PhoneType::kPager;
        case PhoneNumberUtil::UAN:
            return PhoneType::kUan;
        case PhoneNumberUtil::VOICEMAIL:
            return PhoneType::kVoicemail;
        case PhoneNumberUtil::UNKNOWN:
            return PhoneType::kUnknown;
    }
    return PhoneType::kUnknown;
}

}  // namespace

std::optional<domain::PhoneNumber> LibphonenumberPhoneParser::Parse(std::string_view raw) const {
    const std::string_view trimmed = Trim(raw);
    if (trimmed.size() > kMaxRawLength) {
        return std::nullopt;
    }
    std::string input(trimmed);
    for (char& c : input) {
        // libphonenumber reads letters as a keypad ("0800 FLOWERS") and drops stray ones, so a
        // typed 'l' for '1' or an "O" for "0" can become a different, valid, number. A customer's
        // own number has no letters: refuse rather than guess. This also refuses extensions
        // ("x12"), which a number we dial cannot use anyway.
        if (IsAsciiLetter(c)) {
            return std::nullopt;
        }
        // libphonenumber takes spaces but not tabs or line breaks between the digits; both turn
        // up in imported data.
        if (IsAsciiSpace(c)) {
            c = ' ';
        }
    }

    // No heuristics of our own for "447400123456" (international without '+') or "7400123456"
    // (national without the trunk 0): libphonenumber 8.12 already reads both, and more safely
    // than we could. It drops a leading 44 only when the digits as written are too long for, or do
    // not fit, the GB plan and do after (no UK national number starts with 4), and it reads digits
    // without '+' or 00 as a GB national number, never as another country's. So a number that is
    // valid as written is never turned into another one; the tests pin both readings.
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber parsed;
    if (util.Parse(input, kDefaultRegion, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return std::nullopt;
    }
    // IsValidNumber(n) is, by definition in libphonenumber, GetNumberType(n) != UNKNOWN: both find
    // the region and run the same type matcher. Calling both would add about 10 µs to the ~24 µs a
    // GB mobile costs, so the type doubles as the validity check (a test pins the equivalence).
    const PhoneNumberUtil::PhoneNumberType type = util.GetNumberType(parsed);
    if (type == PhoneNumberUtil::UNKNOWN) {
        return std::nullopt;
    }
    domain::PhoneNumber number;
    number.type = ToDomainType(type);
    util.Format(parsed, PhoneNumberUtil::E164, &number.e164);
    util.GetRegionCodeForNumber(parsed, &number.region);
    return number;
}

}  // namespace dialler::adapters::phone
