#include "dialler/domain/phone.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace dialler::domain {

namespace {

// U+2022 BULLET in UTF-8: reads as "hidden" at a glance, unlike '*' or 'x', which look like
// dialling characters.
constexpr std::string_view kMaskDigit = "\u2022";
constexpr std::size_t kShownDigits = 3;

// The two-digit country calling codes of ITU-T E.164 (as of 2024). Every other code starting with
// 2-9 has three digits, and 1 (NANP) and 7 (Russia, Kazakhstan) have one. Codes are prefix-free,
// so the leading digits of a valid number decide the length on their own. The adapter test checks
// this list against every calling code libphonenumber knows.
constexpr std::array kTwoDigitCountryCodes{
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
};

bool IsAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

int DigitValue(char c) {
    return c - '0';
}

std::size_t CountryCodeLength(std::string_view digits) {
    if (digits[0] == '1' || digits[0] == '7') {
        return 1;
    }
    const int two_digits = DigitValue(digits[0]) * 10 + DigitValue(digits[1]);
    return std::binary_search(
               kTwoDigitCountryCodes.begin(), kTwoDigitCountryCodes.end(), two_digits
           )
               ? 2
               : 3;
}

void AppendMask(std::string& out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        out += kMaskDigit;
    }
}

}  // namespace

std::string_view PhoneTypeName(PhoneType type) {
    // Stable snake_case words (wire and storage): rename nothing without a migration.
    switch (type) {
        case PhoneType::kMobile:
            return "mobile";
        case PhoneType::kFixedLine:
            return "fixed_line";
        case PhoneType::kFixedLineOrMobile:
            return "fixed_line_or_mobile";
        case PhoneType::kTollFree:
            return "toll_free";
        case PhoneType::kPremiumRate:
            return "premium_rate";
        case PhoneType::kSharedCost:
            return "shared_cost";
        case PhoneType::kVoip:
            return "voip";
        case PhoneType::kPersonalNumber:
            return "personal_number";
        case PhoneType::kPager:
            return "pager";
        case PhoneType::kUan:
            return "uan";
        case PhoneType::kVoicemail:
            return "voicemail";
        case PhoneType::kUnknown:
            return "unknown";
    }
    return "unknown";
}

PhoneType ParsePhoneType(std::string_view name) {
    for (auto t :
         {PhoneType::kMobile,
          PhoneType::kFixedLine,
          PhoneType::kFixedLineOrMobile,
          PhoneType::kTollFree,
          PhoneType::kPremiumRate,
          PhoneType::kSharedCost,
          PhoneType::kVoip,
          PhoneType::kPersonalNumber,
          PhoneType::kPager,
          PhoneType::kUan,
          PhoneType::kVoicemail}) {
        if (PhoneTypeName(t) == name) {
            return t;
        }
    }
    return PhoneType::kUnknown;
}

bool IsUkDialable(const PhoneNumber& number) {
    const bool is_uk = number.region == "GB" || number.region == "GG" || number.region == "JE" ||
                       number.region == "IM";
    if (!is_uk) {
        return false;
    }
    // An allow-list, not a deny-list, so that a type libphonenumber adds later is refused until
    // someone decides otherwise. A customer's own line is a mobile, a landline (some UK ranges
    // are either, hence kFixedLineOrMobile) or a VoIP line (056, charged like a landline).
    // Refused: premium rate, shared cost and personal numbering (070) cost the caller or
    // forward to who-knows-where; pager, UAN (03, organisations) and voicemail access are never
    // a person; toll-free (0800/0808) is free to call but is never a customer's own number, so
    // a free-phone entry is a data error we would rather report than dial; kUnknown is not a
    // valid number at all.
    switch (number.type) {
        case PhoneType::kMobile:
        case PhoneType::kFixedLine:
        case PhoneType::kFixedLineOrMobile:
        case PhoneType::kVoip:
            return true;
        case PhoneType::kTollFree:
        case PhoneType::kPremiumRate:
        case PhoneType::kSharedCost:
        case PhoneType::kPersonalNumber:
        case PhoneType::kPager:
        case PhoneType::kUan:
        case PhoneType::kVoicemail:
        case PhoneType::kUnknown:
            return false;
    }
    return false;
}

bool IsUkTextable(const PhoneNumber& number) {
    // kFixedLineOrMobile is refused: a landline cannot receive the text, and we would not know.
    return IsUkDialable(number) && number.type == PhoneType::kMobile;
}

bool IsE164(std::string_view number) {
    return number.size() >= 9 && number.size() <= 16 && number.front() == '+' &&
           std::all_of(number.begin() + 1, number.end(), [](char c) {
               return c >= '0' && c <= '9';
           });
}

std::string MaskPhone(const PhoneNumber& number) {
    const std::string_view e164 = number.e164;
    const std::string_view digits = e164.empty() ? e164 : e164.substr(1);
    const bool is_well_formed = e164.size() > 1 && e164[0] == '+' &&
                                std::all_of(digits.begin(), digits.end(), IsAsciiDigit);
    // A broken invariant is a bug elsewhere, but this is display code: show nothing rather than
    // something, and never throw.
    if (!is_well_formed || digits.size() < 2) {
        std::string out;
        AppendMask(out, kShownDigits);
        return out;
    }
    const std::size_t code_length = std::min(CountryCodeLength(digits), digits.size());
    const std::string_view national = digits.substr(code_length);

    std::string out = "+";
    out += digits.substr(0, code_length);
    // Too short to hide anything if we showed three digits: hide them all.
    const std::size_t shown = national.size() > kShownDigits ? kShownDigits : 0;
    const std::size_t masked = national.size() - shown;
    // Groups of three counted from the right, so the shown digits stand alone ("ends in 123");
    // a lone leading dot joins the next group ("•••• ••• 123", not "• ••• ••• 123").
    std::size_t first_group = masked % 3;
    if (first_group == 1 && masked > 3) {
        first_group = 4;
    } else if (first_group == 0) {
        first_group = std::min<std::size_t>(3, masked);
    }
    std::size_t written = 0;
    std::size_t group = first_group;
    while (written < masked) {
        out += ' ';
        AppendMask(out, group);
        written += group;
        group = 3;
    }
    if (shown > 0) {
        out += ' ';
        out += national.substr(masked);
    }
    return out;
}

}  // namespace dialler::domain
