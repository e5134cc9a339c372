#pragma once

#include <string>
#include <utility>
#include <vector>

#include "dialler/app/probe.hpp"

namespace dialler::app {

struct ReadinessReport {
    bool ready = true;
    // probe name -> "ok" or a short reason (never a connection string or a secret)
    std::vector<std::pair<std::string, std::string>> checks;
    // probe name -> exception text, for the server log only (may name hosts; never sent out)
    std::vector<std::pair<std::string, std::string>> log_details;
};

// Answers "can this instance serve?" by probing its dependencies (own database, replica).
// Keeps references to the probes. Thread-safe if the probes are; blocking.
class ReadinessService {
public:
    explicit ReadinessService(std::vector<Probe*> probes) : probes_(std::move(probes)) {}
    ReadinessReport Check();

private:
    std::vector<Probe*> probes_;
};

}  // namespace dialler::app
