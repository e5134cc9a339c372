#include "dialler/app/floor_board.hpp"

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "dialler/domain/call_session.hpp"
#include "dialler/domain/calling_window.hpp"

namespace dialler::app {

namespace {

std::string QueueLabel(domain::Queue queue) {
    switch (queue) {
        case domain::Queue::kUnsigned:
            return "Unsigned";
        case domain::Queue::kOutstanding:
            return "Outstanding documents";
        case domain::Queue::kCallbacks:
            return "Callbacks";
    }
    return "a queue";
}

bool IsRingingUnanswered(const CallSession& call) {
    return !call.state.answered_at && !domain::IsFinal(call.state.status);
}

void AddAgentAlerts(const FloorBoard& board, std::vector<FloorAlert>& alerts) {
    for (const FloorAgent& a : board.agents) {
        const std::int64_t id = a.agent.id.Value();
        if (a.call && IsRingingUnanswered(*a.call) &&
            board.at - a.call->state.created_at > board.thresholds.ringing_long) {
            alerts.push_back(FloorAlert{
                "call_ringing_long",
                a.agent.display_name + "'s call has rung for more than " +
                    std::to_string(board.thresholds.ringing_long.count()) + " s",
                id,
                a.call->state.created_at});
        }
        if (a.status.status == domain::AgentStatus::kBreak &&
            board.at - a.status.at > board.thresholds.break_long) {
            const std::string reason = a.status.reason.empty() ? "" : " (" + a.status.reason + ")";
            alerts.push_back(FloorAlert{
                "break_long",
                a.agent.display_name + " has been on a break" + reason + " for more than " +
                    std::to_string(board.thresholds.break_long.count()) + " min",
                id,
                a.status.at});
        }
    }
}

void AddDiscoveryAlerts(Timestamp now, const AlertFacts& facts, std::vector<FloorAlert>& alerts) {
    const auto finished = std::find_if(
        facts.recent_runs.begin(),
        facts.recent_runs.end(),
        [](const DiscoveryRun& run) { return run.status != "running"; }
    );
    if (finished != facts.recent_runs.end() && finished->status == "failed") {
        alerts.push_back(FloorAlert{
            "discovery_failing",
            "The last discovery run failed: the queues may be out of date",
            std::nullopt,
            finished->finished_at.value_or(finished->started_at)});
    }
    const auto succeeded = std::find_if(
        facts.recent_runs.begin(),
        facts.recent_runs.end(),
        [](const DiscoveryRun& run) { return run.status == "succeeded"; }
    );
    if (facts.discovery_scheduled && succeeded != facts.recent_runs.end()) {
        const Timestamp last = succeeded->finished_at.value_or(succeeded->started_at);
        if (now - last > kDiscoveryLateAfter) {
            alerts.push_back(FloorAlert{
                "discovery_late",
                "No discovery run has succeeded for more than " +
                    std::to_string(kDiscoveryLateAfter.count()) + " min",
                std::nullopt,
                last});
        }
    }
}

}  // namespace

std::string FloorAlert::Key() const {
    // The message names what the alert is about (an agent, a queue) and never a changing figure.
    return code + "/" + message;
}

std::vector<FloorAlert> FloorAlerts(const FloorBoard& board, const AlertFacts& facts) {
    std::vector<FloorAlert> alerts;
    if (!facts.replica.reachable) {
        alerts.push_back(FloorAlert{
            "replica_unreachable",
            "The claims database cannot be reached: new customers and changes are not coming in",
            std::nullopt,
            facts.replica.checked_at});
    }
    AddDiscoveryAlerts(board.at, facts, alerts);
    for (const LeadCounts& q : board.queues) {
        if (q.queue != domain::Queue::kCallbacks && q.callable_now == 0) {
            alerts.push_back(FloorAlert{
                "queue_empty",
                "Nobody is callable now in " + QueueLabel(q.queue),
                std::nullopt,
                std::nullopt});
        }
    }
    AddAgentAlerts(board, alerts);
    return alerts;
}

FloorBoard BuildFloorBoard(
    std::vector<domain::Agent> agents,
    std::span<const AgentStatusEntry> statuses,
    std::span<const CallSession> calls_today,
    std::span<const Conversion> conversions_today,
    const LinkDayCounts& links,
    Timestamp now,
    Timestamp since
) {
    FloorBoard board;
    board.at = now;
    board.since = since;
    std::unordered_map<std::int64_t, std::vector<CallSession>> calls_by_agent;
    for (const CallSession& call : calls_today) {
        calls_by_agent[call.agent_id.Value()].push_back(call);
        if (call.outcome_code) {
            ++board.today.outcomes[*call.outcome_code];
        }
    }
    board.today.calls = SumAgentDay(calls_today, links.sent, since);
    board.today.conversions = static_cast<int>(conversions_today.size());
    board.today.links_opened = links.opened;
    std::ranges::sort(agents, {}, &domain::Agent::display_name);
    for (domain::Agent& agent : agents) {
        FloorAgent a;
        const std::int64_t id = agent.id.Value();
        a.status.agent_id = agent.id;
        const auto status = std::ranges::find(statuses, agent.id, &AgentStatusEntry::agent_id);
        if (status != statuses.end()) {
            a.status = *status;
        }
        const std::vector<CallSession>& own = calls_by_agent[id];
        const auto sent = links.sent_by.find(id);
        a.today = SumAgentDay(own, sent == links.sent_by.end() ? 0 : sent->second, since);
        for (const CallSession& call : own) {
            if (call.outcome_code) {
                ++a.outcomes[*call.outcome_code];
            }
            if (!domain::IsFinal(call.state.status) && (!a.call || call.id > a.call->id)) {
                a.call = call;
            }
        }
        a.conversions =
            static_cast<int>(std::ranges::count_if(conversions_today, [&](const Conversion& c) {
                return std::ranges::find(c.agents, agent.id) != c.agents.end();
            }));
        a.agent = std::move(agent);
        board.agents.push_back(std::move(a));
    }
    return board;
}

FloorBoard FloorBoardService::Snapshot() {
    const std::lock_guard lock(mutex_);
    const std::uint64_t generation = generation_.load();
    const auto started = std::chrono::steady_clock::now();
    const Timestamp now = ports_.clock.Now();
    // Fresh by both clocks: the floor's (moved by tests) and this machine's.
    // Settings changes publish no event; the thresholds are checked here (a cached read).
    if (cached_ && cached_generation_ == generation && started - cached_at_ < kReuseFor &&
        now >= cached_->at && now - cached_->at < kReuseFor &&
        cached_->thresholds == ports_.settings.Current().alerts) {
        return *cached_;
    }
    cached_ = Build();
    cached_generation_ = generation;  // an event during the build makes the next one rebuild
    cached_at_ = started;
    return *cached_;
}

bool FloorBoardService::AlertsChanged() {
    const FloorBoard board = Snapshot();
    std::set<std::string> keys;
    for (const FloorAlert& alert : board.alerts) {
        keys.insert(alert.Key());
    }
    const std::lock_guard lock(mutex_);
    const bool changed = keys != last_alerts_;
    last_alerts_ = std::move(keys);
    return changed;
}

void FloorBoardService::AnnounceAlertChanges(EventSink& screens) {
    if (AlertsChanged()) {
        screens.Publish(LiveEvent{"floor.alerts", 0, "changed", std::nullopt, ports_.clock.Now()});
    }
}

FloorBoard FloorBoardService::Build() {
    const Timestamp now = ports_.clock.Now();
    const Timestamp since{domain::UkDayStart(std::chrono::floor<std::chrono::seconds>(now))};
    std::vector<domain::Agent> agents = ports_.agents.List();
    std::erase_if(agents, [](const domain::Agent& a) {
        return !a.is_active || a.role == domain::Role::kAdmin;
    });
    CallSessionFilter filter;
    filter.from = since;
    filter.limit = kMaxCallsPerDay;
    const std::vector<CallSession> calls = ports_.calls.List(filter);
    const std::vector<Conversion> conversions =
        ports_.discovery.ConversionsSince(since, kMaxCallsPerDay);
    const std::vector<AgentStatusEntry> statuses = ports_.statuses.AllCurrent();
    FloorBoard board = BuildFloorBoard(
        std::move(agents), statuses, calls, conversions, ports_.links.CountDay(since), now, since
    );
    board.thresholds = ports_.settings.Current().alerts;
    board.today.unread_sms = ports_.inbox.UnreadTotal(ConversationFilter{});
    board.queues = queue_counts_();
    const std::vector<DiscoveryRun> runs = ports_.discovery.RecentRuns(5);
    board.alerts = FloorAlerts(board, AlertFacts{runs, discovery_scheduled_, CheckReplica(now)});
    return board;
}

ReplicaHealth FloorBoardService::CheckReplica(Timestamp now) {
    if (replica_.checked_at && now >= *replica_.checked_at &&
        now - *replica_.checked_at < kReplicaCheckEvery) {
        return replica_;
    }
    try {
        ports_.replica.Check();
        replica_.reachable = true;
    } catch (const std::exception&) {
        // Readiness logs the reason; the board only says that it cannot be reached.
        replica_.reachable = false;
    }
    replica_.checked_at = now;
    return replica_;
}

}  // namespace dialler::app
