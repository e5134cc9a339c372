#include "dialler/platform/config.hpp"

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

Result<Config> Load(EnvMap env) {
    return LoadConfig(env, "/srv/web");
}

EnvMap Production() {
    return {
        {"APP_ENV", "production"},
        {"DATABASE_URL", "postgresql://dialler:pw@db:5432/dialler"},
        {"REPLICA_DATABASE_URL", "mysql://ro:pw@replica:3306/main"},
        {"MAGIC_LINK_SECRET", "k2N9vR4tX8qL1mZ7pW3sY6bD0fH5jC9a"},
        {"PUBLIC_URL", "https://dialler.example.co.uk"},
        {"MAIN_APP_URL", "https://claim.example.co.uk"},
        {"METRICS_TOKEN", "m7Q2xV9pL4sK8dR1tY6wB3nF0hJ5cZ2g"},
    };
}

void ExpectRejects(EnvMap env, const std::string& variable) {
    const auto c = Load(std::move(env));
    ASSERT_FALSE(c) << variable;
    EXPECT_EQ(c.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(c.error().field, variable);
    EXPECT_NE(c.error().message.find(variable), std::string::npos) << c.error().message;
}

TEST(LoadConfig, RunsOnEmbeddedDefaultsInDevelopment) {
    const auto c = Load({});
    ASSERT_TRUE(c);
    EXPECT_FALSE(c->IsProduction());
    EXPECT_EQ(c->database_url, "sqlite://var/dialler.db");
    EXPECT_EQ(c->replica_database_url, "sqlite://var/demo-replica.db");
    EXPECT_EQ(c->port, 8080);
    EXPECT_EQ(c->bind_address, "127.0.0.1");
    EXPECT_EQ(c->telephony, TelephonyMode::kSim);
    EXPECT_EQ(c->demo_password, kDefaultDemoPassword);
    EXPECT_EQ(c->web_dir, "/srv/web");
    EXPECT_TRUE(c->enable_hourly_refresh);
    EXPECT_FALSE(c->SecureCookies());
}

TEST(LoadConfig, AcceptsACompleteProductionConfiguration) {
    const auto c = Load(Production());
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_TRUE(c->IsProduction());
    EXPECT_TRUE(c->SecureCookies());
    EXPECT_TRUE(c->demo_password.empty());
}

TEST(LoadConfig, NamesTheVariableOfABadValue) {
    ExpectRejects({{"PORT", "80a"}}, "PORT");
    ExpectRejects({{"PORT", "70000"}}, "PORT");
    ExpectRejects({{"APP_ENV", "staging"}}, "APP_ENV");
    ExpectRejects({{"TELEPHONY", "asterisk"}}, "TELEPHONY");
    ExpectRejects({{"ENABLE_HOURLY_REFRESH", "maybe"}}, "ENABLE_HOURLY_REFRESH");
    ExpectRejects({{"ENABLE_PRE_CALL_VALIDATION", "2"}}, "ENABLE_PRE_CALL_VALIDATION");
    ExpectRejects({{"DATABASE_URL", "mysql://x/y"}}, "DATABASE_URL");
    ExpectRejects({{"REPLICA_DATABASE_URL", "postgresql://x/y"}}, "REPLICA_DATABASE_URL");
    ExpectRejects({{"REDIS_URL", "http://cache"}}, "REDIS_URL");
    ExpectRejects({{"PUBLIC_URL", "dialler.example"}}, "PUBLIC_URL");
    ExpectRejects({{"TWILIO_ACCOUNT_SID", "XX123"}}, "TWILIO_ACCOUNT_SID");
    ExpectRejects({{"DEMO_PASSWORD", "short"}}, "DEMO_PASSWORD");
}

TEST(LoadConfig, ParsesBooleansLeniently) {
    const auto c = Load({{"ENABLE_HOURLY_REFRESH", "FALSE"}, {"ENABLE_PRE_CALL_VALIDATION", "0"}});
    ASSERT_TRUE(c);
    EXPECT_FALSE(c->enable_hourly_refresh);
    EXPECT_FALSE(c->enable_pre_call_validation);
}

TEST(LoadConfig, RefusesMissingShortOrDefaultSecretsInProduction) {
    EnvMap missing = Production();
    missing.erase("MAGIC_LINK_SECRET");
    ExpectRejects(missing, "MAGIC_LINK_SECRET");

    EnvMap short_secret = Production();
    short_secret["MAGIC_LINK_SECRET"] = "tooshort";
    ExpectRejects(short_secret, "MAGIC_LINK_SECRET");

    for (const char* placeholder :
         {"your-super-secret-jwt-key-for-production-please",
          "changeme-changeme-changeme-changeme"}) {
        EnvMap placeholder_secret = Production();
        placeholder_secret["MAGIC_LINK_SECRET"] = placeholder;
        ExpectRejects(placeholder_secret, "MAGIC_LINK_SECRET");
    }
    EnvMap dev_default = Production();
    dev_default["MAGIC_LINK_SECRET"] = std::string(kDevMagicLinkSecret);
    ExpectRejects(dev_default, "MAGIC_LINK_SECRET");
}

TEST(LoadConfig, RequiresExplicitDatabasesAndHttpsInProduction) {
    EnvMap no_db = Production();
    no_db.erase("DATABASE_URL");
    ExpectRejects(no_db, "DATABASE_URL");
    EnvMap no_replica = Production();
    no_replica.erase("REPLICA_DATABASE_URL");
    ExpectRejects(no_replica, "REPLICA_DATABASE_URL");
    EnvMap http = Production();
    http["PUBLIC_URL"] = "http://dialler.example.co.uk";
    ExpectRejects(http, "PUBLIC_URL");
    EnvMap demo = Production();
    demo["DEMO_PASSWORD"] = "demo-password-2026";
    ExpectRejects(demo, "DEMO_PASSWORD");
    EnvMap hooks = Production();
    hooks["ENABLE_TEST_ENDPOINTS"] = "true";
    ExpectRejects(hooks, "ENABLE_TEST_ENDPOINTS");
}

TEST(LoadConfig, RequiresEveryTwilioCredentialForRealTelephony) {
    EnvMap env = Production();
    env["TELEPHONY"] = "twilio";
    ExpectRejects(env, "TWILIO_ACCOUNT_SID");
    env["TWILIO_ACCOUNT_SID"] = "AC0123";
    ExpectRejects(env, "TWILIO_AUTH_TOKEN");
}

TEST(LoadConfig, ServesMetricsToLoopbackOnlyUnlessConfigured) {
    const auto dev = Load({});
    ASSERT_TRUE(dev);
    EXPECT_TRUE(dev->metrics_token.empty());
    EXPECT_EQ(dev->metrics_port, 0);
    const auto bound = Load({{"METRICS_BIND", "10.0.0.5:9100"}});
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->metrics_bind_address, "10.0.0.5");
    EXPECT_EQ(bound->metrics_port, 9100);
    const auto v6 = Load({{"METRICS_BIND", "[::1]:9100"}});
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->metrics_bind_address, "::1");
    for (const char* bad :
         {"9100", ":9100", "host:", "host:0", "host:70000", "host:91x", "[::1]"}) {
        ExpectRejects({{"METRICS_BIND", bad}}, "METRICS_BIND");
    }
    ExpectRejects({{"METRICS_BIND", "127.0.0.1:8080"}}, "METRICS_BIND");
}

