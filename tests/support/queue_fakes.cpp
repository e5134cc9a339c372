#include "queue_fakes.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <set>
#include <stdexcept>
#include <tuple>
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

std::vector<app::Conversion> InMemoryDiscoveryStore::SelectConversions(
    const std::function<bool(const app::Conversion&)>& wanted, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::Conversion> out;
    std::copy_if(conversions_.begin(), conversions_.end(), std::back_inserter(out), wanted);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at < b.at;
    });
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

std::vector<app::Conversion> InMemoryDiscoveryStore::ConversionsSince(Timestamp since, int limit) {
    return SelectConversions([&](const app::Conversion& c) { return c.at >= since; }, limit);
}

std::vector<app::Conversion> InMemoryDiscoveryStore::ConversionsFor(
    domain::UserId user, int limit
) {
    return SelectConversions([&](const app::Conversion& c) { return c.user_id == user; }, limit);
}

app::ContactAttempt InMemoryContactLog::Record(const app::ContactAttempt& attempt) {
    const std::lock_guard lock(mutex_);
    app::ContactAttempt stored = attempt;
    stored.id = static_cast<std::int64_t>(rows_.size()) + 1;
    rows_.push_back(stored);
    claimed_.push_back(false);
    return stored;
}

bool InMemoryContactLog::ClaimLatestCall(
    domain::UserId user, domain::AgentId agent, Timestamp since, Timestamp until
) {
    const std::lock_guard lock(mutex_);
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& a = rows_[i];
        if (!claimed_[i] && a.user_id == user && a.agent_id == agent &&
            a.channel == domain::Channel::kCall && a.at >= since && a.at <= until &&
            (!best || a.at >= rows_[*best].at)) {
            best = i;
        }
    }
    if (!best) {
        return false;
    }
    claimed_[*best] = true;
    return true;
}

