#include "dialler/platform/periodic_runner.hpp"

#include <algorithm>
#include <exception>

#include "dialler/platform/logging.hpp"

namespace dialler::platform {

PeriodicRunner::~PeriodicRunner() {
    Stop();
}

void PeriodicRunner::Every(
    std::string name,
    std::chrono::seconds interval,
    std::chrono::seconds first_delay,
    std::function<void()> task
) {
    const std::lock_guard lock(mutex_);
    tasks_.push_back(Task{
        std::move(name), interval, std::chrono::steady_clock::now() + first_delay, std::move(task)}
    );
}

void PeriodicRunner::Start() {
    thread_ = std::thread([this] { Loop(); });
}

void PeriodicRunner::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void PeriodicRunner::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_ && !tasks_.empty()) {
        auto due = std::min_element(tasks_.begin(), tasks_.end(), [](const Task& a, const Task& b) {
            return a.next < b.next;
        });
        if (wake_.wait_until(lock, due->next, [this] { return stopping_; })) {
            return;
        }
        if (std::chrono::steady_clock::now() < due->next) {
            continue;  // woken early (spuriously): look again
        }
        Task& task = *due;
        task.next = std::chrono::steady_clock::now() + task.interval;
        const std::function<void()> run = task.run;
        const std::string name = task.name;
        lock.unlock();
        try {
            run();
        } catch (const std::exception& e) {
            LogError("job.failed", {{"job", name}, {"error", e.what()}});
        }
        lock.lock();
    }
}

}  // namespace dialler::platform
