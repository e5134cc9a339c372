#include "dialler/app/analytics.hpp"

#include <algorithm>
#include <unordered_map>

#include "dialler/domain/agent_status.hpp"
#include "dialler/domain/calling_window.hpp"
#include "dialler/domain/outcomes.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::app {

namespace {

using std::chrono::floor;
using std::chrono::seconds;

std::chrono::local_seconds UkLocal(Timestamp t) {
    return domain::ToUkLocal(floor<seconds>(t));
}

// The UK calendar date of an instant, as a date.
std::chrono::sys_days UkDate(Timestamp t) {
    return std::chrono::sys_days{floor<std::chrono::days>(UkLocal(t)).time_since_epoch()};
}

Timestamp UkMidnight(std::chrono::sys_days date) {
    const std::chrono::local_seconds local{date.time_since_epoch()};
    // UK clocks change at 01:00 and 02:00: midnight always exists.
    return Timestamp{
        domain::FromUkLocal(local).value_or(std::chrono::sys_seconds{local.time_since_epoch()})};
}

std::optional<double> Ratio(double part, double whole) {
    if (whole <= 0) {
        return std::nullopt;
    }
    return part / whole;
}

Timestamp EndOf(const CallSession& call) {
    return call.state.ended_at.value_or(call.state.answered_at.value_or(call.state.created_at));
}

bool Credits(const Conversion& c, domain::AgentId agent) {
    return std::find(c.agents.begin(), c.agents.end(), agent) != c.agents.end();
}

}  // namespace

UkDayHour UkDayHourOf(Timestamp t) {
    const auto local = UkLocal(t);
    const auto hour =
        std::chrono::floor<std::chrono::hours>(local - floor<std::chrono::days>(local));
    return {UkDate(t), static_cast<int>(hour.count())};
}

Result<UkDayRange> MakeUkDayRange(
    std::chrono::year_month_day first, std::chrono::year_month_day last, int max_days
) {
    const std::chrono::sys_days a{first};
    const std::chrono::sys_days b{last};
    if (b < a) {
        return InvalidField("to", "to must not be before from");
    }
    if ((b - a).count() + 1 > max_days) {
        return InvalidField("to", "the range is at most " + std::to_string(max_days) + " days");
    }
    return UkDayRange{a, b, UkMidnight(a), UkMidnight(b + std::chrono::days{1})};
}

std::optional<double> AgentFigures::CallsPerHour() const {
    return Ratio(calls.calls * 3600.0, static_cast<double>(status.SignedIn()));
}

std::optional<double> AgentFigures::TalkShare() const {
    return Ratio(static_cast<double>(calls.talk_seconds), static_cast<double>(status.SignedIn()));
}

std::optional<double> AgentFigures::Utilisation() const {
    return Ratio(static_cast<double>(status.Busy()), static_cast<double>(status.SignedIn()));
}

StatusTime SumStatusTime(
    std::span<const AgentStatusEntry> timeline, Timestamp from, Timestamp until
) {
    StatusTime t;
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        const AgentStatusEntry& e = timeline[i];
        if (e.cause == "login" && e.at >= from && e.at < until) {
            ++t.logins;
        }
        const Timestamp start = std::max(e.at, from);
        const Timestamp end = std::min(i + 1 < timeline.size() ? timeline[i + 1].at : until, until);
        if (end <= start) {
            continue;
        }
        const std::int64_t secs = floor<seconds>(end - start).count();
        switch (e.status) {
            case domain::AgentStatus::kAvailable:
                t.available += secs;
                break;
            case domain::AgentStatus::kOnCall:
                t.on_call += secs;
                break;
            case domain::AgentStatus::kWrapUp:
                t.wrap_up += secs;
                break;
            case domain::AgentStatus::kBreak:
                t.on_break += secs;
                break;
            case domain::AgentStatus::kOffline:
                break;
        }
    }
    return t;
}

std::optional<double> AverageGapSeconds(std::span<const CallSession> calls) {
    std::vector<const CallSession*> sorted;
    sorted.reserve(calls.size());
    for (const CallSession& c : calls) {
        sorted.push_back(&c);
    }
    std::sort(sorted.begin(), sorted.end(), [](const CallSession* a, const CallSession* b) {
        return a->state.created_at < b->state.created_at;
    });
    double total = 0;
    int gaps = 0;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const CallSession& prev = *sorted[i - 1];
        const CallSession& next = *sorted[i];
        if (UkDate(prev.state.created_at) != UkDate(next.state.created_at)) {
            continue;  // overnight is not a gap between calls
        }
        const auto gap = next.state.created_at - EndOf(prev);
        total += std::max(0.0, std::chrono::duration<double>(gap).count());
        ++gaps;
    }
    if (gaps == 0) {
        return std::nullopt;
    }
    return total / gaps;
}

