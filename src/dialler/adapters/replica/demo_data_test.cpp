#include "dialler/adapters/replica/demo_data.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace dialler::adapters::replica {
namespace {

// The columns the shared replica-schema.md lists, written out independently of the generator so
// that a column dropped or misspelt there fails here.
const std::map<std::string, std::set<std::string>>& DocumentedColumns() {
    static const std::map<std::string, std::set<std::string>> columns{
        {"users",
         {"id",
          "email_address",
          "password",
          "is_enabled",
          "status",
          "first_name",
          "last_name",
          "phone_number",
          "date_of_birth",
          "previous_name",
          "current_user_address_id",
          "current_user_id_document_id",
          "current_signature_file_id",
          "notification_channels",
          "third_party_claim_partner",
          "solicitor",
          "introducer",
          "credit_response_selection_completed",
          "justcall_id",
          "voluum_click_id",
          "pipedrive_id",
          "google_drive_link",
          "last_login",
          "remember_token",
          "checkboard_address_links_api_request",
          "checkboard_address_links_api_response",
          "checkboard_user_invite_api_request",
          "checkboard_user_batch_api_request",
          "checkboard_user_verify_otp_api_request",
          "created_at",
          "updated_at"}},
        {"claims",
         {"id",
          "user_id",
          "type",
          "status",
          "lender",
          "solicitor",
          "client_last_updated_at",
          "created_at",
          "updated_at"}},
        {"claim_requirements",
         {"id",
          "claim_id",
          "type",
          "status",
          "claim_requirement_reason",
          "claim_requirement_rejection_reason",
          "created_at",
          "updated_at"}},
        {"claim_vehicle_packages",
         {"id",
          "claim_id",
          "vehicle_registration",
          "vehicle_make",
          "vehicle_model",
          "dealership_name",
          "monthly_payment",
          "contract_start_date",
          "status",
          "created_at",
          "updated_at"}},
        {"user_addresses",
         {"id",
          "user_id",
          "type",
          "is_linked_address",
          "full_address",
          "address_line_1",
          "address_line_2",
          "house_number",
          "street",
          "building_name",
          "county",
          "district",
          "post_code",
          "post_town",
          "country",
          "checkboard_address_id",
          "checkboard_raw_address",
          "openai_matching_result",
          "openai_matching_api_details",
          "is_parsed_address",
          "created_at",
          "updated_at"}},
        {"user_logs",
         {"id", "user_id", "type", "detail", "ip_address", "created_at", "updated_at"}},
        {"demo_marker", {"id", "generator", "seed", "users", "generated_for"}},
    };
    return columns;
}

// A fresh directory under the system temp dir, removed with everything in it.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "dialler-demo-data-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ScratchDir(ScratchDir&&) = delete;
    ScratchDir& operator=(ScratchDir&&) = delete;

