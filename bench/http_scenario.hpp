#pragma once

#include <string>

#include "common.hpp"

namespace dialler::bench {

struct NextLeadOptions {
    int port = 0;
    long server_pid = 0;
    int agents = 100;
    std::string agent_password;
    std::string admin_email = "bench-admin@bench.local";  // same password as the agents
    std::string replica_url;  // for Com_select (MySQL) and the floor/naive reads
    int single_cycles = 300;  // one agent alone: latency without concurrency
    double closed_seconds = 15;
    double open_seconds = 15;
    double open_rate = 0;  // next-lead requests per second; 0 = 70% of the closed-loop rate
    int floor_rounds = 2;
};

// T1: simulated agents over keep-alive HTTP against a running `dialler serve`: POST
// /api/queue/next then POST outcome no_answer, in three phases (one agent alone, closed loop with
// every agent, open loop at a constant arrival rate), then the floor and naive reads of the
// customers handed out, in the same run.
Json RunNextLead(const NextLeadOptions& options);

}  // namespace dialler::bench
