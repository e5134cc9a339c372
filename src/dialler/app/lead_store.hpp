#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/phone.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::app {

// The dialler's own record of one replica customer: which queue they are in and why, their
// score and its breakdown, their calling history since the last reset, and who holds them.
struct Lead {
    domain::UserId user_id;
    std::optional<domain::Queue> queue;  // kUnsigned / kOutstanding; nullopt = in no queue
    std::string reasons;                 // eligibility reason codes, comma-separated
    bool is_closed = false;              // no_claim / do_not_contact: never offered again
    std::string closed_reason;
    int score = 0;
    std::vector<domain::ScoreComponent> score_components;
    // What the score was computed from (nullopt for a lead last scored before they were kept).
    std::optional<domain::ScoreFacts> score_facts;
    bool is_given_up = false;
    std::optional<std::string> phone_raw;  // as in the replica, to notice a changed number
    std::optional<domain::PhoneNumber> phone;
    std::optional<std::string> bad_number_e164;  // flagged bad; cleared when the number changes
    std::string history_key;                     // queue + outstanding requirements; change = reset
    Timestamp waiting_since;
    int attempts = 0;
    int outcome_points = 0;
    std::optional<Timestamp> next_call_at;
    std::optional<domain::AgentId> lease_agent_id;
    std::optional<Timestamp> lease_expires_at;
    std::optional<Timestamp> leased_at;  // when the current (or last) hold began
    Timestamp first_seen_at;
    Timestamp evaluated_at;
    // Bumped by every outcome: discovery's write of a lead it read at an older version is refused.
    std::int64_t history_version = 0;

    bool IsLeasedAt(Timestamp now) const { return lease_expires_at && *lease_expires_at > now; }
};

// What discovery decided for one customer; the store merges it into the lead row.
struct LeadEvaluation {
    domain::UserId user_id;
    std::optional<domain::Queue> queue;
    std::string reasons;
    int score = 0;
    std::vector<domain::ScoreComponent> score_components;
    std::optional<domain::ScoreFacts> score_facts;
    bool is_given_up = false;
    std::optional<std::string> phone_raw;
    std::optional<domain::PhoneNumber> phone;
    bool clear_bad_number = false;  // the replica's number changed since it was flagged
    // A lead closed as no_claim reopens when the replica changes for the customer (a new
    // claim, requirement or queue: product.md §6 "never, until the replica changes").
    bool reopen_no_claim = false;
    std::string history_key;
    // The stored lead's history_version this evaluation was computed from (0 for a new lead): the
    // store writes it only if the lead is still at that version.
    std::int64_t based_on_version = 0;
    // History after the reset rule: discovery computes them from the stored lead.
    Timestamp waiting_since;
    int attempts = 0;
    int outcome_points = 0;
};

// A lead's new score from the current weights (re-scoring after a change of weights).
struct ScoreUpdate {
    domain::UserId user_id;
    int score = 0;
    std::vector<domain::ScoreComponent> score_components;
    std::optional<domain::ScoreFacts> score_facts;
    bool is_given_up = false;
    std::int64_t based_on_version = 0;  // written only if the lead is still at this version
};

struct LeadCounts {
    domain::Queue queue = domain::Queue::kUnsigned;
    long long total = 0;         // in the queue (not closed, not given up)
    long long callable_now = 0;  // and not leased, not waiting for next_call_at, no bad number
    std::optional<Timestamp> next_callable_at;  // earliest next_call_at among the waiting ones
    long long due_later_today = 0;              // the callbacks row only: due before midnight
};

// Storage of leads. Implementations: SqlLeadStore (SQLite, PostgreSQL), InMemoryLeadStore
// (tests); contract in tests/contract. Thread-safe; faults are exceptions.
class LeadStore {
public:
    virtual ~LeadStore() = default;

    // The stored leads with first <= user_id <= last, ordered by user id.
    virtual std::vector<Lead> LeadsInRange(domain::UserId first, domain::UserId last) = 0;
    virtual std::vector<Lead> LeadsById(std::span<const domain::UserId> ids) = 0;
    virtual std::optional<Lead> FindLead(domain::UserId id) = 0;

    // Inserts or updates the leads in one transaction, except those leased at `now` (an agent is
    // working them: discovery never disturbs a held lead). Returns the user ids it skipped.
    virtual std::vector<domain::UserId> ApplyEvaluations(
        std::span<const LeadEvaluation> evaluations, Timestamp now
    ) = 0;

    // Takes leads whose customers no longer exist in the replica out of their queue (reason
    // "user_missing"), except leased ones. For the full reconcile: every lead with
    // first <= user_id <= last that is not in `present`. Returns how many changed.
    virtual int RemoveMissing(
        domain::UserId first,
        domain::UserId last,
        std::span<const domain::UserId> present,
        Timestamp now
    ) = 0;

    // Per-queue depth and callable-now counts.
    virtual std::vector<LeadCounts> Counts(Timestamp now) = 0;

    // The customers whose stored number is `e164`, ordered by user id (a suppression by number
    // reaches all of them).
    virtual std::vector<domain::UserId> UsersWithPhone(const std::string& e164) = 0;

    // Leads left out of the queues for their phone (reason no_valid_phone or not_uk_dialable),
    // with user_id > `after`, ordered by user id, at most `limit`: the data-quality report.
    virtual std::vector<Lead> UnreachableAfter(domain::UserId after, int limit) = 0;

    // Open leads (in a queue, not closed) with user_id > `after`, ordered by user id, at most
    // `limit`: a walk over every lead that can be called, page by page.
    virtual std::vector<Lead> OpenLeadsAfter(domain::UserId after, int limit) = 0;
    // Writes the scores, each only if its lead is still at based_on_version (an outcome since
    // the read wins); returns how many it wrote. One transaction.
    virtual std::size_t UpdateScores(std::span<const ScoreUpdate> updates) = 0;
};

}  // namespace dialler::app