    std::string File(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

platform::DatabaseUrl SqliteUrl(const std::string& path) {
    platform::DatabaseUrl url;
    url.scheme = "sqlite";
    url.path = path;
    return url;
}

DemoDataOptions Options(int users, std::uint64_t seed) {
    DemoDataOptions options;
    options.users = users;
    options.seed = seed;
    return options;
}

std::unique_ptr<soci::session> Open(const std::string& path) {
    return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path + "\"");
}

long long Count(soci::session& session, const std::string& sql) {
    long long n = -1;
    session << sql, soci::into(n);
    return n;
}

std::vector<std::string> Strings(soci::session& session, const std::string& sql) {
    std::vector<std::string> out;
    const soci::rowset<std::string> rows = session.prepare << sql;
    for (const std::string& value : rows) {
        out.push_back(value);
    }
    return out;
}

std::set<std::string> Tables(soci::session& session) {
    const auto names = Strings(session, "SELECT name FROM sqlite_master WHERE type = 'table'");
    return {names.begin(), names.end()};
}

std::set<std::string> Columns(soci::session& session, const std::string& table) {
    const auto names = Strings(session, "SELECT name FROM pragma_table_info('" + table + "')");
    return {names.begin(), names.end()};
}

// Every row of every table as quoted text (quote() tells NULL from '' and 1 from '1'), in id order.
std::map<std::string, std::vector<std::string>> Dump(const std::string& path) {
    auto session = Open(path);
    std::map<std::string, std::vector<std::string>> dump;
    for (const auto& [table, documented] : DocumentedColumns()) {
        std::string expr;
        for (const std::string& column : Strings(
                 *session, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"
             )) {
            expr += (expr.empty() ? "" : " || '|' || ") + ("quote(" + column + ")");
        }
        dump[table] = Strings(*session, "SELECT " + expr + " FROM " + table + " ORDER BY id");
    }
    return dump;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Splits the DDL as WriteDemoReplica does and returns the CREATE TABLE statement for `table`.
std::string CreateStatement(const std::string& sql, const std::string& table) {
    const std::string head = "CREATE TABLE " + table + " (";
    for (std::size_t begin = 0; begin < sql.size();) {
        const std::size_t end = sql.find(";\n", begin);
        const std::string statement =
            sql.substr(begin, end == std::string::npos ? end : end - begin);
        if (statement.rfind(head, 0) == 0) {
            return statement;
        }
        if (end == std::string::npos) {
            break;
        }
        begin = end + 2;
    }
    return "";
}

// Returns column name -> type text from a CREATE TABLE statement laid out one column per line.
std::map<std::string, std::string> DdlColumns(const std::string& statement) {
    std::map<std::string, std::string> columns;
    std::size_t line_start = statement.find('\n');
    while (line_start != std::string::npos) {
        const std::size_t line_end = statement.find('\n', line_start + 1);
        std::string line = statement.substr(
            line_start + 1,
            line_end == std::string::npos ? std::string::npos : line_end - line_start - 1
        );
        line_start = line_end;
        const std::size_t name_start = line.find_first_not_of(' ');
        if (name_start == std::string::npos || line[name_start] == ')') {
            continue;
        }
        const std::size_t name_end = line.find(' ', name_start);
        columns[line.substr(name_start, name_end - name_start)] = line.substr(name_end + 1);
    }
    return columns;
}

// --- Schema ---------------------------------------------------------------------------------

TEST(DemoDataSchema, HasEveryDocumentedColumnInSqlite) {
    const ScratchDir dir;
    WriteDemoReplica(SqliteUrl(dir.File("replica.db")), Options(20, 1));
    auto session = Open(dir.File("replica.db"));
    for (const auto& [table, documented] : DocumentedColumns()) {
        EXPECT_EQ(Columns(*session, table), documented) << table;
    }
}

TEST(DemoDataSchema, MysqlDdlHasEveryDocumentedColumnAndType) {
    const std::string sql = ReplicaSchemaSql(ReplicaDialect::kMysql);
    for (const auto& [table, documented] : DocumentedColumns()) {
        const std::string statement = CreateStatement(sql, table);
        ASSERT_FALSE(statement.empty()) << table;
        std::set<std::string> names;
        for (const auto& [name, type] : DdlColumns(statement)) {
            names.insert(name);
        }
        EXPECT_EQ(names, documented) << table;
        EXPECT_NE(statement.find("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"), std::string::npos)
            << table;
    }
    const auto users = DdlColumns(CreateStatement(sql, "users"));
    EXPECT_EQ(users.at("id").rfind("BIGINT UNSIGNED", 0), 0u);
    EXPECT_EQ(users.at("is_enabled").rfind("TINYINT(1)", 0), 0u);
    EXPECT_EQ(users.at("notification_channels").rfind("JSON", 0), 0u);
    EXPECT_EQ(users.at("date_of_birth").rfind("DATE ", 0), 0u);
    EXPECT_EQ(users.at("updated_at").rfind("DATETIME", 0), 0u);
    EXPECT_EQ(users.at("justcall_id").rfind("INT ", 0), 0u);
    const auto packages = DdlColumns(CreateStatement(sql, "claim_vehicle_packages"));
    EXPECT_EQ(packages.at("monthly_payment").rfind("DECIMAL(10,2)", 0), 0u);
    EXPECT_EQ(packages.at("id").rfind("VARCHAR(255)", 0), 0u);
    const auto claims = DdlColumns(CreateStatement(sql, "claims"));
    EXPECT_EQ(claims.at("user_id").rfind("BIGINT UNSIGNED", 0), 0u);
    const auto logs = DdlColumns(CreateStatement(sql, "user_logs"));
    EXPECT_EQ(logs.at("detail").rfind("TEXT", 0), 0u);
}

TEST(DemoDataSchema, IndexesTheLookupColumns) {
    const ScratchDir dir;
    WriteDemoReplica(SqliteUrl(dir.File("replica.db")), Options(5, 1));
    auto session = Open(dir.File("replica.db"));
    const std::vector<std::pair<std::string, std::string>> expected{
        {"claims", "user_id"},
        {"claim_requirements", "claim_id"},
        {"claim_vehicle_packages", "claim_id"},
        {"user_addresses", "user_id"},
        {"users", "updated_at"},
        {"claims", "updated_at"},
        {"claim_requirements", "updated_at"},
    };
    for (const auto& [table, column] : expected) {
        EXPECT_EQ(
            Count(
                *session,
                "SELECT COUNT(*) FROM pragma_index_list('" + table +
                    "') AS l JOIN pragma_index_info(l.name) AS i WHERE i.name = '" + column + "'"
            ),
            1
        ) << table
          << "." << column;
    }
}

TEST(DemoDataSchema, SqliteDdlRunsStatementByStatement) {
    const ScratchDir dir;
    auto session = Open(dir.File("schema.db"));
    const std::string sql = ReplicaSchemaSql(ReplicaDialect::kSqlite);
    int statements = 0;
    for (std::size_t begin = 0, end = 0; (end = sql.find(";\n", begin)) != std::string::npos;
         begin = end + 2) {
        *session << sql.substr(begin, end - begin);
        ++statements;
    }
    EXPECT_EQ(sql.substr(sql.size() - 2), ";\n");
    EXPECT_GE(statements, 7 + 7);  // seven tables, at least seven indexes
    EXPECT_EQ(Tables(*session).size(), DocumentedColumns().size());
}

// --- Determinism ----------------------------------------------------------------------------

TEST(DemoDataDeterminism, SameOptionsWriteIdenticalTables) {
    const ScratchDir dir;
    const DemoDataOptions options = Options(700, 42);
    const DemoDataSummary first = WriteDemoReplica(SqliteUrl(dir.File("a.db")), options);
    const DemoDataSummary second = WriteDemoReplica(SqliteUrl(dir.File("b.db")), options);
    const auto a = Dump(dir.File("a.db"));
    const auto b = Dump(dir.File("b.db"));
    EXPECT_EQ(first.claims, second.claims);
    EXPECT_EQ(first.requirements, second.requirements);
    ASSERT_EQ(a.at("users").size(), 700u);
    for (const auto& [table, rows] : a) {
        EXPECT_TRUE(rows == b.at(table)) << table << " differs between two runs with the same seed";
    }
}

TEST(DemoDataDeterminism, DifferentSeedsWriteDifferentTables) {
    const ScratchDir dir;
    WriteDemoReplica(SqliteUrl(dir.File("a.db")), Options(300, 1));
    WriteDemoReplica(SqliteUrl(dir.File("b.db")), Options(300, 2));
    const auto a = Dump(dir.File("a.db"));
    const auto b = Dump(dir.File("b.db"));
    for (const std::string table : {"users", "claims", "claim_requirements", "user_addresses"}) {
        EXPECT_FALSE(a.at(table) == b.at(table)) << table;
    }
}

TEST(DemoDataDeterminism, AllTimesLieBeforeAsOf) {
    const ScratchDir dir;
    DemoDataOptions options = Options(400, 3);
    options.as_of = std::chrono::sys_days{std::chrono::year{2024} / 3 / 15};
    WriteDemoReplica(SqliteUrl(dir.File("replica.db")), options);
    auto session = Open(dir.File("replica.db"));
    const std::string as_of = "'2024-03-15 00:00:00'";
    const std::string earliest = "'2022-03-15 00:00:00'";  // two years of history
    for (const std::string table :
         {"users",
          "claims",
          "claim_requirements",
          "claim_vehicle_packages",
          "user_addresses",
          "user_logs"}) {
        EXPECT_EQ(
            Count(
                *session,
                "SELECT COUNT(*) FROM " + table +
                    " WHERE created_at IS NULL OR updated_at IS NULL"
                    " OR updated_at < created_at OR updated_at >= " +
                    as_of + " OR created_at < " + earliest +
                    " OR created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
                    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'"
            ),
            0
        ) << table;
        EXPECT_GT(
            Count(*session, "SELECT COUNT(*) FROM " + table + " WHERE updated_at >= '2024-01-01'"),
            0
        ) << table;
    }
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM users WHERE last_login >= " + as_of), 0);
    EXPECT_EQ(
        Count(*session, "SELECT COUNT(*) FROM demo_marker WHERE generated_for = '2024-03-15'"), 1
    );
}

// --- Content --------------------------------------------------------------------------------

// One replica shared by the read-only content checks: generating it is the slow part.
class DemoDataContentTest : public ::testing::Test {
protected:
    static constexpr int kUsers = 2000;
    static constexpr std::uint64_t kSeed = 7;

    static void SetUpTestSuite() {
        dir_ = std::make_unique<ScratchDir>();
        summary_ = WriteDemoReplica(SqliteUrl(dir_->File("replica.db")), Options(kUsers, kSeed));
    }
    static void TearDownTestSuite() { dir_.reset(); }
    void SetUp() override { session_ = Open(dir_->File("replica.db")); }

    long long Count(const std::string& sql) { return replica::Count(*session_, sql); }
    double Share(const std::string& table, const std::string& condition) {
        return static_cast<double>(Count("SELECT COUNT(*) FROM " + table + " WHERE " + condition)) /
               static_cast<double>(Count("SELECT COUNT(*) FROM " + table));
    }

    static std::unique_ptr<ScratchDir> dir_;
    static DemoDataSummary summary_;
    std::unique_ptr<soci::session> session_;
};

std::unique_ptr<ScratchDir> DemoDataContentTest::dir_;
DemoDataSummary DemoDataContentTest::summary_;

TEST_F(DemoDataContentTest, SummaryCountsEqualTableCounts) {
    EXPECT_EQ(summary_.users, kUsers);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), summary_.users);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), summary_.claims);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_requirements"), summary_.requirements);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_vehicle_packages"), summary_.vehicle_packages);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM user_addresses"), summary_.addresses);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM user_logs"), summary_.user_logs);
    EXPECT_GT(summary_.claims, kUsers);
    EXPECT_GT(summary_.requirements, summary_.claims);
    EXPECT_GT(summary_.user_logs, 0);
}

