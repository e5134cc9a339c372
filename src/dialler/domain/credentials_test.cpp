#include "dialler/domain/credentials.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(NormaliseEmail, TrimsAndLowersCase) {
    EXPECT_EQ(*NormaliseEmail("  Agent@Demo.LOCAL "), "agent@demo.local");
}

TEST(NormaliseEmail, RejectsWhatIsNotAnAddressNamingTheField) {
    for (const char* bad : {"", "   ", "no-at-sign", "@demo.local", "agent@", "a@b@c", "a b@c.d"}) {
        const auto r = NormaliseEmail(bad, "email");
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(r.error().field, "email");
    }
    EXPECT_FALSE(NormaliseEmail(std::string(250, 'a') + "@b.cd"));
}

TEST(CheckNewPassword, RequiresTwelveToOneThousandTwentyFourCharacters) {
    EXPECT_FALSE(CheckNewPassword("short-11chr"));
    EXPECT_TRUE(CheckNewPassword("twelve-chars"));
    EXPECT_TRUE(CheckNewPassword(std::string(1024, 'x')));
    const auto too_long = CheckNewPassword(std::string(1025, 'x'), "newPassword");
    ASSERT_FALSE(too_long);
    EXPECT_EQ(too_long.error().field, "newPassword");
}

}  // namespace
}  // namespace dialler::domain
