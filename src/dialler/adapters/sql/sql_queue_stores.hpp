#pragma once

#include <atomic>

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/contact_log.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/lead_leases.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/settings_service.hpp"
#include "dialler/app/suppression_store.hpp"

namespace dialler::adapters::sql {

// The queue engine's storage ports over SQL (migrations/*/0002_*), on SQLite and PostgreSQL.
// Each keeps a reference to the SqlDatabase. Contract:
// tests/contract/queue_store_contracts_test.cpp.

class SqlLeadStore final : public app::LeadStore {
public:
    explicit SqlLeadStore(SqlDatabase& db) : db_(db) {}
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

private:
    std::vector<app::Lead> Select(const std::string& where);
    SqlDatabase& db_;
};

class SqlLeadLeases final : public app::LeadLeases {
public:
    explicit SqlLeadLeases(SqlDatabase& db) : db_(db) {}
    std::optional<app::ClaimedLead> ClaimNext(const app::ClaimRequest& request) override;
    std::optional<app::Lead> ClaimLead(
        domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
    ) override;
    std::optional<app::Lead> HeldBy(domain::AgentId agent, Timestamp now) override;
    bool ExtendLease(domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until)
        override;
    bool ReleaseLease(
        domain::UserId user, domain::AgentId agent, std::optional<Timestamp> next_call_at
    ) override;

private:
    // Whether this claimer should run the once-a-second sweep now (claims it if so).
    bool UnparkDue(long long now);
    // Returns parked leads whose time has come to the ready index and clears expired leases.
    static void Unpark(soci::session& s, long long now);

    SqlDatabase& db_;
    std::atomic<long long> last_unpark_ms_{-1000000};
};

class SqlOutcomeStore final : public app::OutcomeStore {
public:
    explicit SqlOutcomeStore(SqlDatabase& db) : db_(db) {}
    std::optional<app::StoredOutcome> Record(const app::OutcomeRecord& record) override;
    std::vector<app::StoredOutcome> OutcomesFor(domain::UserId user_id, int limit) override;
    app::Callback CreateCallback(const app::Callback& callback) override;
    std::optional<app::Callback> FindCallback(std::int64_t id) override;
    std::vector<app::Callback> ListCallbacks(
        app::CallbackScope scope, domain::AgentId agent, Timestamp now, int limit
    ) override;
    std::vector<app::Callback> CallbacksFor(domain::UserId user_id) override;
    std::vector<app::Callback> PendingCallbacksDue(Timestamp from, Timestamp to, int limit)
        override;
    bool RescheduleCallback(std::int64_t id, Timestamp scheduled_for, Timestamp now) override;
    bool SetCallbackStatus(std::int64_t id, app::CallbackStatus status, Timestamp now) override;
    bool ReassignCallback(std::int64_t id, std::optional<domain::AgentId> agent, Timestamp now)
        override;
    bool CloseCallback(std::int64_t id, std::string_view reason, Timestamp now) override;
    bool SetCallbackVoicemail(std::int64_t id, const app::CallRecording& voicemail, Timestamp now)
        override;
    app::CallbackCounts CountCallbacks(Timestamp now, Timestamp end_of_day) override;

private:
    std::vector<app::Callback> SelectCallbacks(const std::string& where, int limit);
    SqlDatabase& db_;
};

class SqlSuppressionStore final : public app::SuppressionStore {
public:
    explicit SqlSuppressionStore(SqlDatabase& db) : db_(db) {}
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
    SqlDatabase& db_;
};

class SqlDiscoveryStore final : public app::DiscoveryStore {
public:
    explicit SqlDiscoveryStore(SqlDatabase& db) : db_(db) {}
    app::DiscoveryRun StartRun(const std::string& kind, Timestamp at) override;
    void FinishRun(const app::DiscoveryRun& run) override;
    std::vector<app::DiscoveryRun> RecentRuns(int limit) override;
    std::optional<Timestamp> Watermark() override;
    void SetWatermark(Timestamp watermark) override;
    std::size_t RecordConversions(std::span<const app::Conversion> conversions) override;
    std::vector<app::Conversion> ConversionsSince(Timestamp since, int limit) override;
    std::vector<app::Conversion> ConversionsFor(domain::UserId user, int limit) override;

private:
    // `where` has one placeholder, :v.
    std::vector<app::Conversion> SelectConversions(
        const std::string& where, long long value, int limit
    );
    SqlDatabase& db_;
};

class SqlContactLog final : public app::ContactLog {
public:
    explicit SqlContactLog(SqlDatabase& db) : db_(db) {}
    app::ContactAttempt Record(const app::ContactAttempt& attempt) override;
    std::vector<app::ContactAttempt> Since(domain::UserId user_id, Timestamp since) override;
    std::vector<std::pair<domain::UserId, domain::AgentId>> CallersSince(
        std::span<const domain::UserId> user_ids, Timestamp since
    ) override;

private:
    SqlDatabase& db_;
};

class SqlJobLeaseStore final : public app::JobLeaseStore {
public:
    explicit SqlJobLeaseStore(SqlDatabase& db) : db_(db) {}
    bool TryAcquire(
        const std::string& name, const std::string& holder, Timestamp now, Timestamp until
    ) override;
    void Release(const std::string& name, const std::string& holder) override;
    std::optional<std::string> Marker(const std::string& name) override;
    void SetMarker(const std::string& name, const std::string& value) override;

private:
    SqlDatabase& db_;
};

class SqlSettingsStore final : public app::SettingsStore {
public:
    explicit SqlSettingsStore(SqlDatabase& db) : db_(db) {}
    app::SettingsMap Load() override;
    void Save(const app::SettingsMap& values, const app::Actor& by, Timestamp at) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
