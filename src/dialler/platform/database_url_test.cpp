#include "dialler/platform/database_url.hpp"

#include <gtest/gtest.h>

namespace dialler::platform {
namespace {

TEST(ParseDatabaseUrl, TakesTheRestOfASqliteUrlAsThePath) {
    EXPECT_EQ(ParseDatabaseUrl("sqlite:///tmp/own.db", "X")->path, "/tmp/own.db");
    EXPECT_EQ(ParseDatabaseUrl("sqlite://var/own.db", "X")->path, "var/own.db");
}

TEST(ParseDatabaseUrl, SplitsServerUrlsAndDecodesCredentials) {
    const auto u =
        ParseDatabaseUrl("postgres://app%40x:p%3Ass@db.internal:6543/dialler?sslmode=require", "X");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->scheme, "postgresql");
    EXPECT_EQ(u->user, "app@x");
    EXPECT_EQ(u->password, "p:ss");
    EXPECT_EQ(u->host, "db.internal");
    EXPECT_EQ(u->port, 6543);
    EXPECT_EQ(u->database, "dialler");
    EXPECT_EQ(u->params.at("sslmode"), "require");

    const auto m = ParseDatabaseUrl("mysql://readonly@replica/main_db", "X");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->scheme, "mysql");
    EXPECT_FALSE(m->port);
    EXPECT_EQ(m->password, "");
}

TEST(ParseDatabaseUrl, RejectsMalformedUrlsWithoutEchoingThem) {
    for (const char* bad :
         {"nonsense",
          "postgresql://user:secretpw@host",
          "postgresql://user:secretpw@host:99999/db",
          "oracle://h/d",
          "mysql://:secretpw@/db",
          "sqlite://"}) {
        const auto r = ParseDatabaseUrl(bad, "DATABASE_URL");
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().field, "DATABASE_URL");
        EXPECT_EQ(r.error().message.find("secretpw"), std::string::npos);
    }
}

TEST(QuoteConnectValue, EscapesQuotesAndBackslashes) {
    EXPECT_EQ(QuoteConnectValue("plain"), "'plain'");
    EXPECT_EQ(QuoteConnectValue(R"(it's a\b)"), R"('it\'s a\\b')");
}

TEST(RedactUrl, HidesThePassword) {
    EXPECT_EQ(RedactUrl("mysql://ro:s3cret@replica:3306/main"), "mysql://ro:***@replica:3306/main");
    EXPECT_EQ(RedactUrl("postgresql://u@h/d"), "postgresql://u@h/d");
    EXPECT_EQ(RedactUrl("sqlite:///tmp/a.db"), "sqlite:///tmp/a.db");
}

}  // namespace
}  // namespace dialler::platform
