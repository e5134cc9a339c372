#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

enum class SuppressionChannel { kCall, kSms, kAll };
std::string_view SuppressionChannelName(SuppressionChannel channel);
std::optional<SuppressionChannel> ParseSuppressionChannel(std::string_view name);

// One do-not-contact entry, for a customer and/or a phone number (E.164). Entries are never
// deleted: removal is recorded on the entry, and discovery never touches them (product.md §8).
struct Suppression {
    std::int64_t id = 0;
    std::optional<domain::UserId> user_id;
    std::optional<std::string> phone_e164;
    SuppressionChannel channel = SuppressionChannel::kAll;
    std::string reason;
    std::string source;  // "agent", "outcome", "sms_stop", "admin", "import"
    Actor created_by;
    Timestamp created_at;
    std::optional<Timestamp> removed_at;
    std::optional<Actor> removed_by;
    std::string removed_reason;
};

// A customer to check: their id and current number (if any).
struct SuppressionSubject {
    domain::UserId user_id;
    std::optional<std::string> phone_e164;
};

// Storage of suppression entries. Thread-safe; faults are exceptions.
class SuppressionStore {
public:
    virtual ~SuppressionStore() = default;

    // Stores a new active entry and returns it with its id.
    virtual Suppression Add(const Suppression& entry) = 0;
    // Marks an active entry removed; returns false if there is no active entry with that id.
    virtual bool Remove(
        std::int64_t id, const Actor& by, const std::string& reason, Timestamp at
    ) = 0;
    virtual std::optional<Suppression> Find(std::int64_t id) = 0;
    // Active entries (and, if asked, removed ones) for the user, the phone, or (both given)
    // either; all entries when both are nullopt. Newest first, at most `limit`.
    virtual std::vector<Suppression> List(
        std::optional<domain::UserId> user_id,
        std::optional<std::string> phone_e164,
        bool include_removed,
        int limit
    ) = 0;
    // Returns the ids of the subjects that an active entry covers for `channel` (entries for
    // kAll cover both channels), by user id or by phone. One query for the whole batch.
    virtual std::vector<domain::UserId> Suppressed(
        std::span<const SuppressionSubject> subjects, SuppressionChannel channel
    ) = 0;
};

}  // namespace dialler::app
