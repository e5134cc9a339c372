#include "dialler/domain/agent_status.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(AgentStatus, NamesRoundTrip) {
    for (const auto s :
         {AgentStatus::kOffline,
          AgentStatus::kAvailable,
          AgentStatus::kOnCall,
          AgentStatus::kWrapUp,
          AgentStatus::kBreak}) {
        EXPECT_EQ(ParseAgentStatus(AgentStatusName(s)), s);
    }
    EXPECT_FALSE(ParseAgentStatus("busy"));
    EXPECT_FALSE(ParseAgentStatus(""));
}

TEST(AgentStatus, CallsMoveTheAgentThroughOnCallAndWrapUpBackToAvailable) {
    EXPECT_EQ(
        StatusAfter(AgentStatus::kAvailable, StatusCause::kCallStarted), AgentStatus::kOnCall
    );
    EXPECT_EQ(StatusAfter(AgentStatus::kOnCall, StatusCause::kCallEnded), AgentStatus::kWrapUp);
    EXPECT_EQ(
        StatusAfter(AgentStatus::kWrapUp, StatusCause::kOutcomeSaved), AgentStatus::kAvailable
    );
    // The outcome saved before the call's end arrived: the late end changes nothing.
    EXPECT_EQ(
        StatusAfter(AgentStatus::kOnCall, StatusCause::kOutcomeSaved), AgentStatus::kAvailable
    );
    EXPECT_FALSE(StatusAfter(AgentStatus::kAvailable, StatusCause::kCallEnded));
    // An outcome without a call leaves a break or offline alone.
    EXPECT_FALSE(StatusAfter(AgentStatus::kBreak, StatusCause::kOutcomeSaved));
    EXPECT_FALSE(StatusAfter(AgentStatus::kOnCall, StatusCause::kCallStarted));
}

TEST(AgentStatus, LoggingInOrOutLeavesTheAgentOffline) {
    EXPECT_EQ(StatusAfter(AgentStatus::kAvailable, StatusCause::kLogout), AgentStatus::kOffline);
    EXPECT_EQ(StatusAfter(AgentStatus::kBreak, StatusCause::kLogin), AgentStatus::kOffline);
    EXPECT_FALSE(StatusAfter(AgentStatus::kOffline, StatusCause::kLogin));
    // Nobody is left "available" (or on a break) behind a session that ran out.
    EXPECT_EQ(
        StatusAfter(AgentStatus::kAvailable, StatusCause::kSessionExpired), AgentStatus::kOffline
    );
    EXPECT_EQ(
        StatusAfter(AgentStatus::kWrapUp, StatusCause::kSessionExpired), AgentStatus::kOffline
    );
    EXPECT_FALSE(StatusAfter(AgentStatus::kOffline, StatusCause::kSessionExpired));
    EXPECT_EQ(StatusCauseName(StatusCause::kSessionExpired), "session_expired");
}

TEST(AgentStatus, AnAgentChoosesAvailableABreakWithAReasonOrOffline) {
    EXPECT_EQ(DecideStatusRequest(AgentStatus::kOffline, "available", ""), AgentStatus::kAvailable);
    EXPECT_EQ(DecideStatusRequest(AgentStatus::kAvailable, "break", "lunch"), AgentStatus::kBreak);
    EXPECT_EQ(DecideStatusRequest(AgentStatus::kBreak, "offline", ""), AgentStatus::kOffline);
}

TEST(AgentStatus, RefusesWhatAnAgentCannotChoose) {
    const auto field = [](const Result<AgentStatus>& r) { return r ? "" : r.error().field; };
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kAvailable, "on_call", "")), "status");
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kAvailable, "wrap_up", "")), "status");
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kAvailable, "Available", "")), "status");
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kAvailable, "break", "")), "reason");
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kAvailable, "break", "nap")), "reason");
    EXPECT_EQ(field(DecideStatusRequest(AgentStatus::kBreak, "available", "lunch")), "reason");
    for (const auto busy : {AgentStatus::kOnCall, AgentStatus::kWrapUp}) {
        const auto refused = DecideStatusRequest(busy, "break", "lunch");
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    }
}

}  // namespace
}  // namespace dialler::domain