TEST_F(DemoDataContentTest, RecordsTheOptionsInTheMarker) {
    long long seed = 0;
    int users = 0;
    std::string generated_for;
    *session_ << "SELECT seed, users, generated_for FROM demo_marker WHERE id = 1",
        soci::into(seed), soci::into(users), soci::into(generated_for);
    EXPECT_EQ(seed, static_cast<long long>(kSeed));
    EXPECT_EQ(users, kUsers);
    EXPECT_EQ(generated_for, "2026-11-01");
}

TEST_F(DemoDataContentTest, HasMessyPhoneNumbers) {
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number IS NULL"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number = ''"), 0);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM users WHERE phone_number IN ('n/a', 'unknown', '123')"), 0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM users WHERE REPLACE(phone_number, ' ', '') LIKE '%7700900___'"),
        0
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number LIKE '01632 960___'"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number LIKE '+33 6 %'"), 0);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM users WHERE phone_number LIKE '07781 %' OR phone_number LIKE "
              "'07797 %'"
              " OR phone_number LIKE '+44 7624 %'"),
        0
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number LIKE '09%'"), 0);
    // Several spellings of the callable mobiles.
    for (const std::string pattern :
         {"+4474%", "074__ %", "074__-___-___", "4474%", "74%", "(074__) %", " 074% "}) {
        EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE phone_number LIKE '" + pattern + "'"), 0)
            << pattern;
    }
    const double callable = Share(
        "users",
        "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(phone_number, ' ', ''), '-', ''),"
        " '(', ''), ')', ''), '+', '') GLOB '*740[0-9][1-9][0-9][0-9][0-9][0-9][0-9]'"
    );
    EXPECT_GT(callable, 0.70);
    EXPECT_LT(callable, 0.90);
}