void InMemoryContactLog::RecordClaimed(const app::ContactAttempt& attempt) {
    const std::lock_guard lock(mutex_);
    app::ContactAttempt stored = attempt;
    stored.id = static_cast<std::int64_t>(rows_.size()) + 1;
    rows_.push_back(stored);
    claimed_.push_back(true);
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

namespace dialler::testing {

// --- outcomes and callbacks --------------------------------------------------------------------

namespace {

// What OutcomeStore::Record does to the lead row (the SQL UPDATE of leads).
void ApplyToLead(app::Lead& l, const app::OutcomeRecord& r) {
    const auto& e = r.effects;
    ++l.attempts;
    l.outcome_points += e.score_adjustment;
    ++l.history_version;
    l.score = r.score_after;
    l.score_components = r.components_after;
    l.score_facts = r.score_facts;
    l.is_given_up = r.given_up_after;
    l.next_call_at =
        e.next_call_at ? std::optional<Timestamp>(Timestamp{*e.next_call_at}) : std::nullopt;
    if (e.flags_bad_number && r.phone_e164) {
        l.bad_number_e164 = r.phone_e164;
    }
    if (e.closes_lead) {
        l.is_closed = true;
        l.closed_reason = std::string(domain::OutcomeCode(r.outcome));
    }
    l.lease_agent_id.reset();
    l.lease_expires_at.reset();
}

// What it does to the callback the call answered: completed if the customer was reached,
// else kept, moved, one more failed try, the team's at the limit.
void ApplyToAnsweredCallback(app::Callback& cb, const app::OutcomeRecord& r) {
    const auto& e = r.effects;
    if (e.reached_customer) {
        cb.status = app::CallbackStatus::kCompleted;
    } else {
        cb.scheduled_for =
            e.next_call_at ? Timestamp{*e.next_call_at} : r.at + std::chrono::minutes{30};
        ++cb.failed_tries;
        if (cb.failed_tries >= r.callback_max_failed_tries) {
            cb.agent.reset();
        }
    }
    cb.updated_at = r.at;
}

}  // namespace

std::optional<app::StoredOutcome> InMemoryOutcomeStore::Record(const app::OutcomeRecord& r) {
    const std::lock_guard lock(mutex_);
    const auto& e = r.effects;
    const std::optional<Timestamp> held_since =
        leads_.WithRows([&](std::map<std::int64_t, app::Lead>& rows) -> std::optional<Timestamp> {
            const auto it = rows.find(r.user_id.Value());
            if (it == rows.end() || it->second.lease_agent_id != r.agent ||
                !it->second.IsLeasedAt(r.at)) {
                return std::nullopt;
            }
            const Timestamp since = it->second.leased_at.value_or(r.at);
            ApplyToLead(it->second, r);
            return since;
        });
    if (!held_since) {
        return std::nullopt;
    }
    app::StoredOutcome stored{
        static_cast<std::int64_t>(outcomes_.size()) + 1,
        r.user_id,
        r.agent,
        r.outcome,
        r.notes,
        r.at};
    outcomes_.push_back(stored);
    if (!contacts_.ClaimLatestCall(r.user_id, r.agent, *held_since, r.at) && r.phone_e164) {
        contacts_.RecordClaimed(app::ContactAttempt{
            0, r.user_id, domain::Channel::kCall, r.agent, *r.phone_e164, r.at});
    }
    if (e.callback_at) {
        app::Callback cb;
        cb.user_id = r.user_id;
        cb.agent = r.agent;
        cb.scheduled_for = Timestamp{*e.callback_at};
        cb.notes = r.notes;
        cb.created_by = app::Actor::OfAgent(r.agent);
        cb.created_at = r.at;
        InsertLocked(cb);
    }
    if (e.suppresses) {
        suppressions_.Add(app::Suppression{
            0,
            r.user_id,
            r.phone_e164,
            app::SuppressionChannel::kAll,
            r.notes,
            "outcome",
            app::Actor::OfAgent(r.agent),
            r.at,
            {},
            {},
            {}});
    }
    for (auto& cb : callbacks_) {
        if (r.callback_id && cb.id == *r.callback_id &&
            cb.status == app::CallbackStatus::kPending) {
            ApplyToAnsweredCallback(cb, r);
        }
    }
    return stored;
}

std::vector<app::StoredOutcome> InMemoryOutcomeStore::OutcomesFor(
    domain::UserId user_id, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::StoredOutcome> out;
    std::copy_if(outcomes_.begin(), outcomes_.end(), std::back_inserter(out), [&](const auto& o) {
        return o.user_id == user_id;
    });
    // Newest first, the later id first on a tie (the SQL ORDER BY recorded_at DESC, id DESC).
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at != b.at ? a.at > b.at : a.id > b.id;
    });
    if (static_cast<int>(out.size()) > std::max(limit, 0)) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

app::Callback& InMemoryOutcomeStore::InsertLocked(app::Callback callback) {
    callback.id = static_cast<std::int64_t>(callbacks_.size()) + 1;
    callback.updated_at = callback.created_at;
    callback.failed_tries = 0;
    callback.closed_reason.clear();
    callbacks_.push_back(std::move(callback));
    return callbacks_.back();
}

app::Callback InMemoryOutcomeStore::CreateCallback(const app::Callback& callback) {
    const std::lock_guard lock(mutex_);
    return InsertLocked(callback);
}

template <typename Pred>
std::vector<app::Callback> InMemoryOutcomeStore::SelectLocked(Pred pred, int limit) const {
    std::vector<app::Callback> out;
    std::copy_if(callbacks_.begin(), callbacks_.end(), std::back_inserter(out), pred);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.scheduled_for < b.scheduled_for;
    });
    if (static_cast<int>(out.size()) > std::max(limit, 0)) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

std::optional<app::Callback> InMemoryOutcomeStore::FindCallback(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    for (const auto& cb : callbacks_) {
        if (cb.id == id) {
            return cb;
        }
    }
    return std::nullopt;
}

