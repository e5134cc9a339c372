// The `dialler` binary's commands, run as an operator would.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_databases.hpp"

namespace dialler {
namespace {

struct CommandRun {
    int exit_code = -1;
    std::string out;  // stdout and stderr together
};

// Runs the binary through the shell with `env` prefixed and `input` on stdin.
CommandRun Dialler(const std::string& env, const std::string& args, const std::string& input = "") {
    const std::string cmd = "printf '%s\\n' '" + input + "' | env -i PATH=/usr/bin:/bin " + env +
                            " " DIALLER_BIN " " + args + " 2>&1";
    CommandRun r;
    FILE* pipe =
        popen(cmd.c_str(), "r");  // NOLINT(cert-env33-c): test harness runs a fixed command
    if (pipe == nullptr) {
        return r;
    }
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) {
        r.out += buf.data();
    }
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

class CliTest : public ::testing::Test {
protected:
    testing::TempDir dir_;
    std::string env_ = "DATABASE_URL=" + dir_.SqliteUrl("own.db");
};

TEST_F(CliTest, PrintsItsVersionAndHelp) {
    const CommandRun v = Dialler("", "version");
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_NE(v.out.find("dialler 0."), std::string::npos);
    const CommandRun h = Dialler("", "agents --help");
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_NE(h.out.find("deactivate"), std::string::npos);
}

TEST_F(CliTest, ManagesAgentsWithPasswordsFromStdin) {
    ASSERT_EQ(Dialler(env_, "migrate").exit_code, 0);
    const CommandRun add = Dialler(
        env_,
        "agents add --email Kim@Example.com --name Kim --role supervisor --queues unsigned",
        "a-long-password-1"
    );
    ASSERT_EQ(add.exit_code, 0) << add.out;
    const CommandRun dup =
        Dialler(env_, "agents add --email kim@example.com --name Kim2", "a-long-password-1");
    EXPECT_EQ(dup.exit_code, 1) << dup.out;
    const CommandRun weak = Dialler(env_, "agents add --email lee@example.com --name Lee", "short");
    EXPECT_EQ(weak.exit_code, 2) << weak.out;

    ASSERT_EQ(Dialler(env_, "agents deactivate kim@example.com").exit_code, 0);
    const CommandRun list = Dialler(env_, "agents list --json");
    ASSERT_EQ(list.exit_code, 0) << list.out;
    const auto agents = nlohmann::json::parse(list.out);
    ASSERT_EQ(agents.size(), 1U);
    EXPECT_EQ(agents[0]["email"], "kim@example.com");
    EXPECT_EQ(agents[0]["role"], "supervisor");
    EXPECT_EQ(agents[0]["queues"], "unsigned");
    EXPECT_EQ(agents[0]["active"], false);
    EXPECT_EQ(list.out.find("a-long-password-1"), std::string::npos);

    EXPECT_EQ(Dialler(env_, "agents passwd kim@example.com", "another-long-pass").exit_code, 0);
    EXPECT_EQ(Dialler(env_, "agents passwd nobody@example.com", "another-long-pass").exit_code, 1);
}

TEST_F(CliTest, FailsStartUpNamingABadVariable) {
    const CommandRun r = Dialler("PORT=eighty", "serve");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("PORT"), std::string::npos) << r.out;
}

TEST_F(CliTest, RefusesProductionWithADefaultSecretWithoutPrintingIt) {
    const CommandRun r = Dialler(
        "APP_ENV=production DATABASE_URL=postgresql://u@127.0.0.1:1/d "
        "REPLICA_DATABASE_URL=mysql://u@127.0.0.1:1/r "
        "PUBLIC_URL=https://d.example MAIN_APP_URL=https://c.example "
        "MAGIC_LINK_SECRET=your-super-secret-jwt-key",
        "serve"
    );
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("MAGIC_LINK_SECRET"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("your-super-secret-jwt-key"), std::string::npos) << r.out;
}

// A magic-link page that could send customers off the platform stops the server before it starts.
TEST_F(CliTest, RefusesToServeWithAMagicLinkPathOffThePlatform) {
    const CommandRun r = Dialler("MAGIC_LINK_PATHS=documentUpload=//evil.example/x", "serve");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("MAGIC_LINK_PATHS"), std::string::npos) << r.out;
}

