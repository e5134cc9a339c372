#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/event_hub.hpp"

namespace dialler::adapters::sql {

// Live events across instances on one PostgreSQL database: Publish delivers to this instance's
// hub and sends the event with NOTIFY; a listener thread (its own connection, LISTEN) hands the
// other instances' events to this instance's hub. Events are small and carry no personal data
// (app/event_sink.hpp). A lost listener connection is reopened (events sent meanwhile are lost;
// browsers refetch on reconnect anyway). Thread-safe.
class PostgresEventRelay final : public app::EventSink {
public:
    static constexpr const char* kChannel = "dialler_events";

    // `instance` tells this instance's own notifications apart; `connect_string` is libpq's
    // (PostgresConnectString). Starts listening at once.
    PostgresEventRelay(
        SqlDatabase& db, std::string connect_string, app::LocalEventHub& local, std::string instance
    );
    ~PostgresEventRelay() override;
    PostgresEventRelay(const PostgresEventRelay&) = delete;
    PostgresEventRelay& operator=(const PostgresEventRelay&) = delete;
    PostgresEventRelay(PostgresEventRelay&&) = delete;
    PostgresEventRelay& operator=(PostgresEventRelay&&) = delete;

    void Publish(const app::LiveEvent& event) override;
    // Waits until the listener is connected and listening, at most `timeout`; whether it is.
    bool WaitUntilListening(std::chrono::milliseconds timeout);
    void Stop();

private:
    void Listen();
    void SetListening(bool listening);

    SqlDatabase& db_;
    std::string connect_string_;
    app::LocalEventHub& local_;
    std::string instance_;
    std::atomic<bool> stopping_{false};
    std::mutex state_mutex_;
    std::condition_variable state_changed_;
    bool listening_ = false;
    std::thread listener_;
};

// The wire form of an event between instances, and back (nullopt for anything else).
std::string EncodeEvent(const app::LiveEvent& event, const std::string& instance);
std::optional<std::pair<std::string, app::LiveEvent>> DecodeEvent(std::string_view payload);

}  // namespace dialler::adapters::sql