TEST_F(DemoDataContentTest, GivesEachUserADistinctCallableMobile) {
    std::set<std::string> seen;
    int callable = 0;
    for (const std::string& phone :
         Strings(*session_, "SELECT phone_number FROM users WHERE phone_number IS NOT NULL")) {
        std::string digits;
        for (const char c : phone) {
            if (c >= '0' && c <= '9') {
                digits += c;
            }
        }
        if (digits.size() < 10) {
            continue;
        }
        const std::string nsn = digits.substr(digits.size() - 10);
        if (nsn.rfind("740", 0) != 0) {
            continue;
        }
        ++callable;
        EXPECT_TRUE(seen.insert(nsn).second) << "duplicate callable number " << phone;
    }
    EXPECT_GT(callable, kUsers / 2);
}

TEST_F(DemoDataContentTest, HasMessyUsers) {
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE first_name IS NULL OR first_name = ''"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE last_name LIKE '%''%'"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE email_address IS NULL"), 0);
    EXPECT_EQ(
        Count(
            "SELECT COUNT(*) FROM users WHERE email_address IS NOT NULL AND email_address NOT LIKE "
            "'%@example.com' AND email_address NOT LIKE '%@example.co.uk'"
        ),
        0
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE is_enabled = 0"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE status IS NULL"), 0);
    for (const std::string status :
         {"lead", "customer", "active", "ACTIVE", "inactive", "cancelled", "CANCELLED"}) {
        EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE status = '" + status + "'"), 0) << status;
    }
    const double closed = Share("users", "LOWER(status) IN ('inactive', 'cancelled')");
    EXPECT_GT(closed, 0.02);
    EXPECT_LT(closed, 0.10);
    EXPECT_GT(Count("SELECT COUNT(*) FROM users WHERE date_of_birth IS NULL"), 0);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM users WHERE date_of_birth < '1945-01-01' OR date_of_birth > "
              "'2006-12-31'"),
        0
    );
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE introducer IS NULL"), 0);
    EXPECT_GT(Share("users", "introducer = 'mcc'"), 0.8);
}

