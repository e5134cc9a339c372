#include "dialler/adapters/http/subject_access.hpp"

#include <gtest/gtest.h>

namespace dialler::adapters::http {
namespace {

// An object's keys come in name order (nlohmann::json keeps them sorted); a key first met in a
// later row is a column after the earlier ones.
TEST(JsonRowsToCsv, ColumnsAreEveryKeyInFirstMetOrderWithNestedObjectsFlattened) {
    const auto rows = nlohmann::json::parse(R"([
        {"id": "1", "status": "completed", "recording": {"seconds": 5, "url": "/r/1"}},
        {"id": "2", "status": "no-answer", "recording": null, "endReason": "no-answer"}
    ])");
    EXPECT_EQ(
        JsonRowsToCsv(rows),
        "id,recording.seconds,recording.url,status,endReason,recording\r\n"
        "1,5,/r/1,completed,,\r\n"
        "2,,,no-answer,no-answer,\r\n"
    );
}

TEST(JsonRowsToCsv, QuotesWhatNeedsItAndDefusesFormulas) {
    const auto rows = nlohmann::json::parse(R"([
        {"body": "Hi, \"Jane\"\nsee you", "to": "+447400123456", "n": -3, "ok": true, "tags": ["a", "b"]}
    ])");
    EXPECT_EQ(
        JsonRowsToCsv(rows),
        "body,n,ok,tags,to\r\n"
        "\"Hi, \"\"Jane\"\"\nsee you\",-3,true,\"[\"\"a\"\",\"\"b\"\"]\",'+447400123456\r\n"
    );
}

TEST(JsonRowsToCsv, NoRowsIsAnEmptyFile) {
    EXPECT_EQ(JsonRowsToCsv(nlohmann::json::array()), "");
    EXPECT_EQ(JsonRowsToCsv(nlohmann::json::object()), "");
}

// A record of fixed columns (the calls file) writes each cell as a table's would.
TEST(CsvRecord, WritesEachCellAsTheTablesDoInTheOrderGiven) {
    EXPECT_EQ(
        CsvRecord(nlohmann::json::array({42, "Ann, \"Bo\"", nullptr, false, "=SUM(A1)", 2.5})),
        "42,\"Ann, \"\"Bo\"\"\",,false,'=SUM(A1),2.5\r\n"
    );
    EXPECT_EQ(CsvRecord(nlohmann::json::array()), "\r\n");
}

}  // namespace
}  // namespace dialler::adapters::http
