#include "dialler/adapters/http/server.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <mutex>
#include <random>
#include <stdexcept>

#include <restinio/all.hpp>

#include "dialler/adapters/http/error_response.hpp"
#include "dialler/adapters/http/live_upgrade.hpp"
#include "dialler/base/text.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxLoggedPath = 512;

std::string NewRequestId() {
    // Correlation ids, not secrets: a per-thread PRNG is enough.
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return Hex64(rng());
}

std::string ReasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 414:
            return "URI Too Long";
        case 415:
            return "Unsupported Media Type";
        case 431:
            return "Request Header Fields Too Large";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

// The web app's policy. connect-src 'self' also covers same-origin WebSockets (CSP Level 3);
// naming ws:/wss: would let a script talk to any host. The telephony provider's hosts are added
// only when the browser talks to it (the real Voice SDK's signalling and its sounds).
std::string ContentSecurityPolicy(const std::string& telephony_sources) {
    const std::string extra = telephony_sources.empty() ? "" : " " + telephony_sources;
    return "default-src 'self'; connect-src 'self'" + extra + "; media-src 'self' blob:" + extra +
           "; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
           "base-uri 'self'; form-action 'self'";
}

// Headers every response carries, whatever the builder type (HEAD uses another).
template <typename Builder>
void AppendHeaders(
    Builder& builder,
    const Request& request,
    const Response& response,
    const std::string& content_security_policy
) {
    builder.append_header(restinio::http_field::content_type, response.content_type);
    builder.append_header("X-Request-Id", request.request_id);
    builder.append_header("X-Content-Type-Options", "nosniff");
    builder.append_header("X-Frame-Options", "DENY");
    builder.append_header("Referrer-Policy", "no-referrer");
    bool has_cache_control = false;
    for (const auto& [name, value] : response.headers) {
        has_cache_control = has_cache_control || EqualsIgnoreCase(name, "Cache-Control");
        builder.append_header(name, value);
    }
    if (!has_cache_control) {
        builder.append_header("Cache-Control", "no-store");
    }
    if (response.content_type.starts_with("text/html")) {
        builder.append_header("Content-Security-Policy", content_security_policy);
    }
    builder.append_header_date_field();
}

std::size_t BodyLength(const Response& response) {
    if (response.file_path.empty()) {
        return response.body.size();
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(response.file_path, ec);
    return ec ? 0 : static_cast<std::size_t>(size);
}

// The whole file, read on the worker. Static files are sent from memory, not with RESTinio's
// sendfile: when the client resets the connection mid-file, its sendfile runner frees itself
// from inside its own completion (heap-use-after-free under ASan), and sendfile(2) raises
// SIGPIPE where send(2) is told not to. Our files are the web app's (at most a few hundred KiB,
// and cached by browsers for good: their names carry a content hash).
std::string ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// How long one piece of a streamed body may take to go before the client counts as gone (the
// server's own write limit is 30 s; this only guards against a notification never coming).
constexpr std::chrono::seconds kStreamPieceLimit{90};

// Sends a streamed body (Response::stream) chunk by chunk, each piece written before the next is
// produced, so a slow client holds back the producer instead of the server's memory.
void SendStream(
    restinio::response_builder_t<restinio::chunked_output_t>& builder,
    const Request& request,
    const Response& response
) {
    bool gone = false;
    const auto write = [&builder, &gone](std::string piece) {
        if (gone) {
            return false;
        }
        if (!piece.empty()) {
            builder.append_chunk(std::move(piece));
        }
        // Shared: the notification may come after a wait that gave up.
        auto written = std::make_shared<std::promise<bool>>();
        std::future<bool> result = written->get_future();
        builder.flush([written](const restinio::asio_ns::error_code& ec) {
            written->set_value(!ec);
        });
        gone = result.wait_for(kStreamPieceLimit) != std::future_status::ready || !result.get();
        return !gone;
    };
    try {
        response.stream(write);
    } catch (const std::exception& e) {
        platform::LogError(
            "http.stream_failed", {{"requestId", request.request_id}, {"error", e.what()}}
        );
        if (!gone) {
            builder.append_chunk(response.stream_fault_tail);
        }
    }
    builder.done();
}

Request Convert(const restinio::request_t& req, std::string request_id) {
    Request r;
    r.method = req.header().method().c_str();
    r.path = std::string(req.header().path());
    r.query = std::string(req.header().query());
    req.header().for_each_field([&r](const restinio::http_header_field_t& f) {
        r.header_bytes += f.name().size() + f.value().size();
        r.headers.insert_or_assign(AsciiLower(f.name()), f.value());
    });
    r.body = req.body();
    r.request_id = std::move(request_id);
    r.client_address = req.remote_endpoint().address().to_string();
    return r;
}

}  // namespace

struct HttpServer::Impl {
    ServerSettings settings;
    const Dispatcher& dispatcher;
    platform::ThreadPool& workers;
    platform::Metrics& metrics;
    LiveSockets* live;
    std::string csp;
    restinio::running_server_handle_t<restinio::default_traits_t> server;

    std::atomic<bool> draining{false};
    std::mutex in_flight_mutex;
    std::condition_variable in_flight_done;
    int in_flight = 0;

    Impl(
        ServerSettings s,
        const Dispatcher& d,
        platform::ThreadPool& w,
        platform::Metrics& m,
        LiveSockets* l
    )
        : settings(std::move(s)),
          dispatcher(d),
          workers(w),
          metrics(m),
          live(l),
          csp(ContentSecurityPolicy(settings.telephony_sources)) {}

