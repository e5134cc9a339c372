#include "dialler/app/callback_service.hpp"

#include <algorithm>
#include <exception>

#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {
constexpr std::size_t kMaxText = 2000;
}

Status CallbackService::CheckTime(Timestamp scheduled_for, Timestamp now) const {
    return domain::CheckCallbackTime(
        std::chrono::floor<std::chrono::seconds>(scheduled_for),
        std::chrono::floor<std::chrono::seconds>(now),
        ports_.settings.Current().gate.windows,
        "scheduledFor"
    );
}

Result<Callback> CallbackService::Create(
    const domain::Agent& agent,
    domain::UserId user,
    Timestamp scheduled_for,
    const std::string& notes,
    const RequestContext& ctx
) {
    const Timestamp now = ports_.clock.Now();
    DIALLER_RETURN_IF_ERROR(CheckTime(scheduled_for, now));
    DIALLER_RETURN_IF_ERROR(CheckText(notes, "notes", kMaxText, ControlChars::kNewlineAndTab));
    if (!ports_.leads.FindLead(user)) {
        return Fail(
            ErrorCode::kNotFound,
            "no customer " + user.ToString() + " is known to the dialler",
            "userId"
        );
    }
    Callback c;
    c.user_id = user;
    c.agent = agent.id;
    c.scheduled_for = scheduled_for;
    c.notes = notes;
    c.created_by = Actor::OfAgent(agent.id);
    c.created_at = now;
    Callback created = ports_.outcomes.CreateCallback(c);
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.created",
        "customer",
        user.ToString(),
        ctx,
        {{"callbackId", std::to_string(created.id)}}
    );
    return created;
}

std::vector<CallbackView> CallbackService::List(const domain::Agent& agent, CallbackScope scope) {
    auto callbacks = ports_.outcomes.ListCallbacks(scope, agent.id, ports_.clock.Now(), 500);
    std::vector<domain::UserId> users;
    users.reserve(callbacks.size());
    for (const auto& c : callbacks) {
        users.push_back(c.user_id);
    }
    const auto names = CustomerNames(ports_.replica, users);
    std::vector<CallbackView> out;
    out.reserve(callbacks.size());
    for (auto& c : callbacks) {
        const auto it = names.find(c.user_id.Value());
        out.push_back(CallbackView{
            std::move(c), it == names.end() ? std::nullopt : std::optional(it->second)});
    }
    return out;
}

Result<Callback> CallbackService::OwnPending(const domain::Agent& agent, std::int64_t id) {
    auto found = ports_.outcomes.FindCallback(id);
    if (!found) {
        return Fail(ErrorCode::kNotFound, "no callback " + std::to_string(id));
    }
    if (agent.role == domain::Role::kAgent && found->agent != agent.id) {
        return Fail(ErrorCode::kPermissionDenied, "this callback is booked with another agent");
    }
    if (found->status != CallbackStatus::kPending) {
        return Fail(ErrorCode::kFailedPrecondition, "this callback is no longer pending");
    }
    return std::move(*found);
}

Result<Callback> CallbackService::Reschedule(
    const domain::Agent& agent, std::int64_t id, Timestamp scheduled_for, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(Callback c, OwnPending(agent, id));
    const Timestamp now = ports_.clock.Now();
    DIALLER_RETURN_IF_ERROR(CheckTime(scheduled_for, now));
    if (!ports_.outcomes.RescheduleCallback(id, scheduled_for, now)) {
        return Fail(ErrorCode::kFailedPrecondition, "this callback is no longer pending");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.rescheduled",
        "customer",
        c.user_id.ToString(),
        ctx,
        {{"callbackId", std::to_string(id)}}
    );
    return *ports_.outcomes.FindCallback(id);
}

Result<Callback> CallbackService::Complete(
    const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(Callback c, OwnPending(agent, id));
    if (!ports_.outcomes.SetCallbackStatus(id, CallbackStatus::kCompleted, ports_.clock.Now())) {
        return Fail(ErrorCode::kFailedPrecondition, "this callback is no longer pending");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.completed",
        "customer",
        c.user_id.ToString(),
        ctx,
        {{"callbackId", std::to_string(id)}}
    );
    return *ports_.outcomes.FindCallback(id);
}

Result<Callback> CallbackService::Cancel(
    const domain::Agent& agent,
    std::int64_t id,
    const std::string& reason,
    const RequestContext& ctx
) {
    const std::string_view why = Trim(reason);
    if (why.empty()) {
        return InvalidField("reason", "say why the callback is cancelled");
    }
    if (why.size() > kMaxReason) {
        return InvalidField(
            "reason", "reason must be at most " + std::to_string(kMaxReason) + " bytes"
        );
    }
    DIALLER_ASSIGN_OR_RETURN(Callback c, OwnPending(agent, id));
    if (!ports_.outcomes.CloseCallback(id, why, ports_.clock.Now())) {
        return Fail(ErrorCode::kFailedPrecondition, "this callback is no longer pending");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.cancelled",
        "customer",
        c.user_id.ToString(),
        ctx,
        {{"callbackId", std::to_string(id)}, {"reason", std::string(why)}}
    );
    return *ports_.outcomes.FindCallback(id);
}

