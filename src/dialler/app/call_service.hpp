#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dialler/app/agent_status_service.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/telephony.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// What the browser's voice device is told when the agent presses Call: the session to connect
// with, or the gate's refusal (every reason, and when the call could next be made).
struct StartCallResult {
    std::optional<CallSession> session;
    domain::GateDecision refusal;  // only read when there is no session
};

// The voice webhook's question: the browser's call arrived at the provider; what should it dial?
struct VoiceRequest {
    std::string call_sid;
    std::string from;                        // "client:<identity>"
    std::optional<std::int64_t> session_id;  // the custom parameter the browser connected with
};

// A status callback, for either leg: the dialled leg names its parent.
struct CallStatusEvent {
    std::string call_sid;
    std::optional<std::string> parent_call_sid;
    std::string status;  // CallStatus or DialCallStatus, as sent
    std::optional<std::int64_t> sequence;
    std::optional<Timestamp> timestamp;
};

struct RecordingEvent {
    std::string call_sid;  // the leg that was recorded (the browser's, for a <Dial record>)
    std::string recording_sid;
    std::string recording_url;
    std::string status;  // only "completed" carries a recording
    int seconds = 0;
};

struct CallServiceConfig {
    std::vector<std::string> caller_ids;  // the firm's numbers; the first is used
    std::chrono::seconds dial_timeout{25};
    // A session the browser never connected is given up after this long.
    std::chrono::seconds connect_timeout{std::chrono::minutes{10}};
    // Calls not finished this long after they began are checked with the provider.
    std::chrono::seconds reconcile_after{std::chrono::minutes{5}};
};

// Calls from the gate's yes to the saved outcome. The server owns call state: only signed
// provider callbacks move it, each matched by CallSid and applied by domain::ApplyCallEvent.
// Thread-safe; blocking.
class CallService {
public:
    struct Ports {
        QueueService& queue;
        CallSessionStore& sessions;
        Telephony& telephony;
        AuditLog& audit;
        EventSink& events;
        AgentActivity& activity;  // the agent goes on_call, then wrap_up
        const Clock& clock;
    };
    CallService(Ports ports, CallServiceConfig config);

    // The identity the agent's voice device registers with ("agent-<id>").
    static std::string IdentityOf(const domain::Agent& agent);

    // For the customer the agent holds: asks the gate, records the call attempt the caps count,
    // and opens a session. Errors: kFailedPrecondition (not held, no number).
    Result<StartCallResult> Start(
        const domain::Agent& agent, domain::UserId user, const RequestContext& ctx
    );

    // The voice webhook: binds the browser's call to its session (once) and says what to dial.
    // Errors: kNotFound (no such session), kPermissionDenied (another agent's session, or the
    // session already connected or over).
    Result<DialInstruction> Connect(const VoiceRequest& request);

    // Status callbacks and the dial's action: applied in order, idempotent. kNotFound when no
    // session has this call; Ok (and nothing changed) for a repeat, a late or an unknown status.
    Status OnStatus(const CallStatusEvent& event);
    Status OnRecording(const RecordingEvent& event);

    // Whether an outcome may be linked to this session: the agent's own call to this customer,
    // with no outcome yet. Errors: kInvalidArgument (field callSessionId).
    Status CheckOutcomeLink(
        const domain::Agent& agent, std::int64_t session_id, domain::UserId user
    );
    // Links a saved outcome to the agent's call (the session must be theirs, for that customer).
    Status LinkOutcome(
        const domain::Agent& agent,
        std::int64_t session_id,
        domain::UserId user,
        std::int64_t outcome,
        domain::Outcome code
    );

    // Agents see their own calls; supervisors and admins every call. kNotFound otherwise, so
    // another agent's call ids are not confirmed to exist.
    Result<CallSession> Get(const domain::Agent& agent, std::int64_t id);
    // Errors: kPermissionDenied (field agentId) for an agent asking for another agent's calls.
    Result<std::vector<CallSession>> List(const domain::Agent& agent, CallSessionFilter filter);
    // The recording's audio, audited. kNotFound when there is none (yet).
    Result<RecordingMedia> Recording(
        const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
    );

    // Finishes calls whose final callback never arrived, asking the provider; gives up sessions
    // the browser never connected. Returns how many sessions it finished.
    int Reconcile();

private:
    // Applies one event to a session, retrying when another callback moved it meanwhile.
    // `dialled_sid`: the customer's leg, recorded with the first event that names it.
    Status Apply(
        CallSession session,
        const domain::CallEvent& event,
        const std::optional<std::string>& dialled_sid
    );
    void Publish(const CallSession& session);
    // The session, if it is this agent's call to this customer (else kInvalidArgument naming
    // callSessionId: an outcome form's field).
    Result<CallSession> OwnCallTo(
        const domain::Agent& agent, std::int64_t session_id, domain::UserId user
    );

    Ports ports_;
    CallServiceConfig config_;
};

}  // namespace dialler::app