// Production serve as root is refused before it opens anything, unless explicitly allowed. The
// test runs as whoever runs the tests: as root (CI) it sees the refusal; as anyone else it sees
// that an ordinary user is not refused. Either way the run gets as far as the database, which
// is deliberately unreachable.
TEST_F(CliTest, RefusesToServeAsRootInProductionUnlessAllowed) {
    const std::string production =
        "APP_ENV=production DATABASE_URL=postgresql://u@127.0.0.1:1/d "
        "REPLICA_DATABASE_URL=mysql://u@127.0.0.1:1/r "
        "PUBLIC_URL=https://d.example MAIN_APP_URL=https://c.example "
        "MAGIC_LINK_SECRET=k2N9vR4tX8qL1mZ7pW3sY6bD0fH5jC9a "
        "METRICS_TOKEN=m7Q2xV9pL4sK8dR1tY6wB3nF0hJ5cZ2g";
    const CommandRun plain = Dialler(production, "serve");
    if (geteuid() == 0) {
        EXPECT_EQ(plain.exit_code, 2) << plain.out;
        EXPECT_NE(plain.out.find("ALLOW_RUN_AS_ROOT"), std::string::npos) << plain.out;
        EXPECT_EQ(plain.out.find("cannot connect"), std::string::npos) << plain.out;
    } else {
        EXPECT_EQ(plain.out.find("ALLOW_RUN_AS_ROOT"), std::string::npos) << plain.out;
        EXPECT_NE(plain.out.find("cannot connect to PostgreSQL"), std::string::npos) << plain.out;
    }
    const CommandRun allowed = Dialler(production + " ALLOW_RUN_AS_ROOT=true", "serve");
    EXPECT_NE(allowed.exit_code, 0);
    EXPECT_EQ(allowed.out.find("ALLOW_RUN_AS_ROOT"), std::string::npos) << allowed.out;
    EXPECT_NE(allowed.out.find("cannot connect to PostgreSQL"), std::string::npos) << allowed.out;
}

TEST_F(CliTest, ListsCustomersLeftOutForTheirPhoneAsCsv) {
    const std::string replica = dir_.SqliteUrl("replica.db");
    ASSERT_EQ(Dialler("", "demo-data --users 300 --out " + replica).exit_code, 0);
    const std::string env = env_ + " REPLICA_DATABASE_URL=" + replica;
    ASSERT_EQ(Dialler(env, "migrate").exit_code, 0);
    ASSERT_EQ(Dialler(env, "discover --full").exit_code, 0);
    const CommandRun csv = Dialler(env, "report data-quality --csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.out;
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < csv.out.size()) {
        const auto end = csv.out.find('\n', start);
        lines.push_back(csv.out.substr(start, end - start));
        start = end == std::string::npos ? csv.out.size() : end + 1;
    }
    ASSERT_GE(lines.size(), 2U) << csv.out;  // the demo data has messy numbers
    EXPECT_EQ(lines[0], "userId,reasons,phone");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const bool phone_reason = lines[i].find("no_valid_phone") != std::string::npos ||
                                  lines[i].find("not_uk_dialable") != std::string::npos;
        EXPECT_TRUE(phone_reason) << lines[i];
    }
    const CommandRun json = Dialler(env, "report data-quality");
    ASSERT_EQ(json.exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(json.out)["customers"].size(), lines.size() - 1);
}

TEST_F(CliTest, ChecksTheReplicaIndexesAndNamesAMissingOneWithItsDdl) {
    const std::string replica = dir_.SqliteUrl("replica.db");
    ASSERT_EQ(Dialler("", "demo-data --users 20 --out " + replica).exit_code, 0);
    const std::string env = "REPLICA_DATABASE_URL=" + replica;
    const CommandRun all = Dialler(env, "replica check");
    EXPECT_EQ(all.exit_code, 0) << all.out;
    EXPECT_NE(all.out.find("All the indexes the dialler needs are present."), std::string::npos)
        << all.out;
    EXPECT_EQ(all.out.find("MISSING"), std::string::npos) << all.out;
    {
        soci::session s(soci::sqlite3, "db=" + (dir_.path() / "replica.db").string());
        s << "DROP INDEX claims_user_id_index";
    }
    const CommandRun missing = Dialler(env, "replica check");
    EXPECT_EQ(missing.exit_code, 1) << missing.out;
    EXPECT_NE(missing.out.find("MISSING  claims(user_id)"), std::string::npos) << missing.out;
    EXPECT_NE(
        missing.out.find("CREATE INDEX claims_user_id_index ON claims (user_id);"),
        std::string::npos
    ) << missing.out;
    EXPECT_NE(missing.out.find("~"), std::string::npos) << missing.out;  // the table's size
}

// docs/replica-indexes.md is what the platform team reads: it must ask for exactly what the
// check looks for.
TEST_F(CliTest, TheReplicaIndexDocumentListsEveryIndexTheCheckNeeds) {
    std::ifstream doc(std::string(DIALLER_SOURCE_DIR) + "/docs/replica-indexes.md");
    ASSERT_TRUE(doc);
    const std::string text{std::istreambuf_iterator<char>(doc), std::istreambuf_iterator<char>()};
    const std::string replica = dir_.SqliteUrl("replica.db");
    ASSERT_EQ(Dialler("", "demo-data --users 5 --out " + replica).exit_code, 0);
    const CommandRun check = Dialler("REPLICA_DATABASE_URL=" + replica, "replica check");
    int listed = 0;
    for (std::size_t at = check.out.find("ok       "); at != std::string::npos;
         at = check.out.find("ok       ", at + 1)) {
        const std::size_t end = check.out.find(':', at);
        const std::string name = check.out.substr(at + 9, end - at - 9);  // "claims(user_id)"
        EXPECT_NE(text.find("`" + name + "`"), std::string::npos) << name;
        ++listed;
    }
    EXPECT_EQ(listed, 7);
}