TEST(LoadConfig, ReadsCallingHoursLimitsWithinTheLegalBounds) {
    const auto dev = Load({});
    ASSERT_TRUE(dev);
    EXPECT_EQ(dev->calling_hours_earliest, 8 * 60);
    EXPECT_EQ(dev->calling_hours_latest, 21 * 60);
    const auto narrow = Load({{"CALLING_HOURS_LIMITS", "09:30-18:00"}});
    ASSERT_TRUE(narrow);
    EXPECT_EQ(narrow->calling_hours_earliest, 9 * 60 + 30);
    EXPECT_EQ(narrow->calling_hours_latest, 18 * 60);
    for (const char* bad : {"07:59-20:00", "08:00-21:01", "10:00-09:00", "8-21", "08:00", "nope"}) {
        ExpectRejects({{"CALLING_HOURS_LIMITS", bad}}, "CALLING_HOURS_LIMITS");
    }
}

TEST(LoadConfig, RefusesPublicMetricsInProduction) {
    EnvMap neither = Production();
    neither.erase("METRICS_TOKEN");
    ExpectRejects(neither, "METRICS_TOKEN");
    EnvMap own_listener = neither;
    own_listener["METRICS_BIND"] = "10.0.0.5:9100";
    EXPECT_TRUE(Load(own_listener));
    EnvMap weak = Production();
    weak["METRICS_TOKEN"] = "short";
    ExpectRejects(weak, "METRICS_TOKEN");
    weak["METRICS_TOKEN"] = "your-metrics-token-goes-here-0123456789";
    ExpectRejects(weak, "METRICS_TOKEN");
}

TEST(CheckServeUser, RefusesRootInProductionUnlessAllowed) {
    const auto prod = Load(Production());
    ASSERT_TRUE(prod);
    EXPECT_TRUE(CheckServeUser(*prod, 1000));
    const auto refused = CheckServeUser(*prod, 0);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "ALLOW_RUN_AS_ROOT");
    EnvMap allowed = Production();
    allowed["ALLOW_RUN_AS_ROOT"] = "true";
    EXPECT_TRUE(CheckServeUser(*Load(allowed), 0));
    // Development (make run on a laptop or a root-only container) is not refused.
    EXPECT_TRUE(CheckServeUser(*Load({}), 0));
}

TEST(ConfigWarnings, NameTheLegacyLinkFormatAndNothingByDefault) {
    EXPECT_TRUE(ConfigWarnings(*Load({})).empty());
    const auto legacy = Load({{"MAGIC_LINK_FORMAT", "legacy-mlid"}});
    ASSERT_TRUE(legacy);
    const auto warnings = ConfigWarnings(*legacy);
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_EQ(warnings[0].code, "legacy_magic_links");
    EXPECT_NE(warnings[0].message.find("MAGIC_LINK_FORMAT=legacy-mlid"), std::string::npos);
}

TEST(ParseDotEnv, ReadsCommentsQuotesAndExport) {
    const auto env = ParseDotEnv(
        "# comment\n"
        "PORT=9090\n"
        "export APP_ENV=development\n"
        "JWT_SECRET=\"with spaces # not a comment\"\n"
        "MAIN_APP_URL=https://x.example # trailing comment\n"
        "\n"
    );
    ASSERT_TRUE(env);
    EXPECT_EQ(env->at("PORT"), "9090");
    EXPECT_EQ(env->at("APP_ENV"), "development");
    EXPECT_EQ(env->at("JWT_SECRET"), "with spaces # not a comment");
    EXPECT_EQ(env->at("MAIN_APP_URL"), "https://x.example");
}

TEST(ParseDotEnv, NamesTheBadLine) {
    const auto env = ParseDotEnv("A=1\nthis is not an assignment\n");
    ASSERT_FALSE(env);
    EXPECT_NE(env.error().message.find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace dialler::platform
