#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/customer_evaluation.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// A callback as the callbacks page lists it: with the customer's name when the replica has one.
struct CallbackView {
    Callback callback;
    std::optional<std::string> customer_name;
};

// Callbacks (product.md §3, §6) and the suppression list (§8), as agents and admins manage them.
// Every change is audited. Keeps references to the ports. Thread-safe; blocking.
class CallbackService {
public:
    struct Ports {
        OutcomeStore& outcomes;
        LeadStore& leads;
        SuppressionStore& suppressions;
        AuditLog& audit;
        const PhoneParser& phones;
        const SettingsProvider& settings;
        const Clock& clock;
        EvaluationSink& discovery;
        Replica& replica;    // customers' names
        AgentStore& agents;  // who a callback may be given to
    };
    explicit CallbackService(Ports ports) : ports_(ports) {}

    // Books a callback with `agent` as the preferred agent. Errors: kInvalidArgument
    // ("scheduledFor": not in the future or outside the calling window; "notes": too long),
    // kNotFound when the dialler knows no such customer.
    Result<Callback> Create(
        const domain::Agent& agent,
        domain::UserId user,
        Timestamp scheduled_for,
        const std::string& notes,
        const RequestContext& ctx
    );
    std::vector<CallbackView> List(const domain::Agent& agent, CallbackScope scope);
    // Errors: kNotFound, kPermissionDenied (an agent may only change their own callbacks;
    // supervisors and admins any), kFailedPrecondition (no longer pending), kInvalidArgument.
    Result<Callback> Reschedule(
        const domain::Agent& agent,
        std::int64_t id,
        Timestamp scheduled_for,
        const RequestContext& ctx
    );
    Result<Callback> Complete(
        const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
    );
    // Cancels with the reason, kept on the callback and in the audit log. Errors as Reschedule,
    // and kInvalidArgument ("reason": missing or longer than kMaxReason).
    Result<Callback> Cancel(
        const domain::Agent& agent,
        std::int64_t id,
        const std::string& reason,
        const RequestContext& ctx
    );
    static constexpr std::size_t kMaxReason = 500;
    // Gives a pending callback to another agent, or (nullopt) to anyone on the team. Supervisors
    // and admins only. Errors: kPermissionDenied, kNotFound, kFailedPrecondition (no longer
    // pending), kInvalidArgument ("agentId": no such active agent who works the queues).
    Result<Callback> Reassign(
        const domain::Agent& agent,
        std::int64_t id,
        std::optional<domain::AgentId> to,
        const RequestContext& ctx
    );

    // Adds a do-not-contact entry for a customer and/or a number, and re-evaluates the customers
    // it covers so the queues show it at once. Errors: kInvalidArgument ("userId"/"phone" both
    // missing, "reason" missing or too long).
    Result<Suppression> Suppress(
        const domain::Agent& agent,
        std::optional<domain::UserId> user,
        std::optional<std::string> phone_e164,
        SuppressionChannel channel,
        const std::string& reason,
        const RequestContext& ctx
    );
    // Lifts an entry (kept, marked removed) and re-evaluates the customers it covered. Errors:
    // kNotFound, kInvalidArgument ("reason").
    Result<Suppression> Unsuppress(
        const domain::Agent& agent,
        std::int64_t id,
        const std::string& reason,
        const RequestContext& ctx
    );
    std::vector<Suppression> ListSuppressions(
        std::optional<domain::UserId> user, std::optional<std::string> phone, bool include_removed
    );

private:
    Result<Callback> OwnPending(const domain::Agent& agent, std::int64_t id);
    Status CheckTime(Timestamp scheduled_for, Timestamp now) const;
    void Reevaluate(const Suppression& entry);

    Ports ports_;
};

}  // namespace dialler::app
