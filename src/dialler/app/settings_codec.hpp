#pragma once

#include <map>
#include <string>

#include "dialler/app/queue_settings.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// QueueSettings as flat key -> text pairs: how they are stored (one row per key) and how the
// admin API shows and changes them. One definition of every key, its format and its validation.
//
// Keys (values in brackets):
//   score.unsignedBase, score.outstandingBase, score.unknownLenderPoints, score.unknownAgePoints,
//   score.pointsPerWaitingDay, score.maxWaitingPoints, score.pointsPerAttempt,
//   score.giveUpThreshold                                   [whole number]
//   score.ageBands                                          ["18-24:6,25-34:2,..."]
//   lender.<code>                                           [whole number; lender importance]
//   eligibility.inactiveUserStatuses, eligibility.closedClaimStatuses,
//   eligibility.pendingRequirementStatuses                  ["a,b,c"]
//   eligibility.excludedRequirements                        ["type;type=exact reason;..."]
//   window.mon ... window.sun                               ["08:00-20:00" | "closed"]
//   window.bankHolidays     ["closed" | "open"]: England & Wales bank holidays, by rule, any year
//   window.closedDays       ["2026-06-02,..."]: one-off closures (a jubilee, a funeral)
//   window.openDays         ["2026-08-31,..."]: bank holidays the floor works anyway
//   caps.callsPerDay, caps.callsPer7Days, caps.smsPerDay    [whole number]
//   outcome.<code>.score                                    [whole number]
//   outcome.<code>.nextCallMinutes                          [whole number | "" = the outcome's own
//   rule] lease.seconds, callback.graceMinutes, conversion.creditDays [whole number]
//   autoDial.countdownSeconds (3-60), autoDial.maxCallsPerSession (1-1000),
//   autoDial.breakReminderMinutes (15-600)                  [whole number]
//   inbound.outOfHoursMessage                               [text, 1-500 characters, one line]
//   inbound.ringSeconds (10-60)                             [whole number]
//   inbound.voicemail                                       ["on" | "off"]
//   alerts.ringingSeconds (20-600), alerts.breakMinutes (5-240) [whole number; floor board]
//   retention.callDays, retention.textDays, retention.noteDays,
//   retention.linkClickDays (30-3650)                        [whole number of days]
using SettingsMap = std::map<std::string, std::string>;

SettingsMap EncodeSettings(const QueueSettings& settings);

// Applies `values` on top of `base`. Errors: kInvalidArgument with field = the key, for an
// unknown key or a value that does not parse or is out of range.
Result<QueueSettings> DecodeSettings(
    const SettingsMap& values, const QueueSettings& base = QueueSettings::Defaults()
);

}  // namespace dialler::app