TEST_F(DemoDataContentTest, StoresOnlyDummySecrets) {
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM users WHERE password IS NOT NULL AND password <> "
              "'not-a-real-hash'"),
        0
    );
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM users WHERE remember_token IS NOT NULL AND remember_token <> "
              "'not-a-real-hash'"),
        0
    );
}

TEST_F(DemoDataContentTest, LeavesAboutAThirdUnsigned) {
    const double unsigned_share = Share("users", "current_signature_file_id IS NULL");
    EXPECT_GE(unsigned_share, 0.20);
    EXPECT_LE(unsigned_share, 0.40);
}

TEST_F(DemoDataContentTest, HasMixedCasePendingRequirements) {
    for (const std::string status :
         {"pending", "PENDING", "Pending", "in_progress", "completed", "rejected"}) {
        EXPECT_GT(
            Count("SELECT COUNT(*) FROM claim_requirements WHERE status = '" + status + "'"), 0
        ) << status;
    }
    EXPECT_GT(Count("SELECT COUNT(*) FROM claim_requirements WHERE status IS NULL"), 0);
    const double pending = Share("claim_requirements", "LOWER(status) = 'pending'");
    EXPECT_GE(pending, 0.28);
    EXPECT_LE(pending, 0.42);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE status = 'rejected' AND "
              "claim_requirement_rejection_reason IS NOT NULL"),
        0
    );
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE status IS NOT 'rejected' AND "
              "claim_requirement_rejection_reason IS NOT NULL"),
        0
    );
}

TEST_F(DemoDataContentTest, GivesIdDocumentsTheBaseReason) {
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE type = 'id_document' AND "
              "claim_requirement_reason = 'base requirement for claim.'"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE type = 'id_document' AND "
              "claim_requirement_reason = 'Lender requested ID'"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE type = 'id_document' AND "
              "claim_requirement_reason IS NULL"),
        0
    );
    for (const std::string type :
         {"id_document",
          "proof_of_address",
          "bank_statement",
          "finance_agreement",
          "signature",
          "vehicle_registration",
          "cfa",
          "solicitor_letter_of_authority",
          "letter_of_authority",
          "payslip"}) {
        EXPECT_GT(Count("SELECT COUNT(*) FROM claim_requirements WHERE type = '" + type + "'"), 0)
            << type;
    }
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM claim_requirements WHERE id NOT GLOB "
              "'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-*-*-*' OR "
              "length(id) <> 36"),
        0
    );
}

