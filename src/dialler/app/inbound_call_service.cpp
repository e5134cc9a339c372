#include "dialler/app/inbound_call_service.hpp"

#include <algorithm>
#include <utility>

#include "dialler/domain/calling_window.hpp"

namespace dialler::app {

namespace {

constexpr const char* kMissedMessage =
    "Thank you for calling. Everyone is busy just now. We will call you back shortly.";
constexpr const char* kVoicemailPrompt = " You can leave a message after the tone, then hang up.";
constexpr const char* kUnmatchedMessage =
    "Thank you for calling. We cannot find your details from this number. Please call from the "
    "number you gave us with your claim, or wait for us to call you.";
constexpr const char* kNotOurNumberMessage = "This number does not take calls.";
constexpr const char* kMissedNotes = "Missed call";
constexpr const char* kOutOfHoursNotes = "Called out of hours";
// Whose calls with this customer are looked at to find the last agent who spoke to them.
constexpr int kHistoryLooked = 20;
constexpr int kBusyLooked = 5;

InboundAnswer Say(std::string message) {
    InboundAnswer answer;
    answer.message = std::move(message);
    return answer;
}

InboundAnswer Ring(std::int64_t session, domain::AgentId agent, std::chrono::seconds timeout) {
    domain::Agent owner;
    owner.id = agent;
    InboundAnswer answer;
    answer.ring = RingInstruction{session, CallService::IdentityOf(owner), timeout};
    return answer;
}

bool IsRinging(const CallSession& s) {
    return s.direction == CallDirection::kInbound && !domain::IsFinal(s.state.status) &&
           !s.state.answered_at;
}

}  // namespace

InboundCallService::InboundCallService(Ports ports, Config config)
    : ports_(ports), config_(std::move(config)) {}

InboundAnswer InboundCallService::Route(const InboundCallRequest& call) {
    const Timestamp now = ports_.clock.Now();
    const QueueSettings settings = ports_.settings.Current();
    const RequestContext none;
    if (auto again = ports_.sessions.FindByCallSid(call.call_sid)) {
        // Twilio retried the webhook: the same agent rings (or, over, the caller hears nothing).
        if (again->direction != CallDirection::kInbound || domain::IsFinal(again->state.status)) {
            return InboundAnswer{};
        }
        return Ring(again->id, again->agent_id, settings.inbound.ring);
    }
    if (std::find(config_.firm_numbers.begin(), config_.firm_numbers.end(), call.to) ==
        config_.firm_numbers.end()) {
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::System(),
            "call.inbound_not_our_number",
            "call",
            call.call_sid,
            none,
            {}
        );
        return Say(kNotOurNumberMessage);
    }
    const auto phone = ports_.phones.Parse(call.from);
    const std::vector<domain::UserId> users =
        phone ? ports_.leads.UsersWithPhone(phone->e164) : std::vector<domain::UserId>{};
    if (users.size() != 1) {
        // Never the number: only whether it was withheld or unknown, or shared by several.
        const char* why = !phone ? "no_number" : users.empty() ? "unknown_number" : "shared_number";
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::System(),
            "call.inbound_unmatched",
            "call",
            call.call_sid,
            none,
            {{"reason", why}}
        );
        return Say(kUnmatchedMessage);
    }
    const domain::UserId user = users.front();
    const domain::WindowCheck window = domain::CheckCallingWindow(
        std::chrono::floor<std::chrono::seconds>(now), settings.gate.windows
    );
    if (!window.open) {
        std::vector<std::pair<std::string, std::string>> details{{"callSid", call.call_sid}};
        if (window.next_open) {
            details.emplace_back(
                "callbackId",
                std::to_string(BookCallback(user, Timestamp{*window.next_open}, kOutOfHoursNotes))
            );
        }
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::System(),
            "call.inbound_out_of_hours",
            "customer",
            user.ToString(),
            none,
            std::move(details)
        );
        return Say(settings.inbound.out_of_hours_message);
    }
    CallSession session;
    session.direction = CallDirection::kInbound;
    session.user_id = user;
    session.phone_e164 = phone->e164;
    session.caller_id = call.to;
    session.call_sid = call.call_sid;
    session.state.created_at = now;
    const auto agent = PickAgent(user, now);
    if (!agent) {
        return Missed(
            user, {{"callSid", call.call_sid}, {"reason", "no_agent_available"}}, settings
        );
    }
    session.agent_id = *agent;
    session = ports_.sessions.Create(session);
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::System(),
        "call.inbound_offered",
        "call_session",
        std::to_string(session.id),
        none,
        {{"userId", user.ToString()}, {"agentId", agent->ToString()}}
    );
    ports_.events.Publish(LiveEvent{"call.incoming", session.id, "ringing", *agent, now});
    return Ring(session.id, *agent, settings.inbound.ring);
}

