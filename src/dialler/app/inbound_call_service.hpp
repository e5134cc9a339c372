#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/app/agent_status_service.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/call_service.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/telephony.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// A customer's call reaching our number, as the voice webhook reports it.
struct InboundCallRequest {
    std::string call_sid;
    std::string from;  // the caller's number as the network gave it (may be withheld: empty)
    std::string to;    // which of our numbers they rang
};

// What the caller gets: an agent's browser rung, or a message and the end of the call (an empty
// message: simply hang up), after which a missed caller may leave a voicemail for their callback.
struct InboundAnswer {
    std::optional<RingInstruction> ring;
    std::string message;
    std::optional<std::int64_t> voicemail_for;  // the callback a voicemail is kept with
};

// A call ringing for an agent now, for their screen.
struct IncomingCall {
    std::int64_t session_id = 0;
    domain::UserId user_id;
    std::optional<std::string> customer_name;  // nullopt while the replica cannot be read
    Timestamp since;
};

struct AnsweredCall {
    LeadContext lead;
    CallSession session;
};

// Customers calling the company number (product.md §6): matched by exact E.164 against the
// dialler's own leads (never "the last 10 digits"), rung through to one available agent's
// browser (the last agent who spoke to them first) as an inbound call session; with nobody
// available, or nobody answering, a missed call that becomes a team callback due now; outside
// the calling hours a configurable message (and, for a known customer, a callback at the next
// opening). Callers the dialler cannot match hear a message and are audited as unmatched,
// without their number. Thread-safe; blocking.
class InboundCallService {
public:
    struct Ports {
        LeadStore& leads;
        CallSessionStore& sessions;
        AgentStatusService& statuses;
        OutcomeStore& outcomes;  // the missed call's callback
        QueueService& queue;     // the answering agent takes the caller
        CallService& calls;      // the dial's end moves the session as any call's does
        AgentActivity& activity;
        Telephony& telephony;  // voicemails are played from the provider
        Replica& replica;      // callers' names for the ringing screen
        AuditLog& audit;
        EventSink& events;
        const PhoneParser& phones;
        const SettingsProvider& settings;
        const Clock& clock;
    };
    struct Config {
        std::vector<std::string> firm_numbers;  // E.164: the numbers customers may ring
    };
    InboundCallService(Ports ports, Config config);

    // The voice webhook for a customer's call. A repeat of the same CallSid rings the same agent
    // again. Faults of a store are exceptions (the webhook then answers 500; Twilio retries).
    InboundAnswer Route(const InboundCallRequest& call);
    // The dial's action for a call Route rang through: applied to the session as any dial's end
    // is; a call nobody answered becomes a missed call. Then the caller hears why, or nothing.
    InboundAnswer DialEnded(const CallStatusEvent& event);

    // The inbound calls ringing for this agent now (normally none or one).
    std::vector<IncomingCall> Ringing(const domain::Agent& agent);
    // The agent answers a call ringing for them: they take the caller (QueueService::TakeCaller)
    // and go on a call. Errors: kNotFound (not a call ringing for them), kFailedPrecondition (it
    // stopped ringing; the caller cannot be taken), kUnavailable (the replica).
    Result<AnsweredCall> Answer(
        const domain::Agent& agent, std::int64_t session_id, const RequestContext& ctx
    );

    // The recording callback of a missed caller's voicemail for `callback_id`: kept once, audited.
    // kNotFound for no such callback; Ok (nothing kept) for a status other than completed.
    Status OnVoicemail(std::int64_t callback_id, const RecordingEvent& event);
    // A callback's voicemail, fetched from the provider; each play audited. Any floor role and
    // admins (a team callback is everyone's). kNotFound when there is none.
    Result<RecordingMedia> Voicemail(
        const domain::Agent& agent, std::int64_t callback_id, const RequestContext& ctx
    );

private:
    std::optional<domain::AgentId> PickAgent(domain::UserId user, Timestamp now);
    bool IsBusy(domain::AgentId agent, Timestamp now);
    // A pending callback for the team due at `due` (or the customer's own pending one already
    // due by then); returns its id.
    std::int64_t BookCallback(domain::UserId user, Timestamp due, const std::string& notes);
    // A missed call: the callback, audited; what the caller hears.
    InboundAnswer Missed(
        domain::UserId user,
        std::vector<std::pair<std::string, std::string>> details,
        const QueueSettings& settings
    );

    Ports ports_;
    Config config_;
};

}  // namespace dialler::app