std::vector<app::Callback> InMemoryOutcomeStore::ListCallbacks(
    app::CallbackScope scope, domain::AgentId agent, Timestamp now, int limit
) {
    const std::lock_guard lock(mutex_);
    return SelectLocked(
        [&](const app::Callback& cb) {
            const bool pending = cb.status == app::CallbackStatus::kPending;
            switch (scope) {
                case app::CallbackScope::kMine:
                    return cb.agent == agent &&
                           (pending || (!cb.closed_reason.empty() &&
                                        cb.updated_at >= now - app::kClosedCallbacksShown));
                case app::CallbackScope::kTeam:
                    return pending;
                case app::CallbackScope::kOverdue:
                    return pending && cb.scheduled_for < now;
            }
            return false;
        },
        limit
    );
}

std::vector<app::Callback> InMemoryOutcomeStore::PendingCallbacksDue(
    Timestamp from, Timestamp to, int limit
) {
    const std::lock_guard lock(mutex_);
    return SelectLocked(
        [&](const app::Callback& cb) {
            return cb.status == app::CallbackStatus::kPending && cb.scheduled_for >= from &&
                   cb.scheduled_for < to;
        },
        limit
    );
}

std::vector<app::Callback> InMemoryOutcomeStore::CallbacksFor(domain::UserId user_id) {
    const std::lock_guard lock(mutex_);
    return SelectLocked([&](const app::Callback& cb) { return cb.user_id == user_id; }, 100);
}

bool InMemoryOutcomeStore::RescheduleCallback(
    std::int64_t id, Timestamp scheduled_for, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    for (auto& cb : callbacks_) {
        if (cb.id == id && cb.status == app::CallbackStatus::kPending) {
            cb.scheduled_for = scheduled_for;
            cb.updated_at = now;
            return true;
        }
    }
    return false;
}

bool InMemoryOutcomeStore::SetCallbackStatus(
    std::int64_t id, app::CallbackStatus status, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    for (auto& cb : callbacks_) {
        if (cb.id == id && cb.status == app::CallbackStatus::kPending) {
            cb.status = status;
            cb.updated_at = now;
            return true;
        }
    }
    return false;
}

bool InMemoryOutcomeStore::ReassignCallback(
    std::int64_t id, std::optional<domain::AgentId> agent, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    for (auto& cb : callbacks_) {
        if (cb.id == id && cb.status == app::CallbackStatus::kPending) {
            cb.agent = agent;
            cb.updated_at = now;
            return true;
        }
    }
    return false;
}

bool InMemoryOutcomeStore::CloseCallback(std::int64_t id, std::string_view reason, Timestamp now) {
    const std::lock_guard lock(mutex_);
    for (auto& cb : callbacks_) {
        if (cb.id == id && cb.status == app::CallbackStatus::kPending) {
            cb.status = app::CallbackStatus::kCancelled;
            cb.closed_reason = std::string(reason);
            cb.updated_at = now;
            return true;
        }
    }
    return false;
}

bool InMemoryOutcomeStore::SetCallbackVoicemail(
    std::int64_t id, const app::CallRecording& voicemail, Timestamp now
) {
    const std::lock_guard lock(mutex_);
    for (auto& cb : callbacks_) {
        if (cb.id == id && !cb.voicemail) {
            cb.voicemail = voicemail;
            cb.updated_at = now;
            return true;
        }
    }
    return false;
}

app::CallbackCounts InMemoryOutcomeStore::CountCallbacks(Timestamp now, Timestamp end_of_day) {
    const std::lock_guard lock(mutex_);
    app::CallbackCounts counts;
    for (const auto& cb : callbacks_) {
        if (cb.status != app::CallbackStatus::kPending) {
            continue;
        }
        if (cb.scheduled_for <= now) {
            ++counts.due_now;
        } else {
            if (cb.scheduled_for < end_of_day) {
                ++counts.later_today;
            }
            if (!counts.next_due || cb.scheduled_for < *counts.next_due) {
                counts.next_due = cb.scheduled_for;
            }
        }
    }
    return counts;
}

