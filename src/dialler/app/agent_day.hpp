#pragma once

#include <cstdint>
#include <span>

#include "dialler/app/call_session_store.hpp"
#include "dialler/app/magic_link_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

// One agent's UK day so far: the counters on their own screen (docs/metrics.md "An agent's day").
// The one definition of each figure; the floor board shows the same ones.
struct AgentDay {
    Timestamp since;                // the UK midnight that began the day
    int calls = 0;                  // calls placed (every call session, answered or not)
    int contacts = 0;               // of those, answered by the customer
    std::int64_t talk_seconds = 0;  // summed over the answered calls
    int links_sent = 0;             // magic links the agent sent
};

// Whether a call session is a call in every figure (docs/metrics.md "An agent's day"): every
// dial the gate allowed, answered or not, and a customer's call an agent answered (one that
// rang and was not taken is a missed call, not a call).
bool CountsAsCall(CallDirection direction, bool answered);

// The figures from the day's calls and the count of links (pure).
AgentDay SumAgentDay(std::span<const CallSession> calls, int links_sent, Timestamp since);

// Keeps references to the ports. Thread-safe; blocking (two queries).
class AgentDayService {
public:
    struct Ports {
        CallSessionStore& calls;
        MagicLinkStore& links;
        const Clock& clock;
    };
    explicit AgentDayService(Ports ports) : ports_(ports) {}

    // More calls than this in a day is not a person's day; the count stops there.
    static constexpr int kMaxCalls = 5000;

    AgentDay Today(domain::AgentId agent);

private:
    Ports ports_;
};

}  // namespace dialler::app
