#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

// One discovery run, for the run history (counts, duration, errors).
struct DiscoveryRun {
    std::int64_t id = 0;
    std::string kind;    // "full" | "incremental"
    std::string status;  // "running" | "succeeded" | "failed"
    Timestamp started_at;
    std::optional<Timestamp> finished_at;
    long long customers_read = 0;
    long long leads_written = 0;
    long long unchanged = 0;       // read and evaluated, nothing to write
    long long leads_in_queue = 0;  // among those read
    long long skipped_leased = 0;
    long long removed = 0;
    long long conversions = 0;
    std::string error;
};

// A customer who left a queue because they did the thing (product.md §3): signed, or sent every
// outstanding document. Recorded once, with the agents who called them recently.
struct Conversion {
    domain::UserId user_id;
    std::string kind;  // "signed" | "documents_completed"
    domain::Queue from_queue = domain::Queue::kUnsigned;
    Timestamp at;
    std::vector<domain::AgentId> agents;
    // When the customer entered `from_queue` (the lead's waiting_since): with the customer and
    // the queue, the key that records a conversion once however often it is seen.
    Timestamp episode;
};

// Thread-safe; faults are exceptions.
class DiscoveryStore {
public:
    virtual ~DiscoveryStore() = default;
    virtual DiscoveryRun StartRun(const std::string& kind, Timestamp at) = 0;
    virtual void FinishRun(const DiscoveryRun& run) = 0;
    virtual std::vector<DiscoveryRun> RecentRuns(int limit) = 0;
    // The replica change time up to which incremental runs have looked (nullopt before the first
    // full run).
    virtual std::optional<Timestamp> Watermark() = 0;
    virtual void SetWatermark(Timestamp watermark) = 0;
    // Records the conversions not yet recorded for their customer, queue and episode; returns
    // how many it recorded.
    virtual std::size_t RecordConversions(std::span<const Conversion> conversions) = 0;
    virtual std::vector<Conversion> ConversionsSince(Timestamp since, int limit) = 0;
    // One customer's conversions, oldest first.
    virtual std::vector<Conversion> ConversionsFor(domain::UserId user, int limit) = 0;
};

}  // namespace dialler::app
