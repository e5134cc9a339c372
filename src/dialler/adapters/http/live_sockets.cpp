#include "dialler/adapters/http/live_sockets.hpp"

#include <map>
#include <mutex>

#include <nlohmann/json.hpp>
// websocket.hpp needs the rest of RESTinio first.
#include <restinio/all.hpp>
#include <restinio/websocket/websocket.hpp>

#include "dialler/adapters/http/cookies.hpp"
#include "dialler/adapters/http/live_upgrade.hpp"
#include "dialler/base/text.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

namespace rws = restinio::websocket::basic;

namespace {

std::string EventJson(const app::LiveEvent& e) {
    return nlohmann::json{
        {"type", e.type},
        {"subjectId", std::to_string(e.subject_id)},
        {"state", e.state},
        {"agentId", e.agent_id ? nlohmann::json(e.agent_id->ToString()) : nlohmann::json(nullptr)},
        {"at", FormatRfc3339(std::chrono::floor<std::chrono::seconds>(e.at))},
    }
        .dump();
}

void SendText(const rws::ws_handle_t& ws, std::string text) {
    ws->send_message(
        rws::final_frame, rws::opcode_t::text_frame, restinio::writable_item_t{std::move(text)}
    );
}

void Close(const rws::ws_handle_t& ws, rws::status_code_t code) {
    ws->send_message(
        rws::final_frame,
        rws::opcode_t::connection_close_frame,
        restinio::writable_item_t{rws::status_code_to_bin(code)}
    );
}

}  // namespace

std::string OriginOf(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    const auto path = url.find('/', scheme + 3);
    return std::string(url.substr(0, path));
}

struct LiveSockets::Impl : std::enable_shared_from_this<LiveSockets::Impl> {
    struct Socket {
        rws::ws_handle_t ws;
        std::string session_token;
        domain::AgentId agent;
        bool sees_all = false;
    };

    app::AuthService& auth;
    app::LocalEventHub& hub;
    platform::ThreadPool& workers;
    LiveSocketSettings settings;
    std::int64_t subscription = 0;
    mutable std::mutex mutex;
    std::map<restinio::connection_id_t, Socket> sockets;

    Impl(app::AuthService& a, app::LocalEventHub& h, platform::ThreadPool& w, LiveSocketSettings s)
        : auth(a), hub(h), workers(w), settings(std::move(s)) {}

    void Deliver(const app::LiveEvent& event) {
        const std::string text = EventJson(event);
        const std::lock_guard lock(mutex);
        for (auto& [id, socket] : sockets) {
            if (event.everyone || socket.sees_all ||
                (event.agent_id && *event.agent_id == socket.agent)) {
                SendText(socket.ws, text);
            }
        }
    }

    void Forget(restinio::connection_id_t id) {
        const std::lock_guard lock(mutex);
        sockets.erase(id);
    }
};

LiveSockets::LiveSockets(
    app::AuthService& auth,
    app::LocalEventHub& hub,
    platform::ThreadPool& workers,
    LiveSocketSettings settings
)
    : impl_(std::make_shared<Impl>(auth, hub, workers, std::move(settings))) {
    std::weak_ptr<Impl> weak = impl_;
    impl_->subscription = hub.Subscribe([weak](const app::LiveEvent& event) {
        if (const auto impl = weak.lock()) {
            impl->Deliver(event);
        }
    });
}

LiveSockets::~LiveSockets() {
    try {
        impl_->hub.Unsubscribe(impl_->subscription);
        CloseAll();
    } catch (const std::exception& e) {
        platform::LogWarn("live.close_failed", {{"error", e.what()}});
    }
}

void LiveSockets::Accept(Upgrade& upgrade) {
    const auto& req = upgrade.request;
    // Same origin only: the page that opens the socket must come from PUBLIC_URL, or from the
    // very host the socket is opened on (a hostile page's Origin names its own host).
    const std::string origin = req->header().get_field_or(restinio::http_field::origin, "");
    const std::string host = req->header().get_field_or(restinio::http_field::host, "");
    const bool same_origin =
        !origin.empty() && (origin == impl_->settings.allowed_origin ||
                            origin == "http://" + host || origin == "https://" + host);
    if (!same_origin) {
        req->create_response(restinio::status_forbidden())
            .append_header(restinio::http_field::content_type, "application/json")
            .set_body(
                R"({"error":{"code":"permission_denied","message":"Cross-origin live socket refused."}})"
            )
            .done();
        return;
    }
    const std::string token =
        FindCookie(req->header().get_field_or(restinio::http_field::cookie, ""), kSessionCookie)
            .value_or("");
    std::weak_ptr<Impl> weak = impl_;
    auto ws = rws::upgrade<restinio::default_traits_t>(
        *req,
        rws::activation_t::immediate,
        [weak](const rws::ws_handle_t& handle, const rws::message_handle_t& message) {
            const auto impl = weak.lock();
            if (message->opcode() == rws::opcode_t::ping_frame) {
                handle->send_message(
                    rws::final_frame,
                    rws::opcode_t::pong_frame,
                    restinio::writable_item_t{message->payload()}
                );
            } else if (message->opcode() == rws::opcode_t::connection_close_frame) {
                if (impl) {
                    impl->Forget(handle->connection_id());
                }
                Close(handle, rws::status_code_t::normal_closure);
            }
            // Browsers send nothing else on this socket; anything else is ignored.
        }
    );
    // The session is read from the database: on a worker, never on this IO thread.
    const bool posted = impl_->workers.Post([weak, ws, token] {
        const auto impl = weak.lock();
        if (!impl) {
            return;
        }
        auto session = impl->auth.Authenticate(token);
        if (!session) {
            Close(ws, rws::status_code_t::policy_violation);
            return;
        }
        {
            const std::lock_guard lock(impl->mutex);
            impl->sockets[ws->connection_id()] = Impl::Socket{
                ws, token, session->agent.id, session->agent.role != domain::Role::kAgent};
        }
        SendText(
            ws, nlohmann::json{{"type", "hello"}, {"agentId", session->agent.id.ToString()}}.dump()
        );
    });
    if (!posted) {
        Close(ws, rws::status_code_t::going_away);
    }
}

void LiveSockets::RecheckSessions() {
    std::map<restinio::connection_id_t, std::string> tokens;
    {
        const std::lock_guard lock(impl_->mutex);
        for (const auto& [id, socket] : impl_->sockets) {
            tokens.emplace(id, socket.session_token);
        }
    }
    for (const auto& [id, token] : tokens) {
        if (impl_->auth.Authenticate(token)) {
            continue;
        }
        const std::lock_guard lock(impl_->mutex);
        if (const auto it = impl_->sockets.find(id); it != impl_->sockets.end()) {
            Close(it->second.ws, rws::status_code_t::policy_violation);
            impl_->sockets.erase(it);
        }
    }
}

void LiveSockets::CloseAll() {
    const std::lock_guard lock(impl_->mutex);
    for (auto& [id, socket] : impl_->sockets) {
        Close(socket.ws, rws::status_code_t::going_away);
    }
    impl_->sockets.clear();
}

int LiveSockets::Count() const {
    const std::lock_guard lock(impl_->mutex);
    return static_cast<int>(impl_->sockets.size());
}

}  // namespace dialler::adapters::http
