#include "dialler/domain/sms.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "dialler/base/text.hpp"

namespace dialler::domain {

namespace {

constexpr std::array<std::pair<SmsStatus, std::string_view>, 7> kNames{{
    {SmsStatus::kQueued, "queued"},
    {SmsStatus::kSending, "sending"},
    {SmsStatus::kSent, "sent"},
    {SmsStatus::kDelivered, "delivered"},
    {SmsStatus::kUndelivered, "undelivered"},
    {SmsStatus::kFailed, "failed"},
    {SmsStatus::kUnknown, "unknown"},
}};

constexpr std::array<std::string_view, 8> kOptOutWords{
    "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"};
constexpr std::array<std::string_view, 2> kOptInWords{"start", "unstop"};

// How far along a text is: a report may only move it further.
int Stage(SmsStatus status) {
    switch (status) {
        case SmsStatus::kQueued:
            return 0;
        case SmsStatus::kSending:
        case SmsStatus::kUnknown:
            return 1;
        case SmsStatus::kSent:
            return 2;
        case SmsStatus::kDelivered:
        case SmsStatus::kUndelivered:
        case SmsStatus::kFailed:
            return 3;
    }
    return 0;
}

}  // namespace

std::string_view SmsStatusName(SmsStatus status) {
    for (const auto& [s, name] : kNames) {
        if (s == status) {
            return name;
        }
    }
    return "unknown";
}

std::optional<SmsStatus> ParseSmsStatus(std::string_view name) {
    for (const auto& [s, n] : kNames) {
        if (n == name) {
            return s;
        }
    }
    return std::nullopt;
}

std::optional<SmsStatus> FromProviderMessageStatus(std::string_view provider_status) {
    if (provider_status == "accepted" || provider_status == "queued" ||
        provider_status == "sending" || provider_status == "sent") {
        return SmsStatus::kSent;
    }
    if (provider_status == "delivered") {
        return SmsStatus::kDelivered;
    }
    if (provider_status == "undelivered") {
        return SmsStatus::kUndelivered;
    }
    if (provider_status == "failed") {
        return SmsStatus::kFailed;
    }
    return std::nullopt;
}

bool SmsStatusAdvances(SmsStatus current, SmsStatus next) {
    return Stage(next) > Stage(current);
}

std::optional<std::chrono::seconds> SmsRetryDelay(int attempts) {
    using std::chrono::minutes;
    using std::chrono::seconds;
    if (attempts >= kMaxSmsAttempts) {
        return std::nullopt;
    }
    switch (attempts) {
        case 0:
        case 1:
            return seconds{30};
        case 2:
            return minutes{2};
        case 3:
            return minutes{10};
        default:
            return minutes{30};
    }
}

Result<std::string> CheckSmsBody(std::string_view text, const std::string& field) {
    const std::string_view trimmed = Trim(text);
    // Four bytes per character at most: the character count is checked below.
    DIALLER_RETURN_IF_ERROR(
        CheckText(trimmed, field, kMaxSmsLength * 4, ControlChars::kNewlineAndTab)
    );
    if (trimmed.empty()) {
        return InvalidField(field, field + " is empty: write the text to send");
    }
    if (CodePoints(trimmed) > kMaxSmsLength) {
        return InvalidField(
            field, field + " is too long: at most " + std::to_string(kMaxSmsLength) + " characters"
        );
    }
    return std::string(trimmed);
}

InboundConsent ClassifyInbound(std::string_view text) {
    // Case- and space-insensitive: "Stop", " STOP ", "S T O P" are all STOP.
    std::string word;
    for (const char c : AsciiLower(text)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            word += c;
        }
    }
    if (std::find(kOptOutWords.begin(), kOptOutWords.end(), word) != kOptOutWords.end()) {
        return InboundConsent::kOptOut;
    }
    if (std::find(kOptInWords.begin(), kOptInWords.end(), word) != kOptInWords.end()) {
        return InboundConsent::kOptIn;
    }
    if (word.find("stop") != std::string::npos || word.find("unsubscribe") != std::string::npos) {
        return InboundConsent::kMentionsStop;
    }
    return InboundConsent::kNone;
}

std::string_view InboundConsentName(InboundConsent consent) {
    switch (consent) {
        case InboundConsent::kNone:
            return "none";
        case InboundConsent::kOptOut:
            return "opt_out";
        case InboundConsent::kOptIn:
            return "opt_in";
        case InboundConsent::kMentionsStop:
            return "mentions_stop";
    }
    return "none";
}

std::optional<InboundConsent> ParseInboundConsent(std::string_view name) {
    for (const auto c :
         {InboundConsent::kNone,
          InboundConsent::kOptOut,
          InboundConsent::kOptIn,
          InboundConsent::kMentionsStop}) {
        if (InboundConsentName(c) == name) {
            return c;
        }
    }
    return std::nullopt;
}

}  // namespace dialler::domain
