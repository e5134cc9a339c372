#include "dialler/adapters/http/router.hpp"

#include <gtest/gtest.h>

namespace dialler::adapters::http {
namespace {

Handler Ok() {
    return [](Request&) -> Result<Response> { return Response{}; };
}

TEST(Router, MatchesSegmentsAndCapturesParameters) {
    Router r;
    r.Add({"GET", "/api/customers/:id/eligibility", Access::AnyRole(), Ok()});
    const auto m = r.Match("GET", "/api/customers/42/eligibility");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->params.at("id"), "42");
    EXPECT_FALSE(r.Match("GET", "/api/customers//eligibility"));
    EXPECT_FALSE(r.Match("GET", "/api/customers/42"));
    EXPECT_FALSE(r.Match("POST", "/api/customers/42/eligibility"));
    EXPECT_EQ(
        r.AllowedMethods("/api/customers/42/eligibility"), (std::vector<std::string>{"GET", "HEAD"})
    );
}

TEST(Router, ListsEveryMethodOfAPathForAllow) {
    Router r;
    r.Add({"GET", "/api/settings", Access::AnyRole(), Ok()});
    r.Add({"PUT", "/api/settings", Access::AnyRole(), Ok()});
    r.Add({"POST", "/api/callbacks/:id/cancel", Access::AnyRole(), Ok()});
    EXPECT_EQ(r.AllowedMethods("/api/settings"), (std::vector<std::string>{"GET", "HEAD", "PUT"}));
    EXPECT_EQ(r.AllowedMethods("/api/callbacks/7/cancel"), (std::vector<std::string>{"POST"}));
    EXPECT_TRUE(r.AllowedMethods("/api/nothing").empty());
}

TEST(Router, LetsHeadUseGetRoutes) {
    Router r;
    r.Add({"GET", "/health", Access::Public(), Ok()});
    EXPECT_TRUE(r.Match("HEAD", "/health"));
}

TEST(Router, RefusesAnApiRouteThatDeclaresNoRoles) {
    Router r;
    EXPECT_THROW(r.Add({"GET", "/api/queue", Access::Roles({}), Ok()}), std::logic_error);
    EXPECT_THROW(r.Add({"GET", "/api/queue", Access{}, Ok()}), std::logic_error);
}

TEST(Router, RefusesDuplicates) {
    Router r;
    r.Add({"GET", "/api/x", Access::AnyRole(), Ok()});
    EXPECT_THROW(r.Add({"GET", "/api/x", Access::AnyRole(), Ok()}), std::logic_error);
}

}  // namespace
}  // namespace dialler::adapters::http
