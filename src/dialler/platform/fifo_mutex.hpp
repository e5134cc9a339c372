#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace dialler::platform {

// A mutex that hands itself to waiters in arrival order. std::mutex makes no fairness promise:
// under a crowd of waiters some wait far longer than others, which is the tail latency of a
// single-writer database (docs/benchmarks.md). Each waiter sleeps on its own condition variable,
// so an unlock wakes exactly the next one. Meets BasicLockable (std::unique_lock works).
class FifoMutex {
public:
    void lock() {  // NOLINT(readability-identifier-naming): BasicLockable names
        std::unique_lock guard(mutex_);
        if (!held_ && waiters_.empty()) {
            held_ = true;
            return;
        }
        Waiter me;
        waiters_.push_back(&me);
        me.wake.wait(guard, [&me] { return me.granted; });
    }

    void unlock() {  // NOLINT(readability-identifier-naming): BasicLockable names
        const std::lock_guard guard(mutex_);
        if (waiters_.empty()) {
            held_ = false;
            return;
        }
        Waiter* next = waiters_.front();
        waiters_.pop_front();
        next->granted = true;  // ownership passes directly: held_ stays true
        next->wake.notify_one();
    }

    // How many threads are queued for the lock (metrics; tests).
    std::size_t Waiting() {
        const std::lock_guard guard(mutex_);
        return waiters_.size();
    }

private:
    struct Waiter {
        std::condition_variable wake;
        bool granted = false;
    };
    std::mutex mutex_;
    bool held_ = false;
    std::deque<Waiter*> waiters_;
};

}  // namespace dialler::platform
