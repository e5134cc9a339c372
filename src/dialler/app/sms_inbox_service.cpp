#include "dialler/app/sms_inbox_service.hpp"

#include <algorithm>
#include <exception>
#include <map>

#include "dialler/app/customer_evaluation.hpp"
#include "dialler/domain/phone.hpp"

namespace dialler::app {

namespace {

constexpr int kListed = 100;            // conversations in one list
constexpr int kThreadLength = 200;      // texts each way in one thread
constexpr std::size_t kMaxBody = 1600;  // the provider's longest text

constexpr const char* kStopSource = "sms_stop";

bool IsAgent(const domain::Agent& viewer) {
    return viewer.role == domain::Role::kAgent;
}

ConversationFilter FilterFor(const domain::Agent& viewer, bool open) {
    return {open, IsAgent(viewer) ? std::optional(viewer.id) : std::nullopt};
}

}  // namespace

Status SmsInboxService::Receive(const IncomingText& text, const RequestContext& ctx) {
    if (!domain::IsE164(text.from_e164)) {
        return InvalidField("From", "From must be a number in E.164 form");
    }
    if (text.provider_sid.empty()) {
        return InvalidField("MessageSid", "the text names no MessageSid");
    }
    InboundSms message;
    message.provider_sid = text.provider_sid;
    message.from_e164 = text.from_e164;
    message.to_e164 = text.to_e164;
    // Stored as sent; a body longer than the provider allows is cut rather than lost.
    message.body = text.body.substr(0, kMaxBody * 4);
    message.consent = domain::ClassifyInbound(text.body);
    message.received_at = ports_.clock.Now();

    // Exact E.164 only: a number two customers share belongs to neither.
    const std::vector<domain::UserId> owners = ports_.leads.UsersWithPhone(text.from_e164);
    const std::optional<domain::UserId> user =
        owners.size() == 1 ? std::optional(owners.front()) : std::nullopt;
    // A reply usually answers the last text we sent: its agent gets a new conversation.
    const std::vector<OutboundSms> last = ports_.outbox.ToNumber(text.from_e164, 1);
    const std::optional<domain::AgentId> assign_to =
        last.empty() ? std::nullopt : last.front().agent_id;

    const SmsInbox::Received received = ports_.inbox.Receive(message, user, assign_to);
    if (!received.created) {
        return Ok();  // the provider retried its webhook: handled the first time
    }
    Audit(
        Actor::System(),
        "sms.received",
        received.conversation,
        ctx,
        {{"messageId", std::to_string(received.message.id)},
         {"consent", std::string(domain::InboundConsentName(message.consent))}}
    );
    ApplyConsent(received, user, ctx);
    Publish(received.conversation, "message");
    return Ok();
}

void SmsInboxService::ApplyConsent(
    const SmsInbox::Received& received,
    std::optional<domain::UserId> user,
    const RequestContext& ctx
) {
    const std::string& phone = received.message.from_e164;
    const Timestamp now = ports_.clock.Now();
    const auto stops = [&] {
        std::vector<Suppression> entries = ports_.suppressions.List(std::nullopt, phone, false, 50);
        std::erase_if(entries, [&phone](const Suppression& s) {
            return s.source != kStopSource || s.phone_e164 != phone;
        });
        return entries;
    };
    switch (received.message.consent) {
        case domain::InboundConsent::kOptOut: {
            if (!stops().empty()) {
                return;  // opted out already: one suppression, one confirmation
            }
            Suppression entry;
            entry.user_id = user;
            entry.phone_e164 = phone;
            entry.channel = SuppressionChannel::kSms;
            entry.reason = "the customer texted an opt-out keyword";
            entry.source = kStopSource;
            entry.created_by = Actor::System();
            entry.created_at = now;
            const Suppression added = ports_.suppressions.Add(entry);
            Audit(
                Actor::System(),
                "sms.opted_out",
                received.conversation,
                ctx,
                {{"suppressionId", std::to_string(added.id)}}
            );
            return;
        }
        case domain::InboundConsent::kOptIn:
            // Lifts only what a keyword set: a suppression an agent or admin added stays.
            for (const Suppression& s : stops()) {
                if (ports_.suppressions.Remove(
                        s.id, Actor::System(), "the customer texted an opt-in keyword", now
                    )) {
                    Audit(
                        Actor::System(),
                        "sms.opted_in",
                        received.conversation,
                        ctx,
                        {{"suppressionId", std::to_string(s.id)}}
                    );
                }
            }
            return;
        case domain::InboundConsent::kMentionsStop:
        case domain::InboundConsent::kNone:
            return;
    }
}

std::vector<ConversationView> SmsInboxService::List(const domain::Agent& viewer, bool open) {
    return Views(ports_.inbox.List(FilterFor(viewer, open), kListed));
}

int SmsInboxService::Unread(const domain::Agent& viewer) {
    return ports_.inbox.UnreadTotal(FilterFor(viewer, true));
}

std::optional<SmsConversation> SmsInboxService::ForCustomer(
    const domain::Agent& viewer, domain::UserId user
) {
    const auto lead = ports_.leads.FindLead(user);
    if (!lead || !lead->phone) {
        return std::nullopt;
    }
    const auto conversation = ports_.inbox.FindByPhone(lead->phone->e164);
    if (!conversation || conversation->user_id != user) {
        return std::nullopt;
    }
    const auto visible = Visible(viewer, conversation->id);
    return visible ? std::optional(*visible) : std::nullopt;
}

Result<SmsConversation> SmsInboxService::Visible(const domain::Agent& viewer, std::int64_t id) {
    auto conversation = ports_.inbox.Find(id);
    if (!conversation || (IsAgent(viewer) && conversation->assigned_agent_id &&
                          conversation->assigned_agent_id != viewer.id)) {
        return Fail(ErrorCode::kNotFound, "no such conversation");
    }
    return *conversation;
}

Result<ConversationThread> SmsInboxService::Thread(const domain::Agent& viewer, std::int64_t id) {
    DIALLER_ASSIGN_OR_RETURN(SmsConversation conversation, Visible(viewer, id));
    ConversationThread thread;
    for (const InboundSms& m : ports_.inbox.Messages(id, kThreadLength)) {
        thread.entries.push_back(
            {true, m.id, m.body, m.received_at, std::nullopt, std::nullopt, m.consent}
        );
    }
    for (const OutboundSms& s : ports_.outbox.ToNumber(conversation.phone_e164, kThreadLength)) {
        thread.entries.push_back(
            {false, s.id, s.body, s.created_at, s.status, s.agent_id, domain::InboundConsent::kNone}
        );
    }
    std::stable_sort(
        thread.entries.begin(),
        thread.entries.end(),
        [](const auto& a, const auto& b) { return a.at < b.at; }
    );
    thread.opted_out = OptedOut(conversation);
    if (!conversation.user_id) {
        thread.reply_blocked =
            "No single customer has this number, so a reply cannot be sent from here.";
    } else if (thread.opted_out) {
        thread.reply_blocked = "This customer has opted out of texts.";
    }
    thread.view = View(std::move(conversation));
    return thread;
}

bool SmsInboxService::OptedOut(const SmsConversation& conversation) {
    // The suppression rule as everywhere (IsSuppressed); for a number no customer has, only the
    // number's own entries count (no customer has id 0).
    return IsSuppressed(
        ports_.suppressions,
        conversation.user_id.value_or(domain::UserId{0}),
        conversation.phone_e164,
        SuppressionChannel::kSms
    );
}

Result<ConversationView> SmsInboxService::MarkRead(
    const domain::Agent& viewer, std::int64_t id, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const SmsConversation conversation, Visible(viewer, id));
    if (ports_.inbox.MarkRead(id, ports_.clock.Now())) {
        Audit(Actor::OfAgent(viewer.id), "sms.conversation_read", conversation, ctx);
        Publish(conversation, "read");
    }
    return View(*ports_.inbox.Find(id));
}

