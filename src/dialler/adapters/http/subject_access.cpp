#include "dialler/adapters/http/subject_access.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/base/text.hpp"
#include "dialler/base/zip.hpp"

namespace dialler::adapters::http {

namespace {

void Flatten(
    const nlohmann::json& value,
    const std::string& prefix,
    std::vector<std::pair<std::string, const nlohmann::json*>>& out
) {
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, inner] : value.items()) {
            std::string name = prefix;
            if (!name.empty()) {
                name += '.';
            }
            name += key;
            Flatten(inner, name, out);
        }
        return;
    }
    out.emplace_back(prefix, &value);
}

std::string CsvValue(const nlohmann::json& v) {
    if (v.is_null()) {
        return "";
    }
    if (v.is_string()) {
        return CsvField(v.get<std::string>());
    }
    if (v.is_number() || v.is_boolean()) {
        return v.dump();
    }
    return CsvField(v.dump());  // arrays, empty objects
}

template <typename Items, typename ToJson>
nlohmann::json ArrayOf(const Items& items, ToJson to_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) {
        out.push_back(to_json(item));
    }
    return out;
}

nlohmann::json QueueEntryJson(const app::QueueEntry& e) {
    return {
        {"queue", domain::QueueName(e.queue)},
        {"enteredAt", TimeJson(e.entered_at)},
        {"waitingSince", TimeJson(e.episode)},
    };
}

constexpr const char* kReadme =
    "Everything the RMC Dialler holds about one customer, exported for a subject access "
    "request.\r\n\r\n"
    "customer.json      all of it in one file: the customer's details as read from the claims\r\n"
    "                   platform, their place in the call queues, and every record below\r\n"
    "calls.csv          calls to and from the customer (recordings are listed, not included)\r\n"
    "recordings.csv     the recordings of those calls\r\n"
    "outcomes.csv       what agents recorded after each call\r\n"
    "texts_sent.csv     texts sent to the customer\r\n"
    "texts_received.csv texts received from the customer's number\r\n"
    "links.csv          magic links sent to the customer, and when they were opened\r\n"
    "callbacks.csv      callbacks booked with the customer\r\n"
    "suppressions.csv   do-not-contact entries covering the customer or their number\r\n"
    "conversions.csv    when the customer completed what they were asked to\r\n"
    "follow_ups.csv     texts scheduled after a call\r\n"
    "contact_attempts.csv every call and text attempt counted against the contact limits\r\n"
    "audit.csv          the audit log's entries about the customer (who did or viewed what)\r\n"
    "queue_history.csv  each time the customer entered a call queue (and since when they had\r\n"
    "                   been waiting for what it asks of them)\r\n\r\n"
    "Times are UTC (RFC 3339). In the CSV files a value that starts with =, +, -, @ is "
    "preceded by an apostrophe so that spreadsheets do not run it as a formula.\r\n";

}  // namespace

std::string JsonRowsToCsv(const nlohmann::json& rows) {
    if (!rows.is_array() || rows.empty()) {
        return "";
    }
    std::vector<std::string> columns;
    std::vector<std::map<std::string, const nlohmann::json*>> table;
    for (const auto& row : rows) {
        std::vector<std::pair<std::string, const nlohmann::json*>> cells;
        Flatten(row, "", cells);
        auto& line = table.emplace_back();
        for (const auto& [name, value] : cells) {
            if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
                columns.push_back(name);
            }
            line.emplace(name, value);
        }
    }
    std::string csv;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        csv += (i == 0 ? "" : ",") + CsvField(columns[i]);
    }
    csv += "\r\n";
    for (const auto& line : table) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto it = line.find(columns[i]);
            csv += (i == 0 ? "" : ",") + (it == line.end() ? "" : CsvValue(*it->second));
        }
        csv += "\r\n";
    }
    return csv;
}

std::string CsvRecord(const nlohmann::json& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        line += (i == 0 ? "" : ",") + CsvValue(cells[i]);
    }
    return line + "\r\n";
}

SubjectAccessArchive BuildSubjectAccessArchive(
    const app::SubjectAccessExport& data, const domain::LenderNames& lenders
) {
    const app::CustomerRecordView& r = data.record;
    const Timestamp now = data.exported_at;
    nlohmann::json recordings = nlohmann::json::array();
    for (const auto& call : r.calls) {
        if (call.recording) {
            recordings.push_back(
                {{"callId", std::to_string(call.id)},
                 {"recordingSid", call.recording->sid},
                 {"seconds", call.recording->seconds},
                 {"callStartedAt", TimeJson(call.state.created_at)}}
            );
        }
    }
    nlohmann::json numbers = nlohmann::json::array();
    for (const auto& n : data.phone_numbers) {
        numbers.push_back(n);
    }
    // One table per kind of record: the file name, then the key in customer.json.
    const std::vector<std::pair<std::string, nlohmann::json>> tables{
        {"calls", ArrayOf(r.calls, CallSessionJson)},
        {"recordings", recordings},
        {"outcomes", ArrayOf(r.context.outcomes, OutcomeJson)},
        {"texts_sent", ArrayOf(r.texts_sent, SmsJson)},
        {"texts_received", ArrayOf(r.texts_received, InboundSmsJson)},
        {"links", ArrayOf(r.links, [now](const app::MagicLink& l) { return LinkJson(l, now); })},
        {"callbacks", ArrayOf(r.context.callbacks, CallbackJson)},
        {"suppressions", ArrayOf(r.suppressions, SuppressionJson)},
        {"conversions", ArrayOf(r.conversions, ConversionJson)},
        {"follow_ups", ArrayOf(r.follow_ups, FollowUpJson)},
        {"contact_attempts", ArrayOf(r.context.contacts, ContactAttemptJson)},
        {"audit", ArrayOf(data.audit, AuditViewJson)},
        {"queue_history", ArrayOf(data.queue_entries, QueueEntryJson)},
    };
    const std::string user = r.context.customer.record.user.id.ToString();
    nlohmann::json all = {
        {"exportedAt", TimeJson(now)},
        {"userId", user},
        {"customer", LeadContextJson(r.context, lenders, now)},
        {"phoneNumbersHeld", numbers},
    };
    for (const auto& [file, rows] : tables) {
        // texts_sent -> textsSent: the JSON keys follow the API's camelCase.
        std::string key;
        bool upper = false;
        for (const char c : file) {
            if (c == '_') {
                upper = true;
                continue;
            }
            key += upper ? static_cast<char>(c - 'a' + 'A') : c;
            upper = false;
        }
        all[key] = rows;
    }
    ZipWriter zip;
    zip.Add("README.txt", kReadme, now);
    zip.Add("customer.json", all.dump(2), now);
    for (const auto& [file, rows] : tables) {
        zip.Add(file + ".csv", JsonRowsToCsv(rows), now);
    }
    const std::string day = TimeJson(now).get<std::string>().substr(0, 10);
    return SubjectAccessArchive{"customer-" + user + "-export-" + day + ".zip", zip.Finish()};
}

}  // namespace dialler::adapters::http
