#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

// A customer whose records the retention job must keep (a complaint, a claim in court, a
// regulator's request). Released, never deleted.
struct LegalHold {
    std::int64_t id = 0;
    domain::UserId user_id;
    std::string reason;
    domain::AgentId placed_by;
    Timestamp placed_at;
    std::optional<domain::AgentId> released_by;
    std::optional<Timestamp> released_at;
    std::string release_reason;

    bool IsActive() const { return !released_at.has_value(); }
};

// Records created before these instants have their personal content cleared, one per class.
struct RetentionCutoffs {
    Timestamp calls;
    Timestamp texts;
    Timestamp notes;
    Timestamp link_clicks;
};

// THE cutoffs for `now`: each period of the settings back from it.
RetentionCutoffs CutoffsAt(const RetentionSettings& periods, Timestamp now);

// What one run cleared: rows changed, by table. A second run over the same data counts 0.
struct RetentionCounts {
    long long calls = 0;             // number, recording reference cleared
    long long voicemails = 0;        // a callback's voicemail reference cleared
    long long contact_attempts = 0;  // number cleared
    long long texts_sent = 0;        // body and number cleared
    long long texts_received = 0;    // body and number cleared
    long long conversations = 0;     // the last-message preview cleared
    long long outcome_notes = 0;
    long long callback_notes = 0;
    long long link_clicks = 0;  // deleted

    // Each count with its name (as the audit log and the server log show it), in one place.
    std::vector<std::pair<std::string, long long>> Named() const;
    long long Total() const;
    bool operator==(const RetentionCounts&) const = default;
};

// Storage for retention: one statement per class, held customers excluded in the statement
// itself (so a hold placed a moment before is honoured). Thread-safe; faults are exceptions.
class RetentionStore {
public:
    virtual ~RetentionStore() = default;

    // Clears what is older than the cutoffs, except for customers with an active hold, in one
    // transaction.
    virtual RetentionCounts Apply(const RetentionCutoffs& cutoffs) = 0;

    // Stores a new active hold; nullopt when the customer already has one.
    virtual std::optional<LegalHold> PlaceHold(const LegalHold& hold) = 0;
    // Releases an active hold; nullopt when there is no active hold with that id.
    virtual std::optional<LegalHold> ReleaseHold(
        std::int64_t id, domain::AgentId by, const std::string& reason, Timestamp at
    ) = 0;
    virtual std::optional<LegalHold> FindHold(std::int64_t id) = 0;
    // Active holds, and released ones if asked, newest first, at most `limit`.
    virtual std::vector<LegalHold> Holds(bool include_released, int limit) = 0;
    virtual std::optional<LegalHold> ActiveHold(domain::UserId user) = 0;
};

// Retention periods and legal holds (product.md §11). The daily job clears personal content
// past its period (docs/security.md "Data protection: retention and legal holds" says what each
// class covers and why rows are anonymised rather than deleted), logs the counts and writes them to
// the audit log.
class RetentionService {
public:
    struct Ports {
        RetentionStore& store;
        LeadStore& leads;
        const SettingsProvider& settings;
        JobLeaseStore& jobs;
        AuditLog& audit;
        const Clock& clock;
    };
    static constexpr const char* kJob = "retention.apply";
    static constexpr int kMaxHolds = 500;

    RetentionService(Ports ports, std::string instance)
        : ports_(ports), instance_(std::move(instance)) {}

    // The daily job: runs once per UK calendar day across all instances (a lease, and the day
    // it last ran as the job's marker). nullopt when it had already run today or another
    // instance is running it.
    std::optional<RetentionCounts> ApplyDue();
    // One run now, whatever day it last ran.
    RetentionCounts Apply();

    // Errors: kInvalidArgument (field reason or userId), kNotFound (field userId) for a customer
    // the dialler does not know, kAlreadyExists (field userId) when the customer is already held.
    Result<LegalHold> PlaceHold(
        const domain::Agent& by,
        domain::UserId user,
        const std::string& reason,
        const RequestContext& ctx
    );
    // Errors: kInvalidArgument (field reason), kNotFound when no active hold has that id.
    Result<LegalHold> ReleaseHold(
        const domain::Agent& by,
        std::int64_t id,
        const std::string& reason,
        const RequestContext& ctx
    );
    std::vector<LegalHold> Holds(bool include_released);
    std::optional<LegalHold> ActiveHold(domain::UserId user);

private:
    Ports ports_;
    std::string instance_;
};

}  // namespace dialler::app
