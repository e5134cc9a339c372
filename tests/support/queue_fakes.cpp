#include "queue_fakes.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "dialler/base/text.hpp"

namespace dialler::testing {

namespace {

constexpr const char* kUserMissing = "user_missing";

// The twin of the SQL CHECK on leads.queue: callbacks are not leads.
void CheckLeadQueue(const std::optional<domain::Queue>& queue) {
    if (queue == domain::Queue::kCallbacks) {
        throw std::invalid_argument("a lead's queue is unsigned, outstanding or none");
    }
}

bool Covers(app::SuppressionChannel entry, app::SuppressionChannel asked) {
    return entry == app::SuppressionChannel::kAll || entry == asked;
}

}  // namespace

std::vector<app::Lead> InMemoryLeadStore::LeadsInRange(domain::UserId first, domain::UserId last) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Lead> out;
    for (auto it = rows_.lower_bound(first.Value()); it != rows_.end() && it->first <= last.Value();
         ++it) {
        out.push_back(it->second);
    }
    return out;
}

std::vector<app::Lead> InMemoryLeadStore::LeadsById(std::span<const domain::UserId> ids) {
    const std::lock_guard lock(mutex_);
    const std::set<std::int64_t> wanted = [&] {
        std::set<std::int64_t> s;
        for (const auto id : ids) {
            s.insert(id.Value());
        }
        return s;
    }();
    std::vector<app::Lead> out;
    for (const std::int64_t id : wanted) {
        if (const auto it = rows_.find(id); it != rows_.end()) {
            out.push_back(it->second);
        }
    }
    return out;
}

std::optional<app::Lead> InMemoryLeadStore::FindLead(domain::UserId id) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<domain::UserId> InMemoryLeadStore::ApplyEvaluations(
    std::span<const app::LeadEvaluation> evaluations, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    // All or nothing, as the SQL transaction: check the whole batch before changing anything.
    for (const auto& e : evaluations) {
        CheckLeadQueue(e.queue);
    }
    std::vector<domain::UserId> skipped;
    for (const auto& e : evaluations) {
        const auto it = rows_.find(e.user_id.Value());
        if (it != rows_.end() &&
            (it->second.IsLeasedAt(now) || it->second.history_version != e.based_on_version)) {
            skipped.push_back(e.user_id);
            continue;
        }
        app::Lead& lead = it != rows_.end() ? it->second : rows_[e.user_id.Value()];
        if (it == rows_.end()) {
            lead.user_id = e.user_id;
            lead.first_seen_at = now;
        }
        lead.queue = e.queue;
        lead.reasons = e.reasons;
        lead.score = e.score;
        lead.score_components = e.score_components;
        lead.score_facts = e.score_facts;
        lead.is_given_up = e.is_given_up;
        lead.phone_raw = e.phone_raw;
        lead.phone = e.phone;
        if (e.clear_bad_number) {
            lead.bad_number_e164.reset();
        }
        if (e.reopen_no_claim && lead.closed_reason == "no_claim") {
            lead.is_closed = false;
            lead.closed_reason.clear();
        }
        lead.history_key = e.history_key;
        lead.waiting_since = e.waiting_since;
        lead.attempts = e.attempts;
        lead.outcome_points = e.outcome_points;
        lead.evaluated_at = now;
    }
    return skipped;
}

int InMemoryLeadStore::RemoveMissing(
    domain::UserId first,
    domain::UserId last,
    std::span<const domain::UserId> present,
    Timestamp now
) {
    const std::lock_guard lock(mutex_);
    const std::unordered_set<domain::UserId> here(present.begin(), present.end());
    int changed = 0;
    for (auto it = rows_.lower_bound(first.Value()); it != rows_.end() && it->first <= last.Value();
         ++it) {
        app::Lead& lead = it->second;
        if (here.contains(lead.user_id) || lead.IsLeasedAt(now)) {
            continue;
        }
        if (!lead.queue && lead.reasons == kUserMissing) {
            continue;
        }
        lead.queue.reset();
        lead.reasons = kUserMissing;
        ++changed;
    }
    return changed;
}

std::vector<domain::UserId> InMemoryLeadStore::UsersWithPhone(const std::string& e164) {
    const std::lock_guard lock(mutex_);
    std::vector<domain::UserId> out;
    for (const auto& [id, lead] : rows_) {  // a std::map: in user id order
        if (lead.phone && lead.phone->e164 == e164) {
            out.push_back(lead.user_id);
        }
    }
    return out;
}

