#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/app/agent_store.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/app/sms_outbox.hpp"
#include "dialler/app/sms_service.hpp"
#include "dialler/app/sms_template_service.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// A text as the provider's webhook brings it.
struct IncomingText {
    std::string provider_sid;
    std::string from_e164;
    std::string to_e164;
    std::string body;
};

// A conversation with the names a person reads it by (either may be unknown: the customer's
// when the replica cannot be read, the agent's when nobody has it).
struct ConversationView {
    SmsConversation conversation;
    std::optional<std::string> customer_name;
    std::optional<std::string> agent_name;
};

// One line of a thread: a text the customer sent, or one we sent to their number.
struct ThreadEntry {
    bool inbound = true;
    std::int64_t id = 0;
    std::string body;
    Timestamp at;
    std::optional<domain::SmsStatus> status;  // ours only
    std::optional<domain::AgentId> agent_id;  // ours only; nullopt: a rule of the system
    domain::InboundConsent consent = domain::InboundConsent::kNone;  // theirs only
};

struct ConversationThread {
    ConversationView view;
    bool opted_out = false;  // no text may go to the number (SMS suppression)
    // Why no reply can be sent from the conversation (no single customer has the number, it
    // has opted out); nullopt when one can, subject to the contact rules.
    std::optional<std::string> reply_blocked;
    std::vector<ThreadEntry> entries;  // oldest first
};

// The texts customers send us (product.md §7): kept as one conversation per number, matched to
// the customer when exactly one customer in the queues has that number (exact E.164), counted as
// unread, assigned, closed and reopened; answered through the outbox under the contact rules.
// An opt-out keyword suppresses texts to the number for good (the provider sends the one
// confirmation; docs/decisions/0009-opt-out-confirmation.md); START or UNSTOP lifts that
// suppression, audited; a text that only mentions stopping marks the conversation for a person.
// An agent sees and works the conversations nobody has and their own; supervisors and admins
// every one. Thread-safe; blocking.
class SmsInboxService {
public:
    struct Ports {
        SmsInbox& inbox;
        SmsOutbox& outbox;  // our side of each thread
        SmsService& sms;    // replies
        SmsTemplateService& templates;
        LeadStore& leads;  // who has the number
        SuppressionStore& suppressions;
        AgentStore& agents;
        Replica& replica;  // customers' names
        AuditLog& audit;
        EventSink& events;
        const Clock& clock;
    };
    explicit SmsInboxService(Ports ports) : ports_(ports) {}

    // A text from a customer. The provider retrying the same text changes nothing. Errors:
    // kInvalidArgument naming "From" (not E.164) or "MessageSid" (missing).
    Status Receive(const IncomingText& text, const RequestContext& ctx);

    // The conversations `viewer` may see, open or closed, unread first.
    std::vector<ConversationView> List(const domain::Agent& viewer, bool open);
    // Unread texts over the open conversations `viewer` may see.
    int Unread(const domain::Agent& viewer);
    // The conversation with the customer's current number, if there is one `viewer` may see.
    std::optional<SmsConversation> ForCustomer(const domain::Agent& viewer, domain::UserId user);

    // Errors for each: kNotFound (no such conversation, or not one `viewer` may see).
    Result<ConversationThread> Thread(const domain::Agent& viewer, std::int64_t id);
    Result<ConversationView> MarkRead(
        const domain::Agent& viewer, std::int64_t id, const RequestContext& ctx
    );
    // Gives the conversation to `agent` (nullopt: nobody). An agent may take one nobody has or
    // let go of their own; supervisors assign any to any active floor agent. Errors:
    // kPermissionDenied (an agent giving it to someone else), kInvalidArgument "agentId" (no
    // such active agent), kAborted (someone else changed it meanwhile).
    Result<ConversationView> Assign(
        const domain::Agent& viewer,
        std::int64_t id,
        std::optional<domain::AgentId> agent,
        const RequestContext& ctx
    );
    Result<ConversationView> SetOpen(
        const domain::Agent& viewer, std::int64_t id, bool open, const RequestContext& ctx
    );
    // Answers the conversation's customer through the outbox (SmsService::Send, the contact
    // rules applying) with the agent's words or a template's; an agent replying to a
    // conversation nobody has takes it. Errors: kFailedPrecondition (no single customer has the
    // number, or the customer's number has changed since), kPermissionDenied (another agent's
    // conversation), SmsTemplateService::Compose's and Send's.
    Result<SendSmsResult> Reply(
        const domain::Agent& viewer,
        std::int64_t id,
        const TextToSend& text,
        const std::string& idempotency_key,
        const RequestContext& ctx
    );

private:
    Result<SmsConversation> Visible(const domain::Agent& viewer, std::int64_t id);
    std::vector<ConversationView> Views(std::vector<SmsConversation> conversations);
    ConversationView View(SmsConversation conversation);
    void ApplyConsent(
        const SmsInbox::Received& received,
        std::optional<domain::UserId> user,
        const RequestContext& ctx
    );
    bool OptedOut(const SmsConversation& conversation);
    void Publish(const SmsConversation& conversation, const char* state);
    void Audit(
        const Actor& actor,
        const char* action,
        const SmsConversation& conversation,
        const RequestContext& ctx,
        std::vector<std::pair<std::string, std::string>> details = {}
    );

    Ports ports_;
};

}  // namespace dialler::app
