#include <array>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/subject_access.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/call_session.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::adapters::http {

namespace {

// How much of the calls file is sent at a time.
constexpr std::size_t kStreamPiece = std::size_t{64} * 1024;

nlohmann::json Fraction(std::optional<double> v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json RateOf(const app::AgentDay& d) {
    return d.calls == 0 ? nlohmann::json(nullptr)
                        : nlohmann::json(static_cast<double>(d.contacts) / d.calls);
}

// A row of a table counted in calls: `row` with the calls, contacts and contact rate of `d`.
nlohmann::json WithCalls(nlohmann::json row, const app::AgentDay& d) {
    row["calls"] = d.calls;
    row["contacts"] = d.contacts;
    row["contactRate"] = RateOf(d);
    return row;
}

nlohmann::json DaysJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : r.days) {
        out.push_back(WithCalls(
            {{"day", FormatDate(std::chrono::year_month_day{d.day})},
             {"talkSeconds", d.calls.talk_seconds},
             {"conversions", d.conversions}},
            d.calls
        ));
    }
    return out;
}

nlohmann::json HoursJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : r.hours) {
        out.push_back(WithCalls({{"hour", h.hour}}, h.calls));
    }
    return out;
}

nlohmann::json OutcomesJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [code, n] : r.outcomes) {
        out.push_back({{"outcome", code}, {"calls", n}});
    }
    return out;
}

nlohmann::json AgentsJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : r.agents) {
        out.push_back(
            {{"agentId", a.agent.id.ToString()},
             {"name", a.agent.display_name},
             {"calls", a.calls.calls},
             {"contacts", a.calls.contacts},
             {"talkSeconds", a.calls.talk_seconds},
             {"signedInSeconds", a.status.SignedIn()},
             {"busySeconds", a.status.Busy()},
             {"callsPerHour", Fraction(a.CallsPerHour())},
             {"talkPercent", Fraction(a.TalkShare())},
             {"averageGapSeconds", Fraction(a.average_gap_seconds)},
             {"utilisation", Fraction(a.Utilisation())},
             {"conversions", a.conversions}}
        );
    }
    return out;
}

nlohmann::json StatusTimeJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : r.agents) {
        out.push_back(
            {{"agentId", a.agent.id.ToString()},
             {"name", a.agent.display_name},
             {"logins", a.status.logins},
             {"availableSeconds", a.status.available},
             {"onCallSeconds", a.status.on_call},
             {"wrapUpSeconds", a.status.wrap_up},
             {"breakSeconds", a.status.on_break}}
        );
    }
    return out;
}

nlohmann::json FunnelJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : r.funnel) {
        out.push_back(
            {{"queue", domain::QueueName(f.queue)},
             {"entered", f.entered},
             {"called", f.called},
             {"contacted", f.contacted},
             {"linkSent", f.link_sent},
             {"linkOpened", f.link_opened},
             {"converted", f.converted}}
        );
    }
    return out;
}

nlohmann::json FirstCallJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : r.funnel) {
        out.push_back(
            {{"queue", domain::QueueName(f.queue)},
             {"entered", f.entered},
             {"called", f.called},
             {"calledWithinDay", f.called_within_day},
             {"calledWithinDayShare", Fraction(f.CalledWithinDayShare())},
             {"medianSecondsToFirstCall", Fraction(f.median_seconds_to_first_call)}}
        );
    }
    return out;
}

nlohmann::json ScoreBandsJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& b : r.score_bands) {
        out.push_back(WithCalls({{"band", b.band}}, b.calls));
    }
    return out;
}

// Every table of the report: its CSV name, its JSON key, and how it is written (once, for both).
struct Table {
    std::string_view file;
    std::string_view key;
    nlohmann::json (*rows)(const app::AnalyticsReport&);
};
constexpr std::array<Table, 8> kTables{{
    {"days", "days", DaysJson},
    {"hours", "hours", HoursJson},
    {"outcomes", "outcomes", OutcomesJson},
    {"agents", "agents", AgentsJson},
    {"status-time", "statusTime", StatusTimeJson},
    {"funnel", "funnel", FunnelJson},
    {"first-call", "firstCall", FirstCallJson},
    {"score-bands", "scoreBands", ScoreBandsJson},
}};

// The raw calls file's columns (docs/api.md "Analytics"), and one call as its record.
constexpr std::array<std::string_view, 18> kCallColumns{
    "callId",
    "direction",
    "startedAt",
    "ukDay",
    "ukHour",
    "status",
    "answeredAt",
    "endedAt",
    "talkSeconds",
    "countsAsCall",
    "contact",
    "agentId",
    "agentName",
    "customerId",
    "outcome",
    "leadScore",
    "scoreBand",
    "recorded"};

