#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "dialler/app/lead_store.hpp"

namespace dialler::app {

// What an agent may be handed, for LeadLeases::ClaimNext.
struct ClaimRequest {
    domain::AgentId agent;
    std::vector<domain::Queue> queues;  // kCallbacks allows due callbacks
    Timestamp now;
    Timestamp lease_until;
    std::chrono::seconds callback_grace{0};  // others' callbacks only after this long overdue
};

// A lead just claimed, and the callback it was claimed for (if any).
struct ClaimedLead {
    Lead lead;
    std::optional<std::int64_t> callback_id;
};

// Who holds which lead: the next-lead path's storage. Implementations: SqlLeadLeases (SQLite: one
// writer at a time; PostgreSQL: FOR UPDATE SKIP LOCKED), InMemoryLeadLeases. Thread-safe.
class LeadLeases {
public:
    virtual ~LeadLeases() = default;

    // Atomically picks and leases the best lead for the agent: first a due callback booked with
    // this agent (whatever the queues), then, if kCallbacks is allowed, a due one booked with
    // nobody or with anyone once `callback_grace` overdue; then the
    // lowest score (oldest waiting on ties) among callable leads of the allowed queues: open, not
    // given up, not leased, not waiting for next_call_at, no bad number. No two callers ever get
    // the same lead, on any number of instances. nullopt when nothing is callable.
    virtual std::optional<ClaimedLead> ClaimNext(const ClaimRequest& request) = 0;
    // Leases this one customer to the agent (an agent chose them, e.g. to call them now) if their
    // lead is open (not closed) and nobody holds it at `now`; nullopt otherwise. Whether they
    // may be called is the caller's business (the gate), not the store's.
    virtual std::optional<Lead> ClaimLead(
        domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
    ) = 0;
    // The lead the agent holds at `now`, if any.
    virtual std::optional<Lead> HeldBy(domain::AgentId agent, Timestamp now) = 0;
    // Extends the agent's lease on the lead; false if the agent does not hold it at `now`.
    virtual bool ExtendLease(
        domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
    ) = 0;
    // Ends the agent's lease; sets next_call_at when given (skip, gate refusal). False if the
    // agent did not hold the lead.
    virtual bool ReleaseLease(
        domain::UserId user, domain::AgentId agent, std::optional<Timestamp> next_call_at
    ) = 0;
};

}  // namespace dialler::app