TEST_F(DemoDataContentTest, HasClosedClaimsAndUsersWithoutActiveClaims) {
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE status = 'cancelled'"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE status = 'CANCELLED'"), 0);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claims WHERE status IN ('complete', 'Complete', 'completed')"),
        0
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE status IS NULL"), 0);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM users u WHERE EXISTS (SELECT 1 FROM claims c WHERE c.user_id = "
              "u.id) "
              "AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.user_id = u.id AND (c.status IS NULL "
              "OR "
              "LOWER(c.status) NOT IN ('cancelled', 'complete', 'completed')))"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE "
              "c.user_id = u.id)"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM (SELECT user_id FROM claims GROUP BY user_id HAVING COUNT(*) "
              ">= 4)"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claims WHERE type = 'vehicle'"),
        Count("SELECT COUNT(*) FROM claims") / 2
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE type IS NULL OR type = 'credit_card'"), 0);
}

TEST_F(DemoDataContentTest, HasOrphans) {
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = "
              "c.user_id)"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_requirements r WHERE NOT EXISTS "
              "(SELECT 1 FROM claims c WHERE c.id = r.claim_id)"),
        0
    );
    EXPECT_LT(Share("claims", "user_id > " + std::to_string(kUsers)), 0.02);
}

TEST_F(DemoDataContentTest, UsesKnownUnknownAndMissingLenders) {
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claims WHERE lender = 'black_horse'"),
        Count("SELECT COUNT(*) FROM claims WHERE lender = 'alphera'")
    );
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE lender = 'placeholder'"), 0);
    EXPECT_GT(Count("SELECT COUNT(*) FROM claims WHERE lender IS NULL"), 0);
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claims WHERE lender IN ('acme_motor_credit', "
              "'northern_vehicle_loans', "
              "'fastlane_car_credit_2019', 'unknown')"),
        0
    );
    EXPECT_GT(Count("SELECT COUNT(DISTINCT lender) FROM claims"), 50);
}

TEST_F(DemoDataContentTest, AddsVehiclePackagesToVehicleClaims) {
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM claim_vehicle_packages p JOIN claims c ON c.id = p.claim_id "
              "WHERE c.type IS NOT 'vehicle'"),
        0
    );
    const double covered =
        static_cast<double>(Count("SELECT COUNT(*) FROM claim_vehicle_packages")) /
        static_cast<double>(Count("SELECT COUNT(*) FROM claims WHERE type = 'vehicle'"));
    EXPECT_GT(covered, 0.75);
    EXPECT_LT(covered, 0.95);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM claim_vehicle_packages WHERE monthly_payment < 99 OR "
              "monthly_payment > 650 "
              "OR monthly_payment <> ROUND(monthly_payment, 2)"),
        0
    );
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM claim_vehicle_packages WHERE contract_start_date < "
              "'2007-01-01' OR "
              "contract_start_date > '2021-12-31 23:59:59'"),
        0
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_vehicle_packages WHERE vehicle_registration GLOB "
              "'[A-Z][A-Z][0-9][0-9] [A-Z][A-Z][A-Z]'"),
        Count("SELECT COUNT(*) FROM claim_vehicle_packages") / 2
    );
    EXPECT_GT(
        Count("SELECT COUNT(*) FROM claim_vehicle_packages WHERE vehicle_make = 'Ford' AND "
              "vehicle_model = "
              "'Fiesta'"),
        0
    );
}

