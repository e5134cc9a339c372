#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/outcomes.hpp"
#include "dialler/domain/scoring.hpp"

namespace dialler::app {

// One recorded disposition, with everything it changes, applied in one transaction.
struct OutcomeRecord {
    domain::UserId user_id;
    domain::AgentId agent;
    domain::Outcome outcome = domain::Outcome::kNoAnswer;
    std::string notes;
    domain::OutcomeEffects effects;
    std::optional<std::string> phone_e164;  // the number called (bad_number flags it)
    std::optional<domain::Queue> queue;     // the queue the lead was in
    // The due callback this call was for: completed when the call reached the customer
    // (effects.reached_customer); otherwise kept pending, moved to effects.next_call_at, one
    // failed try counted, and handed to the team (no preferred agent) at the limit.
    std::optional<std::int64_t> callback_id;
    int callback_max_failed_tries = 3;
    int score_after = 0;  // the lead's score with this outcome counted
    // Its breakdown, so the agent sees parts that add up to the total (unchanged when the lead
    // has no stored score facts to recompute from).
    std::vector<domain::ScoreComponent> components_after;
    std::optional<domain::ScoreFacts> score_facts;
    bool given_up_after = false;
    Timestamp at;
};

struct StoredOutcome {
    std::int64_t id = 0;
    domain::UserId user_id;
    domain::AgentId agent;
    domain::Outcome outcome = domain::Outcome::kNoAnswer;
    std::string notes;
    Timestamp at;
};

enum class CallbackStatus { kPending, kCompleted, kCancelled };
std::string_view CallbackStatusName(CallbackStatus status);

struct Callback {
    std::int64_t id = 0;
    domain::UserId user_id;
    std::optional<domain::AgentId> agent;  // preferred agent; nullopt = anyone allowed
    Timestamp scheduled_for;
    CallbackStatus status = CallbackStatus::kPending;
    std::string notes;
    int failed_tries = 0;                    // calls for it that did not reach the customer
    std::string closed_reason;               // set when the system closed it: "suppressed", ...
    std::optional<CallRecording> voicemail;  // a missed call's message, when the caller left one
    Actor created_by;
    Timestamp created_at;
    Timestamp updated_at;
};

enum class CallbackScope { kMine, kTeam, kOverdue };

// Pending callbacks for the floor's counts.
struct CallbackCounts {
    long long due_now = 0;              // scheduled_for <= now
    long long later_today = 0;          // now < scheduled_for < end of the UK day
    std::optional<Timestamp> next_due;  // the earliest one after now, if any
};

// How long a callback the system closed stays in its agent's list, so they learn why.
inline constexpr std::chrono::days kClosedCallbacksShown{7};

// Outcomes and callbacks. Thread-safe; faults are exceptions.
class OutcomeStore {
public:
    virtual ~OutcomeStore() = default;

    // In one transaction, only if `record.agent` holds the lead at `record.at`: stores the
    // outcome, updates the lead (attempts + 1, outcome points, next call, bad number, closed,
    // lease released), logs the call attempt, creates the callback, adds the suppression,
    // completes the answered callback. Returns nullopt (and changes nothing) if the agent does
    // not hold the lead.
    virtual std::optional<StoredOutcome> Record(const OutcomeRecord& record) = 0;
    virtual std::vector<StoredOutcome> OutcomesFor(domain::UserId user_id, int limit) = 0;

    virtual Callback CreateCallback(const Callback& callback) = 0;
    virtual std::optional<Callback> FindCallback(std::int64_t id) = 0;
    // kMine: pending ones booked with `agent`, and theirs the system closed in the last
    // kClosedCallbacksShown; kTeam: all pending; kOverdue: pending and due before `now`.
    // Ordered by scheduled_for.
    virtual std::vector<Callback> ListCallbacks(
        CallbackScope scope, domain::AgentId agent, Timestamp now, int limit
    ) = 0;
    virtual std::vector<Callback> CallbacksFor(domain::UserId user_id) = 0;
    // Pending callbacks with from <= scheduled_for < to, ordered by scheduled_for.
    virtual std::vector<Callback> PendingCallbacksDue(Timestamp from, Timestamp to, int limit) = 0;
    // Changes a pending callback; false if it is not pending.
    virtual bool RescheduleCallback(std::int64_t id, Timestamp scheduled_for, Timestamp now) = 0;
    virtual bool SetCallbackStatus(std::int64_t id, CallbackStatus status, Timestamp now) = 0;
    // Books a pending callback with another agent (nullopt: anyone); false if not pending.
    virtual bool ReassignCallback(
        std::int64_t id, std::optional<domain::AgentId> agent, Timestamp now
    ) = 0;
    // Cancels a pending callback with the reason (the system's: the customer can no longer have
    // it; or a person's); false if it is not pending.
    virtual bool CloseCallback(std::int64_t id, std::string_view reason, Timestamp now) = 0;
    // Keeps the voicemail the caller left, once (whatever the callback's status): false if it
    // has one already or there is no such callback.
    virtual bool SetCallbackVoicemail(
        std::int64_t id, const CallRecording& voicemail, Timestamp now
    ) = 0;
    virtual CallbackCounts CountCallbacks(Timestamp now, Timestamp end_of_day) = 0;
};

}  // namespace dialler::app