Result<ConversationView> SmsInboxService::Assign(
    const domain::Agent& viewer,
    std::int64_t id,
    std::optional<domain::AgentId> agent,
    const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const SmsConversation conversation, Visible(viewer, id));
    if (IsAgent(viewer) && agent && *agent != viewer.id) {
        return Fail(
            ErrorCode::kPermissionDenied,
            "an agent can take a conversation or let it go, not give it to someone else",
            "agentId"
        );
    }
    if (agent && *agent != viewer.id) {
        const auto to = ports_.agents.FindById(*agent);
        if (!to || !to->is_active || to->role == domain::Role::kAdmin) {
            return InvalidField("agentId", "agentId is not an active agent or supervisor");
        }
    }
    if (!ports_.inbox.Assign(id, conversation.assigned_agent_id, agent, ports_.clock.Now())) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "someone else changed this conversation meanwhile: look at it again"
        );
    }
    Audit(
        Actor::OfAgent(viewer.id),
        "sms.conversation_assigned",
        conversation,
        ctx,
        {{"from", conversation.assigned_agent_id ? conversation.assigned_agent_id->ToString() : ""},
         {"to", agent ? agent->ToString() : ""}}
    );
    SmsConversation after = *ports_.inbox.Find(id);
    Publish(after, "assigned");
    return View(std::move(after));
}