TEST_F(DemoDataContentTest, LinksCurrentAndPreviousAddresses) {
    EXPECT_GT(Count("SELECT COUNT(*) FROM user_addresses WHERE is_linked_address = 1"), 0);
    // Every current-address pointer names a current address of the same user.
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM users u WHERE u.current_user_address_id IS NOT NULL AND NOT "
              "EXISTS "
              "(SELECT 1 FROM user_addresses a WHERE a.id = u.current_user_address_id AND "
              "a.user_id = u.id "
              "AND a.is_linked_address = 0)"),
        0
    );
    const double pointed = Share("users", "current_user_address_id IS NOT NULL");
    EXPECT_GT(pointed, 0.93);
    EXPECT_LT(pointed, 1.0);
    EXPECT_EQ(
        Count(
            "SELECT COUNT(*) FROM (SELECT user_id FROM user_addresses WHERE is_linked_address = 0 "
            "GROUP BY user_id HAVING COUNT(*) > 1)"
        ),
        0
    );
    EXPECT_GT(
        Count(
            "SELECT COUNT(*) FROM user_addresses WHERE post_code GLOB '[A-Z]*[0-9] [0-9][A-Z][A-Z]'"
        ),
        0
    );
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM user_addresses WHERE full_address IS NULL OR "
              "instr(full_address, post_town) "
              "= 0"),
        0
    );
}

// --- Safety ---------------------------------------------------------------------------------

TEST(DemoDataSafety, RefusesADatabaseWithUsersButNoMarker) {
    const ScratchDir dir;
    const std::string path = dir.File("real.db");
    {
        auto session = Open(path);
        *session << "CREATE TABLE users (id INTEGER PRIMARY KEY, email_address TEXT)";
        *session << "INSERT INTO users (id, email_address) VALUES (1, 'someone@customer.example')";
    }
    const std::string before = ReadFile(path);
    EXPECT_THROW(WriteDemoReplica(SqliteUrl(path), Options(10, 1)), std::runtime_error);
    EXPECT_EQ(ReadFile(path), before);
    auto session = Open(path);
    EXPECT_EQ(Tables(*session), std::set<std::string>{"users"});
    EXPECT_EQ(
        Count(
            *session, "SELECT COUNT(*) FROM users WHERE email_address = 'someone@customer.example'"
        ),
        1
    );
}

TEST(DemoDataSafety, RefusesADatabaseWithOtherReplicaTablesButNoMarker) {
    const ScratchDir dir;
    const std::string path = dir.File("real.db");
    *Open(path) << "CREATE TABLE claims (id INTEGER PRIMARY KEY, user_id INTEGER)";
    EXPECT_THROW(WriteDemoReplica(SqliteUrl(path), Options(10, 1)), std::runtime_error);
    EXPECT_EQ(Tables(*Open(path)), std::set<std::string>{"claims"});
}

TEST(DemoDataSafety, RebuildsAnEarlierDemoReplica) {
    const ScratchDir dir;
    const std::string path = dir.File("replica.db");
    WriteDemoReplica(SqliteUrl(path), Options(300, 1));
    const DemoDataSummary summary = WriteDemoReplica(SqliteUrl(path), Options(120, 2));
    auto session = Open(path);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM users"), 120);
    EXPECT_EQ(Count(*session, "SELECT MAX(id) FROM users"), 120);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM claims"), summary.claims);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM claim_requirements"), summary.requirements);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM user_addresses"), summary.addresses);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM demo_marker"), 1);
    EXPECT_EQ(Count(*session, "SELECT seed FROM demo_marker"), 2);
}

TEST(DemoDataSafety, RebuildsAnEmptyDemoMarkerOnlyDatabase) {
    const ScratchDir dir;
    const std::string path = dir.File("replica.db");
    WriteDemoReplica(SqliteUrl(path), Options(0, 1));
    auto session = Open(path);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM users"), 0);
    EXPECT_EQ(Count(*session, "SELECT COUNT(*) FROM demo_marker"), 1);
    session.reset();
    EXPECT_EQ(WriteDemoReplica(SqliteUrl(path), Options(10, 1)).users, 10);
}

TEST(DemoDataSafety, CreatesAMissingParentDirectory) {
    const ScratchDir dir;
    const std::string path = dir.File("var/demo/replica.db");
    const DemoDataSummary summary = WriteDemoReplica(SqliteUrl(path), Options(10, 1));
    EXPECT_EQ(summary.users, 10);
    EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(DemoDataSafety, RejectsUnsupportedSchemes) {
    platform::DatabaseUrl url;
    url.scheme = "postgresql";
    url.host = "127.0.0.1";
    url.database = "x";
    EXPECT_THROW(WriteDemoReplica(url, Options(10, 1)), std::runtime_error);
}

}  // namespace
}  // namespace dialler::adapters::replica