std::vector<app::Callback> InMemoryOutcomeStore::DueCallbacks(Timestamp now) {
    const std::lock_guard lock(mutex_);
    return SelectLocked(
        [now](const app::Callback& cb) {
            return cb.status == app::CallbackStatus::kPending && cb.scheduled_for <= now;
        },
        static_cast<int>(callbacks_.size())
    );
}

// --- leases ------------------------------------------------------------------------------------

namespace {

bool FreeAt(const app::Lead& l, Timestamp now) {
    return !l.lease_agent_id || !l.lease_expires_at || *l.lease_expires_at <= now;
}

void LeaseTo(app::Lead& l, const app::ClaimRequest& r) {
    l.lease_agent_id = r.agent;
    l.lease_expires_at = r.lease_until;
    l.leased_at = r.now;
}

}  // namespace

namespace {

// The first due callback the agent may take whose lead is free, or nullptr (`due` in claim order).
const app::Callback* CallbackToClaim(
    const std::vector<app::Callback>& due,
    const std::map<std::int64_t, app::Lead>& rows,
    const app::ClaimRequest& request,
    bool team
) {
    for (const auto& cb : due) {
        const bool allowed =
            cb.agent == request.agent ||
            (team && (!cb.agent || cb.scheduled_for <= request.now - request.callback_grace));
        const auto it = rows.find(cb.user_id.Value());
        if (allowed && it != rows.end() && !it->second.is_closed && !it->second.bad_number_e164 &&
            FreeAt(it->second, request.now)) {
            return &cb;
        }
    }
    return nullptr;
}

// The best callable lead of the asked queues: lowest score, then longest waiting, then id.
app::Lead* BestHead(std::map<std::int64_t, app::Lead>& rows, const app::ClaimRequest& request) {
    const auto asked = [&request](const std::optional<domain::Queue>& q) {
        return q && *q != domain::Queue::kCallbacks &&
               std::find(request.queues.begin(), request.queues.end(), *q) != request.queues.end();
    };
    const auto key = [](const app::Lead& x) {
        return std::make_tuple(x.score, x.waiting_since, x.user_id.Value());
    };
    app::Lead* best = nullptr;
    for (auto& [id, l] : rows) {
        const bool callable = asked(l.queue) && !l.is_closed && !l.is_given_up &&
                              !l.bad_number_e164 && FreeAt(l, request.now) &&
                              (!l.next_call_at || *l.next_call_at <= request.now);
        if (callable && (best == nullptr || key(l) < key(*best))) {
            best = &l;
        }
    }
    return best;
}

}  // namespace

std::optional<app::ClaimedLead> InMemoryLeadLeases::ClaimNext(const app::ClaimRequest& request) {
    const bool team =
        std::find(request.queues.begin(), request.queues.end(), domain::Queue::kCallbacks) !=
        request.queues.end();
    std::vector<app::Callback> due = outcomes_.DueCallbacks(request.now);
    // Own first, then by time, then by id: the SQL ORDER BY.
    std::stable_sort(due.begin(), due.end(), [&](const auto& a, const auto& b) {
        const bool mine_a = a.agent == request.agent;
        const bool mine_b = b.agent == request.agent;
        if (mine_a != mine_b) {
            return mine_a;
        }
        return a.scheduled_for != b.scheduled_for ? a.scheduled_for < b.scheduled_for : a.id < b.id;
    });
    return leads_.WithRows(
        [&](std::map<std::int64_t, app::Lead>& rows) -> std::optional<app::ClaimedLead> {
            if (const app::Callback* cb = CallbackToClaim(due, rows, request, team)) {
                app::Lead& lead = rows.at(cb->user_id.Value());
                LeaseTo(lead, request);
                return app::ClaimedLead{lead, cb->id};
            }
            app::Lead* best = BestHead(rows, request);
            if (best == nullptr) {
                return std::nullopt;
            }
            LeaseTo(*best, request);
            return app::ClaimedLead{*best, std::nullopt};
        }
    );
}

