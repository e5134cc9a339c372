#include "dialler/adapters/http/dispatcher.hpp"

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/app/agent_service.hpp"

#include "fakes.hpp"
#include "manual_clock.hpp"

namespace dialler::adapters::http {
namespace {

constexpr std::string_view kPassword = "a-good-long-password";

class DispatcherTest : public ::testing::Test {
protected:
    DispatcherTest() {
        EXPECT_TRUE(agent_service_.EnsureDemoAgents(kPassword));
        AddAuthRoutes(router_, auth_, CookieSettings{false});
        AddOpsRoutes(router_, readiness_, "9.9.9");
        AddMetricsRoute(router_, metrics_, MetricsAccess{});
        router_.Add(
            {"GET",
             "/api/test/supervisors",
             Access::Roles({domain::Role::kSupervisor}),
             [](Request&) -> Result<Response> {
                 return Json({{"ok", true}});
             }}
        );
        router_
            .Add({"POST", "/api/test/write", Access::AnyRole(), [](Request&) -> Result<Response> {
                      return Json({{"written", true}});
                  }});
        router_.Add({"GET", "/api/test/boom", Access::AnyRole(), [](Request&) -> Result<Response> {
                         throw std::runtime_error("db password=hunter2");
                     }});
    }

    Response Call(
        std::string method,
        std::string path,
        std::string body = {},
        std::map<std::string, std::string> headers = {},
        std::string client_address = "127.0.0.1"
    ) {
        Request r;
        r.method = std::move(method);
        r.path = std::move(path);
        r.body = std::move(body);
        r.headers = std::move(headers);
        if (!r.body.empty() && !r.headers.contains("content-type")) {
            r.headers.emplace("content-type", "application/json");
        }
        for (const auto& [k, v] : r.headers) {
            r.header_bytes += k.size() + v.size();
        }
        r.request_id = "rid";
        r.client_address = std::move(client_address);
        std::string label;
        return dispatcher_.Handle(r, label);
    }

    // Logs in and returns {cookie header, csrf token}.
    std::pair<std::string, std::string> LoginAs(std::string_view email) {
        const Response r = Call(
            "POST",
            "/api/auth/login",
            nlohmann::json{{"email", email}, {"password", kPassword}}.dump()
        );
        EXPECT_EQ(r.status, 200) << r.body;
        std::string cookie;
        for (const auto& [k, v] : r.headers) {
            if (k == "Set-Cookie") {
                cookie = v.substr(0, v.find(';'));
            }
        }
        return {cookie, nlohmann::json::parse(r.body)["csrfToken"].get<std::string>()};
    }

    static std::string Code(const Response& r) {
        return nlohmann::json::parse(r.body)["error"]["code"];
    }

