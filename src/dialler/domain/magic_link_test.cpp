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

TEST(ParseLinkPaths, TakesTypeEqualsPathPairsAndRefusesAnythingThatCouldLeaveThePlatform) {
    EXPECT_TRUE(ParseLinkPaths("")->empty());
    const auto paths = ParseLinkPaths(" documentUpload=/docs , claimPortal=/my-claims/v2.1 ");
    ASSERT_TRUE(paths);
    EXPECT_EQ(paths->size(), 2U);
    EXPECT_EQ(paths->at(LinkType::kDocumentUpload), "/docs");
    EXPECT_EQ(paths->at(LinkType::kClaimPortal), "/my-claims/v2.1");
    for (const char* bad :
         {"documentUpload",
          "portal=/x",
          "documentUpload=docs",
          "documentUpload=//evil.example/x",
          "documentUpload=/x?next=https://evil.example",
          "documentUpload=/x#y",
          "documentUpload=/../admin",
          "documentUpload=/a b",
          "documentUpload=/a,documentUpload=/b"}) {
        const auto parsed = ParseLinkPaths(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().field, "MAGIC_LINK_PATHS") << bad;
    }
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
