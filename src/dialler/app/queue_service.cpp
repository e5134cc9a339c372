#include "dialler/app/queue_service.hpp"

#include <algorithm>
#include <set>

#include "dialler/app/inspection_service.hpp"
#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

// Contact history shown with a customer. Also what the contact gate is given, read once: the
// gate needs at least the last 7 days (domain::ContactSubject) and counts inside its own windows.
constexpr std::chrono::days kContactHistory{30};

std::chrono::sys_seconds Seconds(Timestamp t) {
    return std::chrono::floor<std::chrono::seconds>(t);
}

}  // namespace

void QueueService::Audit(
    const domain::Agent& agent,
    std::string action,
    domain::UserId user,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details
) {
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        std::move(action),
        "customer",
        user.ToString(),
        ctx,
        std::move(details)
    );
}

void QueueService::AuditGateDenied(
    const Actor& actor,
    domain::UserId user,
    const domain::GateDecision& gate,
    std::string_view at,
    const RequestContext& ctx
) {
    std::vector<std::pair<std::string, std::string>> details;
    if (!at.empty()) {
        details.emplace_back("at", std::string(at));
    }
    for (const auto& d : gate.denials) {
        details.emplace_back("denied", std::string(domain::GateReasonCode(d.reason)));
    }
    AuditAction(
        ports_.audit,
        ports_.clock,
        actor,
        "gate.denied",
        "customer",
        user.ToString(),
        ctx,
        std::move(details)
    );
}

Result<NextLeadResult> QueueService::NextLead(
    const domain::Agent& agent, std::optional<domain::Queue> queue, const RequestContext& ctx
) {
    std::vector<domain::Queue> queues = agent.queues;
    if (queue) {
        if (std::find(agent.queues.begin(), agent.queues.end(), *queue) == agent.queues.end()) {
            return Fail(ErrorCode::kPermissionDenied, "you may not work this queue", "queue");
        }
        queues = {*queue};
    }
    const QueueSettings settings = ports_.settings.Current();
    const Timestamp now = ports_.clock.Now();

    // Every customer this request looked at: none is tried twice.
    std::set<std::int64_t> tried;
    int refused = 0;
    if (auto held = ports_.leases.HeldBy(agent.id, now)) {
        // The agent asks again (a reload, a retry): the same customer, until an outcome, but
        // only if they may still be called now; the replica or the gate may have changed.
        tried.insert(held->user_id.Value());
        const ClaimedLead again{*held, DueCallback(held->user_id, now)};
        DIALLER_ASSIGN_OR_RETURN(auto context, GuardedHandOut(agent, again, settings, ctx, true));
        if (context) {
            return NextLeadResult{std::move(context), std::nullopt, "", 0};
        }
        ++refused;
    }

    const domain::WindowCheck window =
        domain::CheckCallingWindow(Seconds(now), settings.gate.windows);
    if (!window.open) {
        return NextLeadResult{
            std::nullopt,
            window.next_open ? std::optional<Timestamp>(Timestamp{*window.next_open})
                             : std::nullopt,
            "outside_calling_window",
            refused,
        };
    }

    bool gave_up = true;
    for (int i = 0; i < kMaxCandidates; ++i) {
        const auto claimed = ports_.leases.ClaimNext(ClaimRequest{
            agent.id, queues, now, now + settings.lease_duration, settings.callback_grace});
        if (!claimed) {
            gave_up = false;
            break;
        }
        if (!tried.insert(claimed->lead.user_id.Value()).second) {
            // Handed back one this request already refused (its refusal could not move it):
            // give it back untouched and stop rather than go round in a circle.
            ports_.leases.ReleaseLease(claimed->lead.user_id, agent.id, std::nullopt);
            break;
        }
        DIALLER_ASSIGN_OR_RETURN(
            auto context, GuardedHandOut(agent, *claimed, settings, ctx, false)
        );
        if (context) {
            return NextLeadResult{std::move(context), std::nullopt, "", refused};
        }
        ++refused;
    }
    std::optional<Timestamp> next;
    for (const auto& c : ports_.leads.Counts(now)) {
        if (std::find(queues.begin(), queues.end(), c.queue) != queues.end() &&
            c.next_callable_at) {
            next = next ? std::min(*next, *c.next_callable_at) : *c.next_callable_at;
        }
    }
    return NextLeadResult{
        std::nullopt, next, gave_up && refused > 0 ? "candidates_refused" : "queue_empty", refused};
}

