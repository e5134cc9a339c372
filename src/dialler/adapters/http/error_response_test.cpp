#include "dialler/adapters/http/error_response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dialler::adapters::http {
namespace {

TEST(HttpStatusFor, MapsEveryCode) {
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kAlreadyExists), 409);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition), 409);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kResourceExhausted), 429);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ErrorResponse, BuildsTheEnvelopeWithFieldAndRequestId) {
    const Response r = ErrorResponse(
        Error{ErrorCode::kInvalidArgument, "email is required", "email", {}}, "rid-1"
    );
    EXPECT_EQ(r.status, 400);
    const auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument");
    EXPECT_EQ(body["error"]["message"], "email is required");
    EXPECT_EQ(body["error"]["field"], "email");
    EXPECT_EQ(body["error"]["requestId"], "rid-1");
}

TEST(ErrorResponse, AddsRetryAfterForThrottling) {
    const Response r = ErrorResponse(
        Error{ErrorCode::kResourceExhausted, "slow down", {}, std::chrono::seconds{90}}, "rid-2"
    );
    EXPECT_EQ(r.status, 429);
    ASSERT_EQ(r.headers.size(), 1U);
    EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Retry-After", "90"}));
    EXPECT_FALSE(nlohmann::json::parse(r.body)["error"].contains("field"));
}

}  // namespace
}  // namespace dialler::adapters::http
