#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dialler::platform {

// A fixed set of worker threads for blocking work (SQL, password hashing, outbound HTTP), so IO
// threads never block. Tasks run in submission order (FIFO). A task that throws is a bug in the
// task (edges catch their own exceptions); the pool logs it and carries on.
class ThreadPool {
public:
    explicit ThreadPool(std::size_t threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    ThreadPool(ThreadPool&&) = delete;
    ThreadPool& operator=(ThreadPool&&) = delete;

    // Queues `task`. Returns false (and drops it) once Shutdown() has begun.
    bool Post(std::function<void()> task);
    // Runs every queued task to the end, then joins the threads. Idempotent.
    void Shutdown();
    std::size_t QueueLength() const;

private:
    void Run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace dialler::platform