Result<LeadContext> QueueService::Take(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    const QueueSettings settings = ports_.settings.Current();
    const Timestamp now = ports_.clock.Now();
    if (auto held = ports_.leases.HeldBy(agent.id, now); held && held->user_id != user) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "you are with another customer: save their outcome or let them go first"
        );
    }
    const auto lead = ports_.leads.FindLead(user);
    if (!lead) {
        return Fail(ErrorCode::kNotFound, "the dialler has no customer " + user.ToString());
    }
    if (!lead->queue || lead->is_closed) {
        return Fail(ErrorCode::kFailedPrecondition, "this customer is not in a queue to call");
    }
    if (lead->is_given_up) {
        return Fail(
            ErrorCode::kFailedPrecondition, "the dialler has given up on this customer (score)"
        );
    }
    if (std::find(agent.queues.begin(), agent.queues.end(), *lead->queue) == agent.queues.end()) {
        return Fail(ErrorCode::kPermissionDenied, "you may not work this customer's queue");
    }
    const bool again = lead->IsLeasedAt(now) && lead->lease_agent_id == agent.id;
    const std::optional<Lead> claimed =
        again ? lead : ports_.leases.ClaimLead(user, agent.id, now, now + settings.lease_duration);
    if (!claimed) {
        return Fail(ErrorCode::kFailedPrecondition, "another agent is with this customer now");
    }
    DIALLER_ASSIGN_OR_RETURN(
        auto context,
        GuardedHandOut(agent, ClaimedLead{*claimed, DueCallback(user, now)}, settings, ctx, again)
    );
    if (!context) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "this customer cannot be called now: their page says why"
        );
    }
    return std::move(*context);
}

Result<LeadContext> QueueService::TakeCaller(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    const QueueSettings settings = ports_.settings.Current();
    const Timestamp now = ports_.clock.Now();
    if (auto held = ports_.leases.HeldBy(agent.id, now); held && held->user_id != user) {
        ports_.leases.ReleaseLease(held->user_id, agent.id, std::nullopt);
        Audit(agent, "lead.released", held->user_id, ctx, {{"reason", "answered_inbound_call"}});
        PublishLead(agent, held->user_id, "released");
    }
    const auto lead = ports_.leads.FindLead(user);
    if (!lead) {
        return Fail(ErrorCode::kNotFound, "the dialler has no customer " + user.ToString());
    }
    const bool again = lead->IsLeasedAt(now) && lead->lease_agent_id == agent.id;
    const std::optional<Lead> claimed =
        again ? lead : ports_.leases.ClaimLead(user, agent.id, now, now + settings.lease_duration);
    if (!claimed) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            lead->is_closed ? "this customer's claim is closed: their page has their history"
                            : "another agent is with this customer now"
        );
    }
    try {
        auto customer = ports_.replica.ReadCustomerContext(user);
        if (!customer) {
            ports_.leases.ReleaseLease(user, agent.id, std::nullopt);
            return Fail(ErrorCode::kNotFound, "the customer is no longer in the claims system");
        }
        const CustomerEvaluation e = EvaluateLive(
            customer->record,
            *claimed,
            ports_.phones,
            ports_.suppressions,
            settings,
            ports_.lenders,
            now
        );
        if (!again) {
            Audit(agent, "lead.assigned", user, ctx, {{"via", "inbound_call"}});
            PublishLead(agent, user, "taken");
        }
        LeadContext context = BuildContext(
            *claimed, std::move(*customer), e, ports_.contacts.Since(user, now - kContactHistory)
        );
        context.callback_id = DueCallback(user, now);
        return context;
    } catch (const std::exception&) {
        ports_.leases.ReleaseLease(user, agent.id, std::nullopt);
        return Fail(
            ErrorCode::kUnavailable,
            "The customer's details cannot be read just now. Try again in a moment."
        );
    }
}