Result<ConversationView> SmsInboxService::SetOpen(
    const domain::Agent& viewer, std::int64_t id, bool open, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const SmsConversation conversation, Visible(viewer, id));
    if (ports_.inbox.SetOpen(id, open, ports_.clock.Now())) {
        Audit(
            Actor::OfAgent(viewer.id),
            open ? "sms.conversation_reopened" : "sms.conversation_closed",
            conversation,
            ctx
        );
        Publish(conversation, open ? "reopened" : "closed");
    }
    return View(*ports_.inbox.Find(id));
}

Result<SendSmsResult> SmsInboxService::Reply(
    const domain::Agent& viewer,
    std::int64_t id,
    const TextToSend& text,
    const std::string& idempotency_key,
    const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const SmsConversation conversation, Visible(viewer, id));
    if (!conversation.user_id) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "no single customer has this number: texts go to a known customer only"
        );
    }
    const auto lead = ports_.leads.FindLead(*conversation.user_id);
    if (!lead || !lead->phone || lead->phone->e164 != conversation.phone_e164) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "the customer's number has changed since they texted: text them from their record"
        );
    }
    DIALLER_ASSIGN_OR_RETURN(
        const ComposedText composed, ports_.templates.Compose(text, *conversation.user_id, viewer)
    );
    if (IsAgent(viewer) && !conversation.assigned_agent_id) {
        // Answering takes the conversation, so two agents do not both answer it.
        if (!ports_.inbox.Assign(id, std::nullopt, viewer.id, ports_.clock.Now())) {
            return Fail(ErrorCode::kPermissionDenied, "another agent has this conversation");
        }
        Audit(
            Actor::OfAgent(viewer.id),
            "sms.conversation_assigned",
            conversation,
            ctx,
            {{"from", ""}, {"to", viewer.id.ToString()}}
        );
        Publish(conversation, "assigned");
    }
    return ports_.sms.Send(
        viewer,
        *conversation.user_id,
        composed.body,
        idempotency_key,
        ctx,
        TextRight::kConversation,
        composed.FromTemplate()
    );
}

ConversationView SmsInboxService::View(SmsConversation conversation) {
    auto views = Views({std::move(conversation)});
    return std::move(views.front());
}

std::vector<ConversationView> SmsInboxService::Views(std::vector<SmsConversation> conversations) {
    std::vector<domain::UserId> users;
    for (const auto& c : conversations) {
        if (c.user_id) {
            users.push_back(*c.user_id);
        }
    }
    const auto customer_names = CustomerNames(ports_.replica, users);
    std::map<std::int64_t, std::string> agent_names;
    for (const auto& agent : ports_.agents.List()) {
        agent_names[agent.id.Value()] = agent.display_name;
    }
    std::vector<ConversationView> views;
    views.reserve(conversations.size());
    for (auto& c : conversations) {
        ConversationView v;
        if (c.user_id) {
            if (const auto it = customer_names.find(c.user_id->Value());
                it != customer_names.end()) {
                v.customer_name = it->second;
            }
        }
        if (c.assigned_agent_id) {
            if (const auto it = agent_names.find(c.assigned_agent_id->Value());
                it != agent_names.end()) {
                v.agent_name = it->second;
            }
        }
        v.conversation = std::move(c);
        views.push_back(std::move(v));
    }
    return views;
}

void SmsInboxService::Publish(const SmsConversation& conversation, const char* state) {
    // Every screen on the floor: an inbox lists the conversations nobody has. The event names
    // only the conversation; screens refetch what they may see.
    ports_.events.Publish(LiveEvent{
        "sms_conversation",
        conversation.id,
        state,
        conversation.assigned_agent_id,
        ports_.clock.Now(),
        true});
}

void SmsInboxService::Audit(
    const Actor& actor,
    const char* action,
    const SmsConversation& conversation,
    const RequestContext& ctx,
    std::vector<std::pair<std::string, std::string>> details
) {
    if (conversation.user_id) {
        details.emplace_back("conversationId", std::to_string(conversation.id));
        AuditAction(
            ports_.audit,
            ports_.clock,
            actor,
            action,
            "customer",
            conversation.user_id->ToString(),
            ctx,
            std::move(details)
        );
        return;
    }
    AuditAction(
        ports_.audit,
        ports_.clock,
        actor,
        action,
        "sms_conversation",
        std::to_string(conversation.id),
        ctx,
        std::move(details)
    );
}

}  // namespace dialler::app
