#include "dialler/domain/agent.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(ParseRole, AcceptsTheThreeRolesExactly) {
    EXPECT_EQ(ParseRole("agent"), Role::kAgent);
    EXPECT_EQ(ParseRole("supervisor"), Role::kSupervisor);
    EXPECT_EQ(ParseRole("admin"), Role::kAdmin);
    EXPECT_FALSE(ParseRole("Admin"));
    EXPECT_FALSE(ParseRole("root"));
    EXPECT_FALSE(ParseRole(""));
}

TEST(RoleSet, ContainsOnlyWhatItWasGiven) {
    constexpr RoleSet set{Role::kSupervisor, Role::kAdmin};
    EXPECT_FALSE(set.Contains(Role::kAgent));
    EXPECT_TRUE(set.Contains(Role::kSupervisor));
    EXPECT_TRUE(set.Contains(Role::kAdmin));
    EXPECT_TRUE(RoleSet{}.Empty());
    EXPECT_TRUE(RoleSet::All().Contains(Role::kAgent));
}

TEST(ParseQueueList, ParsesDeduplicatesAndRejectsUnknownNames) {
    const auto q = ParseQueueList(" unsigned, callbacks,unsigned ");
    ASSERT_TRUE(q);
    EXPECT_EQ(*q, (std::vector<Queue>{Queue::kUnsigned, Queue::kCallbacks}));
    EXPECT_FALSE(ParseQueueList("unsigned,vip"));
    EXPECT_TRUE(ParseQueueList("")->empty());
}

TEST(FormatQueueList, RoundTripsThroughParse) {
    const std::vector<Queue> all = AllQueues();
    EXPECT_EQ(FormatQueueList(all), "unsigned,outstanding,callbacks");
    EXPECT_EQ(ParseQueueList(FormatQueueList(all)), all);
}

}  // namespace
}  // namespace dialler::domain
