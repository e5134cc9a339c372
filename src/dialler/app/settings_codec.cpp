#include "dialler/app/settings_codec.hpp"

#include <array>
#include <charconv>
#include <cstdio>

#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

constexpr std::array<std::string_view, 7> kDays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::string Join(const std::vector<std::string>& items, char sep) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) {
            out += sep;
        }
        out += i;
    }
    return out;
}

std::vector<std::string> List(std::string_view text, char sep) {
    std::vector<std::string> out;
    for (std::string_view part : Split(text, sep)) {
        if (!Trim(part).empty()) {
            out.emplace_back(Trim(part));
        }
    }
    return out;
}

std::string Clock(std::chrono::minutes m) {
    std::array<char, 8> buf{};
    std::snprintf(
        buf.data(),
        buf.size(),
        "%02d:%02d",
        static_cast<int>(m.count() / 60),
        static_cast<int>(m.count() % 60)
    );
    return buf.data();
}

// The shortest wait an outcome may impose before the next call (a gap of minutes is no gap).
constexpr int kMinNextCallMinutes = 30;

tl::unexpected<Error> Bad(const std::string& key, const std::string& why) {
    return InvalidField(key, key + " " + why);
}

Result<int> Int(const std::string& key, std::string_view text, int min, int max) {
    int v = 0;
    const std::string_view t = Trim(text);
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc{} || ptr != t.data() + t.size() || v < min || v > max) {
        return Bad(
            key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)
        );
    }
    return v;
}

std::optional<std::chrono::minutes> ParseClock(std::string_view t) {
    t = Trim(t);
    if (t.size() != 5 || t[2] != ':') {
        return std::nullopt;
    }
    int h = 0;
    int m = 0;
    if (std::from_chars(t.data(), t.data() + 2, h).ec != std::errc{} ||
        std::from_chars(t.data() + 3, t.data() + 5, m).ec != std::errc{} || h > 24 || m > 59 ||
        (h == 24 && m != 0)) {
        return std::nullopt;
    }
    return std::chrono::hours{h} + std::chrono::minutes{m};
}

Status DecodeWindow(
    const std::string& key,
    std::string_view text,
    const domain::DayWindow& limits,
    std::optional<domain::DayWindow>& out
) {
    if (AsciiLower(Trim(text)) == "closed") {
        out.reset();
        return Ok();
    }
    const auto dash = text.find('-');
    const auto open =
        dash == std::string_view::npos ? std::nullopt : ParseClock(text.substr(0, dash));
    const auto close =
        dash == std::string_view::npos ? std::nullopt : ParseClock(text.substr(dash + 1));
    if (!open || !close || *open >= *close) {
        return Bad(key, "must be HH:MM-HH:MM (opening before closing) or closed");
    }
    if (*open < limits.open || *close > limits.close) {
        return Bad(
            key,
            "must lie within " + Clock(limits.open) + "-" + Clock(limits.close) +
                " (the calling hours the configuration allows)"
        );
    }
    out = domain::DayWindow{*open, *close};
    return Ok();
}

Status DecodeDays(
    const std::string& key, std::string_view text, std::vector<std::chrono::year_month_day>& out
) {
    out.clear();
    for (const std::string& d : List(text, ',')) {
        const auto ymd = ParseDate(d);
        if (!ymd) {
            return Bad(key, "must be a comma-separated list of YYYY-MM-DD dates");
        }
        out.push_back(*ymd);
    }
    return Ok();
}

Status DecodeAgeBands(
    const std::string& key, std::string_view text, std::vector<domain::AgeBand>& out
) {
    out.clear();
    for (const std::string& band : List(text, ',')) {
        const auto dash = band.find('-');
        const auto colon = band.find(':');
        if (dash == std::string::npos || colon == std::string::npos || colon < dash) {
            return Bad(key, "must be a list of min-max:points, e.g. 18-24:6,25-34:2");
        }
        DIALLER_ASSIGN_OR_RETURN(
            const int min, Int(key, std::string_view(band).substr(0, dash), 0, 200)
        );
        DIALLER_ASSIGN_OR_RETURN(
            const int max,
            Int(key, std::string_view(band).substr(dash + 1, colon - dash - 1), 0, 200)
        );
        DIALLER_ASSIGN_OR_RETURN(
            const int points, Int(key, std::string_view(band).substr(colon + 1), -1000, 1000)
        );
        if (min > max) {
            return Bad(key, "has a band whose minimum is above its maximum");
        }
        out.push_back(domain::AgeBand{min, max, points});
    }
    return Ok();
}