TEST_F(CliTest, ReportsMigrationStatus) {
    const CommandRun before = Dialler(env_, "migrate --status");
    EXPECT_EQ(before.exit_code, 0);
    EXPECT_NE(before.out.find("pending  0001_"), std::string::npos) << before.out;
    ASSERT_EQ(Dialler(env_, "migrate").exit_code, 0);
    const CommandRun after = Dialler(env_, "migrate --status");
    EXPECT_NE(after.out.find("applied  0001_"), std::string::npos) << after.out;
}

TEST_F(CliTest, AuditVerifyFailsAfterASealedEntryIsEditedInTheDatabase) {
    ASSERT_EQ(Dialler(env_, "migrate").exit_code, 0);
    for (const char* email : {"kim@example.com", "lee@example.com"}) {
        const CommandRun add = Dialler(
            env_,
            std::string("agents add --email ") + email + " --name Someone",
            "a-long-password-1"
        );
        ASSERT_EQ(add.exit_code, 0) << add.out;
    }
    const CommandRun sealed = Dialler(env_, "audit seal");
    ASSERT_EQ(sealed.exit_code, 0) << sealed.out;
    EXPECT_NE(sealed.out.find("sealed 2 audit entries"), std::string::npos) << sealed.out;
    const CommandRun intact = Dialler(env_, "audit verify");
    EXPECT_EQ(intact.exit_code, 0) << intact.out;
    EXPECT_NE(intact.out.find("audit log intact: 2 entries sealed"), std::string::npos)
        << intact.out;

    {
        // Someone with the database's keys lifts the append-only trigger and rewrites history.
        soci::session s(soci::sqlite3, "db=" + (dir_.path() / "own.db").string());
        s << "DROP TRIGGER audit_log_no_update";
        s << "UPDATE audit_log SET subject_id = '999' WHERE id = 2";
    }
    const CommandRun broken = Dialler(env_, "audit verify");
    EXPECT_EQ(broken.exit_code, 1) << broken.out;
    EXPECT_NE(broken.out.find("audit log broken at entry 2: changed"), std::string::npos)
        << broken.out;
}

// `dialler export customer ID`: the subject access zip on disk (stored entries, so the names and
// the JSON can be read straight off the bytes), the export audited as the CLI's; a customer the
// replica does not have and a malformed id write nothing.
TEST_F(CliTest, ExportsEverythingHeldAboutACustomerAsAZip) {
    const std::string replica = dir_.SqliteUrl("replica.db");
    ASSERT_EQ(Dialler("", "demo-data --users 30 --out " + replica).exit_code, 0);
    const std::string env = env_ + " REPLICA_DATABASE_URL=" + replica;
    ASSERT_EQ(Dialler(env, "migrate").exit_code, 0);
    ASSERT_EQ(Dialler(env, "discover --full").exit_code, 0);
    const std::filesystem::path out = dir_.path() / "sar.zip";
    const CommandRun run = Dialler(env, "export customer 7 --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.out;
    EXPECT_NE(run.out.find("wrote " + out.string()), std::string::npos) << run.out;
    std::ifstream file(out, std::ios::binary);
    const std::string zip((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    ASSERT_GE(zip.size(), 4U);
    EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
    for (const char* name :
         {"README.txt", "customer.json", "calls.csv", "texts_sent.csv", "links.csv", "audit.csv"}) {
        EXPECT_NE(zip.find(name), std::string::npos) << name;
    }
    EXPECT_NE(zip.find("\"userId\": \"7\""), std::string::npos);
    {
        soci::session s(soci::sqlite3, "db=" + (dir_.path() / "own.db").string());
        long long exported = 0;
        s << "SELECT COUNT(*) FROM audit_log WHERE action = 'customer.exported' AND subject_id = "
             "'7' "
             "AND actor_kind = 'cli'",
            soci::into(exported);
        EXPECT_EQ(exported, 1);
    }

    const std::filesystem::path nobody = dir_.path() / "nobody.zip";
    const CommandRun missing = Dialler(env, "export customer 999999 --out " + nobody.string());
    EXPECT_NE(missing.exit_code, 0) << missing.out;
    EXPECT_FALSE(std::filesystem::exists(nobody));
    EXPECT_EQ(Dialler(env, "export customer seven").exit_code, 2);
}

TEST_F(CliTest, RefusesRealTelephonyAgainstADemoReplica) {
    const std::string replica = dir_.SqliteUrl("replica.db");
    ASSERT_EQ(Dialler("", "demo-data --users 20 --out " + replica).exit_code, 0);
    const CommandRun r =
        Dialler(env_ + " REPLICA_DATABASE_URL=" + replica + " TELEPHONY=twilio PORT=1", "serve");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("demo replica"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dialler
