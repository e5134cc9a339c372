#pragma once

#include <chrono>
#include <utility>

#include "dialler/domain/contact_gate.hpp"
#include "dialler/domain/eligibility.hpp"
#include "dialler/domain/outcomes.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::app {

// Every rule setting of the queue engine, in one value: services take a copy at the start of a
// run or request, so a change applies from the next discovery run and never half-way.
// Auto mode (power dialling, product.md §6): what the agent's screen does between calls.
struct AutoDialSettings {
    std::chrono::seconds countdown{10};        // from the next customer loaded to the dial
    int max_calls_per_session = 150;           // auto mode stops after this many calls
    std::chrono::minutes break_reminder{120};  // "time for a break" after this long working
};

// Customers calling our number (product.md §6).
struct InboundSettings {
    // What a caller hears outside the calling hours (the firm's opening hours).
    std::string out_of_hours_message =
        "Thank you for calling. Our team is available Monday to Friday from 8am to 8pm and on "
        "Saturdays from 9am to 5pm. We will call you back when we open.";
    std::chrono::seconds ring{20};  // an agent's browser rings this long, then it is a missed call
    bool voicemail = true;          // a missed caller may leave a message with their callback
};

// When the floor board raises an alert about one agent (product.md §10).
struct FloorAlertSettings {
    std::chrono::seconds ringing_long{60};  // a call ringing (not answered) longer than this
    std::chrono::minutes break_long{30};    // an agent on a break longer than this
    bool operator==(const FloorAlertSettings&) const = default;
};

// How long personal content is kept before the daily retention job clears it (product.md §11;
// docs/security.md "Data protection: retention and legal holds"). Customers under a legal hold are
// skipped.
struct RetentionSettings {
    std::chrono::days calls{2190};       // call numbers, recordings and voicemails
    std::chrono::days texts{2190};       // text bodies and numbers, both ways
    std::chrono::days notes{2190};       // agents' notes on outcomes and closed callbacks
    std::chrono::days link_clicks{365};  // the browser details of magic-link opens
    bool operator==(const RetentionSettings&) const = default;
};

struct QueueSettings {
    domain::EligibilityRules eligibility;
    domain::ScoreWeights scoring;
    domain::GateRules gate;
    domain::OutcomeTable outcomes = domain::OutcomeTable::Defaults();
    std::chrono::seconds lease_duration{120};  // a held lead returns unless heartbeated
    std::chrono::minutes callback_grace{15};   // then any allowed agent may take it
    // Unanswered tries (no answer, voicemail, hung up) before a callback goes to the team.
    int callback_max_failed_tries = 3;
    // The outer bounds of calling hours on any day: from configuration (CALLING_HOURS_LIMITS),
    // never from the settings an admin edits. Window settings outside them are refused.
    domain::DayWindow window_limits = domain::kWidestCallingHours;
    std::chrono::days conversion_credit_window{14};  // agents credited with a conversion
    AutoDialSettings auto_dial;
    InboundSettings inbound;
    FloorAlertSettings alerts;
    RetentionSettings retention;

    // The seeded defaults: product.md §3, §5, §6, §8, with the lender importance table.
    static QueueSettings Defaults();
};

// Where services get the current settings. Thread-safe.
class SettingsProvider {
public:
    virtual ~SettingsProvider() = default;
    virtual QueueSettings Current() const = 0;
};

// Settings fixed at construction (the seeded defaults until the settings store arrives; tests).
class FixedSettingsProvider final : public SettingsProvider {
public:
    explicit FixedSettingsProvider(QueueSettings settings = QueueSettings::Defaults())
        : settings_(std::move(settings)) {}
    QueueSettings Current() const override { return settings_; }

private:
    QueueSettings settings_;
};

}  // namespace dialler::app
