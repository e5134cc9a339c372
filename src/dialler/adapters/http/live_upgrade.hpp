#pragma once

// Internal to adapters/http: the RESTinio side of LiveSockets::Upgrade (server.cpp hands it over).
#include <restinio/all.hpp>

#include "dialler/adapters/http/live_sockets.hpp"

namespace dialler::adapters::http {

struct LiveSockets::Upgrade {
    restinio::request_handle_t request;
};

}  // namespace dialler::adapters::http
