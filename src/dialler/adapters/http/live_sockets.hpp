#pragma once

#include <memory>
#include <string>

#include "dialler/app/auth_service.hpp"
#include "dialler/app/event_hub.hpp"
#include "dialler/platform/thread_pool.hpp"

namespace dialler::adapters::http {

struct LiveSocketSettings {
    // The web app's origin (scheme://host[:port] of PUBLIC_URL): a WebSocket opened from any
    // other page is refused, so a hostile site cannot ride the session cookie.
    std::string allowed_origin;
};

// The browsers' live sockets (GET /api/live, WebSocket): each authenticated by its session
// cookie, each given the events for its agent (supervisors and admins: every event) as JSON text
// frames {"type", "subjectId", "state", "agentId", "at"}. Events name what changed; the browser
// refetches details through the API (and everything after a reconnect). The server hands the
// upgrade here on the IO thread; the session is checked on a worker before anything is sent.
class LiveSockets {
public:
    LiveSockets(
        app::AuthService& auth,
        app::LocalEventHub& hub,
        platform::ThreadPool& workers,
        LiveSocketSettings settings
    );
    ~LiveSockets();
    LiveSockets(const LiveSockets&) = delete;
    LiveSockets& operator=(const LiveSockets&) = delete;
    LiveSockets(LiveSockets&&) = delete;
    LiveSockets& operator=(LiveSockets&&) = delete;

    // Opaque to callers outside adapters/http (server.cpp passes RESTinio's request).
    struct Upgrade;
    // Takes a WebSocket upgrade request: 403 for a foreign origin, else the socket (closed with
    // 1008 if its session is not valid).
    void Accept(Upgrade& upgrade);
    // Sockets whose session has ended (logout, expiry) are closed. Blocking (reads sessions).
    void RecheckSessions();
    // Closes every socket (shutdown).
    void CloseAll();
    int Count() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

// The origin (scheme://host[:port]) of an absolute URL; empty if it has none.
std::string OriginOf(std::string_view url);

}  // namespace dialler::adapters::http
