#include "dialler/app/readiness_service.hpp"

#include <exception>

namespace dialler::app {

ReadinessReport ReadinessService::Check() {
    ReadinessReport report;
    for (Probe* probe : probes_) {
        std::string outcome = "ok";
        try {
            probe->Check();
        } catch (const std::exception& e) {
            // The exception text may name a host: it goes to the log, the wire says "unreachable".
            outcome = "unreachable";
            report.log_details.emplace_back(std::string(probe->ProbeName()), e.what());
            report.ready = false;
        }
        report.checks.emplace_back(std::string(probe->ProbeName()), std::move(outcome));
    }
    return report;
}

}  // namespace dialler::app