Result<std::optional<LeadContext>> QueueService::GuardedHandOut(
    const domain::Agent& agent,
    const ClaimedLead& claimed,
    const QueueSettings& settings,
    const RequestContext& ctx,
    bool again
) {
    try {
        return TryHandOut(agent, claimed, settings, ctx, again);
    } catch (const std::exception&) {
        // The replica (or a store) failed half-way: the customer goes back at once, unchanged,
        // rather than sit leased to an agent who got an error until the lease runs out.
        ports_.leases.ReleaseLease(claimed.lead.user_id, agent.id, std::nullopt);
        return Fail(
            ErrorCode::kUnavailable,
            "The customer's details cannot be read just now. Try again in a moment."
        );
    }
}

std::optional<std::int64_t> QueueService::DueCallback(domain::UserId user, Timestamp now) {
    std::optional<Callback> due;
    for (auto& cb : ports_.outcomes.CallbacksFor(user)) {
        if (cb.status == CallbackStatus::kPending && cb.scheduled_for <= now &&
            (!due || cb.scheduled_for < due->scheduled_for)) {
            due = std::move(cb);
        }
    }
    return due ? std::optional(due->id) : std::nullopt;
}

void QueueService::CloseCallback(
    const domain::Agent& agent,
    std::int64_t callback,
    domain::UserId user,
    std::string_view reason,
    const RequestContext& ctx
) {
    if (ports_.outcomes.CloseCallback(callback, reason, ports_.clock.Now())) {
        Audit(
            agent,
            "callback.closed",
            user,
            ctx,
            {{"callbackId", std::to_string(callback)}, {"reason", std::string(reason)}}
        );
    }
}

std::vector<LeadCounts> QueueService::Counts() {
    const Timestamp now = ports_.clock.Now();
    std::vector<LeadCounts> counts = ports_.leads.Counts(now);
    const CallbackCounts due =
        ports_.outcomes.CountCallbacks(now, Timestamp{domain::NextUkMidnight(Seconds(now))});
    LeadCounts callbacks;
    callbacks.queue = domain::Queue::kCallbacks;
    callbacks.total = due.due_now + due.later_today;
    callbacks.callable_now = due.due_now;
    callbacks.due_later_today = due.later_today;
    callbacks.next_callable_at = due.due_now > 0 ? std::optional<Timestamp>(now) : due.next_due;
    counts.push_back(callbacks);
    const domain::WindowCheck window =
        domain::CheckCallingWindow(Seconds(now), ports_.settings.Current().gate.windows);
    if (window.open) {
        return counts;
    }
    const std::optional<Timestamp> opens =
        window.next_open ? std::optional<Timestamp>(Timestamp{*window.next_open}) : std::nullopt;
    for (LeadCounts& c : counts) {
        if (c.callable_now > 0 || (c.next_callable_at && opens && *c.next_callable_at < *opens)) {
            c.next_callable_at = opens;
        }
        c.callable_now = 0;
    }
    return counts;
}

std::optional<LeadContext> QueueService::TryHandOut(
    const domain::Agent& agent,
    const ClaimedLead& claimed,
    const QueueSettings& settings,
    const RequestContext& ctx,
    bool again
) {
    const Timestamp now = ports_.clock.Now();
    const Lead& lead = claimed.lead;
    auto customer = ports_.replica.ReadCustomerContext(lead.user_id);
    if (!customer) {
        DropMissing(agent, claimed, ctx);
        return std::nullopt;
    }
    CustomerEvaluation e = EvaluateLive(
        customer->record, lead, ports_.phones, ports_.suppressions, settings, ports_.lenders, now
    );

    // Still in the very queue discovery put them in: a customer who moved (signed, so now
    // outstanding) is re-stored first, so the move is recorded (conversion) and scored afresh.
    const bool still_in_queue = e.eligibility.queue && e.eligibility.queue == lead.queue;
    // A callback is the customer's own request: it stands while they are contactable, even if
    // their documents moved them between queues.
    const bool callback_stands = claimed.callback_id && e.eligibility.queue;
    if (validate_ && !(still_in_queue || callback_stands)) {
        MoveOut(agent, claimed, std::move(e), ctx);
        return std::nullopt;
    }

    auto recent = ports_.contacts.Since(lead.user_id, now - kContactHistory);
    const domain::GateDecision gate = domain::DecideContact(
        domain::Channel::kCall,
        ContactSubjectFor(e.phone, e.suppressed, lead, recent),
        settings.gate,
        Seconds(now)
    );
    if (!gate.allowed) {
        Defer(agent, claimed, gate, ctx);
        return std::nullopt;
    }
    if (!again) {
        Audit(
            agent,
            "lead.assigned",
            lead.user_id,
            ctx,
            {{"queue",
              lead.queue ? std::string(domain::QueueName(*lead.queue)) : std::string("callbacks")},
             {"score", std::to_string(lead.score)}}
        );
        PublishLead(agent, lead.user_id, "taken");
    }
    LeadContext context = BuildContext(lead, std::move(*customer), e, std::move(recent));
    context.callback_id = claimed.callback_id;
    return context;
}

