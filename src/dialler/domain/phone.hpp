#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dialler::domain {

// What kind of line a number is (libphonenumber's classification, in our words).
enum class PhoneType {
    kMobile,
    kFixedLine,
    kFixedLineOrMobile,
    kTollFree,
    kPremiumRate,
    kSharedCost,
    kVoip,
    kPersonalNumber,
    kPager,
    kUan,
    kVoicemail,
    kUnknown,
};

std::string_view PhoneTypeName(PhoneType type);
// Inverse of PhoneTypeName; unknown names give kUnknown.
PhoneType ParsePhoneType(std::string_view name);

// A phone number that parsed as a valid number. Invariant: `e164` is "+" and digits, `region`
// is the ISO 3166 code of the number's region ("GB", "GG", "JE", "IM", "FR", ...).
struct PhoneNumber {
    std::string e164;
    PhoneType type = PhoneType::kUnknown;
    std::string region;
};

// Returns whether we may call the number at all: a UK number (GB and the Crown dependencies
// Guernsey, Jersey, Isle of Man) that is a mobile, a landline or VoIP; premium rate, shared cost,
// personal numbering, toll-free, pager, UAN, voicemail and unknown types are refused
// (product.md §8, §9).
bool IsUkDialable(const PhoneNumber& number);

// Returns whether we may text the number: UK-dialable and a mobile (product.md §7).
bool IsUkTextable(const PhoneNumber& number);

// Whether `number` is written in E.164 form: '+', then 8 to 15 digits ("+447700900123"), as
// the telephony provider writes numbers.
bool IsE164(std::string_view number);

// Shows the country code and the last three digits only: "+44 •••• ••• 123". Agents dial
// through the platform, never from a number on screen.
std::string MaskPhone(const PhoneNumber& number);

}  // namespace dialler::domain
