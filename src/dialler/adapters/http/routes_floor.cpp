#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/domain/agent_status.hpp"

namespace dialler::adapters::http {

namespace {

nlohmann::json CountsJson(const std::map<std::string, int>& counts) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, n] : counts) {
        out[key] = n;
    }
    return out;
}

nlohmann::json CallJson(const std::optional<app::CallSession>& call) {
    if (!call) {
        return nullptr;
    }
    return {
        {"callId", std::to_string(call->id)},
        {"state", domain::CallStatusName(call->state.status)},
        {"direction", app::CallDirectionName(call->direction)},
        {"startedAt", TimeJson(call->state.created_at)},
        {"answeredAt", TimeJson(call->state.answered_at)},
    };
}

nlohmann::json AgentJson(const app::FloorAgent& a) {
    const app::AgentDay& d = a.today;
    return {
        {"agentId", a.agent.id.ToString()},
        {"name", a.agent.display_name},
        {"role", domain::RoleName(a.agent.role)},
        {"team", a.agent.team},
        {"kind", domain::AgentKindName(a.agent.kind)},
        {"status", domain::AgentStatusName(a.status.status)},
        {"reason",
         a.status.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.status.reason)},
        {"statusSince",
         a.status.at == Timestamp{} ? nlohmann::json(nullptr) : TimeJson(a.status.at)},
        {"call", CallJson(a.call)},
        {"today",
         {{"calls", d.calls},
          {"contacts", d.contacts},
          {"talkSeconds", d.talk_seconds},
          {"linksSent", d.links_sent},
          {"conversions", a.conversions},
          {"outcomes", CountsJson(a.outcomes)}}},
    };
}

nlohmann::json BoardJson(const app::FloorBoard& board) {
    nlohmann::json agents = nlohmann::json::array();
    for (const app::FloorAgent& a : board.agents) {
        agents.push_back(AgentJson(a));
    }
    nlohmann::json alerts = nlohmann::json::array();
    for (const app::FloorAlert& alert : board.alerts) {
        alerts.push_back({
            {"code", alert.code},
            {"message", alert.message},
            {"subjectId",
             alert.subject_id ? nlohmann::json(std::to_string(*alert.subject_id))
                              : nlohmann::json(nullptr)},
            {"since", TimeJson(alert.since)},
        });
    }
    const app::AgentDay& t = board.today.calls;
    return {
        {"at", TimeJson(board.at)},
        {"since", TimeJson(board.since)},
        {"thresholds",
         {{"ringingSeconds", board.thresholds.ringing_long.count()},
          {"breakMinutes", board.thresholds.break_long.count()}}},
        {"agents", agents},
        {"queues", QueueCountsJson(board.queues)},
        {"today",
         {{"calls", t.calls},
          {"contacts", t.contacts},
          {"contactRate",
           t.calls == 0 ? nlohmann::json(nullptr)
                        : nlohmann::json(static_cast<double>(t.contacts) / t.calls)},
          {"talkSeconds", t.talk_seconds},
          {"conversions", board.today.conversions},
          {"linksSent", t.links_sent},
          {"linksOpened", board.today.links_opened},
          {"unreadSms", board.today.unread_sms},
          {"outcomes", CountsJson(board.today.outcomes)}}},
        {"alerts", alerts},
    };
}

}  // namespace

void AddFloorRoutes(Router& router, app::FloorBoardService& board) {
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add({"GET", "/api/floor", managers, [&board](Request&) -> Result<Response> {
                    return Json({{"board", BoardJson(board.Snapshot())}});
                }});
}

}  // namespace dialler::adapters::http