AnalyticsReport BuildAnalytics(AnalyticsInputs in) {
    AnalyticsReport r;
    r.range = in.range;
    r.totals = SumAgentDay(in.calls, 0, in.range.from);
    r.conversions = static_cast<int>(in.conversions.size());
    for (const domain::Outcome o : domain::AllOutcomes()) {
        r.outcomes[std::string(domain::OutcomeCode(o))] = 0;
    }
    std::map<std::chrono::sys_days, std::vector<CallSession>> by_day;
    std::array<std::vector<CallSession>, 24> by_hour;
    std::unordered_map<std::int64_t, std::vector<CallSession>> by_agent;
    std::map<std::string_view, std::vector<CallSession>> by_band;
    for (const CallSession& call : in.calls) {
        by_band[domain::ScoreBandOf(call.lead_score)].push_back(call);
        const UkDayHour when = UkDayHourOf(call.state.created_at);
        by_day[when.day].push_back(call);
        by_hour.at(static_cast<std::size_t>(when.hour)).push_back(call);
        by_agent[call.agent_id.Value()].push_back(call);
        if (call.outcome_code) {
            ++r.outcomes[*call.outcome_code];
        }
    }
    for (auto day = in.range.first; day <= in.range.last; day += std::chrono::days{1}) {
        DayFigures d;
        d.day = day;
        d.calls = SumAgentDay(by_day[day], 0, UkMidnight(day));
        d.conversions = static_cast<int>(std::count_if(
            in.conversions.begin(),
            in.conversions.end(),
            [day](const Conversion& c) { return UkDate(c.at) == day; }
        ));
        r.days.push_back(d);
    }
    for (std::size_t h = 0; h < by_hour.size(); ++h) {
        r.hours.at(h).hour = static_cast<int>(h);
        r.hours.at(h).calls = SumAgentDay(by_hour.at(h), 0, in.range.from);
    }
    for (const std::string_view band : domain::kScoreBands) {
        r.score_bands.push_back({band, SumAgentDay(by_band[band], 0, in.range.from)});
    }
    r.funnel = BuildFunnel(in.funnel);
    const Timestamp until = std::min(in.range.to, in.now);
    std::sort(in.agents.begin(), in.agents.end(), [](const auto& a, const auto& b) {
        return a.display_name < b.display_name;
    });
    for (domain::Agent& agent : in.agents) {
        AgentFigures f;
        const std::vector<CallSession>& own = by_agent[agent.id.Value()];
        f.calls = SumAgentDay(own, 0, in.range.from);
        f.average_gap_seconds = AverageGapSeconds(own);
        const auto timeline = in.timelines.find(agent.id.Value());
        if (timeline != in.timelines.end()) {
            f.status = SumStatusTime(timeline->second, in.range.from, until);
        }
        f.conversions = static_cast<int>(std::count_if(
            in.conversions.begin(),
            in.conversions.end(),
            [&agent](const Conversion& c) { return Credits(c, agent.id); }
        ));
        f.agent = std::move(agent);
        r.agents.push_back(std::move(f));
    }
    return r;
}

Result<AnalyticsReport> AnalyticsService::Report(
    std::chrono::year_month_day first, std::chrono::year_month_day last
) {
    DIALLER_ASSIGN_OR_RETURN(const UkDayRange range, Range(first, last));
    CallSessionFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    filter.limit = kMaxCalls;
    const std::vector<CallSession> calls = ports_.calls.List(filter);
    // Conversions since the range began: those of its entries (each at or after its entry)
    // for the funnel, and those recorded in the range for the rest.
    FunnelFacts funnel = ports_.funnel.Facts(range.from, range.to, kMaxCalls);
    funnel.conversions = ports_.discovery.ConversionsSince(range.from, kMaxCalls);
    std::vector<Conversion> conversions = funnel.conversions;
    std::erase_if(conversions, [&range](const Conversion& c) { return c.at >= range.to; });
    AnalyticsInputs in{range, ports_.clock.Now(), calls, conversions, {}, {}, std::move(funnel)};
    for (domain::Agent& agent : ports_.agents.List()) {
        if (agent.role == domain::Role::kAdmin) {
            continue;  // admins are not on the floor
        }
        const bool called = std::any_of(calls.begin(), calls.end(), [&agent](const CallSession& c) {
            return c.agent_id == agent.id;
        });
        if (!agent.is_active && !called) {
            continue;
        }
        in.timelines[agent.id.Value()] =
            ports_.statuses.Timeline(agent.id, range.from - kStatusLookBack, range.to);
        in.agents.push_back(std::move(agent));
    }
    return BuildAnalytics(std::move(in));
}

void AnalyticsService::ForEachCall(
    const UkDayRange& range, const std::function<bool(const CallSession&)>& each
) {
    CallSessionFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    filter.limit = kCallPage;
    while (true) {
        const std::vector<CallSession> page = ports_.calls.List(filter);
        for (const CallSession& call : page) {
            if (!each(call)) {
                return;
            }
        }
        if (page.size() < static_cast<std::size_t>(kCallPage)) {
            return;
        }
        filter.before = CallSessionFilter::Key{page.back().state.created_at, page.back().id};
    }
}

std::unordered_map<std::int64_t, std::string> AnalyticsService::AgentNames() {
    std::unordered_map<std::int64_t, std::string> names;
    for (const domain::Agent& agent : ports_.agents.List()) {
        names.emplace(agent.id.Value(), agent.display_name);
    }
    return names;
}

}  // namespace dialler::app
