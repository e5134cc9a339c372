#include "dialler/app/call_service.hpp"

#include <utility>

namespace dialler::app {

namespace {

using domain::CallStatus;

// Two callbacks for one call can race; each retry re-reads the session, and a callback that
// loses to a newer one changes nothing on its next look. More than a few rounds means a fault.
constexpr int kMaxApplyRounds = 5;
constexpr int kReconcileBatch = 100;

bool SeesEveryCall(const domain::Agent& agent) {
    return agent.role != domain::Role::kAgent;
}

}  // namespace

std::string_view CallDirectionName(CallDirection direction) {
    return direction == CallDirection::kInbound ? "inbound" : "outbound";
}

CallService::CallService(Ports ports, CallServiceConfig config)
    : ports_(ports), config_(std::move(config)) {}

std::string CallService::IdentityOf(const domain::Agent& agent) {
    return "agent-" + agent.id.ToString();
}

Result<StartCallResult> CallService::Start(
    const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(
        CallAttemptDecision decision, ports_.queue.RecordCallAttempt(agent, user, ctx)
    );
    StartCallResult result;
    if (!decision.attempt) {
        result.refusal = std::move(decision.gate);
        return result;
    }
    CallSession session;
    session.user_id = user;
    session.agent_id = agent.id;
    session.phone_e164 = decision.attempt->phone_e164;
    session.lead_score = decision.lead_score;
    session.caller_id = config_.caller_ids.empty() ? std::string() : config_.caller_ids.front();
    session.state.created_at = ports_.clock.Now();
    result.session = ports_.sessions.Create(session);
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "call.started",
        "call_session",
        std::to_string(result.session->id),
        ctx,
        {{"userId", user.ToString()}, {"attemptId", std::to_string(decision.attempt->id)}}
    );
    Publish(*result.session);
    ports_.activity.Happened(agent.id, domain::StatusCause::kCallStarted);
    return result;
}

Result<DialInstruction> CallService::Connect(const VoiceRequest& request) {
    if (!request.session_id) {
        return Fail(ErrorCode::kNotFound, "the call names no call session", "sessionId");
    }
    auto session = ports_.sessions.Find(*request.session_id);
    if (!session) {
        return Fail(ErrorCode::kNotFound, "no such call session", "sessionId");
    }
    domain::Agent owner;
    owner.id = session->agent_id;
    if (request.from != "client:" + IdentityOf(owner)) {
        return Fail(ErrorCode::kPermissionDenied, "this call session belongs to another agent");
    }
    if (domain::IsFinal(session->state.status)) {
        return Fail(ErrorCode::kPermissionDenied, "this call session is over");
    }
    // A retried webhook for the same call gets the same answer; any other call is refused, so
    // one gate decision never dials twice.
    if (!ports_.sessions.AttachCallSid(session->id, request.call_sid)) {
        session = ports_.sessions.Find(session->id);
        if (!session || session->call_sid != request.call_sid) {
            return Fail(ErrorCode::kPermissionDenied, "this call session is already connected");
        }
    }
    return DialInstruction{
        session->id, session->phone_e164, session->caller_id, config_.dial_timeout};
}

Status CallService::OnStatus(const CallStatusEvent& event) {
    auto status = domain::ParseCallStatus(event.status);
    if (!status) {
        return Ok();  // a status we do not track (Twilio adds some now and then)
    }
    const Timestamp at = event.timestamp.value_or(ports_.clock.Now());
    if (event.parent_call_sid) {
        // The customer's leg: its own sequence numbers order its callbacks.
        auto session = ports_.sessions.FindByCallSid(*event.parent_call_sid);
        if (!session) {
            return Fail(ErrorCode::kNotFound, "no call session has this call");
        }
        return Apply(
            std::move(*session), domain::CallEvent{*status, event.sequence, at}, event.call_sid
        );
    }
    // The browser's leg (or the dial's action, which reports the customer's leg on it): only
    // its end matters. Its sequence numbers are another leg's, so they are not compared.
    auto session = ports_.sessions.FindByCallSid(event.call_sid);
    if (!session) {
        return Fail(ErrorCode::kNotFound, "no call session has this call");
    }
    if (*status == CallStatus::kInProgress) {
        // "answered" on the dial's action: the dial is over, so the call is.
        status = CallStatus::kCompleted;
    }
    if (!domain::IsFinal(*status)) {
        return Ok();
    }
    if (*status == CallStatus::kCompleted && !session->state.answered_at) {
        status = CallStatus::kCanceled;  // the agent hung up before the customer answered
    }
    return Apply(std::move(*session), domain::CallEvent{*status, std::nullopt, at}, std::nullopt);
}

Status CallService::Apply(
    CallSession session,
    const domain::CallEvent& event,
    const std::optional<std::string>& dialled_sid
) {
    for (int round = 0; round < kMaxApplyRounds; ++round) {
        const auto next = domain::ApplyCallEvent(session.state, event);
        if (!next) {
            return Ok();  // a repeat, a late or a backward callback: nothing changes
        }
        const Timestamp now = ports_.clock.Now();
        if (ports_.sessions.UpdateState(session.id, session.state, *next, dialled_sid, now)) {
            session.state = *next;
            if (domain::IsFinal(next->status)) {
                ports_.audit.Append(AuditEntry{
                    0,
                    now,
                    Actor::System(),
                    "call.ended",
                    "call_session",
                    std::to_string(session.id),
                    {{"userId", session.user_id.ToString()},
                     {"status", std::string(domain::CallStatusName(next->status))},
                     {"ringSeconds", std::to_string(domain::RingSeconds(*next))},
                     {"talkSeconds", std::to_string(domain::TalkSeconds(*next))}},
                    {}});
            }
            Publish(session);
            if (domain::IsFinal(next->status)) {
                ports_.activity.Happened(session.agent_id, domain::StatusCause::kCallEnded);
            }
            return Ok();
        }
        auto fresh = ports_.sessions.Find(session.id);
        if (!fresh) {
            return Fail(ErrorCode::kNotFound, "no such call session");
        }
        session = std::move(*fresh);
    }
    return Fail(ErrorCode::kUnavailable, "the call session kept changing; try again");
}

