#include "dialler/platform/fifo_mutex.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

TEST(FifoMutex, ExcludesConcurrentHolders) {
    FifoMutex m;
    int counter = 0;
    std::atomic<int> inside{0};
    std::atomic<int> overlaps{0};
    std::vector<std::thread> threads;
    threads.reserve(8);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                const std::lock_guard lock(m);
                if (inside.fetch_add(1) != 0) {
                    ++overlaps;
                }
                ++counter;
                inside.fetch_sub(1);
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(counter, 16000);
    EXPECT_EQ(overlaps.load(), 0);
}

TEST(FifoMutex, ServesWaitersInArrivalOrder) {
    FifoMutex m;
    m.lock();
    std::vector<int> order;
    std::vector<std::thread> threads;
    threads.reserve(5);
    for (int t = 0; t < 5; ++t) {
        threads.emplace_back([&, t] {
            const std::lock_guard lock(m);
            order.push_back(t);
        });
        // The next thread starts only once this one is queued, so arrival order is known.
        while (m.Waiting() != static_cast<std::size_t>(t) + 1) {
            std::this_thread::yield();
        }
    }
    m.unlock();
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(FifoSemaphore, AdmitsAtMostItsPermitsAtOnce) {
    FifoSemaphore permits(3);
    std::atomic<int> inside{0};
    std::atomic<int> most{0};
    std::vector<std::thread> threads;
    threads.reserve(8);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                permits.Acquire();
                const int now = inside.fetch_add(1) + 1;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                inside.fetch_sub(1);
                permits.Release();
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_GE(most.load(), 1);
    EXPECT_LE(most.load(), 3);
}

TEST(FifoSemaphore, HandsFreedPermitsToWaitersInArrivalOrder) {
    FifoSemaphore permits(2);
    permits.Acquire();
    permits.Acquire();
    std::vector<int> order;
    std::mutex order_mutex;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            permits.Acquire();
            {
                const std::lock_guard lock(order_mutex);
                order.push_back(t);
            }
        });
        while (permits.Waiting() != static_cast<std::size_t>(t) + 1) {
            std::this_thread::yield();
        }
    }
    // Each release admits exactly the longest waiter; the next release waits until it has
    // recorded itself, so the order seen is the order of the grants.
    for (std::size_t released = 1; released <= 4; ++released) {
        permits.Release();
        while (true) {
            {
                const std::lock_guard lock(order_mutex);
                if (order.size() == released) {
                    break;
                }
            }
            std::this_thread::yield();
        }
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace dialler::platform
