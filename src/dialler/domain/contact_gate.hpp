#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/domain/calling_window.hpp"
#include "dialler/domain/phone.hpp"

namespace dialler::domain {

enum class Channel { kCall, kSms };

// Frequency caps per customer across all agents (product.md §8).
struct ContactCaps {
    int calls_per_day = 3;     // per UK calendar day
    int calls_per_7_days = 7;  // rolling
    int sms_per_day = 3;       // per UK calendar day
};

struct GateRules {
    CallingWindows windows = CallingWindows::Defaults();
    ContactCaps caps;
};

// What the gate knows about the customer and their recent contacts (any agent, any instance).
struct ContactSubject {
    std::optional<PhoneNumber> phone;  // nullopt: no valid number
    bool suppressed = false;           // on the suppression list for this channel (or all)
    bool bad_number = false;           // flagged bad and the replica's number has not changed
    bool closed = false;               // no_claim / do_not_contact: never again
    std::vector<std::chrono::sys_seconds> recent_calls;    // attempts in the last 7 days at least
    std::vector<std::chrono::sys_seconds> recent_sms;      // texts sent since yesterday at least
    std::optional<std::chrono::sys_seconds> next_call_at;  // from the last outcome
};

enum class GateReason {
    kOutsideWindow,
    kSuppressed,
    kNoValidPhone,
    kNotDialable,
    kNotMobile,
    kBadNumber,
    kClosed,
    kDailyCap,
    kWeeklyCap,
    kTooSoon,
};

std::string_view GateReasonCode(GateReason reason);

struct GateDenial {
    GateReason reason;
    std::string message;  // for the agent and the audit log
};

struct GateDecision {
    bool allowed = false;
    std::vector<GateDenial> denials;  // empty when allowed; every reason that applies otherwise
    // When every denial is temporary: the earliest instant the contact could be allowed.
    std::optional<std::chrono::sys_seconds> retry_at;
};

// THE contact gate: whether a call or a text to this customer may happen at `now` (product.md §8).
// Every path (next lead, manual dial, callback, power dial, SMS, machine agent) asks it; the app
// layer logs the decision. Pure.
GateDecision DecideContact(
    Channel channel,
    const ContactSubject& subject,
    const GateRules& rules,
    std::chrono::sys_seconds now
);

}  // namespace dialler::domain