std::optional<app::Lead> InMemoryLeadLeases::ClaimLead(
    domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
) {
    return leads_.WithRows(
        [&](std::map<std::int64_t, app::Lead>& rows) -> std::optional<app::Lead> {
            const auto it = rows.find(user.Value());
            if (it == rows.end() || it->second.is_closed || it->second.IsLeasedAt(now)) {
                return std::nullopt;
            }
            app::ClaimRequest request;
            request.agent = agent;
            request.now = now;
            request.lease_until = until;
            LeaseTo(it->second, request);
            return it->second;
        }
    );
}

std::optional<app::Lead> InMemoryLeadLeases::HeldBy(domain::AgentId agent, Timestamp now) {
    return leads_.WithRows(
        [&](std::map<std::int64_t, app::Lead>& rows) -> std::optional<app::Lead> {
            for (const auto& [id, l] : rows) {
                if (l.lease_agent_id == agent && l.lease_expires_at && *l.lease_expires_at > now) {
                    return l;
                }
            }
            return std::nullopt;
        }
    );
}

bool InMemoryLeadLeases::ExtendLease(
    domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
) {
    return leads_.WithRows([&](std::map<std::int64_t, app::Lead>& rows) {
        const auto it = rows.find(user.Value());
        if (it == rows.end() || it->second.lease_agent_id != agent ||
            !it->second.lease_expires_at || *it->second.lease_expires_at <= now) {
            return false;
        }
        it->second.lease_expires_at = until;
        return true;
    });
}

bool InMemoryLeadLeases::ReleaseLease(
    domain::UserId user, domain::AgentId agent, std::optional<Timestamp> next_call_at
) {
    return leads_.WithRows([&](std::map<std::int64_t, app::Lead>& rows) {
        const auto it = rows.find(user.Value());
        if (it == rows.end() || it->second.lease_agent_id != agent) {
            return false;
        }
        it->second.lease_agent_id.reset();
        it->second.lease_expires_at.reset();
        if (next_call_at) {
            it->second.next_call_at = next_call_at;
        }
        return true;
    });
}

}  // namespace dialler::testing

namespace dialler::testing {

// --- call sessions -----------------------------------------------------------------------------

app::CallSession* InMemoryCallSessionStore::FindLocked(std::int64_t id) {
    for (auto& row : rows_) {
        if (row.id == id) {
            return &row;
        }
    }
    return nullptr;
}

app::CallSession InMemoryCallSessionStore::Create(const app::CallSession& session) {
    const std::lock_guard lock(mutex_);
    app::CallSession stored = session;
    stored.id = static_cast<std::int64_t>(rows_.size()) + 1;
    stored.dialled_call_sid.reset();
    stored.recording.reset();
    stored.outcome_id.reset();
    rows_.push_back(stored);
    return stored;
}

std::optional<app::CallSession> InMemoryCallSessionStore::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const app::CallSession* row = FindLocked(id);
    return row != nullptr ? std::optional(*row) : std::nullopt;
}

std::optional<app::CallSession> InMemoryCallSessionStore::FindByCallSid(std::string_view call_sid) {
    const std::lock_guard lock(mutex_);
    for (const auto& row : rows_) {
        if (row.call_sid == call_sid || row.dialled_call_sid == call_sid) {
            return row;
        }
    }
    return std::nullopt;
}

