#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dialler::platform {

// Runs tasks at fixed intervals on one background thread (scheduled jobs: discovery). A task's
// exception is logged and the task runs again at its next time; tasks never overlap each other.
// Whether a job runs on this instance at all is the job's business (a database lease).
class PeriodicRunner {
public:
    PeriodicRunner() = default;
    ~PeriodicRunner();
    PeriodicRunner(const PeriodicRunner&) = delete;
    PeriodicRunner& operator=(const PeriodicRunner&) = delete;
    PeriodicRunner(PeriodicRunner&&) = delete;
    PeriodicRunner& operator=(PeriodicRunner&&) = delete;

    // Adds a task, first run after `first_delay`, then every `interval`. Call before Start().
    void Every(
        std::string name,
        std::chrono::seconds interval,
        std::chrono::seconds first_delay,
        std::function<void()> task
    );
    void Start();
    // Waits for a running task to finish, then stops. Idempotent.
    void Stop();

private:
    struct Task {
        std::string name;
        std::chrono::seconds interval;
        std::chrono::steady_clock::time_point next;
        std::function<void()> run;
    };
    void Loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::vector<Task> tasks_;
    std::thread thread_;
};

}  // namespace dialler::platform