std::string EncodeExclusions(const std::vector<domain::RequirementExclusion>& list) {
    std::string out;
    for (const auto& ex : list) {
        if (!out.empty()) {
            out += ';';
        }
        out += ex.type;
        if (ex.only_with_reason) {
            out += '=' + *ex.only_with_reason;
        }
    }
    return out;
}

std::vector<domain::RequirementExclusion> DecodeExclusions(std::string_view text) {
    std::vector<domain::RequirementExclusion> out;
    for (std::string_view part : Split(text, ';')) {
        if (Trim(part).empty()) {
            continue;
        }
        const auto eq = part.find('=');
        if (eq == std::string_view::npos) {
            out.push_back({std::string(Trim(part)), std::nullopt});
        } else {
            // The reason is kept exactly (trailing full stop and all): it is compared exactly.
            out.push_back({std::string(Trim(part.substr(0, eq))), std::string(part.substr(eq + 1))}
            );
        }
    }
    return out;
}

}  // namespace

SettingsMap EncodeSettings(const QueueSettings& s) {
    SettingsMap m;
    const auto& w = s.scoring;
    m["score.unsignedBase"] = std::to_string(w.unsigned_base);
    m["score.outstandingBase"] = std::to_string(w.outstanding_base);
    m["score.unknownLenderPoints"] = std::to_string(w.unknown_lender_points);
    m["score.unknownAgePoints"] = std::to_string(w.unknown_age_points);
    m["score.pointsPerWaitingDay"] = std::to_string(w.points_per_waiting_day);
    m["score.maxWaitingPoints"] = std::to_string(w.max_waiting_points);
    m["score.pointsPerAttempt"] = std::to_string(w.points_per_attempt);
    m["score.giveUpThreshold"] = std::to_string(w.give_up_threshold);
    std::vector<std::string> bands;
    for (const auto& b : w.age_bands) {
        bands.push_back(
            std::to_string(b.min_age) + "-" + std::to_string(b.max_age) + ":" +
            std::to_string(b.points)
        );
    }
    m["score.ageBands"] = Join(bands, ',');
    for (const auto& [code, points] : w.lender_points) {
        m["lender." + code] = std::to_string(points);
    }
    m["eligibility.inactiveUserStatuses"] = Join(s.eligibility.inactive_user_statuses, ',');
    m["eligibility.closedClaimStatuses"] = Join(s.eligibility.closed_claim_statuses, ',');
    m["eligibility.pendingRequirementStatuses"] =
        Join(s.eligibility.pending_requirement_statuses, ',');
    m["eligibility.excludedRequirements"] = EncodeExclusions(s.eligibility.excluded_requirements);
    for (std::size_t d = 0; d < kDays.size(); ++d) {
        const auto& day = s.gate.windows.by_weekday.at(d);
        m["window." + std::string(kDays.at(d))] =
            day ? Clock(day->open) + "-" + Clock(day->close) : "closed";
    }
    const auto dates = [](const std::vector<std::chrono::year_month_day>& list) {
        std::vector<std::string> out;
        out.reserve(list.size());
        for (const auto& d : list) {
            out.push_back(FormatDate(d));
        }
        return Join(out, ',');
    };
    m["window.bankHolidays"] = s.gate.windows.close_bank_holidays ? "closed" : "open";
    m["window.closedDays"] = dates(s.gate.windows.closed_days);
    m["window.openDays"] = dates(s.gate.windows.open_days);
    m["caps.callsPerDay"] = std::to_string(s.gate.caps.calls_per_day);
    m["caps.callsPer7Days"] = std::to_string(s.gate.caps.calls_per_7_days);
    m["caps.smsPerDay"] = std::to_string(s.gate.caps.sms_per_day);
    for (const auto& r : s.outcomes.rules) {
        const std::string prefix = "outcome." + std::string(domain::OutcomeCode(r.outcome));
        m[prefix + ".score"] = std::to_string(r.score_adjustment);
        m[prefix + ".nextCallMinutes"] =
            r.next_call_after ? std::to_string(r.next_call_after->count()) : "";
    }
    m["lease.seconds"] = std::to_string(s.lease_duration.count());
    m["callback.graceMinutes"] = std::to_string(s.callback_grace.count());
    m["callback.maxFailedTries"] = std::to_string(s.callback_max_failed_tries);
    m["conversion.creditDays"] = std::to_string(s.conversion_credit_window.count());
    m["autoDial.countdownSeconds"] = std::to_string(s.auto_dial.countdown.count());
    m["autoDial.maxCallsPerSession"] = std::to_string(s.auto_dial.max_calls_per_session);
    m["autoDial.breakReminderMinutes"] = std::to_string(s.auto_dial.break_reminder.count());
    m["inbound.outOfHoursMessage"] = s.inbound.out_of_hours_message;
    m["inbound.ringSeconds"] = std::to_string(s.inbound.ring.count());
    m["inbound.voicemail"] = s.inbound.voicemail ? "on" : "off";
    m["alerts.ringingSeconds"] = std::to_string(s.alerts.ringing_long.count());
    m["alerts.breakMinutes"] = std::to_string(s.alerts.break_long.count());
    m["retention.callDays"] = std::to_string(s.retention.calls.count());
    m["retention.textDays"] = std::to_string(s.retention.texts.count());
    m["retention.noteDays"] = std::to_string(s.retention.notes.count());
    m["retention.linkClickDays"] = std::to_string(s.retention.link_clicks.count());
    return m;
}

