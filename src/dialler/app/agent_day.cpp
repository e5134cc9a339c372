#include "dialler/app/agent_day.hpp"

#include "dialler/domain/call_session.hpp"
#include "dialler/domain/calling_window.hpp"

namespace dialler::app {

bool CountsAsCall(CallDirection direction, bool answered) {
    return direction == CallDirection::kOutbound || answered;
}

AgentDay SumAgentDay(std::span<const CallSession> calls, int links_sent, Timestamp since) {
    AgentDay day;
    day.since = since;
    day.links_sent = links_sent;
    for (const CallSession& call : calls) {
        if (!CountsAsCall(call.direction, call.state.answered_at.has_value())) {
            continue;
        }
        ++day.calls;
        if (call.state.answered_at) {
            ++day.contacts;
            day.talk_seconds += domain::TalkSeconds(call.state);
        }
    }
    return day;
}

AgentDay AgentDayService::Today(domain::AgentId agent) {
    const Timestamp now = ports_.clock.Now();
    const Timestamp since{domain::UkDayStart(std::chrono::floor<std::chrono::seconds>(now))};
    CallSessionFilter filter;
    filter.agent_id = agent;
    filter.from = since;
    filter.limit = kMaxCalls;
    const auto calls = ports_.calls.List(filter);
    return SumAgentDay(calls, ports_.links.CountSentBy(agent, since), since);
}

}  // namespace dialler::app
