#include <array>
#include <functional>
#include <string_view>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/subject_access.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

namespace {

nlohmann::json Fraction(std::optional<double> v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json RateOf(const app::AgentDay& d) {
    return d.calls == 0 ? nlohmann::json(nullptr)
                        : nlohmann::json(static_cast<double>(d.contacts) / d.calls);
}

nlohmann::json DaysJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : r.days) {
        out.push_back(
            {{"day", FormatDate(std::chrono::year_month_day{d.day})},
             {"calls", d.calls.calls},
             {"contacts", d.calls.contacts},
             {"contactRate", RateOf(d.calls)},
             {"talkSeconds", d.calls.talk_seconds},
             {"conversions", d.conversions}}
        );
    }
    return out;
}

nlohmann::json HoursJson(const app::AnalyticsReport& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : r.hours) {
        out.push_back(
            {{"hour", h.hour},
             {"calls", h.calls.calls},
             {"contacts", h.calls.contacts},
             {"contactRate", RateOf(h.calls)}}
        );
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

// Every table of the report: its CSV name, its JSON key, and how it is written (once, for both).
struct Table {
    std::string_view file;
    std::string_view key;
    nlohmann::json (*rows)(const app::AnalyticsReport&);
};
constexpr std::array<Table, 5> kTables{{
    {"days", "days", DaysJson},
    {"hours", "hours", HoursJson},
    {"outcomes", "outcomes", OutcomesJson},
    {"agents", "agents", AgentsJson},
    {"status-time", "statusTime", StatusTimeJson},
}};

Result<app::AnalyticsReport> ReportFor(app::AnalyticsService& analytics, const Request& req) {
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
    return analytics.Report(days[0], days[1]);
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
                 response.content_type = "text/csv; charset=utf-8";
                 response.body = JsonRowsToCsv(table.rows(report));
                 response.headers.emplace_back(
                     "Content-Disposition",
                     "attachment; filename=\"analytics-" + std::string(table.file) + "-" +
                         FormatDate(std::chrono::year_month_day{report.range.first}) + "-to-" +
                         FormatDate(std::chrono::year_month_day{report.range.last}) + ".csv\""
                 );
                 response.headers.emplace_back("Cache-Control", "no-store");
                 return response;
             }}
        );
    }
}

}  // namespace dialler::adapters::http