namespace {

Result<bool> DecodeAutoDialKey(const std::string& key, const std::string& v, AutoDialSettings& a) {
    if (key == "autoDial.countdownSeconds") {
        DIALLER_ASSIGN_OR_RETURN(const int secs, Int(key, v, 3, 60));
        a.countdown = std::chrono::seconds{secs};
        return true;
    }
    if (key == "autoDial.maxCallsPerSession") {
        DIALLER_ASSIGN_OR_RETURN(a.max_calls_per_session, Int(key, v, 1, 1000));
        return true;
    }
    if (key == "autoDial.breakReminderMinutes") {
        DIALLER_ASSIGN_OR_RETURN(const int mins, Int(key, v, 15, 600));
        a.break_reminder = std::chrono::minutes{mins};
        return true;
    }
    return false;
}

Result<bool> DecodeInboundKey(const std::string& key, const std::string& v, InboundSettings& in) {
    if (key == "inbound.outOfHoursMessage") {
        const std::string_view text = Trim(v);
        DIALLER_RETURN_IF_ERROR(CheckText(text, key, 2000, ControlChars::kNone));
        if (text.empty() || CodePoints(text) > 500) {
            return Bad(key, "must be one line of text, 1 to 500 characters");
        }
        in.out_of_hours_message = std::string(text);
        return true;
    }
    if (key == "inbound.ringSeconds") {
        DIALLER_ASSIGN_OR_RETURN(const int secs, Int(key, v, 10, 60));
        in.ring = std::chrono::seconds{secs};
        return true;
    }
    if (key == "inbound.voicemail") {
        if (v != "on" && v != "off") {
            return Bad(key, "must be on or off");
        }
        in.voicemail = v == "on";
        return true;
    }
    return false;
}

Result<bool> DecodeAlertKey(const std::string& key, const std::string& v, FloorAlertSettings& a) {
    if (key == "alerts.ringingSeconds") {
        DIALLER_ASSIGN_OR_RETURN(const int secs, Int(key, v, 20, 600));
        a.ringing_long = std::chrono::seconds{secs};
        return true;
    }
    if (key == "alerts.breakMinutes") {
        DIALLER_ASSIGN_OR_RETURN(const int mins, Int(key, v, 5, 240));
        a.break_long = std::chrono::minutes{mins};
        return true;
    }
    return false;
}

Result<bool> DecodeRetentionKey(
    const std::string& key, const std::string& v, RetentionSettings& r
) {
    const std::array<std::pair<const char*, std::chrono::days*>, 4> keys{{
        {"retention.callDays", &r.calls},
        {"retention.textDays", &r.texts},
        {"retention.noteDays", &r.notes},
        {"retention.linkClickDays", &r.link_clicks},
    }};
    for (const auto& [name, field] : keys) {
        if (key == name) {
            // At least a month: a slip of the keyboard must not wipe last week's records.
            DIALLER_ASSIGN_OR_RETURN(const int days, Int(key, v, 30, 3650));
            *field = std::chrono::days{days};
            return true;
        }
    }
    return false;
}

Result<bool> DecodeWindowKey(const std::string& key, const std::string& v, QueueSettings& s) {
    for (std::size_t d = 0; d < kDays.size(); ++d) {
        if (key == "window." + std::string(kDays.at(d))) {
            DIALLER_RETURN_IF_ERROR(
                DecodeWindow(key, v, s.window_limits, s.gate.windows.by_weekday.at(d))
            );
            return true;
        }
    }
    if (key == "window.closedDays") {
        DIALLER_RETURN_IF_ERROR(DecodeDays(key, v, s.gate.windows.closed_days));
        return true;
    }
    if (key == "window.openDays") {
        DIALLER_RETURN_IF_ERROR(DecodeDays(key, v, s.gate.windows.open_days));
        return true;
    }
    if (key == "window.bankHolidays") {
        const std::string mode = AsciiLower(Trim(v));
        if (mode != "closed" && mode != "open") {
            return Bad(key, "must be closed or open");
        }
        s.gate.windows.close_bank_holidays = mode == "closed";
        return true;
    }
    return false;
}

Result<bool> DecodeOutcomeKey(const std::string& key, const std::string& v, QueueSettings& s) {
    for (auto& r : s.outcomes.rules) {
        const std::string prefix = "outcome." + std::string(domain::OutcomeCode(r.outcome));
        if (key == prefix + ".score") {
            DIALLER_ASSIGN_OR_RETURN(r.score_adjustment, Int(key, v, -1000, 1000));
            return true;
        }
        if (key == prefix + ".nextCallMinutes") {
            // The gap before the next call. An outcome that has one by rule keeps one: at
            // least kMinNextCallMinutes, never turned off by clearing it.
            const bool has_gap =
                domain::OutcomeTable::Defaults().For(r.outcome).next_call_after.has_value();
            if (Trim(v).empty() && has_gap) {
                return Bad(key, "cannot be empty: this outcome always waits before the next call");
            }
            if (Trim(v).empty()) {
                r.next_call_after.reset();
            } else {
                DIALLER_ASSIGN_OR_RETURN(
                    const int mins, Int(key, v, kMinNextCallMinutes, 366 * 24 * 60)
                );
                r.next_call_after = std::chrono::minutes{mins};
            }
            return true;
        }
    }
    return false;
}

// Decodes one key into `s`; false if the key is not one of ours.
Result<bool> DecodeKey(const std::string& key, const std::string& v, QueueSettings& s) {
    auto& w = s.scoring;
    const std::map<std::string_view, int*> ints{
        {"score.unsignedBase", &w.unsigned_base},
        {"score.outstandingBase", &w.outstanding_base},
        {"score.unknownLenderPoints", &w.unknown_lender_points},
        {"score.unknownAgePoints", &w.unknown_age_points},
        {"score.pointsPerWaitingDay", &w.points_per_waiting_day},
        {"score.maxWaitingPoints", &w.max_waiting_points},
        {"score.pointsPerAttempt", &w.points_per_attempt},
        {"score.giveUpThreshold", &w.give_up_threshold},
    };
    if (const auto it = ints.find(key); it != ints.end()) {
        DIALLER_ASSIGN_OR_RETURN(*it->second, Int(key, v, -1000, 100000));
        return true;
    }
    // Compliance caps: never off, never absurd (product.md §8).
    const std::map<std::string_view, std::pair<int*, int>> caps{
        {"caps.callsPerDay", {&s.gate.caps.calls_per_day, 10}},
        {"caps.callsPer7Days", {&s.gate.caps.calls_per_7_days, 50}},
        {"caps.smsPerDay", {&s.gate.caps.sms_per_day, 10}},
    };
    if (const auto it = caps.find(key); it != caps.end()) {
        DIALLER_ASSIGN_OR_RETURN(*it->second.first, Int(key, v, 1, it->second.second));
        return true;
    }
    if (key == "score.ageBands") {
        DIALLER_RETURN_IF_ERROR(DecodeAgeBands(key, v, w.age_bands));
        return true;
    }
    if (key.starts_with("lender.") && key.size() > 7) {
        DIALLER_ASSIGN_OR_RETURN(
            w.lender_points[AsciiLower(key.substr(7))], Int(key, v, -1000, 1000)
        );
        return true;
    }
    if (key == "eligibility.inactiveUserStatuses" || key == "eligibility.closedClaimStatuses" ||
        key == "eligibility.pendingRequirementStatuses") {
        auto& list =
            key == "eligibility.inactiveUserStatuses"  ? s.eligibility.inactive_user_statuses
            : key == "eligibility.closedClaimStatuses" ? s.eligibility.closed_claim_statuses
                                                       : s.eligibility.pending_requirement_statuses;
        list = List(v, ',');
        return true;
    }
    if (key == "eligibility.excludedRequirements") {
        s.eligibility.excluded_requirements = DecodeExclusions(v);
        return true;
    }
    if (key.starts_with("window.")) {
        return DecodeWindowKey(key, v, s);
    }
    if (key == "lease.seconds") {
        DIALLER_ASSIGN_OR_RETURN(const int secs, Int(key, v, 30, 3600));
        s.lease_duration = std::chrono::seconds{secs};
        return true;
    }
    if (key == "callback.graceMinutes") {
        DIALLER_ASSIGN_OR_RETURN(const int mins, Int(key, v, 0, 24 * 60));
        s.callback_grace = std::chrono::minutes{mins};
        return true;
    }
    if (key == "callback.maxFailedTries") {
        DIALLER_ASSIGN_OR_RETURN(s.callback_max_failed_tries, Int(key, v, 1, 20));
        return true;
    }
    if (key == "conversion.creditDays") {
        DIALLER_ASSIGN_OR_RETURN(const int days, Int(key, v, 1, 365));
        s.conversion_credit_window = std::chrono::days{days};
        return true;
    }
    if (key.starts_with("outcome.")) {
        return DecodeOutcomeKey(key, v, s);
    }
    if (key.starts_with("autoDial.")) {
        return DecodeAutoDialKey(key, v, s.auto_dial);
    }
    if (key.starts_with("inbound.")) {
        return DecodeInboundKey(key, v, s.inbound);
    }
    if (key.starts_with("alerts.")) {
        return DecodeAlertKey(key, v, s.alerts);
    }
    if (key.starts_with("retention.")) {
        return DecodeRetentionKey(key, v, s.retention);
    }
    return false;
}

}  // namespace

Result<QueueSettings> DecodeSettings(const SettingsMap& values, const QueueSettings& base) {
    QueueSettings s = base;
    for (const auto& [key, value] : values) {
        DIALLER_ASSIGN_OR_RETURN(const bool known, DecodeKey(key, value, s));
        if (!known) {
            return Bad(key, "is not a setting");
        }
    }
    if (s.gate.caps.calls_per_7_days < s.gate.caps.calls_per_day) {
        return Bad("caps.callsPer7Days", "must be at least caps.callsPerDay");
    }
    return s;
}

}  // namespace dialler::app
