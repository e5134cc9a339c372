#include "dialler/app/discovery_service.hpp"

#include <algorithm>
#include <exception>
#include <future>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "dialler/app/settings_codec.hpp"
#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

constexpr const char* kLeaseName = "discovery";
constexpr std::chrono::minutes kLeaseLength{15};
constexpr const char* kRescoreMarker = "rescore";
constexpr int kRescorePage = 2000;

// Identifies the score weights and lender importance: the settings that re-score every lead.
std::string WeightsFingerprint(const QueueSettings& settings) {
    std::uint64_t h = 14695981039346656037ULL;  // FNV-1a
    const auto mix = [&h](std::string_view s) {
        for (const char ch : s) {
            h ^= static_cast<unsigned char>(ch);
            h *= 1099511628211ULL;
        }
        h ^= 0xFFU;
        h *= 1099511628211ULL;
    };
    for (const auto& [key, value] : EncodeSettings(settings)) {
        if (key.starts_with("score.") || key.starts_with("lender.")) {
            mix(key);
            mix(value);
        }
    }
    return Hex64(h);
}
// Incremental runs look this far behind the watermark: replica rows can become visible a little
// after their updated_at (replication lag, long transactions on the platform).
constexpr std::chrono::minutes kWatermarkOverlap{5};

// Whether storing `e` would change nothing in `before` (so the write can be skipped).
bool Unchanged(const Lead& before, const CustomerEvaluation& e) {
    const LeadEvaluation& l = e.lead;
    const auto same_phone = [](const std::optional<domain::PhoneNumber>& a,
                               const std::optional<domain::PhoneNumber>& b) {
        return a.has_value() == b.has_value() &&
               (!a || (a->e164 == b->e164 && a->type == b->type && a->region == b->region));
    };
    const auto same_components = [](const std::vector<domain::ScoreComponent>& a,
                                    const std::vector<domain::ScoreComponent>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
            return x.name == y.name && x.points == y.points && x.detail == y.detail;
        });
    };
    return !e.conversion && !l.clear_bad_number && !l.reopen_no_claim && before.queue == l.queue &&
           before.reasons == l.reasons && before.score == l.score &&
           before.is_given_up == l.is_given_up && before.phone_raw == l.phone_raw &&
           same_phone(before.phone, l.phone) && before.history_key == l.history_key &&
           before.waiting_since == l.waiting_since && before.attempts == l.attempts &&
           before.outcome_points == l.outcome_points && before.score_facts == l.score_facts &&
           same_components(before.score_components, l.score_components);
}

}  // namespace

DiscoveryService::DiscoveryService(Ports ports, std::string holder, int batch_size)
    : ports_(ports),
      holder_(std::move(holder)),
      batch_size_(std::max(batch_size, 1)),
      parse_threads_(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4)) {}

void DiscoveryService::ThrowIfStopping() const {
    if (stop_) {
        throw std::runtime_error("stopped");
    }
}

Result<long long> DiscoveryService::RescoreIfWeightsChanged() {
    const QueueSettings settings = ports_.settings.Current();
    const std::string fingerprint = WeightsFingerprint(settings);
    const std::optional<std::string> applied = ports_.leases.Marker(kRescoreMarker);
    if (applied == fingerprint) {
        return 0;
    }
    if (!applied) {
        // First start: the leads were scored by discovery with the weights in force.
        ports_.leases.SetMarker(kRescoreMarker, fingerprint);
        return 0;
    }
    const Timestamp now = ports_.clock.Now();
    if (!ports_.leases.TryAcquire(kLeaseName, holder_, now, now + kLeaseLength)) {
        return Fail(ErrorCode::kFailedPrecondition, "another instance is running discovery");
    }
    long long written = 0;
    try {
        domain::UserId after{0};
        while (true) {
            ThrowIfStopping();
            const std::vector<Lead> page = ports_.leads.OpenLeadsAfter(after, kRescorePage);
            if (page.empty()) {
                break;
            }
            std::vector<ScoreUpdate> updates;
            for (const Lead& l : page) {
                if (!l.queue || !l.score_facts) {
                    continue;
                }
                const domain::Score s = ScoreLead(
                    *l.queue,
                    *l.score_facts,
                    domain::LeadHistory{l.waiting_since, l.attempts, l.outcome_points},
                    settings,
                    ports_.lenders,
                    now
                );
                if (s.total != l.score || s.given_up != l.is_given_up ||
                    s.components != l.score_components) {
                    updates.push_back(ScoreUpdate{
                        l.user_id,
                        s.total,
                        s.components,
                        l.score_facts,
                        s.given_up,
                        l.history_version});
                }
            }
            written += static_cast<long long>(ports_.leads.UpdateScores(updates));
            after = page.back().user_id;
        }
        ports_.leases.SetMarker(kRescoreMarker, fingerprint);
    } catch (...) {
        ports_.leases.Release(kLeaseName, holder_);
        throw;
    }
    ports_.leases.Release(kLeaseName, holder_);
    return written;
}

