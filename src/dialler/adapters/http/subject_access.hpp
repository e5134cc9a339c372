#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "dialler/app/customer_service.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::adapters::http {

// A subject access export as the customer gets it: a zip of customer.json (everything, each
// item in the shape the API shows it) and one CSV per kind of record, with a README.
struct SubjectAccessArchive {
    std::string file_name;  // customer-<id>-export-<YYYY-MM-DD>.zip
    std::string zip;
};

SubjectAccessArchive BuildSubjectAccessArchive(
    const app::SubjectAccessExport& data, const domain::LenderNames& lenders
);

// A JSON array of objects as CSV (RFC 4180, CRLF): the columns are every key met, in the order
// first met (an object's keys by name), nested objects flattened as "a.b"; arrays are written as
// JSON. No rows: "".
std::string JsonRowsToCsv(const nlohmann::json& rows);

// One CSV record (CRLF-ended) of a JSON array's cells, each written as JsonRowsToCsv writes it:
// for a file whose columns are fixed and whose rows are written one at a time.
std::string CsvRecord(const nlohmann::json& cells);

}  // namespace dialler::adapters::http
