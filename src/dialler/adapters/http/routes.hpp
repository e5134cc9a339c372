#pragma once

#include <string>

#include "dialler/adapters/http/router.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/readiness_service.hpp"
#include "dialler/platform/metrics.hpp"

namespace dialler::adapters::http {

struct CookieSettings {
    bool secure = false;  // PUBLIC_URL is https
};

// Each function adds one feature's routes, each with its declared access. The handlers map
// JSON to app calls and back; they hold references to the services.
void AddOpsRoutes(
    Router& router,
    app::ReadinessService& readiness,
    platform::Metrics& metrics,
    std::string version
);
void AddAuthRoutes(Router& router, app::AuthService& auth, CookieSettings cookies);

}  // namespace dialler::adapters::http
