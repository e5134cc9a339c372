#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::domain {

// Points for customers whose age falls in [min_age, max_age].
struct AgeBand {
    int min_age = 0;
    int max_age = 200;
    int points = 0;
};

// Every weight of the score; admins change them in settings, and a change applies from the next
// discovery run (product.md §5). Lower score = called sooner; 0 is the hottest lead.
struct ScoreWeights {
    int unsigned_base = 0;
    int outstanding_base = 20;
    // Lender code (lower case, as in claims.lender) -> points. A customer scores the best (lowest)
    // of their active claims' lenders.
    std::map<std::string, int, std::less<>> lender_points;
    int unknown_lender_points = 10;
    std::vector<AgeBand> age_bands{
        {18, 24, 6}, {25, 34, 2}, {35, 54, 0}, {55, 64, 3}, {65, 200, 8}};
    int unknown_age_points = 5;
    int points_per_waiting_day = 1;  // Sundays are not counted: nobody is called on a Sunday
    int max_waiting_points = 60;
    int points_per_attempt = 2;
    int give_up_threshold = 200;  // at or above: not called
};

// A lead's history since its last reset (queue change or a new requirement resets it).
struct LeadHistory {
    Timestamp waiting_since;
    int attempts = 0;
    // The score adjustments of the outcomes recorded since the reset, one per outcome: an
    // adjustment applies once per outcome and never compounds (product.md §5).
    int outcome_points = 0;
};

// What a score is computed from besides the queue and the history: facts read from the replica.
// Kept with the lead, so a change of weights re-scores it without reading the replica again.
struct ScoreFacts {
    std::vector<std::string> active_lenders;  // lender codes of the active claims (may repeat)
    std::optional<std::chrono::year_month_day> date_of_birth;

    bool operator==(const ScoreFacts&) const = default;
};

struct ScoreInput {
    Queue queue = Queue::kUnsigned;
    std::vector<std::string> active_lenders;  // lender codes of the active claims (may repeat)
    std::optional<std::chrono::year_month_day> date_of_birth;
    LeadHistory history;
};

struct ScoreComponent {
    std::string name;  // "queue", "lender", "age", "waiting", "attempts", "outcomes"
    int points = 0;
    std::string detail;  // for the agent: "Black Horse (priority lender)", "41 years", "3 days"

    bool operator==(const ScoreComponent&) const = default;
};

struct Score {
    int total = 0;
    std::vector<ScoreComponent> components;
    bool given_up = false;  // total >= give_up_threshold
};

// Computes the score as a sum of named components (product.md §5). Pure. `lenders` names the
// lender in the component detail.
Score ComputeScore(
    const ScoreInput& input,
    const ScoreWeights& weights,
    std::chrono::sys_days today,
    const LenderNames& lenders
);

// Whole years between `dob` and `today` (0 if dob is in the future).
int AgeInYears(std::chrono::year_month_day dob, std::chrono::year_month_day today);

// Days from `from` to `to`, not counting Sundays (UTC dates).
int DaysExcludingSundays(std::chrono::sys_days from, std::chrono::sys_days to);

// The score bands of the analytics' score-band mix (docs/metrics.md "Score-band mix"), hottest
// first: "0-19", "20-39", "40-59", "60-79", "80-99", "100+", then "none" for no score.
inline constexpr std::array<std::string_view, 7> kScoreBands{
    "0-19", "20-39", "40-59", "60-79", "80-99", "100+", "none"};
std::string_view ScoreBandOf(std::optional<int> score);

}  // namespace dialler::domain
