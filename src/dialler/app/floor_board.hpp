#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dialler/app/agent_day.hpp"
#include "dialler/app/agent_status_store.hpp"
#include "dialler/app/agent_store.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/magic_link_store.hpp"
#include "dialler/app/probe.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/base/clock.hpp"

namespace dialler::app {

// One person (or, later, a machine) on the floor: their status now, the call they are on, and
// their day (docs/metrics.md "The floor board").
struct FloorAgent {
    domain::Agent agent;
    AgentStatusEntry status;
    std::optional<CallSession> call;      // their newest call today not yet finished
    AgentDay today;                       // SumAgentDay: the figures their own top bar shows
    std::map<std::string, int> outcomes;  // outcome code -> calls today linked to it
    int conversions = 0;                  // conversions today crediting them
};

struct FloorTotals {
    AgentDay calls;  // SumAgentDay over every call today; links_sent counts every link
    std::map<std::string, int> outcomes;
    int conversions = 0;
    int links_opened = 0;
    int unread_sms = 0;
};

struct FloorAlert {
    std::string code;                        // "queue_empty", "discovery_failing", ...
    std::string message;                     // for the supervisor, as shown
    std::optional<std::int64_t> subject_id;  // the agent, where the alert is about one
    std::optional<Timestamp> since;
    // Identifies the alert across snapshots (code and subject): a change of the set is news.
    std::string Key() const;
};

// Whether the replica answered, as last checked (a check at most every kReplicaCheckEvery).
struct ReplicaHealth {
    bool reachable = true;
    std::optional<Timestamp> checked_at;
};

struct FloorBoard {
    Timestamp at;
    Timestamp since;  // UK midnight
    FloorAlertSettings thresholds;
    std::vector<FloorAgent> agents;  // by display name
    std::vector<LeadCounts> queues;
    FloorTotals today;
    std::vector<FloorAlert> alerts;
};

// Inputs of the alerts that are not on the board itself.
struct AlertFacts {
    std::span<const DiscoveryRun> recent_runs;  // newest first
    bool discovery_scheduled = false;           // ENABLE_HOURLY_REFRESH
    ReplicaHealth replica;
};

// How long without a succeeded discovery run before it is late (runs every five minutes).
inline constexpr std::chrono::minutes kDiscoveryLateAfter{20};

// The board's alerts from its agents and queues and the facts above (pure; docs/metrics.md).
std::vector<FloorAlert> FloorAlerts(const FloorBoard& board, const AlertFacts& facts);

// Assembles the board from the day's calls, statuses, links, conversions and queue counts: every
// agent figure is SumAgentDay's, the one an agent's own screen shows.
FloorBoard BuildFloorBoard(
    std::vector<domain::Agent> agents,
    std::span<const AgentStatusEntry> statuses,
    std::span<const CallSession> calls_today,
    std::span<const Conversion> conversions_today,
    const LinkDayCounts& links,
    Timestamp now,
    Timestamp since
);

// The live floor board for supervisors. A snapshot is shared by every supervisor on this
// instance until something changes (Invalidate, wired to the live events) or it is a few seconds
// old, so many open boards cost one build. Thread-safe; blocking (a handful of queries).
class FloorBoardService {
public:
    struct Ports {
        AgentStore& agents;
        AgentStatusStore& statuses;
        CallSessionStore& calls;
        MagicLinkStore& links;
        SmsInbox& inbox;
        DiscoveryStore& discovery;
        const SettingsProvider& settings;
        Probe& replica;
        const Clock& clock;
    };
    // `queue_counts`: the queues' depth and callable-now (QueueService::Counts, one definition).
    FloorBoardService(
        Ports ports, std::function<std::vector<LeadCounts>()> queue_counts, bool discovery_scheduled
    )
        : ports_(ports),
          queue_counts_(std::move(queue_counts)),
          discovery_scheduled_(discovery_scheduled) {}

    // The most calls a floor's day is read with (tens of agents, a few hundred calls each).
    static constexpr int kMaxCallsPerDay = 50000;
    static constexpr std::chrono::seconds kReuseFor{5};
    static constexpr std::chrono::seconds kReplicaCheckEvery{15};

    FloorBoard Snapshot();
    // Something on the floor changed: the next Snapshot is built afresh.
    void Invalidate() { generation_.fetch_add(1); }
    // Whether the alerts differ from those seen at the previous call (the first call: whether
    // there are any).
    bool AlertsChanged();
    // For a periodic job: tells `screens` (this instance's open boards) with a `floor.alerts`
    // event when the alerts changed, as time alone does (a call rings on, a break runs over).
    void AnnounceAlertChanges(EventSink& screens);

private:
    FloorBoard Build();
    ReplicaHealth CheckReplica(Timestamp now);

    Ports ports_;
    std::function<std::vector<LeadCounts>()> queue_counts_;
    bool discovery_scheduled_;
    std::atomic<std::uint64_t> generation_{0};
    std::mutex mutex_;  // guards the members below; held while building (one build at a time)
    std::optional<FloorBoard> cached_;
    std::uint64_t cached_generation_ = 0;
    // Reuse is about cost, not the floor's time: measured on this machine's steady clock.
    std::chrono::steady_clock::time_point cached_at_;
    ReplicaHealth replica_;
    std::set<std::string> last_alerts_;
};

}  // namespace dialler::app