Result<DiscoveryRun> DiscoveryService::RunFull() {
    return Run(true);
}

Result<DiscoveryRun> DiscoveryService::RunIncremental() {
    return Run(false);
}

Result<DiscoveryRun> DiscoveryService::Run(bool full) {
    const Timestamp start = ports_.clock.Now();
    if (!ports_.leases.TryAcquire(kLeaseName, holder_, start, start + kLeaseLength)) {
        return Fail(ErrorCode::kFailedPrecondition, "another instance is running discovery");
    }
    const QueueSettings settings = ports_.settings.Current();
    const bool do_full = full || !ports_.runs.Watermark();
    DiscoveryRun run = ports_.runs.StartRun(do_full ? "full" : "incremental", start);
    try {
        if (do_full) {
            RunFullBody(run, settings);
        } else {
            RunIncrementalBody(run, settings);
        }
        run.status = "succeeded";
    } catch (const std::exception& e) {
        run.status = "failed";
        run.error = e.what();
        run.finished_at = ports_.clock.Now();
        ports_.runs.FinishRun(run);
        ports_.leases.Release(kLeaseName, holder_);
        throw;
    }
    run.finished_at = ports_.clock.Now();
    ports_.runs.FinishRun(run);
    ports_.leases.Release(kLeaseName, holder_);
    return run;
}

void DiscoveryService::RunFullBody(DiscoveryRun& run, const QueueSettings& settings) {
    // The watermark is read before the scan, so changes made during it are seen again by the
    // next incremental run rather than lost.
    const std::optional<Timestamp> watermark = ports_.replica.NewestChange();
    const std::optional<domain::UserId> max_id = ports_.replica.MaxUserId();
    if (max_id) {
        const auto last_of = [this, last = max_id->Value()](std::int64_t first) {
            return domain::UserId{std::min<std::int64_t>(first + batch_size_ - 1, last)};
        };
        const auto prepare = [this, &last_of](std::int64_t first) {
            const domain::UserId lo{first};
            const domain::UserId hi = last_of(first);
            return Prepare(
                ports_.replica.ReadCustomerRange(lo, hi), ports_.leads.LeadsInRange(lo, hi)
            );
        };
        // A pipeline of two: the next batch is read and its phones parsed while this one is
        // evaluated and written. Batches are disjoint id ranges, and the write itself leaves
        // leased leads alone, so reading ahead cannot undo anything.
        std::future<Batch> next = std::async(std::launch::async, prepare, 0);
        for (std::int64_t first = 0; first <= max_id->Value(); first += batch_size_) {
            Batch batch = next.get();
            if (first + batch_size_ <= max_id->Value()) {
                next = std::async(std::launch::async, prepare, first + batch_size_);
            }
            ThrowIfStopping();
            const auto present = ProcessBatch(std::move(batch), settings, run);
            run.removed += ports_.leads.RemoveMissing(
                domain::UserId{first}, last_of(first), present, ports_.clock.Now()
            );
        }
    }
    if (watermark) {
        ports_.runs.SetWatermark(*watermark);
    }
}

void DiscoveryService::RunIncrementalBody(DiscoveryRun& run, const QueueSettings& settings) {
    const Timestamp since = *ports_.runs.Watermark() - kWatermarkOverlap;
    const Replica::Changes changes = ports_.replica.ChangedSince(since);
    for (std::size_t i = 0; i < changes.users.size(); i += static_cast<std::size_t>(batch_size_)) {
        ThrowIfStopping();
        const std::span<const domain::UserId> ids(
            changes.users.data() + i,
            std::min(changes.users.size() - i, static_cast<std::size_t>(batch_size_))
        );
        ProcessIds(ids, settings, run);
    }
    if (changes.newest) {
        ports_.runs.SetWatermark(std::max(*changes.newest, *ports_.runs.Watermark()));
    }
}

DiscoveryService::Batch DiscoveryService::Prepare(
    std::vector<domain::CustomerRecord> records, std::vector<Lead> existing
) const {
    Batch batch;
    batch.records = std::move(records);
    batch.existing = std::move(existing);
    std::unordered_map<std::int64_t, const Lead*> by_id;
    by_id.reserve(batch.existing.size());
    for (const Lead& lead : batch.existing) {
        by_id.emplace(lead.user_id.Value(), &lead);
    }
    const std::size_t n = batch.records.size();
    batch.stored.assign(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        if (const auto it = by_id.find(batch.records[i].user.id.Value()); it != by_id.end()) {
            batch.stored[i] = it->second;
        }
    }
    // Parsing phones is most of a cold run's CPU: spread it over the cores.
    batch.phones.resize(n);
    const auto parse = [&batch, this](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            batch.phones[i] = CurrentPhone(batch.records[i], batch.stored[i], ports_.phones);
        }
    };
    const std::size_t share = (n + parse_threads_ - 1) / parse_threads_;
    {
        std::vector<std::jthread> helpers;
        for (std::size_t begin = share; begin < n; begin += share) {
            helpers.emplace_back(parse, begin, std::min(begin + share, n));
        }
        parse(0, std::min(share, n));
    }  // joins the helpers
    return batch;
}

