#include "dialler/domain/magic_link.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

const Timestamp kNow{std::chrono::milliseconds{1'800'000'000'000}};

TEST(LinkType, TheSevenTypesRoundTripWithTheirOwnPaths) {
    std::set<std::string_view> names;
    std::set<std::string_view> paths;
    for (const LinkType type : AllLinkTypes()) {
        EXPECT_EQ(ParseLinkType(LinkTypeName(type)), type);
        names.insert(LinkTypeName(type));
        paths.insert(DefaultLinkPath(type));
        EXPECT_TRUE(DefaultLinkPath(type).starts_with("/"));
    }
    EXPECT_EQ(names.size(), 7U);
    EXPECT_EQ(paths.size(), 7U);
    EXPECT_TRUE(names.contains("firstLogin"));
    EXPECT_TRUE(names.contains("requirementReview"));
    EXPECT_FALSE(ParseLinkType("claimportal"));
    EXPECT_FALSE(ParseLinkType(""));
}

TEST(DecideLinkOpen, OpenUntilItExpiresUnlessRevoked) {
    EXPECT_EQ(DecideLinkOpen(kNow + seconds{1}, std::nullopt, kNow), LinkOpen::kOpen);
    EXPECT_EQ(DecideLinkOpen(kNow, std::nullopt, kNow), LinkOpen::kExpired);
    EXPECT_EQ(DecideLinkOpen(kNow - hours{1}, std::nullopt, kNow), LinkOpen::kExpired);
    EXPECT_EQ(DecideLinkOpen(kNow + hours{1}, kNow, kNow), LinkOpen::kRevoked);
    EXPECT_EQ(DecideLinkOpen(kNow - hours{1}, kNow - hours{2}, kNow), LinkOpen::kRevoked);
    // A revocation stamped later than now (clocks of two instances) is not yet in force.
    EXPECT_EQ(DecideLinkOpen(kNow + hours{1}, kNow + seconds{5}, kNow), LinkOpen::kOpen);
}

TEST(MagicLinkText, SaysWhatTheLinkIsForAndCarriesTheUrl) {
    EXPECT_EQ(
        MagicLinkText(LinkType::kDocumentUpload, "Jane", "https://d.example/l/abc"),
        "Hello Jane, please tap to upload your documents: https://d.example/l/abc"
    );
    EXPECT_EQ(
        MagicLinkText(LinkType::kClaimPortal, "", "https://d.example/l/abc"),
        "Hello, please tap to see your claims: https://d.example/l/abc"
    );
}

}  // namespace
}  // namespace dialler::domain