std::string CallRecordCsv(
    const app::CallSession& c, const std::unordered_map<std::int64_t, std::string>& names
) {
    const app::UkDayHour when = app::UkDayHourOf(c.state.created_at);
    const auto name = names.find(c.agent_id.Value());
    const bool answered = c.state.answered_at.has_value();
    return CsvRecord(nlohmann::json::array({
        c.id,
        app::CallDirectionName(c.direction),
        TimeJson(c.state.created_at),
        FormatDate(std::chrono::year_month_day{when.day}),
        when.hour,
        domain::CallStatusName(c.state.status),
        TimeJson(c.state.answered_at),
        TimeJson(c.state.ended_at),
        answered ? domain::TalkSeconds(c.state) : 0,
        app::CountsAsCall(c.direction, answered),
        answered,
        c.agent_id.ToString(),
        name == names.end() ? nlohmann::json(nullptr) : nlohmann::json(name->second),
        c.user_id.ToString(),
        c.outcome_code ? nlohmann::json(*c.outcome_code) : nlohmann::json(nullptr),
        c.lead_score ? nlohmann::json(*c.lead_score) : nlohmann::json(nullptr),
        domain::ScoreBandOf(c.lead_score),
        c.recording.has_value(),
    }));
}

// The days of `from` and `to` in the query (Errors: kInvalidArgument naming the one missing
// or not a date).
Result<std::array<std::chrono::year_month_day, 2>> DaysOf(const Request& req) {
    const auto query = ParseQuery(req.query);
    std::array<std::chrono::year_month_day, 2> days{};
    for (std::size_t i = 0; i < days.size(); ++i) {
        const std::string key = i == 0 ? "from" : "to";
        const auto it = query.find(key);
        const auto day = it == query.end() ? std::nullopt : ParseDate(it->second);
        if (!day) {
            return InvalidField(key, key + " is required, a date as YYYY-MM-DD");
        }
        days.at(i) = *day;
    }
    return days;
}

Result<app::AnalyticsReport> ReportFor(app::AnalyticsService& analytics, const Request& req) {
    DIALLER_ASSIGN_OR_RETURN(const auto days, DaysOf(req));
    return analytics.Report(days[0], days[1]);
}

void AttachAs(Response& response, std::string_view name, const app::UkDayRange& range) {
    response.content_type = "text/csv; charset=utf-8";
    response.headers.emplace_back(
        "Content-Disposition",
        "attachment; filename=\"analytics-" + std::string(name) + "-" +
            FormatDate(std::chrono::year_month_day{range.first}) + "-to-" +
            FormatDate(std::chrono::year_month_day{range.last}) + ".csv\""
    );
    response.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace

void AddAnalyticsRoutes(Router& router, app::AnalyticsService& analytics) {
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add({"GET", "/api/analytics", managers, [&analytics](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const auto report, ReportFor(analytics, req));
                    const app::AgentDay& t = report.totals;
                    nlohmann::json out = {
                        {"from", FormatDate(std::chrono::year_month_day{report.range.first})},
                        {"to", FormatDate(std::chrono::year_month_day{report.range.last})},
                        {"timeZone", "Europe/London"},
                        {"totals",
                         {{"calls", t.calls},
                          {"contacts", t.contacts},
                          {"contactRate", RateOf(t)},
                          {"talkSeconds", t.talk_seconds},
                          {"conversions", report.conversions}}},
                    };
                    for (const Table& table : kTables) {
                        out[std::string(table.key)] = table.rows(report);
                    }
                    return Json({{"analytics", out}});
                }});
    for (const Table& table : kTables) {
        router.Add(
            {"GET",
             "/api/analytics/" + std::string(table.file) + ".csv",
             managers,
             [&analytics, table](Request& req) -> Result<Response> {
                 DIALLER_ASSIGN_OR_RETURN(const auto report, ReportFor(analytics, req));
                 Response response;
                 response.body = JsonRowsToCsv(table.rows(report));
                 AttachAs(response, table.file, report.range);
                 return response;
             }}
        );
    }
    // Every call of the range: streamed, since a long range of a busy floor is too big to hold.
    router.Add(
        {"GET",
         "/api/analytics/calls.csv",
         managers,
         [&analytics](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const auto days, DaysOf(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::UkDayRange range, app::AnalyticsService::Range(days[0], days[1])
             );
             Response response;
             AttachAs(response, "calls", range);
             response.stream_fault_tail = CsvRecord(nlohmann::json::array(
                 {"The download stopped early because of a server fault: download it "
                  "again."}
             ));
             response.stream = [&analytics, range](const auto& write) {
                 const auto names = analytics.AgentNames();
                 nlohmann::json header = nlohmann::json::array();
                 for (const std::string_view column : kCallColumns) {
                     header.push_back(column);
                 }
                 if (!write(CsvRecord(header))) {
                     return;
                 }
                 std::string piece;
                 bool open = true;
                 analytics.ForEachCall(range, [&](const app::CallSession& call) {
                     piece += CallRecordCsv(call, names);
                     if (piece.size() >= kStreamPiece) {
                         open = write(std::exchange(piece, {}));
                     }
                     return open;
                 });
                 if (open && !piece.empty()) {
                     write(std::move(piece));
                 }
             };
             return response;
         }}
    );
}

}  // namespace dialler::adapters::http
