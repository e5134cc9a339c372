#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dialler/app/agent_day.hpp"
#include "dialler/app/agent_status_store.hpp"
#include "dialler/app/agent_store.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/funnel.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// A range of whole UK days, both ends included (docs/metrics.md "Analytics").
struct UkDayRange {
    std::chrono::sys_days first;  // the UK calendar dates, as dates
    std::chrono::sys_days last;
    Timestamp from;  // UK midnight starting `first`
    Timestamp to;    // UK midnight after `last`
};

// Errors: kInvalidArgument naming "to" when it is before `first` or the range is longer than
// `max_days`.
Result<UkDayRange> MakeUkDayRange(
    std::chrono::year_month_day first, std::chrono::year_month_day last, int max_days
);

// The UK day and hour (0-23, UK local) an instant falls in: where a call is counted by day
// and by hour.
struct UkDayHour {
    std::chrono::sys_days day;  // the UK calendar date, as a date
    int hour = 0;
};
UkDayHour UkDayHourOf(Timestamp t);

struct DayFigures {
    std::chrono::sys_days day;
    AgentDay calls;  // SumAgentDay over the calls started that UK day (links not counted)
    int conversions = 0;
};

struct HourFigures {
    int hour = 0;  // UK local hour of the call's start
    AgentDay calls;
};

// Time spent in each status within the range (seconds), from the status timeline.
struct StatusTime {
    std::int64_t available = 0;
    std::int64_t on_call = 0;
    std::int64_t wrap_up = 0;
    std::int64_t on_break = 0;
    int logins = 0;
    std::int64_t SignedIn() const { return available + on_call + wrap_up + on_break; }
    std::int64_t Busy() const { return on_call + wrap_up; }
};

struct AgentFigures {
    domain::Agent agent;
    AgentDay calls;  // SumAgentDay over their calls in the range
    StatusTime status;
    std::optional<double> average_gap_seconds;  // between one call's end and their next call
    int conversions = 0;
    // Ratios over the signed-in time; nullopt when they were never signed in.
    std::optional<double> CallsPerHour() const;
    std::optional<double> TalkShare() const;
    std::optional<double> Utilisation() const;
};

// Calls by the lead's score when they were placed (docs/metrics.md "Score-band mix").
struct BandFigures {
    std::string_view band;  // one of domain::kScoreBands
    AgentDay calls;
};

struct AnalyticsReport {
    UkDayRange range;
    AgentDay totals;
    int conversions = 0;
    std::vector<DayFigures> days;  // every day of the range
    std::array<HourFigures, 24> hours{};
    std::map<std::string, int> outcomes;   // every outcome code, zeros included
    std::vector<AgentFigures> agents;      // by name
    std::vector<FunnelFigures> funnel;     // unsigned, outstanding
    std::vector<BandFigures> score_bands;  // every band, hottest first, "none" last
};

// One agent's status changes (oldest first; the last one before the range gives the status at
// its start) summed over [from, until): each status lasts until the next change.
StatusTime SumStatusTime(
    std::span<const AgentStatusEntry> timeline, Timestamp from, Timestamp until
);

// The mean gap between one call's end and the same agent's next call on the same UK day;
// nullopt with fewer than two calls. `calls` in any order.
std::optional<double> AverageGapSeconds(std::span<const CallSession> calls);

// The report from the calls started in the range, each agent's status timeline, the
// conversions recorded in it and the funnel's facts (pure; docs/metrics.md "Analytics").
struct AnalyticsInputs {
    UkDayRange range;
    Timestamp now;  // time after it is not counted as signed in
    std::span<const CallSession> calls;
    std::span<const Conversion> conversions;
    std::vector<domain::Agent> agents;
    std::map<std::int64_t, std::vector<AgentStatusEntry>> timelines;  // by agent id
    FunnelFacts funnel;
};
AnalyticsReport BuildAnalytics(AnalyticsInputs inputs);

// Reads what a report needs (one query for the calls, one for conversions, one per agent for
// their timeline, three for the funnel). Thread-safe; blocking.
class AnalyticsService {
public:
    struct Ports {
        AgentStore& agents;
        AgentStatusStore& statuses;
        CallSessionStore& calls;
        DiscoveryStore& discovery;
        FunnelStore& funnel;
        const Clock& clock;
    };
    explicit AnalyticsService(Ports ports) : ports_(ports) {}

    static constexpr int kMaxDays = 92;
    static constexpr int kMaxCalls = 500000;
    // How far before the range a status change is looked for (the status at its start).
    static constexpr std::chrono::hours kStatusLookBack{24};

    // Errors: kInvalidArgument naming "to" (see MakeUkDayRange).
    Result<AnalyticsReport> Report(
        std::chrono::year_month_day first, std::chrono::year_month_day last
    );

    // The range a report of these days covers. Errors: kInvalidArgument naming "to".
    static Result<UkDayRange> Range(
        std::chrono::year_month_day first, std::chrono::year_month_day last
    ) {
        return MakeUkDayRange(first, last, kMaxDays);
    }

    // Every call session started in the range, newest first, a page at a time (never the
    // whole range in memory), until `each` returns false.
    static constexpr int kCallPage = 500;
    void ForEachCall(const UkDayRange& range, const std::function<bool(const CallSession&)>& each);

    // Every agent's name by id (the calls list names who took each call).
    std::unordered_map<std::int64_t, std::string> AgentNames();

private:
    Ports ports_;
};

}  // namespace dialler::app
