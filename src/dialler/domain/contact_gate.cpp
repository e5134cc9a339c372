#include "dialler/domain/contact_gate.hpp"

#include <algorithm>

namespace dialler::domain {

namespace {

using std::chrono::days;
using std::chrono::sys_seconds;

std::chrono::local_days UkDay(sys_seconds t) {
    return std::chrono::floor<days>(ToUkLocal(t));
}

// Instants in `times` on the same UK calendar day as `now`, sorted.
std::vector<sys_seconds> SameUkDay(const std::vector<sys_seconds>& times, sys_seconds now) {
    std::vector<sys_seconds> out;
    const auto today = UkDay(now);
    std::copy_if(times.begin(), times.end(), std::back_inserter(out), [&](sys_seconds t) {
        return t <= now && UkDay(t) == today;
    });
    std::sort(out.begin(), out.end());
    return out;
}

// The first instant of the next UK day after `now`.
std::optional<sys_seconds> NextUkMidnight(sys_seconds now) {
    for (int hour = 0; hour < 3; ++hour) {  // midnight never falls in a UK clock change
        if (auto t = FromUkLocal(UkDay(now) + days{1} + std::chrono::hours{hour})) {
            return t;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view GateReasonCode(GateReason reason) {
    switch (reason) {
        case GateReason::kOutsideWindow:
            return "outside_calling_window";
        case GateReason::kSuppressed:
            return "suppressed";
        case GateReason::kNoValidPhone:
            return "no_valid_phone";
        case GateReason::kNotDialable:
            return "number_not_dialable";
        case GateReason::kNotMobile:
            return "not_a_mobile";
        case GateReason::kBadNumber:
            return "bad_number";
        case GateReason::kClosed:
            return "lead_closed";
        case GateReason::kDailyCap:
            return "daily_cap_reached";
        case GateReason::kWeeklyCap:
            return "weekly_cap_reached";
        case GateReason::kTooSoon:
            return "too_soon";
    }
    return "unknown";
}

namespace {

// Collects denials and the latest instant any temporary one ends.
struct Verdict {
    std::vector<GateDenial> denials;
    bool permanent = false;
    sys_seconds retry;

    void Deny(GateReason reason, std::string message) {
        denials.push_back(GateDenial{reason, std::move(message)});
    }
    void DenyForever(GateReason reason, std::string message) {
        Deny(reason, std::move(message));
        permanent = true;
    }
    void Until(std::optional<sys_seconds> t) {
        if (t && *t > retry) {
            retry = *t;
        }
    }
};

void CheckNumber(Channel channel, const ContactSubject& subject, Verdict& v) {
    if (subject.suppressed) {
        v.DenyForever(GateReason::kSuppressed, "The customer is on the do-not-contact list.");
    }
    if (subject.closed) {
        v.DenyForever(GateReason::kClosed, "This customer's lead is closed.");
    }
    if (!subject.phone) {
        v.DenyForever(GateReason::kNoValidPhone, "The customer has no valid phone number.");
    } else if (channel == Channel::kCall && !IsUkDialable(*subject.phone)) {
        v.DenyForever(GateReason::kNotDialable, "The number is not a UK number we may call.");
    } else if (channel == Channel::kSms && !IsUkTextable(*subject.phone)) {
        v.DenyForever(GateReason::kNotMobile, "Texts go only to UK mobile numbers.");
    }
    if (channel == Channel::kCall && subject.bad_number) {
        v.DenyForever(
            GateReason::kBadNumber, "The number was reported bad; waiting for a new number."
        );
    }
}

void CheckDailyCap(
    const std::vector<sys_seconds>& contacts,
    int cap,
    std::string_view verb,
    sys_seconds now,
    Verdict& v
) {
    const auto today = SameUkDay(contacts, now);
    if (static_cast<int>(today.size()) >= cap) {
        v.Deny(
            GateReason::kDailyCap,
            "Already " + std::string(verb) + " " + std::to_string(today.size()) +
                " times today (limit " + std::to_string(cap) + ")."
        );
        v.Until(NextUkMidnight(now));
    }
}

void CheckCallFrequency(
    const ContactSubject& subject, const ContactCaps& caps, sys_seconds now, Verdict& v
) {
    CheckDailyCap(subject.recent_calls, caps.calls_per_day, "called", now, v);
    std::vector<sys_seconds> week;
    std::copy_if(
        subject.recent_calls.begin(),
        subject.recent_calls.end(),
        std::back_inserter(week),
        [&](auto t) { return t <= now && t > now - days{7}; }
    );
    std::sort(week.begin(), week.end());
    const int weekly = caps.calls_per_7_days;
    if (weekly > 0 && static_cast<int>(week.size()) >= weekly) {
        v.Deny(
            GateReason::kWeeklyCap,
            "Already called " + std::to_string(week.size()) + " times in 7 days (limit " +
                std::to_string(weekly) + ")."
        );
        // Allowed again when enough attempts have left the 7-day window.
        v.Until(week[week.size() - static_cast<std::size_t>(weekly)] + days{7});
    }
    if (subject.next_call_at && *subject.next_call_at > now) {
        v.Deny(GateReason::kTooSoon, "The last outcome asked to wait before calling again.");
        v.Until(subject.next_call_at);
    }
}

}  // namespace

GateDecision DecideContact(
    Channel channel, const ContactSubject& subject, const GateRules& rules, sys_seconds now
) {
    Verdict v{{}, false, now};
    const WindowCheck window = CheckCallingWindow(now, rules.windows);
    if (!window.open) {
        v.Deny(GateReason::kOutsideWindow, "Outside the calling window: " + window.reason + ".");
        v.Until(window.next_open);
    }
    CheckNumber(channel, subject, v);
    if (channel == Channel::kCall) {
        CheckCallFrequency(subject, rules.caps, now, v);
    } else {
        CheckDailyCap(subject.recent_sms, rules.caps.sms_per_day, "texted", now, v);
    }
    GateDecision d;
    d.allowed = v.denials.empty();
    d.denials = std::move(v.denials);
    if (!d.allowed && !v.permanent) {
        // A cap or delay may end outside the window: the contact is possible at the first window
        // opening from then on.
        d.retry_at = NextWindowOpening(v.retry, rules.windows);
    }
    return d;
}

}  // namespace dialler::domain