Result<Callback> CallbackService::Reassign(
    const domain::Agent& agent,
    std::int64_t id,
    std::optional<domain::AgentId> to,
    const RequestContext& ctx
) {
    if (agent.role == domain::Role::kAgent) {
        return Fail(
            ErrorCode::kPermissionDenied, "only a supervisor or an admin gives callbacks to others"
        );
    }
    if (to) {
        const auto target = ports_.agents.FindById(*to);
        if (!target || !target->is_active || target->role == domain::Role::kAdmin) {
            return InvalidField("agentId", "agentId must be an active agent or supervisor");
        }
    }
    DIALLER_ASSIGN_OR_RETURN(Callback c, OwnPending(agent, id));
    if (!ports_.outcomes.ReassignCallback(id, to, ports_.clock.Now())) {
        return Fail(ErrorCode::kFailedPrecondition, "this callback is no longer pending");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.reassigned",
        "customer",
        c.user_id.ToString(),
        ctx,
        {{"callbackId", std::to_string(id)},
         {"from", c.agent ? c.agent->ToString() : "team"},
         {"to", to ? to->ToString() : "team"}}
    );
    return *ports_.outcomes.FindCallback(id);
}

Result<Suppression> CallbackService::Suppress(
    const domain::Agent& agent,
    std::optional<domain::UserId> user,
    std::optional<std::string> phone,
    SuppressionChannel channel,
    const std::string& reason,
    const RequestContext& ctx
) {
    std::optional<std::string> phone_e164;
    if (phone) {
        const auto parsed = ports_.phones.Parse(*phone);
        if (!parsed) {
            return InvalidField("phone", "phone is not a valid phone number");
        }
        phone_e164 = parsed->e164;
    }
    if (!user && !phone_e164) {
        return InvalidField("userId", "userId or phone is required");
    }
    // A number can be barred before anyone holds it; a customer id must name a customer, or a
    // typo would silently protect nobody.
    if (user && !ports_.leads.FindLead(*user)) {
        return Fail(
            ErrorCode::kNotFound,
            "no customer " + user->ToString() + " is known to the dialler",
            "userId"
        );
    }
    if (Trim(reason).empty()) {
        return InvalidField("reason", "reason is required");
    }
    DIALLER_RETURN_IF_ERROR(CheckText(reason, "reason", kMaxText, ControlChars::kNewlineAndTab));
    Suppression entry;
    entry.user_id = user;
    entry.phone_e164 = std::move(phone_e164);
    entry.channel = channel;
    entry.reason = reason;
    entry.source = agent.role == domain::Role::kAgent ? "agent" : "admin";
    entry.created_by = Actor::OfAgent(agent.id);
    entry.created_at = ports_.clock.Now();
    Suppression added = ports_.suppressions.Add(entry);
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "suppression.added",
        "suppression",
        std::to_string(added.id),
        ctx,
        {{"channel", std::string(SuppressionChannelName(channel))},
         {"userId", user ? user->ToString() : std::string()}}
    );
    Reevaluate(added);
    return added;
}

Result<Suppression> CallbackService::Unsuppress(
    const domain::Agent& agent,
    std::int64_t id,
    const std::string& reason,
    const RequestContext& ctx
) {
    if (Trim(reason).empty()) {
        return InvalidField("reason", "reason is required");
    }
    DIALLER_RETURN_IF_ERROR(CheckText(reason, "reason", kMaxText, ControlChars::kNewlineAndTab));
    if (!ports_.suppressions.Remove(id, Actor::OfAgent(agent.id), reason, ports_.clock.Now())) {
        return Fail(ErrorCode::kNotFound, "no active suppression " + std::to_string(id));
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "suppression.removed",
        "suppression",
        std::to_string(id),
        ctx
    );
    Suppression removed = *ports_.suppressions.Find(id);
    Reevaluate(removed);
    return removed;
}

void CallbackService::Reevaluate(const Suppression& entry) {
    std::vector<domain::UserId> ids;
    if (entry.phone_e164) {
        ids = ports_.leads.UsersWithPhone(*entry.phone_e164);
    }
    if (entry.user_id && std::find(ids.begin(), ids.end(), *entry.user_id) == ids.end()) {
        ids.push_back(*entry.user_id);
    }
    try {
        ports_.discovery.Reevaluate(ids);
    } catch (const std::exception&) {
        // The entry is stored and already in force: hand-out checks suppressions live, so
        // nobody covered is called. Only the queue counts wait for the next discovery run, which
        // re-evaluates everyone; failing the request would invite a duplicate entry.
    }
}

std::vector<Suppression> CallbackService::ListSuppressions(
    std::optional<domain::UserId> user, std::optional<std::string> phone, bool include_removed
) {
    return ports_.suppressions.List(user, std::move(phone), include_removed, 500);
}

}  // namespace dialler::app
