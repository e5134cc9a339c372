#pragma once

// The scenarios that drive the engine in-process (no HTTP): T2 claims, T3 discovery, the raw
// floor and the naive ORM-style reads of T1, and the agent accounts T1 logs in with.

#include <string>
#include <vector>

#include "common.hpp"

namespace dialler::bench {

struct ClaimsOptions {
    std::string own_url;
    int threads = 200;
    long long leads = 100000;
    double max_seconds = 30;
    int pool = 32;
};
// T2: seeds `leads` synthetic leads into a fresh own database, then `threads` claimers call
// LeadLeases::ClaimNext (long leases) until the leads run out or time is up.
Json RunClaims(const ClaimsOptions& options);

struct DiscoveryOptions {
    std::string replica_url;
    std::string own_url;         // a fresh (empty) own database
    bool change_replica = true;  // 1% requirements + 0.5% signatures, then an incremental run
};
// T3: raw scan floor, full rebuild, a second full (steady state), incremental after changes.
// Each measured part runs in a forked child so its peak RSS is its own.
Json RunDiscovery(const DiscoveryOptions& options);

// The T1 floor and naive reads for `user_ids`, single-threaded, interleaved `rounds` times.
Json RunReadFloor(
    const std::string& replica_url, const std::vector<long long>& user_ids, int rounds
);

// Creates `count` agents bench-agent-N@bench.local (all queues) and bench-admin@bench.local,
// all with `password`.
Json PrepareAgents(const std::string& own_url, int count, const std::string& password);

}  // namespace dialler::bench