bool InMemoryCallSessionStore::AttachCallSid(std::int64_t id, const std::string& call_sid) {
    const std::lock_guard lock(mutex_);
    const bool taken = std::any_of(rows_.begin(), rows_.end(), [&](const auto& row) {
        return row.call_sid == call_sid || row.dialled_call_sid == call_sid;
    });
    app::CallSession* row = FindLocked(id);
    if (taken || row == nullptr || row->call_sid) {
        return false;
    }
    row->call_sid = call_sid;
    return true;
}

bool InMemoryCallSessionStore::UpdateState(
    std::int64_t id,
    const domain::CallState& expected,
    const domain::CallState& next,
    const std::optional<std::string>& dialled_call_sid,
    Timestamp /*now*/
) {
    const std::lock_guard lock(mutex_);
    app::CallSession* row = FindLocked(id);
    if (row == nullptr || row->state.status != expected.status ||
        row->state.last_sequence != expected.last_sequence) {
        return false;
    }
    const Timestamp created = row->state.created_at;
    row->state = next;
    row->state.created_at = created;
    if (!row->dialled_call_sid && dialled_call_sid) {
        row->dialled_call_sid = dialled_call_sid;
    }
    return true;
}

bool InMemoryCallSessionStore::SetRecording(
    std::int64_t id, const app::CallRecording& recording, Timestamp /*now*/
) {
    const std::lock_guard lock(mutex_);
    app::CallSession* row = FindLocked(id);
    if (row == nullptr || row->recording) {
        return false;
    }
    row->recording = recording;
    return true;
}

bool InMemoryCallSessionStore::LinkOutcome(
    std::int64_t id, std::int64_t outcome_id, std::string_view outcome_code, Timestamp /*now*/
) {
    const std::lock_guard lock(mutex_);
    app::CallSession* row = FindLocked(id);
    if (row == nullptr || row->outcome_id) {
        return false;
    }
    row->outcome_id = outcome_id;
    row->outcome_code = std::string(outcome_code);
    return true;
}

std::vector<app::CallSession> InMemoryCallSessionStore::List(const app::CallSessionFilter& f) {
    const std::lock_guard lock(mutex_);
    std::vector<app::CallSession> out;
    std::copy_if(rows_.begin(), rows_.end(), std::back_inserter(out), [&f](const auto& row) {
        const Timestamp at = row.state.created_at;
        return (!f.user_id || row.user_id == *f.user_id) &&
               (!f.agent_id || row.agent_id == *f.agent_id) && (!f.from || at >= *f.from) &&
               (!f.to || at < *f.to) && (!f.recorded_only || row.recording) &&
               (!f.before_id || row.id < *f.before_id) &&
               (!f.before || at < f.before->created_at ||
                (at == f.before->created_at && row.id < f.before->id)) &&
               (!f.outcome || row.outcome_code == *f.outcome);
    });
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.state.created_at != b.state.created_at ? a.state.created_at > b.state.created_at
                                                        : a.id > b.id;
    });
    out.resize(std::min(out.size(), static_cast<std::size_t>(std::max(f.limit, 0))));
    return out;
}

std::vector<app::CallSession> InMemoryCallSessionStore::Unfinished(
    Timestamp created_before, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::CallSession> out;
    std::copy_if(rows_.begin(), rows_.end(), std::back_inserter(out), [&](const auto& row) {
        return !row.state.ended_at && row.state.created_at < created_before;
    });
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.state.created_at < b.state.created_at;
    });
    out.resize(std::min(out.size(), static_cast<std::size_t>(std::max(limit, 0))));
    return out;
}

std::optional<app::AgentStatusEntry> InMemoryAgentStatusStore::Current(domain::AgentId agent) {
    const std::lock_guard lock(mutex_);
    const auto it = current_.find(agent);
    if (it == current_.end()) {
        return std::nullopt;
    }
    app::AgentStatusEntry row = it->second;
    row.cause.clear();  // the current row keeps no cause, as in SQL
    return row;
}