Status CallService::OnRecording(const RecordingEvent& event) {
    if (event.status != "completed") {
        return Ok();  // in-progress or absent: nothing to keep yet
    }
    auto session = ports_.sessions.FindByCallSid(event.call_sid);
    if (!session) {
        return Fail(ErrorCode::kNotFound, "no call session has this call");
    }
    if (ports_.sessions.SetRecording(
            session->id,
            CallRecording{event.recording_sid, event.recording_url, event.seconds},
            ports_.clock.Now()
        )) {
        Publish(*session);
    }
    return Ok();
}

Result<CallSession> CallService::OwnCallTo(
    const domain::Agent& agent, std::int64_t session_id, domain::UserId user
) {
    auto session = ports_.sessions.Find(session_id);
    if (!session || session->agent_id != agent.id || session->user_id != user) {
        return InvalidField("callSessionId", "callSessionId is not your call to this customer");
    }
    return std::move(*session);
}

Status CallService::CheckOutcomeLink(
    const domain::Agent& agent, std::int64_t session_id, domain::UserId user
) {
    DIALLER_ASSIGN_OR_RETURN(const CallSession session, OwnCallTo(agent, session_id, user));
    if (session.outcome_id) {
        return InvalidField("callSessionId", "this call already has an outcome");
    }
    return Ok();
}

Status CallService::LinkOutcome(
    const domain::Agent& agent,
    std::int64_t session_id,
    domain::UserId user,
    std::int64_t outcome,
    domain::Outcome code
) {
    DIALLER_ASSIGN_OR_RETURN(const CallSession session, OwnCallTo(agent, session_id, user));
    if (session.outcome_id == outcome) {
        return Ok();
    }
    if (!ports_.sessions.LinkOutcome(
            session_id, outcome, domain::OutcomeCode(code), ports_.clock.Now()
        )) {
        return InvalidField("callSessionId", "this call already has an outcome");
    }
    return Ok();
}

Result<CallSession> CallService::Get(const domain::Agent& agent, std::int64_t id) {
    auto session = ports_.sessions.Find(id);
    if (!session || (!SeesEveryCall(agent) && session->agent_id != agent.id)) {
        return Fail(ErrorCode::kNotFound, "no such call session");
    }
    return std::move(*session);
}

Result<std::vector<CallSession>> CallService::List(
    const domain::Agent& agent, CallSessionFilter filter
) {
    if (!SeesEveryCall(agent)) {
        if (filter.agent_id && *filter.agent_id != agent.id) {
            return Fail(
                ErrorCode::kPermissionDenied, "you may only list your own calls", "agentId"
            );
        }
        filter.agent_id = agent.id;
    }
    return ports_.sessions.List(filter);
}

Result<RecordingMedia> CallService::Recording(
    const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const CallSession session, Get(agent, id));
    if (!session.recording) {
        return Fail(ErrorCode::kNotFound, "this call has no recording");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "call.recording_played",
        "call_session",
        std::to_string(id),
        ctx,
        {{"userId", session.user_id.ToString()}, {"recordingSid", session.recording->sid}}
    );
    auto media = ports_.telephony.FetchRecording(*session.recording);
    if (!media) {
        return Fail(ErrorCode::kNotFound, "the recording is no longer available");
    }
    return std::move(*media);
}

int CallService::Reconcile() {
    const Timestamp now = ports_.clock.Now();
    int finished = 0;
    for (CallSession& session :
         ports_.sessions.Unfinished(now - config_.reconcile_after, kReconcileBatch)) {
        const bool stale = session.state.created_at <= now - config_.connect_timeout;
        const auto sid = session.dialled_call_sid ? session.dialled_call_sid : session.call_sid;
        std::optional<ProviderCall> remote;
        if (sid) {
            remote = ports_.telephony.FetchCall(*sid);
        }
        std::vector<domain::CallEvent> events;
        if (remote && domain::IsFinal(remote->status)) {
            if (remote->answered_at && !session.state.answered_at) {
                events.push_back({CallStatus::kInProgress, std::nullopt, *remote->answered_at});
            }
            events.push_back({remote->status, std::nullopt, remote->ended_at.value_or(now)});
        } else if (!remote && stale) {
            // Never connected, or unknown to the provider: it will not ring now.
            events.push_back({CallStatus::kFailed, std::nullopt, now});
        }
        const bool was_final = domain::IsFinal(session.state.status);
        for (const auto& event : events) {
            if (!Apply(session, event, std::nullopt)) {
                break;
            }
            if (auto fresh = ports_.sessions.Find(session.id)) {
                session = std::move(*fresh);
            }
        }
        if (!was_final && domain::IsFinal(session.state.status)) {
            ++finished;
        }
    }
    return finished;
}

void CallService::Publish(const CallSession& session) {
    ports_.events.Publish(LiveEvent{
        "call",
        session.id,
        std::string(domain::CallStatusName(session.state.status)),
        session.agent_id,
        ports_.clock.Now()});
}

}  // namespace dialler::app