void QueueService::DropMissing(
    const domain::Agent& agent, const ClaimedLead& claimed, const RequestContext& ctx
) {
    const domain::UserId user = claimed.lead.user_id;
    ports_.leases.ReleaseLease(user, agent.id, std::nullopt);
    const std::vector<domain::UserId> none;
    ports_.leads.RemoveMissing(user, user, none, ports_.clock.Now());
    Audit(agent, "lead.missing_from_replica", user, ctx);
    if (claimed.callback_id) {
        CloseCallback(agent, *claimed.callback_id, user, "customer_missing", ctx);
    }
}

void QueueService::MoveOut(
    const domain::Agent& agent,
    const ClaimedLead& claimed,
    CustomerEvaluation evaluation,
    const RequestContext& ctx
) {
    // The replica moved on since discovery (signed, finished, cancelled...): record it as
    // discovery would, and look at the next customer.
    const domain::UserId user = claimed.lead.user_id;
    ports_.leases.ReleaseLease(user, agent.id, std::nullopt);
    const bool suppressed = evaluation.suppressed;
    const bool contactable = evaluation.eligibility.queue.has_value();
    std::vector<std::pair<std::string, std::string>> details;
    for (const auto r : evaluation.eligibility.reasons) {
        details.emplace_back("reason", std::string(domain::EligibilityReasonCode(r)));
    }
    std::vector<CustomerEvaluation> changed;
    changed.push_back(std::move(evaluation));
    ports_.discovery.StoreEvaluations(std::move(changed));
    Audit(agent, "lead.revalidated_out", user, ctx, std::move(details));
    if (claimed.callback_id && !contactable) {
        CloseCallback(
            agent,
            *claimed.callback_id,
            user,
            suppressed ? "suppressed" : "customer_ineligible",
            ctx
        );
    }
}

void QueueService::Defer(
    const domain::Agent& agent,
    const ClaimedLead& claimed,
    const domain::GateDecision& gate,
    const RequestContext& ctx
) {
    // Deferred to when the gate would open (far ahead for a permanent refusal, which validation
    // normally catches first).
    const Timestamp now = ports_.clock.Now();
    const domain::UserId user = claimed.lead.user_id;
    const Timestamp retry =
        gate.retry_at ? Timestamp{*gate.retry_at} : now + std::chrono::days{365};
    ports_.leases.ReleaseLease(user, agent.id, retry);
    AuditGateDenied(Actor::OfAgent(agent.id), user, gate, "", ctx);
    if (!claimed.callback_id) {
        return;
    }
    if (!gate.retry_at) {
        CloseCallback(
            agent,
            *claimed.callback_id,
            user,
            domain::GateReasonCode(gate.denials.front().reason),
            ctx
        );
        return;
    }
    // The promise stands; it waits until the gate would let the call through.
    if (ports_.outcomes.RescheduleCallback(*claimed.callback_id, retry, now)) {
        Audit(
            agent,
            "callback.deferred",
            user,
            ctx,
            {{"callbackId", std::to_string(*claimed.callback_id)},
             {"until", FormatRfc3339(Seconds(retry))}}
        );
    }
}