std::vector<app::AgentStatusEntry> InMemoryAgentStatusStore::AllCurrent() {
    const std::lock_guard lock(mutex_);
    std::vector<app::AgentStatusEntry> out;
    for (const auto& [agent, entry] : current_) {
        app::AgentStatusEntry row = entry;
        row.cause.clear();  // the current row keeps no cause, as in SQL
        out.push_back(row);
    }
    return out;
}

bool InMemoryAgentStatusStore::Record(
    const app::AgentStatusEntry& entry, domain::AgentStatus expected
) {
    const std::lock_guard lock(mutex_);
    const auto it = current_.find(entry.agent_id);
    const auto now = it == current_.end() ? domain::AgentStatus::kOffline : it->second.status;
    if (now != expected) {
        return false;
    }
    current_[entry.agent_id] = entry;
    events_.push_back(entry);
    return true;
}

std::vector<app::AgentStatusEntry> InMemoryAgentStatusStore::Timeline(
    domain::AgentId agent, Timestamp from, Timestamp to
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::AgentStatusEntry> out;
    for (const auto& e : events_) {
        if (e.agent_id == agent && e.at >= from && e.at < to) {
            out.push_back(e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at < b.at;
    });
    return out;
}

std::string FakeTelephony::VoiceToken(const std::string& identity, Timestamp now) const {
    return "token-for-" + identity + "-at-" + std::to_string(now.time_since_epoch().count());
}

std::optional<app::ProviderCall> FakeTelephony::FetchCall(const std::string& call_sid) {
    const std::lock_guard lock(mutex_);
    ++fetches_;
    const auto it = calls_.find(call_sid);
    return it == calls_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<app::RecordingMedia> FakeTelephony::FetchRecording(const app::CallRecording& recording
) {
    const std::lock_guard lock(mutex_);
    const auto it = recordings_.find(recording.sid);
    return it == recordings_.end() ? std::nullopt : std::optional(it->second);
}

app::SentMessage FakeTelephony::SendMessage(const app::OutgoingMessage& message) {
    const std::lock_guard lock(mutex_);
    if (opted_out_.contains(message.to)) {
        return {"", "failed", 21610, "Attempt to send to unsubscribed recipient"};
    }
    sent_.push_back(message);
    return {"SM" + std::to_string(sent_.size()), "queued", 0, ""};
}

void FakeTelephony::OptOut(const std::string& number) {
    const std::lock_guard lock(mutex_);
    opted_out_.insert(number);
}

std::vector<app::OutgoingMessage> FakeTelephony::Sent() const {
    const std::lock_guard lock(mutex_);
    return sent_;
}

bool FakeTelephony::IsGenuineWebhook(
    std::string_view url,
    const UrlEncodedPairs& /*params*/,
    std::string_view /*body*/,
    std::string_view signature
) const {
    return signature == "signed:" + std::string(url);
}

std::string FakeTelephony::DialResponse(const app::DialInstruction& dial) const {
    return "dial " + dial.number + " from " + dial.caller_id;
}

std::string FakeTelephony::RefusalResponse(std::string_view message) const {
    return "say " + std::string(message);
}

void FakeTelephony::SetCall(const std::string& call_sid, app::ProviderCall call) {
    const std::lock_guard lock(mutex_);
    calls_[call_sid] = call;
}

void FakeTelephony::SetRecording(const std::string& recording_sid, app::RecordingMedia media) {
    const std::lock_guard lock(mutex_);
    recordings_[recording_sid] = std::move(media);
}

int FakeTelephony::fetches() const {
    const std::lock_guard lock(mutex_);
    return fetches_;
}

void RecordingEventSink::Publish(const app::LiveEvent& event) {
    const std::lock_guard lock(mutex_);
    events_.push_back(event);
}

std::vector<app::LiveEvent> RecordingEventSink::Events() const {
    const std::lock_guard lock(mutex_);
    return events_;
}

}  // namespace dialler::testing
