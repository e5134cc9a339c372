#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

// Something the floor's screens should show at once. Small on purpose: it names what changed
// and its new state; a screen that wants more refetches it through the API (as it does after a
// reconnect), so an event never carries personal data across instances.
struct LiveEvent {
    // "call" (subject: call session), "agent.status" (subject: agent), "lead" (subject:
    // customer; state taken, released or done: the queues' counts changed).
    std::string type;
    std::int64_t subject_id = 0;
    std::string state;  // the call's status, the agent's status, ...
    // Whose screen: the agent concerned (supervisors see every event); nullopt: supervisors only.
    std::optional<domain::AgentId> agent_id;
    Timestamp at;
    // Every screen's business (queue counts), not only the agent's and the supervisors'.
    bool everyone = false;
};

// Where services publish live events. Implementations deliver to every instance's connected
// browsers; publishing never blocks on a browser and never fails the action that caused it.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void Publish(const LiveEvent& event) = 0;
};

}  // namespace dialler::app
