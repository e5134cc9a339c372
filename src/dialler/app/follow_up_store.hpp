#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/follow_up.hpp"

namespace dialler::app {

// scheduled -> sending (claimed by one sender) -> sent | cancelled (with the reason), or back to
// scheduled at a later time (outside the calling window, say). A sender that stops while sending
// leaves the follow-up there: never sent twice.
enum class FollowUpStatus { kScheduled, kSending, kSent, kCancelled };
std::string_view FollowUpStatusName(FollowUpStatus status);
std::optional<FollowUpStatus> ParseFollowUpStatus(std::string_view name);

struct FollowUp {
    std::int64_t id = 0;
    domain::UserId user_id;
    std::int64_t outcome_id = 0;  // the outcome that scheduled it; one follow-up per outcome
    domain::FollowUpKind kind = domain::FollowUpKind::kReminder;
    Timestamp due_at;
    std::optional<Timestamp> callback_at;  // for a callback confirmation
    FollowUpStatus status = FollowUpStatus::kScheduled;
    std::string reason;                  // why it was cancelled or put off
    std::optional<std::int64_t> sms_id;  // the text, once sent
    Timestamp created_at;
    Timestamp updated_at;
};

// Follow-ups in the own database. Every change is one statement conditioned on the status it
// expects. Implementations: SqlFollowUpStore, InMemoryFollowUpStore; contract in
// tests/contract/queue_store_contracts_test.cpp. Thread-safe; faults are exceptions.
class FollowUpStore {
public:
    virtual ~FollowUpStore() = default;

    // Stores a scheduled follow-up (id, status ignored). One per outcome: for an outcome that
    // has one, stores nothing and returns that one.
    virtual FollowUp Schedule(const FollowUp& follow_up) = 0;
    // Moves up to `limit` scheduled follow-ups due at `now` to sending and returns them,
    // earliest due first. Each is claimed by one caller only.
    virtual std::vector<FollowUp> ClaimDue(Timestamp now, int limit) = 0;
    // sending -> sent (with its text) or cancelled (with the reason). False otherwise.
    virtual bool Finish(
        std::int64_t id,
        FollowUpStatus to,
        const std::string& reason,
        std::optional<std::int64_t> sms_id,
        Timestamp at
    ) = 0;
    // sending -> scheduled, due at `due`. False otherwise.
    virtual bool Defer(std::int64_t id, Timestamp due, const std::string& reason, Timestamp at) = 0;
    // The customer's follow-ups, newest first, at most `limit`.
    virtual std::vector<FollowUp> ForUser(domain::UserId user, int limit) = 0;
};

}  // namespace dialler::app
