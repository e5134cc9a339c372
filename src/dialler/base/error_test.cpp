#include "dialler/base/error.hpp"

#include <gtest/gtest.h>

namespace dialler {
namespace {

Result<int> ParsePositive(int v) {
    if (v <= 0) {
        return InvalidField("v", "v must be positive");
    }
    return v;
}

Result<int> Doubled(int v) {
    DIALLER_ASSIGN_OR_RETURN(const int x, ParsePositive(v));
    return 2 * x;
}

Status Checked(int v) {
    DIALLER_RETURN_IF_ERROR(ParsePositive(v));
    return Ok();
}

TEST(Result, AssignOrReturnPassesValuesThrough) {
    const auto r = Doubled(21);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, 42);
}

TEST(Result, AssignOrReturnPropagatesTheError) {
    const auto r = Doubled(-1);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "v");
}

TEST(Result, ReturnIfErrorStopsAtTheFirstFailure) {
    EXPECT_TRUE(Checked(1));
    EXPECT_EQ(Checked(0).error().code, ErrorCode::kInvalidArgument);
}

TEST(ErrorCodeName, GivesTheWireNames) {
    EXPECT_EQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid_argument");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kAlreadyExists), "already_exists");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kFailedPrecondition), "failed_precondition");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kPermissionDenied), "permission_denied");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kUnauthenticated), "unauthenticated");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kResourceExhausted), "resource_exhausted");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

}  // namespace
}  // namespace dialler
