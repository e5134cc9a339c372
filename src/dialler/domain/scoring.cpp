#include "dialler/domain/scoring.hpp"

#include <algorithm>

#include "dialler/base/text.hpp"

namespace dialler::domain {

int AgeInYears(std::chrono::year_month_day dob, std::chrono::year_month_day today) {
    int years = static_cast<int>(today.year()) - static_cast<int>(dob.year());
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day())) {
        --years;
    }
    return std::max(years, 0);
}

int DaysExcludingSundays(std::chrono::sys_days from, std::chrono::sys_days to) {
    if (to <= from) {
        return 0;
    }
    const int total = static_cast<int>((to - from).count());
    // Count the Sundays in (from, to]: whole weeks hold one each, then the remainder.
    int sundays = total / 7;
    const unsigned first = std::chrono::weekday{from}.c_encoding();  // 0 = Sunday
    const int rest = total % 7;
    for (int i = 1; i <= rest; ++i) {
        if ((first + static_cast<unsigned>(i)) % 7 == 0) {
            ++sundays;
        }
    }
    return total - sundays;
}

Score ComputeScore(
    const ScoreInput& input,
    const ScoreWeights& weights,
    std::chrono::sys_days today,
    const LenderNames& lenders
) {
    Score s;
    const auto add = [&s](std::string name, int points, std::string detail) {
        s.total += points;
        s.components.push_back(ScoreComponent{std::move(name), points, std::move(detail)});
    };

    const bool is_unsigned = input.queue == Queue::kUnsigned;
    add("queue",
        is_unsigned ? weights.unsigned_base : weights.outstanding_base,
        is_unsigned ? "Unsigned documents" : "Outstanding documents");

    std::optional<std::pair<int, std::string>> best_lender;
    for (const std::string& code : input.active_lenders) {
        const std::string key = AsciiLower(Trim(code));
        const auto it = weights.lender_points.find(key);
        const int points =
            it == weights.lender_points.end() ? weights.unknown_lender_points : it->second;
        if (!best_lender || points < best_lender->first) {
            best_lender = {points, key};
        }
    }
    if (best_lender) {
        add("lender", best_lender->first, lenders.DisplayName(best_lender->second));
    } else {
        add("lender", weights.unknown_lender_points, "No lender on file");
    }

    if (input.date_of_birth && input.date_of_birth->ok()) {
        const int age = AgeInYears(*input.date_of_birth, std::chrono::year_month_day{today});
        int points = weights.unknown_age_points;
        for (const AgeBand& band : weights.age_bands) {
            if (age >= band.min_age && age <= band.max_age) {
                points = band.points;
                break;
            }
        }
        add("age", points, std::to_string(age) + " years");
    } else {
        add("age", weights.unknown_age_points, "Age unknown");
    }

    const auto waiting_days = DaysExcludingSundays(
        std::chrono::floor<std::chrono::days>(input.history.waiting_since), today
    );
    add("waiting",
        std::min(waiting_days * weights.points_per_waiting_day, weights.max_waiting_points),
        std::to_string(waiting_days) + (waiting_days == 1 ? " day" : " days") + " in the queue");

    add("attempts",
        input.history.attempts * weights.points_per_attempt,
        std::to_string(input.history.attempts) +
            (input.history.attempts == 1 ? " call" : " calls") + " since the last change");
    if (input.history.outcome_points != 0) {
        add("outcomes", input.history.outcome_points, "Earlier call outcomes");
    }

    s.total = std::max(s.total, 0);
    s.given_up = s.total >= weights.give_up_threshold;
    return s;
}

std::string_view ScoreBandOf(std::optional<int> score) {
    if (!score) {
        return kScoreBands.back();
    }
    constexpr int kWidth = 20;
    // Scores are never below 0 (ComputeScore); one that was would still be the hottest band.
    const auto band = static_cast<std::size_t>(std::clamp(*score / kWidth, 0, 5));
    return kScoreBands.at(band);
}

}  // namespace dialler::domain
