#include "dialler/platform/thread_pool.hpp"

#include <exception>

#include "dialler/platform/logging.hpp"

namespace dialler::platform {

ThreadPool::ThreadPool(std::size_t threads) {
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) {
        threads_.emplace_back([this] { Run(); });
    }
}

ThreadPool::~ThreadPool() {
    Shutdown();
}

bool ThreadPool::Post(std::function<void()> task) {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_) {
            return false;
        }
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
    return true;
}

void ThreadPool::Shutdown() {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) {
            return;
        }
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) {
        if (t.joinable()) {
            t.join();
        }
    }
    threads_.clear();
}

std::size_t ThreadPool::QueueLength() const {
    const std::lock_guard lock(mutex_);
    return tasks_.size();
}

void ThreadPool::Run() {
    while (true) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) {
                return;  // stopping and drained
            }
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        try {
            task();
        } catch (const std::exception& e) {
            LogError("thread_pool.task_failed", {{"error", e.what()}});
        }
    }
}

}  // namespace dialler::platform
