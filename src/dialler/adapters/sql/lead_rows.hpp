#pragma once

// The `leads` row as the SQL stores read and write it: one mapping, shared by the lead store,
// the leases (a claim returns the leased row) and the outcome store (which rewrites the score).
// Internal to adapters/sql.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/lead_store.hpp"

namespace dialler::adapters::sql {

// An SQL list of integer literals, "(1,2,3)": ids are integers we produced, so inlining them is
// safe, and it keeps one statement for any batch size.
std::string IdList(std::span<const domain::UserId> ids);

// score_components holds the breakdown and, since the facts are kept, what it was computed
// from: {"components": [...], "facts": {"lenders": [...], "dob": "YYYY-MM-DD" | null}}. A bare
// array (written before) is a breakdown without facts.
std::string ComponentsJson(
    const std::vector<domain::ScoreComponent>& components,
    const std::optional<domain::ScoreFacts>& facts
);
struct StoredScore {
    std::vector<domain::ScoreComponent> components;
    std::optional<domain::ScoreFacts> facts;
};
StoredScore ParseComponents(const std::string& text);

// One `leads` row, bound column by column.
struct LeadRow {
    long long user_id = 0;
    std::string queue;
    std::string reasons;
    int is_closed = 0;
    std::string closed_reason;
    int score = 0;
    std::string components;
    int is_given_up = 0;
    std::string phone_raw;
    std::string phone_e164;
    std::string phone_type;
    std::string phone_region;
    std::string bad_number;
    std::string history_key;
    long long waiting_since = 0;
    int attempts = 0;
    int outcome_points = 0;
    long long next_call_at = 0;
    long long lease_agent_id = 0;
    long long lease_expires_at = 0;
    long long leased_at = 0;
    long long first_seen_at = 0;
    long long evaluated_at = 0;
    long long history_version = 0;
    soci::indicator queue_i{};
    soci::indicator phone_raw_i{};
    soci::indicator phone_e164_i{};
    soci::indicator phone_type_i{};
    soci::indicator phone_region_i{};
    soci::indicator bad_number_i{};
    soci::indicator next_call_i{};
    soci::indicator lease_agent_i{};
    soci::indicator lease_expires_i{};
    soci::indicator leased_at_i{};

    app::Lead ToLead() const;
};

inline constexpr const char* kLeadColumns =
    "user_id, queue, reasons, is_closed, closed_reason, score, score_components, is_given_up, "
    "phone_raw, "
    "phone_e164, phone_type, phone_region, bad_number_e164, history_key, waiting_since, attempts, "
    "outcome_points, next_call_at, lease_agent_id, lease_expires_at, leased_at, first_seen_at, "
    "evaluated_at, "
    "history_version";

// Binds every column of kLeadColumns, in order, into `r`.
void BindLead(soci::statement& st, LeadRow& r);

// The leads matching `where` (an SQL condition over `leads`), ordered by user id; `limit` > 0
// caps how many.
std::vector<app::Lead> SelectLeads(SqlDatabase& db, const std::string& where, int limit = 0);

}  // namespace dialler::adapters::sql
