// Live events between instances on one PostgreSQL database (LISTEN/NOTIFY): an event published
// on one instance reaches the other's screens once, and its own screens once (not again through
// the database).
#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/pg_event_relay.hpp"
#include "dialler/adapters/sql/sql_database.hpp"

#include "test_databases.hpp"

namespace dialler {
namespace {

// Collects what a hub delivers; waits for a count with a deadline (the listener is a thread).
class Inbox {
public:
    explicit Inbox(app::LocalEventHub& hub) {
        hub.Subscribe([this](const app::LiveEvent& e) {
            const std::lock_guard lock(mutex_);
            events_.push_back(e);
            arrived_.notify_all();
        });
    }
    std::vector<app::LiveEvent> WaitFor(std::size_t count) {
        std::unique_lock lock(mutex_);
        arrived_.wait_for(lock, std::chrono::seconds{10}, [&] { return events_.size() >= count; });
        return events_;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<app::LiveEvent> events_;
};

TEST(PostgresEventRelay, CarriesAnEventToTheOtherInstanceOnce) {
    const auto url = platform::ParseDatabaseUrl(testing::NewPostgresDatabase(), "url");
    ASSERT_TRUE(url);
    auto db = adapters::sql::SqlDatabase::Open(*url, 2);
    const std::string conninfo = adapters::sql::PostgresConnectString(*url);
    app::LocalEventHub hub_a;
    app::LocalEventHub hub_b;
    Inbox on_a(hub_a);
    Inbox on_b(hub_b);
    adapters::sql::PostgresEventRelay a(*db, conninfo, hub_a, "instance-a");
    adapters::sql::PostgresEventRelay b(*db, conninfo, hub_b, "instance-b");
    // Each relay's thread sets up its LISTEN; events sent before that would not reach it.
    ASSERT_TRUE(a.WaitUntilListening(std::chrono::seconds{10}));
    ASSERT_TRUE(b.WaitUntilListening(std::chrono::seconds{10}));

    const app::LiveEvent sent{
        "call",
        42,
        "ringing",
        domain::AgentId{7},
        Timestamp{std::chrono::milliseconds{1700000000123}}};
    a.Publish(sent);
    const auto received = on_b.WaitFor(1);
    ASSERT_EQ(received.size(), 1U);
    EXPECT_EQ(received[0].type, "call");
    EXPECT_EQ(received[0].subject_id, 42);
    EXPECT_EQ(received[0].state, "ringing");
    EXPECT_EQ(received[0].agent_id, domain::AgentId{7});
    EXPECT_EQ(received[0].at, sent.at);

    b.Publish({"agent.status", 7, "available", std::nullopt, sent.at});
    const auto back = on_a.WaitFor(2);
    ASSERT_EQ(back.size(), 2U);  // its own event once, then b's
    EXPECT_EQ(back[0].state, "ringing");
    EXPECT_EQ(back[1].type, "agent.status");
    EXPECT_FALSE(back[1].agent_id);
    EXPECT_EQ(on_b.WaitFor(2).size(), 2U);
}

TEST(PostgresEventRelay, IgnoresNotificationsThatAreNotEvents) {
    EXPECT_FALSE(adapters::sql::DecodeEvent("not json"));
    EXPECT_FALSE(adapters::sql::DecodeEvent(R"({"from": "x", "type": "call"})"));
    const app::LiveEvent e{"call", 1, "completed", std::nullopt, Timestamp{}};
    const auto decoded = adapters::sql::DecodeEvent(adapters::sql::EncodeEvent(e, "me"));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->first, "me");
    EXPECT_EQ(decoded->second.state, "completed");
}

}  // namespace
}  // namespace dialler
