#pragma once

#include <chrono>
#include <string>

#include "dialler/app/event_sink.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/outcome_store.hpp"

namespace dialler::app {

// Tells the floor a few minutes ahead that a promised callback is coming due: its agent (or,
// for a team callback, everyone) gets a "callback.due" live event, once. Run by one instance at
// a time (a job lease); the time announced up to is kept as the job's marker, so a missed run
// or a restart neither skips nor repeats a callback. Thread-safe; blocking.
class CallbackReminders {
public:
    struct Ports {
        OutcomeStore& outcomes;
        JobLeaseStore& jobs;
        EventSink& events;
        const Clock& clock;
    };
    static constexpr std::chrono::minutes kAhead{5};
    static constexpr const char* kJob = "callbacks.reminders";

    CallbackReminders(Ports ports, std::string instance)
        : ports_(ports), instance_(std::move(instance)) {}

    // Announces the callbacks due before now + kAhead not announced yet; returns how many.
    // 0 when another instance holds the job.
    int AnnounceDue();

private:
    Ports ports_;
    std::string instance_;
};

}  // namespace dialler::app
