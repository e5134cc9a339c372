#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "dialler/adapters/http/dispatcher.hpp"
#include "dialler/adapters/http/live_sockets.hpp"
#include "dialler/platform/metrics.hpp"
#include "dialler/platform/thread_pool.hpp"

namespace dialler::adapters::http {

struct ServerSettings {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 2;
    // RESTinio closes the connection (without a response) above these; the dispatcher answers
    // 413, 414 and 431 above its own, smaller, limits, so clients get a clear error for any
    // plausible mistake and only abuse meets a closed connection.
    std::size_t hard_body_limit = std::size_t{1024} * 1024;
    std::size_t hard_url_limit = std::size_t{32} * 1024;
    std::size_t hard_field_name_limit = 256;
    std::size_t hard_field_limit = std::size_t{32} * 1024;
    std::size_t hard_field_count = 100;
    // Hosts the web app's browser talks to for calls (CSP connect-src and media-src), e.g.
    // "https://*.twilio.com wss://*.twilio.com" with real Twilio; empty with the stand-in.
    std::string telephony_sources{};
};

// The HTTP listener (RESTinio). IO threads only parse and write: every request is handed to the
// worker pool, where the Dispatcher runs, and answered from there. Adds the request id, security
// headers, metrics and one access-log line per request.
class HttpServer {
public:
    // Keeps references to all of them. `live`, when given, takes WebSocket upgrades of
    // GET /api/live.
    HttpServer(
        ServerSettings settings,
        const Dispatcher& dispatcher,
        platform::ThreadPool& workers,
        platform::Metrics& metrics,
        LiveSockets* live = nullptr
    );
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    HttpServer(HttpServer&&) = delete;
    HttpServer& operator=(HttpServer&&) = delete;

    // Binds and starts serving; throws std::runtime_error when the address cannot be bound.
    void Start();
    // Graceful stop: new requests get 503, requests in flight get up to `drain` to finish, then
    // the listener and connections close. Idempotent.
    void Stop(std::chrono::milliseconds drain);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dialler::adapters::http
