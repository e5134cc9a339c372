#include "dialler/adapters/sql/pg_event_relay.hpp"

#include <chrono>
#include <memory>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>
#include <sys/select.h>

#include "dialler/adapters/sql/statement.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::sql {

namespace {

struct ConnDeleter {
    void operator()(PGconn* c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;

// Opens a connection and LISTENs; nullptr (logged) on failure.
Conn OpenListener(const std::string& connect_string) {
    Conn conn(PQconnectdb(connect_string.c_str()));
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        platform::LogWarn(
            "events.listen_failed", {{"error", conn ? PQerrorMessage(conn.get()) : "no memory"}}
        );
        return nullptr;
    }
    PGresult* r =
        PQexec(conn.get(), (std::string("LISTEN ") + PostgresEventRelay::kChannel).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok ? std::move(conn) : nullptr;
}

}  // namespace

std::string EncodeEvent(const app::LiveEvent& event, const std::string& instance) {
    return nlohmann::json{
        {"from", instance},
        {"type", event.type},
        {"subject", event.subject_id},
        {"state", event.state},
        {"agent",
         event.agent_id ? nlohmann::json(event.agent_id->Value()) : nlohmann::json(nullptr)},
        {"at",
         std::chrono::duration_cast<std::chrono::milliseconds>(event.at.time_since_epoch())
             .count()},
        {"everyone", event.everyone},
    }
        .dump();
}

std::optional<std::pair<std::string, app::LiveEvent>> DecodeEvent(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    try {
        app::LiveEvent e;
        e.type = j.at("type").get<std::string>();
        e.subject_id = j.at("subject").get<std::int64_t>();
        e.state = j.at("state").get<std::string>();
        if (!j.at("agent").is_null()) {
            e.agent_id = domain::AgentId{j.at("agent").get<std::int64_t>()};
        }
        e.at = Timestamp{std::chrono::milliseconds{j.at("at").get<long long>()}};
        e.everyone = j.value("everyone", false);
        return std::pair{j.at("from").get<std::string>(), std::move(e)};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

PostgresEventRelay::PostgresEventRelay(
    SqlDatabase& db, std::string connect_string, app::LocalEventHub& local, std::string instance
)
    : db_(db),
      connect_string_(std::move(connect_string)),
      local_(local),
      instance_(std::move(instance)) {
    listener_ = std::thread([this] { Listen(); });
}

PostgresEventRelay::~PostgresEventRelay() {
    Stop();
}

void PostgresEventRelay::Stop() {
    stopping_ = true;
    if (listener_.joinable()) {
        listener_.join();
    }
}

void PostgresEventRelay::Publish(const app::LiveEvent& event) {
    local_.Publish(event);
    std::string payload = EncodeEvent(event, instance_);
    std::string channel = kChannel;
    try {
        db_.AutoCommit([&](soci::session& s) {
            Execute(
                s, "SELECT pg_notify(:channel, :payload)", soci::use(channel), soci::use(payload)
            );
        });
    } catch (const std::exception& e) {
        // The action that caused the event stands; other instances' screens catch up on refetch.
        platform::LogWarn("events.notify_failed", {{"error", e.what()}});
    }
}

void PostgresEventRelay::Listen() {
    auto backoff = std::chrono::milliseconds{250};
    while (!stopping_) {
        Conn conn = OpenListener(connect_string_);
        if (!conn) {
            // Waits in small steps so Stop() is never held up for long.
            for (auto waited = std::chrono::milliseconds{0}; waited < backoff && !stopping_;
                 waited += std::chrono::milliseconds{50}) {
                std::this_thread::sleep_for(std::chrono::milliseconds{50});
            }
            backoff = std::min(backoff * 2, std::chrono::milliseconds{5000});
            continue;
        }
        backoff = std::chrono::milliseconds{250};
        SetListening(true);
        const int fd = PQsocket(conn.get());
        while (!stopping_) {
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(fd, &readable);
            timeval tick{0, 200000};  // to notice Stop()
            if (select(fd + 1, &readable, nullptr, nullptr, &tick) < 0 ||
                PQconsumeInput(conn.get()) == 0) {
                break;  // the connection is gone: reopen it
            }
            while (PGnotify* n = PQnotifies(conn.get())) {
                const auto decoded = DecodeEvent(n->extra);
                PQfreemem(n);
                if (decoded && decoded->first != instance_) {
                    local_.Publish(decoded->second);
                }
            }
        }
        SetListening(false);
    }
}

void PostgresEventRelay::SetListening(bool listening) {
    {
        const std::lock_guard lock(state_mutex_);
        listening_ = listening;
    }
    state_changed_.notify_all();
}

bool PostgresEventRelay::WaitUntilListening(std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_mutex_);
    return state_changed_.wait_for(lock, timeout, [this] { return listening_; });
}

}  // namespace dialler::adapters::sql
