#include "dialler/domain/sms_template.hpp"

#include <string>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(CheckTemplateBody, TakesTheKnownPlaceholdersAndTrims) {
    const auto checked = CheckTemplateBody(
        "  Hi {firstName}, it is {agentName} about your claim.  ", TemplateKind::kService, "body"
    );
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(*checked, "Hi {firstName}, it is {agentName} about your claim.");
}

TEST(CheckTemplateBody, RefusesUnknownOrUnbalancedPlaceholdersNamingTheField) {
    for (const char* bad :
         {"Hi {name}", "Hi {firstName", "Hi firstName}", "Hi {}", "{link} here", ""}) {
        const auto refused = CheckTemplateBody(bad, TemplateKind::kService, "body");
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(refused.error().field, "body") << bad;
    }
    EXPECT_FALSE(CheckTemplateBody(std::string(919, 'a'), TemplateKind::kService, "body"));
}

TEST(CheckTemplateBody, AMarketingTemplateMustSayHowToOptOut) {
    EXPECT_FALSE(CheckTemplateBody("Great rates!", TemplateKind::kMarketing, "body"));
    // "stop" inside another word, or in lower case, is not an opt-out line.
    EXPECT_FALSE(CheckTemplateBody("STOPPED? We won't stop", TemplateKind::kMarketing, "body"));
    EXPECT_TRUE(
        CheckTemplateBody("Great rates! Reply STOP to opt out", TemplateKind::kMarketing, "b")
    );
    EXPECT_TRUE(CheckTemplateBody("Great rates!\nSTOP?", TemplateKind::kMarketing, "b"));
    EXPECT_TRUE(CheckTemplateBody("Great rates!", TemplateKind::kService, "body"));
}

TEST(RenderTemplate, FillsThePlaceholdersWithNeutralWordsForWhatIsUnknown) {
    const std::string body = "Hi {firstName}, {agentName} here. {firstName}!";
    EXPECT_EQ(RenderTemplate(body, {"Jane", "Sam"}), "Hi Jane, Sam here. Jane!");
    EXPECT_EQ(RenderTemplate(body, {"  ", ""}), "Hi there, the claims team here. there!");
    // Braces that are not placeholders stay as written.
    EXPECT_EQ(RenderTemplate("a {b} c}", {"Jane", "Sam"}), "a {b} c}");
}

TEST(TemplateKindName, RoundTripsAndRefusesOthers) {
    for (const auto kind : {TemplateKind::kService, TemplateKind::kMarketing}) {
        EXPECT_EQ(ParseTemplateKind(TemplateKindName(kind)), kind);
    }
    EXPECT_FALSE(ParseTemplateKind("Marketing"));
}

TEST(CheckTemplateName, IsOneTrimmedLineOfAtMostEightyCharacters) {
    EXPECT_EQ(*CheckTemplateName("  Missed call  ", "name"), "Missed call");
    EXPECT_TRUE(CheckTemplateName(std::string(80, 'x'), "name"));
    for (const std::string& bad : {std::string(""), std::string(81, 'x'), std::string("a\nb")}) {
        const auto refused = CheckTemplateName(bad, "name");
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().field, "name");
    }
}

}  // namespace
}  // namespace dialler::domain