LeadContext QueueService::BuildContext(
    Lead lead,
    domain::CustomerContextData customer,
    const CustomerEvaluation& evaluation,
    std::vector<ContactAttempt> contacts
) {
    LeadContext c;
    c.outcomes = ports_.outcomes.OutcomesFor(lead.user_id, 50);
    c.callbacks = ports_.outcomes.CallbacksFor(lead.user_id);
    c.contacts = std::move(contacts);
    c.eligibility = evaluation.eligibility;
    c.phone = evaluation.phone;
    c.lead = std::move(lead);
    c.customer = std::move(customer);
    return c;
}

void QueueService::PublishLead(
    const domain::Agent& agent, domain::UserId user, std::string_view state
) {
    ports_.events.Publish(LiveEvent{
        "lead", user.Value(), std::string(state), agent.id, ports_.clock.Now(), /*everyone=*/true});
}

Result<CallAttemptDecision> QueueService::RecordCallAttempt(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    const Timestamp now = ports_.clock.Now();
    const auto lead = ports_.leads.FindLead(user);
    if (!lead || !lead->IsLeasedAt(now) || lead->lease_agent_id != agent.id) {
        return Fail(ErrorCode::kFailedPrecondition, "you do not hold this customer");
    }
    if (!lead->phone) {
        return Fail(ErrorCode::kFailedPrecondition, "this customer has no number to call");
    }
    CallAttemptDecision decision;
    decision.gate = domain::DecideContact(
        domain::Channel::kCall,
        ContactSubjectFor(
            lead->phone,
            CallSuppressed(ports_.suppressions, user, lead->phone->e164),
            lead,
            ports_.contacts.Since(user, now - kContactHistory)
        ),
        ports_.settings.Current().gate,
        Seconds(now)
    );
    if (!decision.gate.allowed) {
        AuditGateDenied(Actor::OfAgent(agent.id), user, decision.gate, "call", ctx);
        return decision;
    }
    decision.attempt = ports_.contacts.Record(ContactAttempt{
        0, user, domain::Channel::kCall, agent.id, lead->phone->e164, now});
    decision.lead_score = lead->score;
    Audit(
        agent, "call.attempted", user, ctx, {{"attemptId", std::to_string(decision.attempt->id)}}
    );
    return decision;
}

Result<SmsAttemptDecision> QueueService::RecordSmsAttempt(
    const std::optional<domain::Agent>& sender,
    domain::UserId user,
    const RequestContext& ctx,
    TextRight right
) {
    const Timestamp now = ports_.clock.Now();
    const auto lead = ports_.leads.FindLead(user);
    if (!lead) {
        return Fail(ErrorCode::kNotFound, "no such customer in the queues");
    }
    const auto recent = ports_.contacts.Since(user, now - kContactHistory);
    if (sender && sender->role == domain::Role::kAgent && right == TextRight::kHoldOrCalled) {
        const bool holds = lead->IsLeasedAt(now) && lead->lease_agent_id == sender->id;
        const bool called = std::any_of(recent.begin(), recent.end(), [&](const auto& c) {
            return c.channel == domain::Channel::kCall && c.agent_id == sender->id &&
                   c.at >= now - kTextAfterCallFor;
        });
        if (!holds && !called) {
            return Fail(
                ErrorCode::kPermissionDenied,
                "you can text a customer you hold or have called today",
                "userId"
            );
        }
    }
    const std::optional<std::string> phone =
        lead->phone ? std::optional(lead->phone->e164) : std::nullopt;
    SmsAttemptDecision decision;
    decision.gate = domain::DecideContact(
        domain::Channel::kSms,
        ContactSubjectFor(
            lead->phone,
            IsSuppressed(ports_.suppressions, user, phone, SuppressionChannel::kSms),
            lead,
            recent
        ),
        ports_.settings.Current().gate,
        Seconds(now)
    );
    const Actor actor = sender ? Actor::OfAgent(sender->id) : Actor::System();
    if (!decision.gate.allowed) {
        AuditGateDenied(actor, user, decision.gate, "sms", ctx);
        return decision;
    }
    decision.attempt = ports_.contacts.Record(ContactAttempt{
        0,
        user,
        domain::Channel::kSms,
        sender ? std::optional(sender->id) : std::nullopt,
        *phone,
        now});
    return decision;
}