bool InboundCallService::IsBusy(domain::AgentId agent, Timestamp now) {
    CallSessionFilter filter;
    filter.agent_id = agent;
    filter.from = now - std::chrono::hours{1};
    filter.limit = kBusyLooked;
    const auto recent = ports_.sessions.List(filter);
    return std::any_of(recent.begin(), recent.end(), [](const CallSession& s) {
        return !domain::IsFinal(s.state.status);
    });
}

std::optional<domain::AgentId> InboundCallService::PickAgent(domain::UserId user, Timestamp now) {
    std::vector<AgentStatusEntry> available;
    for (AgentStatusEntry& e : ports_.statuses.Floor()) {
        if (e.status == domain::AgentStatus::kAvailable && !IsBusy(e.agent_id, now)) {
            available.push_back(std::move(e));
        }
    }
    if (available.empty()) {
        return std::nullopt;
    }
    CallSessionFilter history;
    history.user_id = user;
    history.limit = kHistoryLooked;
    for (const CallSession& s : ports_.sessions.List(history)) {  // newest first
        const bool spoke = s.state.answered_at.has_value();
        if (spoke && std::any_of(available.begin(), available.end(), [&](const auto& e) {
                return e.agent_id == s.agent_id;
            })) {
            return s.agent_id;
        }
    }
    // Otherwise whoever has been waiting longest for a call.
    return std::min_element(
               available.begin(),
               available.end(),
               [](const auto& a, const auto& b) { return a.at < b.at; }
    )->agent_id;
}

std::int64_t InboundCallService::BookCallback(
    domain::UserId user, Timestamp due, const std::string& notes
) {
    for (const Callback& cb : ports_.outcomes.CallbacksFor(user)) {
        if (cb.status == CallbackStatus::kPending && cb.scheduled_for <= due) {
            return cb.id;  // they already wait for a call by then: one is enough
        }
    }
    const Timestamp now = ports_.clock.Now();
    Callback c;
    c.user_id = user;
    c.scheduled_for = due;
    c.notes = notes;
    c.created_by = Actor::System();
    c.created_at = now;
    c.updated_at = now;
    return ports_.outcomes.CreateCallback(c).id;
}

InboundAnswer InboundCallService::Missed(
    domain::UserId user,
    std::vector<std::pair<std::string, std::string>> details,
    const QueueSettings& settings
) {
    const std::int64_t callback = BookCallback(user, ports_.clock.Now(), kMissedNotes);
    details.emplace_back("callbackId", std::to_string(callback));
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::System(),
        "call.inbound_missed",
        "customer",
        user.ToString(),
        RequestContext{},
        std::move(details)
    );
    if (!settings.inbound.voicemail) {
        return Say(kMissedMessage);
    }
    InboundAnswer answer = Say(std::string(kMissedMessage) + kVoicemailPrompt);
    answer.voicemail_for = callback;
    return answer;
}

InboundAnswer InboundCallService::DialEnded(const CallStatusEvent& event) {
    (void)ports_.calls.OnStatus(event);
    const auto session = ports_.sessions.FindByCallSid(event.call_sid);
    if (!session || session->direction != CallDirection::kInbound || session->state.answered_at) {
        return InboundAnswer{};
    }
    return Missed(
        session->user_id,
        {{"callSessionId", std::to_string(session->id)},
         {"reason", event.status.empty() ? std::string("no-answer") : event.status}},
        ports_.settings.Current()
    );
}

