#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace dialler::platform {

// A counting semaphore that hands its permits to waiters in arrival order. std::mutex and
// std::counting_semaphore make no fairness promise: under a crowd of waiters some wait far
// longer than others, which is the tail latency of a single-writer database or of a pool of
// database connections (docs/benchmarks.md). Each waiter sleeps on its own condition variable,
// so a release wakes exactly the next one, and a newcomer never overtakes a waiter.
class FifoSemaphore {
public:
    explicit FifoSemaphore(std::size_t permits) : free_(permits) {}

    void Acquire() {
        std::unique_lock guard(mutex_);
        if (free_ > 0 && waiters_.empty()) {
            --free_;
            return;
        }
        Waiter me;
        waiters_.push_back(&me);
        me.wake.wait(guard, [&me] { return me.granted; });
    }

    void Release() {
        const std::lock_guard guard(mutex_);
        if (waiters_.empty()) {
            ++free_;
            return;
        }
        Waiter* next = waiters_.front();
        waiters_.pop_front();
        next->granted = true;  // the permit passes directly: free_ stays as it is
        next->wake.notify_one();
    }

    // How many threads are queued for a permit (metrics; tests).
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
    std::size_t free_;
    std::deque<Waiter*> waiters_;
};

// A mutex that hands itself to waiters in arrival order (a FifoSemaphore of one permit). Meets
// BasicLockable (std::unique_lock works).
class FifoMutex {
public:
    void lock() { permit_.Acquire(); }    // NOLINT(readability-identifier-naming): BasicLockable
    void unlock() { permit_.Release(); }  // NOLINT(readability-identifier-naming): BasicLockable

    // How many threads are queued for the lock (metrics; tests).
    std::size_t Waiting() { return permit_.Waiting(); }

private:
    FifoSemaphore permit_{1};
};

}  // namespace dialler::platform