std::vector<app::LeadCounts> InMemoryLeadStore::Counts(Timestamp now) {
    const std::lock_guard lock(mutex_);
    std::vector<app::LeadCounts> out;
    for (const auto queue : {domain::Queue::kUnsigned, domain::Queue::kOutstanding}) {
        app::LeadCounts c;
        c.queue = queue;
        for (const auto& [id, lead] : rows_) {
            if (lead.queue != queue || lead.is_closed || lead.is_given_up) {
                continue;
            }
            ++c.total;
            const bool waiting = lead.next_call_at && *lead.next_call_at > now;
            if (!lead.IsLeasedAt(now) && !waiting && !lead.bad_number_e164) {
                ++c.callable_now;
            }
            if (waiting && (!c.next_callable_at || *lead.next_call_at < *c.next_callable_at)) {
                c.next_callable_at = lead.next_call_at;
            }
        }
        out.push_back(c);
    }
    return out;
}

bool InMemoryLeadStore::Update(domain::UserId id, const std::function<void(app::Lead&)>& change) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id.Value());
    if (it == rows_.end()) {
        return false;
    }
    change(it->second);
    it->second.user_id = id;
    CheckLeadQueue(it->second.queue);
    return true;
}

app::Suppression InMemorySuppressionStore::Add(const app::Suppression& entry) {
    if (!entry.user_id && !entry.phone_e164) {
        // The twin of the SQL CHECK: an entry is for a customer, a number, or both.
        throw std::invalid_argument("a suppression needs a user id or a phone number");
    }
    const std::lock_guard lock(mutex_);
    app::Suppression stored = entry;
    stored.id = next_id_++;
    stored.removed_at.reset();
    stored.removed_by.reset();
    stored.removed_reason.clear();
    rows_.emplace(stored.id, stored);
    return stored;
}

bool InMemorySuppressionStore::Remove(
    std::int64_t id, const app::Actor& by, const std::string& reason, Timestamp at
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end() || it->second.removed_at) {
        return false;
    }
    it->second.removed_at = at;
    it->second.removed_by = by;
    it->second.removed_reason = reason;
    return true;
}

std::optional<app::Suppression> InMemorySuppressionStore::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<app::Suppression> InMemorySuppressionStore::List(
    std::optional<domain::UserId> user_id,
    std::optional<std::string> phone_e164,
    bool include_removed,
    int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Suppression> out;
    for (const auto& [id, row] : rows_) {
        if (row.removed_at && !include_removed) {
            continue;
        }
        const bool any = !user_id && !phone_e164;
        const bool by_user = user_id && row.user_id == user_id;
        const bool by_phone = phone_e164 && row.phone_e164 == phone_e164;
        if (any || by_user || by_phone) {
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end(), [](const app::Suppression& a, const app::Suppression& b) {
        return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

std::vector<domain::UserId> InMemorySuppressionStore::Suppressed(
    std::span<const app::SuppressionSubject> subjects, app::SuppressionChannel channel
) {
    const std::lock_guard lock(mutex_);
    std::vector<domain::UserId> out;
    for (const auto& subject : subjects) {
        if (std::find(out.begin(), out.end(), subject.user_id) != out.end()) {
            continue;
        }
        const bool covered = std::any_of(rows_.begin(), rows_.end(), [&](const auto& kv) {
            const app::Suppression& row = kv.second;
            if (row.removed_at || !Covers(row.channel, channel)) {
                return false;
            }
            return row.user_id == subject.user_id ||
                   (subject.phone_e164 && row.phone_e164 == subject.phone_e164);
        });
        if (covered) {
            out.push_back(subject.user_id);
        }
    }
    return out;
}

app::DiscoveryRun InMemoryDiscoveryStore::StartRun(const std::string& kind, Timestamp at) {
    const std::lock_guard lock(mutex_);
    app::DiscoveryRun run;
    run.id = next_run_id_++;
    run.kind = kind;
    run.status = "running";
    run.started_at = at;
    runs_.emplace(run.id, run);
    return run;
}

void InMemoryDiscoveryStore::FinishRun(const app::DiscoveryRun& run) {
    const std::lock_guard lock(mutex_);
    if (const auto it = runs_.find(run.id); it != runs_.end()) {
        it->second = run;
    }
}

std::vector<app::DiscoveryRun> InMemoryDiscoveryStore::RecentRuns(int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::DiscoveryRun> out;
    for (auto it = runs_.rbegin(); it != runs_.rend() && static_cast<int>(out.size()) < limit;
         ++it) {
        out.push_back(it->second);
    }
    return out;
}

std::optional<Timestamp> InMemoryDiscoveryStore::Watermark() {
    const std::lock_guard lock(mutex_);
    return watermark_;
}

void InMemoryDiscoveryStore::SetWatermark(Timestamp watermark) {
    const std::lock_guard lock(mutex_);
    watermark_ = watermark;
}

std::size_t InMemoryDiscoveryStore::RecordConversions(std::span<const app::Conversion> conversions
) {
    const std::lock_guard lock(mutex_);
    std::size_t recorded = 0;
    for (const auto& c : conversions) {
        const bool seen =
            std::any_of(conversions_.begin(), conversions_.end(), [&c](const app::Conversion& o) {
                return o.user_id == c.user_id && o.from_queue == c.from_queue &&
                       o.episode == c.episode;
            });
        if (!seen) {
            conversions_.push_back(c);
            ++recorded;
        }
    }
    return recorded;
}

std::vector<app::Conversion> InMemoryDiscoveryStore::ConversionsSince(Timestamp since, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Conversion> out;
    std::copy_if(
        conversions_.begin(),
        conversions_.end(),
        std::back_inserter(out),
        [&](const app::Conversion& c) { return c.at >= since; }
    );
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at < b.at;
    });
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

app::ContactAttempt InMemoryContactLog::Record(const app::ContactAttempt& attempt) {
    const std::lock_guard lock(mutex_);
    app::ContactAttempt stored = attempt;
    stored.id = static_cast<std::int64_t>(rows_.size()) + 1;
    rows_.push_back(stored);
    return stored;
}

std::vector<app::ContactAttempt> InMemoryContactLog::Since(
    domain::UserId user_id, Timestamp since
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::ContactAttempt> out;
    std::copy_if(rows_.begin(), rows_.end(), std::back_inserter(out), [&](const auto& a) {
        return a.user_id == user_id && a.at >= since;
    });
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at < b.at;
    });
    return out;
}

std::vector<std::pair<domain::UserId, domain::AgentId>> InMemoryContactLog::CallersSince(
    std::span<const domain::UserId> user_ids, Timestamp since
) {
    const std::lock_guard lock(mutex_);
    const std::unordered_set<domain::UserId> wanted(user_ids.begin(), user_ids.end());
    std::set<std::pair<domain::UserId, domain::AgentId>> pairs;
    for (const auto& a : rows_) {
        if (a.channel == domain::Channel::kCall && a.agent_id && a.at >= since &&
            wanted.contains(a.user_id)) {
            pairs.emplace(a.user_id, *a.agent_id);
        }
    }
    return {pairs.begin(), pairs.end()};
}

bool InMemoryJobLeaseStore::TryAcquire(
    const std::string& name, const std::string& holder, Timestamp now, Timestamp until
) {
    const std::lock_guard lock(mutex_);
    const auto it = leases_.find(name);
    if (it != leases_.end() && it->second.holder != holder && it->second.expires_at > now) {
        return false;
    }
    leases_.insert_or_assign(name, Held{holder, until});
    return true;
}

void InMemoryJobLeaseStore::Release(const std::string& name, const std::string& holder) {
    const std::lock_guard lock(mutex_);
    if (const auto it = leases_.find(name); it != leases_.end() && it->second.holder == holder) {
        leases_.erase(it);
    }
}

}  // namespace dialler::testing

