#pragma once

#include <optional>
#include <span>
#include <vector>

#include "dialler/app/call_session_store.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"

namespace dialler::app {

// A lead starting a queue episode (docs/metrics.md "Conversion funnel and time to first call").
struct QueueEntry {
    domain::UserId user_id;
    domain::Queue queue = domain::Queue::kUnsigned;
    // The lead's waiting_since: with the customer and the queue, the key of a conversion.
    Timestamp episode;
    Timestamp entered_at;  // when discovery wrote it: the customer could be called from then
    // The customer's next entry, in any queue: the end of this one's window.
    std::optional<Timestamp> next_entry_at;
};

// What the funnel needs to know of a call, a link and a conversion.
struct FunnelCall {
    domain::UserId user_id;
    Timestamp at;  // the call session's start
    CallDirection direction = CallDirection::kOutbound;
    bool answered = false;
};
struct FunnelLink {
    domain::UserId user_id;
    Timestamp at;  // created
    bool opened = false;
};

// The entries of a range and what happened to those customers from the range's start on.
struct FunnelFacts {
    std::vector<QueueEntry> entries;
    std::vector<FunnelCall> calls;
    std::vector<FunnelLink> links;
    std::vector<Conversion> conversions;  // any customer's: matched by customer, queue, episode
};

// One queue's funnel and time to first call.
struct FunnelFigures {
    domain::Queue queue = domain::Queue::kUnsigned;
    int entered = 0;
    int called = 0;
    int contacted = 0;
    int link_sent = 0;
    int link_opened = 0;
    int converted = 0;
    int called_within_day = 0;
    std::optional<double> median_seconds_to_first_call;  // nullopt when none was called
    std::optional<double> CalledWithinDayShare() const;  // nullopt when none entered
};

// The funnel of the unsigned and the outstanding queue, in that order (pure).
std::vector<FunnelFigures> BuildFunnel(const FunnelFacts& facts);

// Reads the facts of a range. Thread-safe; blocking; faults are exceptions.
class FunnelStore {
public:
    virtual ~FunnelStore() = default;
    // The entries with entered_at in [from, to) and, for their customers, the calls and links
    // from `from` on (at most `limit` of each).
    virtual FunnelFacts Facts(Timestamp from, Timestamp to, int limit) = 0;
    // One customer's entries, oldest first (their subject access export).
    virtual std::vector<QueueEntry> EntriesOf(domain::UserId user, int limit) = 0;
};

}  // namespace dialler::app
