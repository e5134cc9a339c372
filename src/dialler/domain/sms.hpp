#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/base/error.hpp"

namespace dialler::domain {

// Where an outgoing text is (the outbox's row). A text is handed to the provider at most once:
//   queued -> sending (claimed; the provider is being asked) -> sent (it took the text, SID known)
//          -> delivered | undelivered | failed (its delivery reports)
//   queued -> failed (refused by the provider, or given up after retries; error code kept)
//   sending -> unknown (the sender stopped between asking the provider and recording its answer:
//                       never sent again; a delivery report carrying the text's id settles it)
enum class SmsStatus { kQueued, kSending, kSent, kDelivered, kUndelivered, kFailed, kUnknown };

std::string_view SmsStatusName(SmsStatus status);  // "queued", "sending", ...
std::optional<SmsStatus> ParseSmsStatus(std::string_view name);

// Twilio's MessageStatus in a delivery report, as ours: accepted/queued/sending/sent -> sent;
// delivered, undelivered, failed as themselves; anything else (read, receiving, ...) nullopt.
std::optional<SmsStatus> FromProviderMessageStatus(std::string_view provider_status);

// Whether a delivery report saying `next` may replace `current`: reports arrive in any order
// and more than once, and a final answer (delivered, undelivered, failed) is never undone.
bool SmsStatusAdvances(SmsStatus current, SmsStatus next);

// Twilio's error code for a recipient who replied STOP: the number is unsubscribed.
inline constexpr int kProviderUnsubscribed = 21610;

// When to try a text again after a fault (the provider unreachable, 429, 5xx): after 30 s, 2 min,
// 10 min, then 30 min; nullopt after kMaxSmsAttempts attempts (it is failed). `attempts`: how
// many have been made, at least 1.
inline constexpr int kMaxSmsAttempts = 5;
std::optional<std::chrono::seconds> SmsRetryDelay(int attempts);

// The longest text we send: ten concatenated segments (Twilio takes up to 1600 characters, but
// a text that long arrives in pieces on many phones).
inline constexpr std::size_t kMaxSmsLength = 918;

// A text an agent typed or a template produced: trimmed, 1 to kMaxSmsLength characters, valid
// UTF-8, no control characters but line breaks. Returns it trimmed. Errors: kInvalidArgument
// naming `field`.
Result<std::string> CheckSmsBody(std::string_view text, const std::string& field);

// What an incoming text says about consent (product.md §7), judged on the whole message, case-
// and space-insensitive: an opt-out keyword (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT,
// OPTOUT, REVOKE), an opt-in (START, UNSTOP), or a message that merely mentions stopping ("please
// stop texting me"), which an agent must read.
enum class InboundConsent { kNone, kOptOut, kOptIn, kMentionsStop };
InboundConsent ClassifyInbound(std::string_view text);
std::string_view InboundConsentName(InboundConsent consent);  // "none", "opt_out", ...
std::optional<InboundConsent> ParseInboundConsent(std::string_view name);

}  // namespace dialler::domain