Result<Timestamp> QueueService::Heartbeat(const domain::Agent& agent, domain::UserId user) {
    const Timestamp now = ports_.clock.Now();
    const Timestamp until = now + ports_.settings.Current().lease_duration;
    if (!ports_.leases.ExtendLease(user, agent.id, now, until)) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "you do not hold this customer (the lease may have expired)"
        );
    }
    return until;
}

Status QueueService::Release(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    if (!ports_.leases.ReleaseLease(user, agent.id, std::nullopt)) {
        return Fail(ErrorCode::kFailedPrecondition, "you do not hold this customer");
    }
    Audit(agent, "lead.released", user, ctx);
    PublishLead(agent, user, "released");
    return Ok();
}

Status QueueService::Skip(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    const Timestamp now = ports_.clock.Now();
    if (!ports_.leases.ReleaseLease(user, agent.id, now + kSkipDelay)) {
        return Fail(ErrorCode::kFailedPrecondition, "you do not hold this customer");
    }
    Audit(agent, "lead.skipped", user, ctx);
    PublishLead(agent, user, "released");
    // A skipped callback comes back in the same half hour, not at the head of every request.
    if (const auto callback = DueCallback(user, now)) {
        ports_.outcomes.RescheduleCallback(*callback, now + kSkipDelay, now);
    }
    return Ok();
}

Result<StoredOutcome> QueueService::RecordOutcome(
    const domain::Agent& agent,
    domain::UserId user,
    const domain::OutcomeInput& input,
    const RequestContext& ctx
) {
    const QueueSettings settings = ports_.settings.Current();
    const Timestamp now = ports_.clock.Now();
    const auto lead = ports_.leads.FindLead(user);
    if (!lead || !lead->IsLeasedAt(now) || lead->lease_agent_id != agent.id) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "you do not hold this customer: take them with next lead first"
        );
    }
    DIALLER_ASSIGN_OR_RETURN(
        const domain::OutcomeEffects effects,
        domain::DecideOutcomeEffects(input, settings.outcomes, settings.gate.windows, Seconds(now))
    );
    OutcomeRecord record;
    record.user_id = user;
    record.agent = agent.id;
    record.outcome = input.outcome;
    record.notes = input.notes;
    record.effects = effects;
    record.phone_e164 = lead->phone ? std::optional(lead->phone->e164) : std::nullopt;
    record.queue = lead->queue;
    record.callback_id = DueCallback(user, now);
    record.callback_max_failed_tries = settings.callback_max_failed_tries;
    if (lead->queue && lead->score_facts) {
        // The whole score again with this outcome in the history: total and breakdown agree.
        const domain::Score score = ScoreLead(
            *lead->queue,
            *lead->score_facts,
            domain::LeadHistory{
                lead->waiting_since,
                lead->attempts + 1,
                lead->outcome_points + effects.score_adjustment},
            settings,
            ports_.lenders,
            now
        );
        record.score_after = score.total;
        record.components_after = score.components;
        record.score_facts = lead->score_facts;
        record.given_up_after = score.given_up;
    } else {
        record.score_after =
            lead->score + effects.score_adjustment + settings.scoring.points_per_attempt;
        record.components_after = lead->score_components;
        record.given_up_after = record.score_after >= settings.scoring.give_up_threshold;
    }
    record.at = now;
    auto stored = ports_.outcomes.Record(record);
    if (!stored) {
        return Fail(
            ErrorCode::kFailedPrecondition, "you do not hold this customer (the lease expired)"
        );
    }
    Audit(
        agent,
        "lead.outcome_recorded",
        user,
        ctx,
        {{"outcome", std::string(domain::OutcomeCode(input.outcome))}}
    );
    if (effects.suppresses) {
        Audit(agent, "suppression.added", user, ctx, {{"source", "outcome"}});
    }
    PublishLead(agent, user, "done");
    if (outcome_listener_ != nullptr) {
        try {
            outcome_listener_->OutcomeRecorded(
                *stored, settings.outcomes.For(input.outcome), effects
            );
        } catch (const std::exception&) {
            // The outcome is recorded and stands; a follow-up text is not worth failing it.
        }
    }
    return *stored;
}

}  // namespace dialler::app