Status InboundCallService::OnVoicemail(std::int64_t callback_id, const RecordingEvent& event) {
    if (event.status != "completed") {
        return Ok();
    }
    const auto callback = ports_.outcomes.FindCallback(callback_id);
    if (!callback) {
        return Fail(ErrorCode::kNotFound, "no such callback");
    }
    if (ports_.outcomes.SetCallbackVoicemail(
            callback_id,
            CallRecording{event.recording_sid, event.recording_url, event.seconds},
            ports_.clock.Now()
        )) {
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::System(),
            "callback.voicemail_left",
            "callback",
            std::to_string(callback_id),
            RequestContext{},
            {{"userId", callback->user_id.ToString()},
             {"recordingSid", event.recording_sid},
             {"seconds", std::to_string(event.seconds)}}
        );
    }
    return Ok();
}

Result<RecordingMedia> InboundCallService::Voicemail(
    const domain::Agent& agent, std::int64_t callback_id, const RequestContext& ctx
) {
    const auto callback = ports_.outcomes.FindCallback(callback_id);
    if (!callback || !callback->voicemail) {
        return Fail(ErrorCode::kNotFound, "this callback has no voicemail");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "callback.voicemail_played",
        "callback",
        std::to_string(callback_id),
        ctx,
        {{"userId", callback->user_id.ToString()}, {"recordingSid", callback->voicemail->sid}}
    );
    auto media = ports_.telephony.FetchRecording(*callback->voicemail);
    if (!media) {
        return Fail(ErrorCode::kNotFound, "the voicemail is no longer available");
    }
    return std::move(*media);
}

std::vector<IncomingCall> InboundCallService::Ringing(const domain::Agent& agent) {
    const Timestamp now = ports_.clock.Now();
    CallSessionFilter filter;
    filter.agent_id = agent.id;
    // Longer than any ring: a call whose end never reached us is not shown for ever.
    filter.from = now - ports_.settings.Current().inbound.ring - std::chrono::minutes{1};
    filter.limit = kBusyLooked;
    std::vector<CallSession> ringing;
    for (CallSession& s : ports_.sessions.List(filter)) {
        if (IsRinging(s)) {
            ringing.push_back(std::move(s));
        }
    }
    std::vector<domain::UserId> ids;
    ids.reserve(ringing.size());
    for (const CallSession& s : ringing) {
        ids.push_back(s.user_id);
    }
    const auto names = ringing.empty() ? std::map<std::int64_t, std::string>{}
                                       : CustomerNames(ports_.replica, ids);
    std::vector<IncomingCall> out;
    out.reserve(ringing.size());
    for (const CallSession& s : ringing) {
        const auto name = names.find(s.user_id.Value());
        out.push_back(IncomingCall{
            s.id,
            s.user_id,
            name == names.end() ? std::nullopt : std::optional(name->second),
            s.state.created_at});
    }
    return out;
}

Result<AnsweredCall> InboundCallService::Answer(
    const domain::Agent& agent, std::int64_t session_id, const RequestContext& ctx
) {
    auto session = ports_.sessions.Find(session_id);
    if (!session || session->direction != CallDirection::kInbound ||
        session->agent_id != agent.id) {
        return Fail(ErrorCode::kNotFound, "no such call ringing for you");
    }
    if (!IsRinging(*session)) {
        return Fail(ErrorCode::kFailedPrecondition, "this call is no longer ringing");
    }
    DIALLER_ASSIGN_OR_RETURN(
        LeadContext lead, ports_.queue.TakeCaller(agent, session->user_id, ctx)
    );
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "call.answered",
        "call_session",
        std::to_string(session->id),
        ctx,
        {{"userId", session->user_id.ToString()}}
    );
    ports_.activity.Happened(agent.id, domain::StatusCause::kCallStarted);
    return AnsweredCall{std::move(lead), std::move(*session)};
}

}  // namespace dialler::app