std::vector<domain::UserId> DiscoveryService::ProcessBatch(
    Batch batch, const QueueSettings& settings, DiscoveryRun& run
) {
    const Timestamp now = ports_.clock.Now();
    const auto& records = batch.records;
    // Suppression is by customer or by number: checked for the whole batch in one query.
    std::vector<SuppressionSubject> subjects;
    subjects.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& phone = batch.phones[i];
        subjects.push_back(SuppressionSubject{
            records[i].user.id, phone ? std::optional(phone->e164) : std::nullopt});
    }
    const auto suppressed_ids = ports_.suppressions.Suppressed(subjects, SuppressionChannel::kCall);
    const std::unordered_set<std::int64_t> suppressed = [&] {
        std::unordered_set<std::int64_t> s;
        for (const auto id : suppressed_ids) {
            s.insert(id.Value());
        }
        return s;
    }();

    std::vector<CustomerEvaluation> evaluations;
    std::vector<domain::UserId> present;
    evaluations.reserve(records.size());
    present.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        const Lead* stored = batch.stored[i];
        CustomerEvaluation e = EvaluateCustomer(
            r,
            stored,
            std::move(batch.phones[i]),
            suppressed.contains(r.user.id.Value()),
            settings,
            ports_.lenders,
            now
        );
        present.push_back(r.user.id);
        if (e.lead.queue) {
            ++run.leads_in_queue;
        }
        if (stored != nullptr && Unchanged(*stored, e)) {
            ++run.unchanged;
            continue;  // most customers do not change between runs: writing them again is the cost
        }
        evaluations.push_back(std::move(e));
    }
    run.customers_read += static_cast<long long>(records.size());
    const auto count = static_cast<long long>(evaluations.size());
    const Stored stored_result = Store(std::move(evaluations), settings, now);
    run.skipped_leased += static_cast<long long>(stored_result.skipped.size());
    run.leads_written += count - static_cast<long long>(stored_result.skipped.size());
    run.conversions += stored_result.conversions;
    return present;
}

void DiscoveryService::Reevaluate(std::span<const domain::UserId> ids) {
    if (ids.empty()) {
        return;
    }
    DiscoveryRun not_recorded;
    ProcessIds(ids, ports_.settings.Current(), not_recorded);
}

void DiscoveryService::ProcessIds(
    std::span<const domain::UserId> ids, const QueueSettings& settings, DiscoveryRun& run
) {
    ProcessBatch(
        Prepare(ports_.replica.ReadCustomers(ids), ports_.leads.LeadsById(ids)), settings, run
    );
}

std::vector<domain::UserId> DiscoveryService::StoreEvaluations(
    std::vector<CustomerEvaluation> evaluations
) {
    return Store(std::move(evaluations), ports_.settings.Current(), ports_.clock.Now()).skipped;
}

DiscoveryService::Stored DiscoveryService::Store(
    std::vector<CustomerEvaluation> evaluations, const QueueSettings& settings, Timestamp now
) {
    std::vector<LeadEvaluation> leads;
    std::vector<Conversion> conversions;
    leads.reserve(evaluations.size());
    for (CustomerEvaluation& e : evaluations) {
        if (e.conversion) {
            conversions.push_back(std::move(*e.conversion));
        }
        leads.push_back(std::move(e.lead));
    }
    Stored result;
    result.skipped = ports_.leads.ApplyEvaluations(leads, now);
    // A held lead was not updated, so its conversion is seen (once) when it is next evaluated.
    std::erase_if(conversions, [&result](const Conversion& c) {
        return std::find(result.skipped.begin(), result.skipped.end(), c.user_id) !=
               result.skipped.end();
    });
    if (!conversions.empty()) {
        std::vector<domain::UserId> ids;
        ids.reserve(conversions.size());
        for (const auto& c : conversions) {
            ids.push_back(c.user_id);
        }
        for (const auto& [user, agent] :
             ports_.contacts.CallersSince(ids, now - settings.conversion_credit_window)) {
            for (auto& c : conversions) {
                if (c.user_id == user) {
                    c.agents.push_back(agent);
                }
            }
        }
        result.conversions = static_cast<long long>(ports_.runs.RecordConversions(conversions));
    }
    return result;
}

}  // namespace dialler::app