namespace dialler::testing {

std::vector<app::Lead> InMemoryLeadStore::OpenLeadsAfter(domain::UserId after, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Lead> out;
    for (auto it = rows_.upper_bound(after.Value());
         it != rows_.end() && static_cast<int>(out.size()) < limit;
         ++it) {
        if (it->second.queue && !it->second.is_closed) {
            out.push_back(it->second);
        }
    }
    return out;
}

std::vector<app::Lead> InMemoryLeadStore::UnreachableAfter(domain::UserId after, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Lead> out;
    for (auto it = rows_.upper_bound(after.Value());
         it != rows_.end() && static_cast<int>(out.size()) < limit;
         ++it) {
        for (const auto code : Split(it->second.reasons, ',')) {
            if (code == "no_valid_phone" || code == "not_uk_dialable") {
                out.push_back(it->second);
                break;
            }
        }
    }
    return out;
}

std::size_t InMemoryLeadStore::UpdateScores(std::span<const app::ScoreUpdate> updates) {
    const std::lock_guard lock(mutex_);
    std::size_t written = 0;
    for (const app::ScoreUpdate& u : updates) {
        const auto it = rows_.find(u.user_id.Value());
        if (it == rows_.end() || it->second.history_version != u.based_on_version) {
            continue;
        }
        it->second.score = u.score;
        it->second.score_components = u.score_components;
        it->second.score_facts = u.score_facts;
        it->second.is_given_up = u.is_given_up;
        ++written;
    }
    return written;
}

std::optional<std::string> InMemoryJobLeaseStore::Marker(const std::string& name) {
    const std::lock_guard lock(mutex_);
    const auto it = markers_.find(name);
    return it == markers_.end() ? std::nullopt : std::optional(it->second);
}

void InMemoryJobLeaseStore::SetMarker(const std::string& name, const std::string& value) {
    const std::lock_guard lock(mutex_);
    markers_.insert_or_assign(name, value);
}

}  // namespace dialler::testing
