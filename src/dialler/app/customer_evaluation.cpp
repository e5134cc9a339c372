#include "dialler/app/customer_evaluation.hpp"

#include <algorithm>
#include <string>

#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

std::string HistoryKey(
    const std::optional<domain::Queue>& queue, const std::vector<std::string>& outstanding
) {
    std::string key = queue ? std::string(domain::QueueName(*queue)) : std::string("none");
    for (const std::string& id : outstanding) {
        key += '|';
        key += id;
    }
    return key;
}

// Whether a lead's calling history starts again: a new queue, or a requirement it did not owe
// before (product.md §5). A requirement done does not reset: the customer is still the same job.
bool ResetsHistory(const Lead& before, const std::string& new_key) {
    const auto old_parts = Split(before.history_key, '|');
    const auto new_parts = Split(new_key, '|');
    if (old_parts.empty() || new_parts.empty() || old_parts.front() != new_parts.front()) {
        return true;
    }
    return std::any_of(new_parts.begin() + 1, new_parts.end(), [&](std::string_view id) {
        return std::find(old_parts.begin() + 1, old_parts.end(), id) == old_parts.end();
    });
}

// When the customer's current situation began: sign-up for unsigned customers, the newest
// outstanding requirement for outstanding ones. Independent of when discovery happens to run,
// so a lead's age is the same however often we look.
Timestamp SituationStart(
    const domain::CustomerRecord& record, const domain::EligibilityDecision& d, Timestamp now
) {
    std::optional<Timestamp> start;
    if (d.queue == domain::Queue::kUnsigned) {
        start = record.user.created_at;
    } else {
        for (const auto& r : record.requirements) {
            if (std::binary_search(d.outstanding_ids.begin(), d.outstanding_ids.end(), r.id) &&
                r.created_at) {
                start = start ? std::max(*start, *r.created_at) : *r.created_at;
            }
        }
    }
    return start ? std::min(*start, now) : now;
}

}  // namespace

std::optional<domain::PhoneNumber> CurrentPhone(
    const domain::CustomerRecord& record, const Lead* existing, const PhoneParser& parser
) {
    const auto& raw = record.user.phone_number;
    if (existing != nullptr && existing->phone_raw == raw) {
        return existing->phone;
    }
    return raw ? parser.Parse(*raw) : std::nullopt;
}

domain::Score ScoreLead(
    domain::Queue queue,
    const domain::ScoreFacts& facts,
    const domain::LeadHistory& history,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
) {
    return domain::ComputeScore(
        domain::ScoreInput{queue, facts.active_lenders, facts.date_of_birth, history},
        settings.scoring,
        std::chrono::floor<std::chrono::days>(now),
        lenders
    );
}

