#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/contact_gate.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

// One contact with a customer (a call attempt or a text), by any agent or machine agent. The
// contact gate's caps count these across all agents and instances.
struct ContactAttempt {
    std::int64_t id = 0;
    domain::UserId user_id;
    domain::Channel channel = domain::Channel::kCall;
    std::optional<domain::AgentId> agent_id;
    std::string phone_e164;
    Timestamp at;
};

// Thread-safe; faults are exceptions.
class ContactLog {
public:
    virtual ~ContactLog() = default;
    virtual ContactAttempt Record(const ContactAttempt& attempt) = 0;
    // The customer's contacts at or after `since`, oldest first.
    virtual std::vector<ContactAttempt> Since(domain::UserId user_id, Timestamp since) = 0;
    // The distinct agents who called any of these customers at or after `since`, per customer
    // (for conversion credit); customers nobody called are absent.
    virtual std::vector<std::pair<domain::UserId, domain::AgentId>> CallersSince(
        std::span<const domain::UserId> user_ids, Timestamp since
    ) = 0;
};

}  // namespace dialler::app
