#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dialler/app/agent_status_store.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/contact_log.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/lead_leases.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/app/telephony.hpp"

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

    // Runs `fn` on every row under the store's lock: the other fakes (leases, outcomes) act on
    // leads through this, atomically, as the SQL adapters do in one statement or transaction.
    template <typename F>
    decltype(auto) WithRows(F&& fn) {
        const std::lock_guard lock(mutex_);
        return std::forward<F>(fn)(rows_);
    }

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
    std::vector<app::Conversion> ConversionsFor(domain::UserId user, int limit) override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::DiscoveryRun> runs_;
    std::int64_t next_run_id_ = 1;
    std::optional<Timestamp> watermark_;
    std::vector<app::Conversion> SelectConversions(
        const std::function<bool(const app::Conversion&)>& wanted, int limit
    );
    std::vector<app::Conversion> conversions_;  // in recording order
};

class InMemoryContactLog final : public app::ContactLog {
public:
    app::ContactAttempt Record(const app::ContactAttempt& attempt) override;
    std::vector<app::ContactAttempt> Since(domain::UserId user_id, Timestamp since) override;
    std::vector<std::pair<domain::UserId, domain::AgentId>> CallersSince(
        std::span<const domain::UserId> user_ids, Timestamp since
    ) override;

    // For InMemoryOutcomeStore, the twin of the SQL outcome's link: claims the newest call of
    // `agent` to `user` made in [since, until] that no outcome has claimed yet; false if none.
    bool ClaimLatestCall(
        domain::UserId user, domain::AgentId agent, Timestamp since, Timestamp until
    );
    // Records a call attempt already claimed by its outcome.
    void RecordClaimed(const app::ContactAttempt& attempt);

private:
    std::mutex mutex_;
    std::vector<app::ContactAttempt> rows_;  // in id order
    std::vector<bool> claimed_;              // parallel to rows_
};

// The outcome store over the other fakes: Record changes the lead (through
// InMemoryLeadStore::WithRows), the contact log and the suppressions as the SQL transaction does.
class InMemoryOutcomeStore final : public app::OutcomeStore {
public:
    InMemoryOutcomeStore(
        InMemoryLeadStore& leads,
        InMemoryContactLog& contacts,
        InMemorySuppressionStore& suppressions
    )
        : leads_(leads), contacts_(contacts), suppressions_(suppressions) {}

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

    // For InMemoryLeadLeases: the pending callbacks due at `now`.
    std::vector<app::Callback> DueCallbacks(Timestamp now);

private:
    app::Callback& InsertLocked(app::Callback callback);
    template <typename Pred>
    std::vector<app::Callback> SelectLocked(Pred pred, int limit) const;

    InMemoryLeadStore& leads_;
    InMemoryContactLog& contacts_;
    InMemorySuppressionStore& suppressions_;
    std::mutex mutex_;
    std::vector<app::StoredOutcome> outcomes_;
    std::vector<app::Callback> callbacks_;  // in id order
};

// The next-lead path's leases over the lead store and the outcome store's callbacks.
class InMemoryLeadLeases final : public app::LeadLeases {
public:
    InMemoryLeadLeases(InMemoryLeadStore& leads, InMemoryOutcomeStore& outcomes)
        : leads_(leads), outcomes_(outcomes) {}

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
    InMemoryLeadStore& leads_;
    InMemoryOutcomeStore& outcomes_;
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

class InMemoryCallSessionStore final : public app::CallSessionStore {
public:
    app::CallSession Create(const app::CallSession& session) override;
    std::optional<app::CallSession> Find(std::int64_t id) override;
    std::optional<app::CallSession> FindByCallSid(std::string_view call_sid) override;
    bool AttachCallSid(std::int64_t id, const std::string& call_sid) override;
    bool UpdateState(
        std::int64_t id,
        const domain::CallState& expected,
        const domain::CallState& next,
        const std::optional<std::string>& dialled_call_sid,
        Timestamp now
    ) override;
    bool SetRecording(std::int64_t id, const app::CallRecording& recording, Timestamp now) override;
    bool LinkOutcome(
        std::int64_t id, std::int64_t outcome_id, std::string_view outcome_code, Timestamp now
    ) override;
    std::vector<app::CallSession> List(const app::CallSessionFilter& filter) override;
    std::vector<app::CallSession> Unfinished(Timestamp created_before, int limit) override;

private:
    app::CallSession* FindLocked(std::int64_t id);
    std::mutex mutex_;
    std::vector<app::CallSession> rows_;  // in id order
};

class InMemoryAgentStatusStore final : public app::AgentStatusStore {
public:
    std::optional<app::AgentStatusEntry> Current(domain::AgentId agent) override;
    std::vector<app::AgentStatusEntry> AllCurrent() override;
    bool Record(const app::AgentStatusEntry& entry, domain::AgentStatus expected) override;
    std::vector<app::AgentStatusEntry> Timeline(domain::AgentId agent, Timestamp from, Timestamp to)
        override;

private:
    std::mutex mutex_;
    std::map<domain::AgentId, app::AgentStatusEntry> current_;
    std::vector<app::AgentStatusEntry> events_;  // in the order recorded
};

// The provider as a test scripts it: the calls it knows and the recordings it still has. The
// stand-in behind the real REST adapter passes the same contract (tests/contract/
// telephony_contract_test.cpp).
class FakeTelephony final : public app::Telephony {
public:
    std::string Mode() const override { return "sim"; }
    std::string VoiceToken(const std::string& identity, Timestamp now) const override;
    std::chrono::seconds TokenTtl() const override { return std::chrono::hours{1}; }
    std::optional<app::ProviderCall> FetchCall(const std::string& call_sid) override;
    std::optional<app::RecordingMedia> FetchRecording(const app::CallRecording& recording) override;
    // Refuses (21610) the numbers OptOut names, as Twilio does after a STOP.
    app::SentMessage SendMessage(const app::OutgoingMessage& message) override;
    void OptOut(const std::string& number);
    std::vector<app::OutgoingMessage> Sent() const;
    // A request is genuine when its signature is "signed:" + its URL.
    bool IsGenuineWebhook(
        std::string_view url,
        const UrlEncodedPairs& params,
        std::string_view body,
        std::string_view signature
    ) const override;
    std::string DialResponse(const app::DialInstruction& dial) const override;
    std::string RingAgentResponse(const app::RingInstruction& ring) const override {
        return "ring " + ring.identity;
    }
    std::string VoicemailResponse(std::string_view message, std::int64_t callback_id)
        const override {
        return std::string(message) + " record for callback " + std::to_string(callback_id);
    }
    std::string RefusalResponse(std::string_view message) const override;
    std::string HangUpResponse() const override { return "hang up"; }
    std::string NoReplyResponse() const override { return "no reply"; }
    std::string WebhookContentType() const override { return "text/plain"; }

    void SetCall(const std::string& call_sid, app::ProviderCall call);
    void SetRecording(const std::string& recording_sid, app::RecordingMedia media);
    int fetches() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, app::ProviderCall, std::less<>> calls_;
    std::map<std::string, app::RecordingMedia, std::less<>> recordings_;
    std::set<std::string, std::less<>> opted_out_;
    std::vector<app::OutgoingMessage> sent_;
    int fetches_ = 0;
};

// Keeps what was published, in order.
class RecordingEventSink final : public app::EventSink {
public:
    void Publish(const app::LiveEvent& event) override;
    std::vector<app::LiveEvent> Events() const;

private:
    mutable std::mutex mutex_;
    std::vector<app::LiveEvent> events_;
};

}  // namespace dialler::testing
