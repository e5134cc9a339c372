#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/magic_link.hpp"

namespace dialler::app {

// A link sent to a customer. Only the token's fingerprint is kept: a copy of the database opens
// nobody's portal.
struct MagicLink {
    std::int64_t id = 0;
    domain::UserId user_id;
    domain::LinkType type = domain::LinkType::kClaimPortal;
    std::string token_hash;
    std::optional<domain::AgentId> created_by;  // nullopt: a rule of the system
    std::optional<std::int64_t> call_session_id;
    std::optional<std::int64_t> sms_id;
    Timestamp created_at;
    Timestamp expires_at;
    std::optional<Timestamp> revoked_at;
    std::optional<domain::AgentId> revoked_by;
    int click_count = 0;
    std::optional<Timestamp> first_opened_at;
    std::optional<Timestamp> last_opened_at;
};

struct LinkDayCounts {
    int sent = 0;                         // by anyone, or by a rule
    int opened = 0;                       // first opened in the period
    std::map<std::int64_t, int> sent_by;  // agent id -> links they sent
};

// Storage of magic links and their clicks. Implementations: SqlMagicLinkStore,
// InMemoryMagicLinkStore; contract in tests/contract/queue_store_contracts_test.cpp.
// Thread-safe; faults are exceptions.
class MagicLinkStore {
public:
    virtual ~MagicLinkStore() = default;
    // Stores a new link (id, clicks and revocation ignored) and returns it with its id.
    virtual MagicLink Create(const MagicLink& link) = 0;
    virtual void AttachSms(std::int64_t id, std::int64_t sms_id) = 0;
    // Revokes a link not yet revoked; false when there is none.
    virtual bool Revoke(std::int64_t id, std::optional<domain::AgentId> by, Timestamp at) = 0;
    virtual std::optional<MagicLink> Find(std::int64_t id) = 0;
    virtual std::optional<MagicLink> FindByTokenHash(const std::string& token_hash) = 0;
    // The customer's links, newest first, at most `limit`.
    virtual std::vector<MagicLink> ForUser(domain::UserId user, int limit) = 0;
    // How many links the customer was sent at or after `since`.
    virtual int CountSince(domain::UserId user, Timestamp since) = 0;
    // Links `agent` created at or after `since` (an agent's day).
    virtual int CountSentBy(domain::AgentId agent, Timestamp since) = 0;
    // The floor's day: links created at or after `since` (by anyone or a rule), and links first
    // opened at or after it (whenever they were sent).
    virtual LinkDayCounts CountDay(Timestamp since) = 0;
    // Counts a click (and keeps it: time, the browser's user agent, the assertion's id); returns
    // the link as it is after it. nullopt when there is no such link.
    virtual std::optional<MagicLink> RecordClick(
        std::int64_t id, Timestamp at, const std::string& user_agent, const std::string& jti
    ) = 0;
};

}  // namespace dialler::app