    void Send(
        const restinio::request_handle_t& req,
        const Request& request,
        const Response& response,
        const std::string& route,
        Clock::time_point started
    ) {
        const restinio::http_status_line_t status_line{
            restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
            ReasonPhrase(response.status)};
        if (request.method == "HEAD") {
            // The headers a GET would get, with its real Content-Length, and no body: RESTinio
            // derives the length from the body it sends, so HEAD needs the user-controlled
            // builder where the length is set by hand.
            auto builder = req->create_response<restinio::user_controlled_output_t>(status_line);
            AppendHeaders(builder, request, response, csp);
            builder.set_content_length(BodyLength(response));
            builder.done();
        } else if (response.stream) {
            auto builder = req->create_response<restinio::chunked_output_t>(status_line);
            AppendHeaders(builder, request, response, csp);
            SendStream(builder, request, response);
        } else {
            auto builder = req->create_response(status_line);
            AppendHeaders(builder, request, response, csp);
            if (!response.file_path.empty()) {
                builder.set_body(ReadWholeFile(response.file_path));
            } else {
                builder.set_body(response.body);
            }
            builder.done();
        }

        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        metrics.ObserveHttp(route, request.method, response.status, seconds);
        nlohmann::json line = {
            {"requestId", request.request_id},
            {"method", request.method},
            {"route", route},
            {"status", response.status},
            {"ms", std::round(seconds * 100000.0) / 100.0},
        };
        if (route == "static") {
            // Who read which file: the path as requested (the query is never logged: it may
            // carry tokens), cut short so a hostile request cannot flood the log.
            line["path"] = request.path.substr(0, kMaxLoggedPath);
        }
        if (request.session) {
            line["agentId"] = request.session->agent.id.ToString();
        }
        platform::LogInfo("http.request", line);
    }

    void Finished() {
        const std::lock_guard lock(in_flight_mutex);
        --in_flight;
        if (in_flight == 0) {
            in_flight_done.notify_all();
        }
    }

    void RejectDraining(
        const restinio::request_handle_t& req, const Request& request, Clock::time_point started
    ) {
        Send(
            req,
            request,
            ErrorResponse(503, "unavailable", "The server is shutting down.", request.request_id),
            "draining",
            started
        );
    }

    restinio::request_handling_status_t OnRequest(const restinio::request_handle_t& req) {
        if (live != nullptr && !draining && req->header().path() == "/api/live" &&
            restinio::http_connection_header_t::upgrade == req->header().connection()) {
            LiveSockets::Upgrade upgrade{req};
            live->Accept(upgrade);
            return restinio::request_accepted();
        }
        const auto started = Clock::now();
        auto request = std::make_shared<Request>(Convert(*req, NewRequestId()));
        bool accepted = false;
        {
            const std::lock_guard lock(in_flight_mutex);
            accepted = !draining;
            if (accepted) {
                ++in_flight;
            }
        }
        if (!accepted) {
            RejectDraining(req, *request, started);
            return restinio::request_accepted();
        }
        const bool posted = workers.Post([this, handle = req, request, started]() mutable {
            std::string route;
            const Response response = dispatcher.Handle(*request, route);
            try {
                Send(handle, *request, response, route, started);
            } catch (const std::exception& e) {
                // e.g. the file vanished between resolving and reading it.
                platform::LogWarn(
                    "http.send_failed", {{"requestId", request->request_id}, {"error", e.what()}}
                );
            }
            // The connection goes with its last handle: let it go while the server (and its
            // IO context) surely lives, not whenever the pool gets round to destroying this task.
            handle.reset();
            Finished();
        });
        if (!posted) {
            RejectDraining(req, *request, started);
            Finished();
        }
        return restinio::request_accepted();
    }
};

HttpServer::HttpServer(
    ServerSettings settings,
    const Dispatcher& dispatcher,
    platform::ThreadPool& workers,
    platform::Metrics& metrics,
    LiveSockets* live
)
    : impl_(std::make_unique<Impl>(std::move(settings), dispatcher, workers, metrics, live)) {}

HttpServer::~HttpServer() {
    Stop(std::chrono::milliseconds{0});
}

void HttpServer::Start() {
    Impl& impl = *impl_;
    auto settings =
        restinio::server_settings_t<restinio::default_traits_t>{}
            .address(impl.settings.address)
            .port(impl.settings.port)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(impl.settings.hard_url_limit)
                                          .max_field_name_size(impl.settings.hard_field_name_limit)
                                          .max_field_value_size(impl.settings.hard_field_limit)
                                          .max_field_count(impl.settings.hard_field_count)
                                          .max_body_size(impl.settings.hard_body_limit))
            .handle_request_timeout(std::chrono::seconds{30})
            .write_http_response_timelimit(std::chrono::seconds{30})
            .read_next_http_message_timelimit(std::chrono::seconds{60})
            .request_handler([&impl](const restinio::request_handle_t& req) {
                return impl.OnRequest(req);
            });
    try {
        impl.server = restinio::run_async(
            restinio::own_io_context(), std::move(settings), impl.settings.io_threads
        );
    } catch (const std::exception& e) {
        throw std::runtime_error(
            "cannot listen on " + impl.settings.address + ":" + std::to_string(impl.settings.port) +
            ": " + e.what()
        );
    }
}

void HttpServer::Stop(std::chrono::milliseconds drain) {
    Impl& impl = *impl_;
    if (!impl.server) {
        return;
    }
    {
        std::unique_lock lock(impl.in_flight_mutex);
        impl.draining = true;
        impl.in_flight_done.wait_for(lock, drain, [&impl] { return impl.in_flight == 0; });
    }
    impl.server->stop();
    impl.server->wait();
    impl.server.reset();
}

}  // namespace dialler::adapters::http