CustomerEvaluation EvaluateCustomer(
    const domain::CustomerRecord& record,
    const Lead* existing,
    std::optional<domain::PhoneNumber> phone,
    bool call_suppressed,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
) {
    CustomerEvaluation e;
    e.suppressed = call_suppressed;
    const auto& raw = record.user.phone_number;
    e.phone = std::move(phone);
    e.eligibility =
        domain::DecideEligibility(record, e.phone, call_suppressed, settings.eligibility);

    LeadEvaluation& lead = e.lead;
    lead.user_id = record.user.id;
    lead.queue = e.eligibility.queue;
    for (const auto reason : e.eligibility.reasons) {
        if (!lead.reasons.empty()) {
            lead.reasons += ',';
        }
        lead.reasons += domain::EligibilityReasonCode(reason);
    }
    lead.phone_raw = raw;
    lead.phone = e.phone;
    lead.clear_bad_number = existing != nullptr && existing->bad_number_e164 &&
                            (!e.phone || e.phone->e164 != *existing->bad_number_e164);
    lead.history_key = HistoryKey(lead.queue, e.eligibility.outstanding_ids);
    lead.based_on_version = existing != nullptr ? existing->history_version : 0;
    const bool resets = existing == nullptr || ResetsHistory(*existing, lead.history_key);
    lead.reopen_no_claim = existing != nullptr && existing->is_closed &&
                           existing->closed_reason == "no_claim" && resets &&
                           lead.queue.has_value();
    if (!resets) {
        lead.waiting_since = existing->waiting_since;
        lead.attempts = existing->attempts;
        lead.outcome_points = existing->outcome_points;
    } else {
        lead.waiting_since = SituationStart(record, e.eligibility, now);
    }
    if (lead.queue) {
        domain::ScoreFacts facts{e.eligibility.active_lenders, record.user.date_of_birth};
        const domain::Score score = ScoreLead(
            *lead.queue,
            facts,
            domain::LeadHistory{lead.waiting_since, lead.attempts, lead.outcome_points},
            settings,
            lenders,
            now
        );
        lead.score = score.total;
        lead.score_components = score.components;
        lead.score_facts = std::move(facts);
        lead.is_given_up = score.given_up;
    }

    // A conversion is the customer doing the thing: signing, or their outstanding documents
    // being done while they still have a live claim. Leaving because the claims were cancelled
    // (or the customer was disabled, suppressed...) is not one.
    const bool signed_now = existing != nullptr && existing->queue == domain::Queue::kUnsigned &&
                            record.user.has_signature;
    const bool documents_done = existing != nullptr &&
                                existing->queue == domain::Queue::kOutstanding &&
                                record.user.has_signature && e.eligibility.active_claims > 0 &&
                                e.eligibility.outstanding_requirements == 0;
    if (signed_now) {
        e.conversion = Conversion{
            record.user.id, "signed", domain::Queue::kUnsigned, now, {}, existing->waiting_since};
    } else if (documents_done) {
        e.conversion = Conversion{
            record.user.id,
            "documents_completed",
            domain::Queue::kOutstanding,
            now,
            {},
            existing->waiting_since};
    }
    return e;
}

bool IsSuppressed(
    SuppressionStore& suppressions,
    domain::UserId user,
    std::optional<std::string> phone_e164,
    SuppressionChannel channel
) {
    const SuppressionSubject subject{user, std::move(phone_e164)};
    return !suppressions.Suppressed(std::span(&subject, 1), channel).empty();
}

bool CallSuppressed(
    SuppressionStore& suppressions, domain::UserId user, std::optional<std::string> phone_e164
) {
    return IsSuppressed(suppressions, user, std::move(phone_e164), SuppressionChannel::kCall);
}

CustomerEvaluation EvaluateLive(
    const domain::CustomerRecord& record,
    const std::optional<Lead>& existing,
    const PhoneParser& parser,
    SuppressionStore& suppressions,
    const QueueSettings& settings,
    const domain::LenderNames& lenders,
    Timestamp now
) {
    const Lead* stored = existing ? &*existing : nullptr;
    std::optional<domain::PhoneNumber> phone = CurrentPhone(record, stored, parser);
    const bool suppressed = CallSuppressed(
        suppressions, record.user.id, phone ? std::optional(phone->e164) : std::nullopt
    );
    return EvaluateCustomer(record, stored, std::move(phone), suppressed, settings, lenders, now);
}

domain::ContactSubject ContactSubjectFor(
    const std::optional<domain::PhoneNumber>& phone,
    bool suppressed,
    const std::optional<Lead>& lead,
    const std::vector<ContactAttempt>& recent
) {
    domain::ContactSubject subject;
    subject.phone = phone;
    subject.suppressed = suppressed;
    if (lead) {
        subject.closed = lead->is_closed;
        subject.bad_number =
            lead->bad_number_e164 && phone && phone->e164 == *lead->bad_number_e164;
        subject.next_call_at =
            lead->next_call_at
                ? std::optional(std::chrono::floor<std::chrono::seconds>(*lead->next_call_at))
                : std::nullopt;
    }
    for (const ContactAttempt& a : recent) {
        const auto at = std::chrono::floor<std::chrono::seconds>(a.at);
        (a.channel == domain::Channel::kCall ? subject.recent_calls : subject.recent_sms)
            .push_back(at);
    }
    return subject;
}

}  // namespace dialler::app
