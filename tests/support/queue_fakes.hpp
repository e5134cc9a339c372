#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dialler/app/contact_log.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/suppression_store.hpp"

namespace dialler::testing {

// In-memory implementations of the queue engine's storage ports. They pass the same contract
// suites as the SQL adapters (tests/contract/queue_store_contracts_test.cpp). Each method runs
// in one critical section, the fake's twin of one transaction.

class InMemoryLeadStore final : public app::LeadStore {
public:
    std::vector<app::Lead> LeadsInRange(domain::UserId first, domain::UserId last) override;
    std::vector<app::Lead> LeadsById(std::span<const domain::UserId> ids) override;
    std::optional<app::Lead> FindLead(domain::UserId id) override;
    std::vector<domain::UserId> ApplyEvaluations(
        std::span<const app::LeadEvaluation> evaluations, Timestamp now
    ) override;
    int RemoveMissing(
        domain::UserId first,
        domain::UserId last,
        std::span<const domain::UserId> present,
        Timestamp now
    ) override;
    std::vector<app::LeadCounts> Counts(Timestamp now) override;
    std::vector<domain::UserId> UsersWithPhone(const std::string& e164) override;
    std::vector<app::Lead> OpenLeadsAfter(domain::UserId after, int limit) override;
    std::vector<app::Lead> UnreachableAfter(domain::UserId after, int limit) override;
    std::size_t UpdateScores(std::span<const app::ScoreUpdate> updates) override;

    // Test convenience: changes a stored lead in place, as the queue service's writes will
    // (leases, next call times, closures, bad numbers). Returns false if there is no such lead.
    bool Update(domain::UserId id, const std::function<void(app::Lead&)>& change);

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::Lead> rows_;
};

class InMemorySuppressionStore final : public app::SuppressionStore {
public:
    app::Suppression Add(const app::Suppression& entry) override;
    bool Remove(std::int64_t id, const app::Actor& by, const std::string& reason, Timestamp at)
        override;
    std::optional<app::Suppression> Find(std::int64_t id) override;
    std::vector<app::Suppression> List(
        std::optional<domain::UserId> user_id,
        std::optional<std::string> phone_e164,
        bool include_removed,
        int limit
    ) override;
    std::vector<domain::UserId> Suppressed(
        std::span<const app::SuppressionSubject> subjects, app::SuppressionChannel channel
    ) override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::Suppression> rows_;
    std::int64_t next_id_ = 1;
};

class InMemoryDiscoveryStore final : public app::DiscoveryStore {
public:
    app::DiscoveryRun StartRun(const std::string& kind, Timestamp at) override;
    void FinishRun(const app::DiscoveryRun& run) override;
    std::vector<app::DiscoveryRun> RecentRuns(int limit) override;
    std::optional<Timestamp> Watermark() override;
    void SetWatermark(Timestamp watermark) override;
    std::size_t RecordConversions(std::span<const app::Conversion> conversions) override;
    std::vector<app::Conversion> ConversionsSince(Timestamp since, int limit) override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::DiscoveryRun> runs_;
    std::int64_t next_run_id_ = 1;
    std::optional<Timestamp> watermark_;
    std::vector<app::Conversion> conversions_;  // in recording order
};

class InMemoryContactLog final : public app::ContactLog {
public:
    app::ContactAttempt Record(const app::ContactAttempt& attempt) override;
    std::vector<app::ContactAttempt> Since(domain::UserId user_id, Timestamp since) override;
    std::vector<std::pair<domain::UserId, domain::AgentId>> CallersSince(
        std::span<const domain::UserId> user_ids, Timestamp since
    ) override;

private:
    std::mutex mutex_;
    std::vector<app::ContactAttempt> rows_;  // in id order
};

class InMemoryJobLeaseStore final : public app::JobLeaseStore {
public:
    bool TryAcquire(
        const std::string& name, const std::string& holder, Timestamp now, Timestamp until
    ) override;
    void Release(const std::string& name, const std::string& holder) override;
    std::optional<std::string> Marker(const std::string& name) override;
    void SetMarker(const std::string& name, const std::string& value) override;

private:
    std::map<std::string, std::string, std::less<>> markers_;
    struct Held {
        std::string holder;
        Timestamp expires_at;
    };
    std::mutex mutex_;
    std::map<std::string, Held, std::less<>> leases_;
};

}  // namespace dialler::testing