    testing::ManualClock clock_;
    testing::InMemoryAgentStore agents_;
    testing::InMemorySessionStore sessions_;
    testing::InMemoryLoginThrottleStore throttle_;
    testing::InMemoryAuditLog audit_;
    testing::FakePasswordHasher hasher_;
    testing::FakeTokenService tokens_;
    testing::FakeProbe db_probe_{"database"};
    app::AgentService agent_service_{agents_, sessions_, audit_, hasher_, clock_};
    app::AuthService auth_{
        agents_, sessions_, throttle_, audit_, hasher_, tokens_, clock_, app::AuthSettings{}};
    app::ReadinessService readiness_{{&db_probe_}};
    platform::Metrics metrics_;
    Router router_;
    Dispatcher dispatcher_{router_, auth_, DispatcherSettings{"/nonexistent-web-dir", 1024}};
};

TEST_F(DispatcherTest, DeniesEveryNonPublicRouteWithoutASession) {
    int checked = 0;
    for (const Route& route : router_.Routes()) {
        if (route.access.is_public) {
            continue;
        }
        std::string path = route.pattern;
        const Response r = Call(route.method, path, "{}");
        EXPECT_EQ(r.status, 401) << route.method << " " << path;
        EXPECT_EQ(Code(r), "unauthenticated");
        ++checked;
    }
    EXPECT_GE(checked, 3);
}

TEST_F(DispatcherTest, WithoutSessionsServesPublicRoutesOnlyEvenWithAValidCookie) {
    const auto [cookie, csrf] = LoginAs("supervisor@demo.local");
    const Dispatcher sessionless(router_, DispatcherSettings{"/nonexistent-web-dir", 1024});
    const auto call = [&](std::string path) {
        Request r;
        r.method = "GET";
        r.path = std::move(path);
        r.headers = {{"cookie", cookie}};
        r.request_id = "rid";
        std::string label;
        return sessionless.Handle(r, label);
    };
    EXPECT_EQ(call("/health").status, 200);
    EXPECT_EQ(call("/api/test/supervisors").status, 401);  // the same cookie works on `dispatcher_`
    EXPECT_EQ(call("/api/no/such/route").status, 401);
    EXPECT_EQ(Call("GET", "/api/test/supervisors", {}, {{"cookie", cookie}}).status, 200);
}

TEST_F(DispatcherTest, HidesUnknownApiRoutesFromAnonymousCallers) {
    EXPECT_EQ(Call("GET", "/api/queue").status, 401);
    const auto [cookie, csrf] = LoginAs("agent@demo.local");
    EXPECT_EQ(Call("GET", "/api/queue", {}, {{"cookie", cookie}}).status, 404);
    EXPECT_EQ(Call("DELETE", "/api/auth/me", {}, {{"cookie", cookie}}).status, 405);
}

TEST_F(DispatcherTest, EnforcesDeclaredRoles) {
    const auto agent = LoginAs("agent@demo.local");
    const auto supervisor = LoginAs("supervisor@demo.local");
    const Response denied = Call("GET", "/api/test/supervisors", {}, {{"cookie", agent.first}});
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(Code(denied), "permission_denied");
    EXPECT_EQ(Call("GET", "/api/test/supervisors", {}, {{"cookie", supervisor.first}}).status, 200);
}

TEST_F(DispatcherTest, RequiresTheCsrfHeaderForCookieAuthenticatedWrites) {
    const auto [cookie, csrf] = LoginAs("agent@demo.local");
    EXPECT_EQ(Call("POST", "/api/test/write", "{}", {{"cookie", cookie}}).status, 403);
    EXPECT_EQ(
        Call(
            "POST", "/api/test/write", "{}", {{"cookie", cookie}, {"x-csrf-token", csrf + "x"}}
        ).status,
        403
    );
    EXPECT_EQ(
        Call("POST", "/api/test/write", "{}", {{"cookie", cookie}, {"x-csrf-token", csrf}}).status,
        200
    );
}

TEST_F(DispatcherTest, AnswersOversizedBodiesWith413) {
    const Response r = Call("POST", "/api/auth/login", std::string(2000, 'x'));
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(Code(r), "payload_too_large");
}

TEST_F(DispatcherTest, TurnsHandlerExceptionsInto500WithoutDetails) {
    const auto [cookie, csrf] = LoginAs("agent@demo.local");
    const Response r = Call("GET", "/api/test/boom", {}, {{"cookie", cookie}});
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(Code(r), "internal");
    EXPECT_EQ(r.body.find("hunter2"), std::string::npos);
    EXPECT_NE(r.body.find("rid"), std::string::npos);
}

TEST_F(DispatcherTest, LoginValidatesTheBodyNamingTheField) {
    Response r = Call("POST", "/api/auth/login", "{not json");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "body");
    r = Call("POST", "/api/auth/login", R"({"password":"x"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "email");
    r = Call("POST", "/api/auth/login", R"({"email":"agent@demo.local","password":7})");
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "password");
    EXPECT_TRUE(audit_.WithAction("auth.login").empty());
}

TEST_F(DispatcherTest, MeReturnsTheAgentAndLogoutEndsTheSession) {
    const auto [cookie, csrf] = LoginAs("supervisor@demo.local");
    const Response me = Call("GET", "/api/auth/me", {}, {{"cookie", cookie}});
    ASSERT_EQ(me.status, 200);
    const auto body = nlohmann::json::parse(me.body);
    EXPECT_EQ(body["agent"]["role"], "supervisor");
    EXPECT_TRUE(body["agent"]["id"].is_string());
    EXPECT_EQ(body["csrfToken"], csrf);
    EXPECT_EQ(
        Call("POST", "/api/auth/logout", {}, {{"cookie", cookie}, {"x-csrf-token", csrf}}).status,
        200
    );
    EXPECT_EQ(Call("GET", "/api/auth/me", {}, {{"cookie", cookie}}).status, 401);
}

TEST_F(DispatcherTest, ServesHealthAndReadinessPublicly) {
    EXPECT_EQ(Call("GET", "/health").status, 200);
    EXPECT_EQ(Call("GET", "/api/health").status, 200);
    EXPECT_EQ(Call("GET", "/ready").status, 200);
    db_probe_.healthy = false;
    const Response r = Call("GET", "/ready");
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(nlohmann::json::parse(r.body)["checks"]["database"], "unreachable");
}

TEST_F(DispatcherTest, AnswersMissingStaticFilesWith404) {
    EXPECT_EQ(Call("GET", "/queue").status, 404);  // no web dir in this test
    EXPECT_EQ(Call("GET", "//etc/passwd").status, 404);
    EXPECT_EQ(Code(Call("GET", "//etc/passwd")), "not_found");
}

TEST_F(DispatcherTest, ServesMetricsToLoopbackPeersOnlyByDefault) {
    EXPECT_EQ(Call("GET", "/metrics", {}, {}, "127.0.0.1").status, 200);
    EXPECT_EQ(Call("GET", "/metrics", {}, {}, "::1").status, 200);
    EXPECT_EQ(Call("GET", "/metrics", {}, {}, "::ffff:127.0.0.1").status, 200);
    for (const char* peer : {"10.1.2.3", "192.168.0.9", "2001:db8::1", "::ffff:10.0.0.1"}) {
        const Response r = Call("GET", "/metrics", {}, {}, peer);
        EXPECT_EQ(r.status, 403) << peer;
        EXPECT_EQ(r.body.find("http_requests"), std::string::npos);
    }
}

TEST(MetricsRoute, WithATokenEveryCallerMustBearIt) {
    Router router;
    platform::Metrics metrics;
    AddMetricsRoute(router, metrics, MetricsAccess{"a-long-metrics-token-0123456789", true});
    const auto call = [&router](std::map<std::string, std::string> headers, std::string peer) {
        Request r;
        r.method = "GET";
        r.path = "/metrics";
        r.headers = std::move(headers);
        r.client_address = std::move(peer);
        r.request_id = "rid";
        return router.Match("GET", "/metrics")->route->handler(r).value();
    };
    EXPECT_EQ(call({}, "127.0.0.1").status, 401);
    EXPECT_EQ(call({{"authorization", "Bearer wrong"}}, "127.0.0.1").status, 401);
    EXPECT_EQ(
        call({{"authorization", "a-long-metrics-token-0123456789"}}, "127.0.0.1").status, 401
    );
    EXPECT_EQ(
        call({{"authorization", "Bearer a-long-metrics-token-0123456789x"}}, "127.0.0.1").status,
        401
    );
    const Response missing = call({}, "10.0.0.1");
    EXPECT_EQ(missing.status, 401);
    EXPECT_NE(
        std::find(
            missing.headers.begin(),
            missing.headers.end(),
            std::pair<std::string, std::string>{"WWW-Authenticate", "Bearer"}
        ),
        missing.headers.end()
    );
    EXPECT_EQ(
        call({{"authorization", "Bearer a-long-metrics-token-0123456789"}}, "10.0.0.1").status, 200
    );
}

TEST(MetricsRoute, OnItsOwnListenerWithoutATokenAnyPeerMayRead) {
    Router router;
    platform::Metrics metrics;
    AddMetricsRoute(router, metrics, MetricsAccess{"", false});
    Request r;
    r.method = "GET";
    r.path = "/metrics";
    r.client_address = "10.0.0.7";
    EXPECT_EQ(router.Match("GET", "/metrics")->route->handler(r).value().status, 200);
}

TEST_F(DispatcherTest, Answers405WithAllowListingTheRoutedMethods) {
    const auto allow = [](const Response& r) {
        for (const auto& [k, v] : r.headers) {
            if (k == "Allow") {
                return v;
            }
        }
        return std::string("(none)");
    };
    const auto [cookie, csrf] = LoginAs("agent@demo.local");
    const Response api = Call("DELETE", "/api/auth/me", {}, {{"cookie", cookie}});
    EXPECT_EQ(api.status, 405);
    EXPECT_EQ(allow(api), "GET, HEAD");
    const Response ops = Call("POST", "/health");
    EXPECT_EQ(ops.status, 405);
    EXPECT_EQ(allow(ops), "GET, HEAD");
    const Response files = Call("POST", "/queue");
    EXPECT_EQ(files.status, 405);
    EXPECT_EQ(allow(files), "GET, HEAD");
    const Response login = Call("GET", "/api/auth/login", {}, {{"cookie", cookie}});
    EXPECT_EQ(login.status, 405);
    EXPECT_EQ(allow(login), "POST");
}

TEST_F(DispatcherTest, RefusesABodyThatIsNotDeclaredJsonWith415) {
    const std::string body =
        nlohmann::json{{"email", "agent@demo.local"}, {"password", kPassword}}.dump();
    for (const char* type :
         {"text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonx",
          ""}) {
        const Response r = Call("POST", "/api/auth/login", body, {{"content-type", type}});
        EXPECT_EQ(r.status, 415) << type;
        EXPECT_EQ(Code(r), "unsupported_media_type") << type;
    }
    EXPECT_TRUE(audit_.WithAction("auth.login").empty());
    EXPECT_TRUE(audit_.WithAction("auth.login_failed").empty());
    const Response ok = Call(
        "POST", "/api/auth/login", body, {{"content-type", "Application/JSON; charset=utf-8"}}
    );
    EXPECT_EQ(ok.status, 200);
    // The same rule on every JSON write, after the caller is known.
    const auto [cookie, csrf] = LoginAs("agent@demo.local");
    EXPECT_EQ(
        Call(
            "POST",
            "/api/test/write",
            "{}",
            {{"cookie", cookie}, {"x-csrf-token", csrf}, {"content-type", "text/plain"}}
        ).status,
        415
    );
}

TEST_F(DispatcherTest, Answers414And431ForOversizedTargetsAndHeaders) {
    const Response long_path = Call("GET", "/api/health/" + std::string(9000, 'a'));
    EXPECT_EQ(long_path.status, 414);
    EXPECT_EQ(Code(long_path), "uri_too_long");
    const Response big_headers = Call("GET", "/health", {}, {{"x-big", std::string(17000, 'h')}});
    EXPECT_EQ(big_headers.status, 431);
    EXPECT_EQ(Code(big_headers), "headers_too_large");
}

}  // namespace
}  // namespace dialler::adapters::http
