#include "dialler/platform/thread_pool.hpp"

#include <atomic>
#include <vector>

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

TEST(ThreadPool, RunsEveryQueuedTaskBeforeShutdownReturns) {
    std::atomic<int> done{0};
    ThreadPool pool(3);
    for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(pool.Post([&done] { ++done; }));
    }
    pool.Shutdown();
    EXPECT_EQ(done.load(), 200);
}

TEST(ThreadPool, RunsTasksInOrderOnOneThread) {
    std::vector<int> order;
    ThreadPool pool(1);
    for (int i = 0; i < 50; ++i) {
        pool.Post([&order, i] { order.push_back(i); });
    }
    pool.Shutdown();
    ASSERT_EQ(order.size(), 50U);
    for (int i = 0; i < 50; ++i) {
        EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
    }
}

TEST(ThreadPool, RefusesWorkAfterShutdownAndSurvivesThrowingTasks) {
    std::atomic<int> done{0};
    ThreadPool pool(2);
    pool.Post([] { throw std::runtime_error("task bug"); });
    pool.Post([&done] { ++done; });
    pool.Shutdown();
    EXPECT_EQ(done.load(), 1);
    EXPECT_FALSE(pool.Post([&done] { ++done; }));
    pool.Shutdown();  // idempotent
}

}  // namespace
}  // namespace dialler::platform
