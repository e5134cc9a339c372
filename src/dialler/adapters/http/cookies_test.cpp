#include "dialler/adapters/http/cookies.hpp"

#include <gtest/gtest.h>

namespace dialler::adapters::http {
namespace {

TEST(FindCookie, FindsTheNamedCookieAmongOthers) {
    EXPECT_EQ(FindCookie("a=1; dialler_session=tok; b=2", "dialler_session"), "tok");
    EXPECT_EQ(FindCookie("dialler_session=\"q\"", "dialler_session"), "q");
    EXPECT_FALSE(FindCookie("x_dialler_session=tok", "dialler_session"));
    EXPECT_FALSE(FindCookie("", "dialler_session"));
}

TEST(SessionCookie, IsHttpOnlyStrictAndSecureOnlyWhenAsked) {
    const std::string plain = SessionCookie("tok", std::nullopt, false);
    EXPECT_EQ(plain, "dialler_session=tok; Path=/; HttpOnly; SameSite=Strict");
    const std::string cleared = SessionCookie("", std::chrono::seconds{0}, true);
    EXPECT_EQ(cleared, "dialler_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
}

}  // namespace
}  // namespace dialler::adapters::http
