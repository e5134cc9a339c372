#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/customer.hpp"
#include "dialler/domain/sms.hpp"

namespace dialler::app {

// Everything texted to us from one phone number (exact E.164), with the customer it belongs to
// when exactly one customer in the queues has that number; kept when nobody does.
struct SmsConversation {
    std::int64_t id = 0;
    std::string phone_e164;
    std::optional<domain::UserId> user_id;
    std::optional<domain::AgentId> assigned_agent_id;
    bool open = true;
    int unread = 0;                // texts received since an agent last read the conversation
    bool needs_attention = false;  // a text mentioned stopping: a person must read it
    std::string last_message;      // the newest text received
    Timestamp last_message_at;
    Timestamp created_at;
    Timestamp updated_at;
};

// One text a customer sent us.
struct InboundSms {
    std::int64_t id = 0;
    std::int64_t conversation_id = 0;
    std::string provider_sid;  // unique: the provider retrying its webhook is the same text
    std::string from_e164;
    std::string to_e164;
    std::string body;
    domain::InboundConsent consent = domain::InboundConsent::kNone;
    Timestamp received_at;
};

// Which conversations a list shows.
struct ConversationFilter {
    bool open = true;  // open ones, or closed ones
    // An agent sees the conversations nobody has and their own; nullopt: every conversation.
    std::optional<domain::AgentId> visible_to;
};

// Conversations and received texts in the own database, shared by every instance. Changes to a
// conversation are single statements conditioned on what the caller saw (compare-and-set).
// Implementations: SqlSmsInbox, InMemorySmsInbox; contract in
// tests/contract/queue_store_contracts_test.cpp. Thread-safe; faults are exceptions.
class SmsInbox {
public:
    virtual ~SmsInbox() = default;

    struct Received {
        SmsConversation conversation;  // after the text
        InboundSms message;
        bool created = false;  // false: the SID was stored already and nothing changed
    };
    // Stores a received text (id and conversation_id ignored) in the conversation of its From
    // number, creating it for `user` and `assign_to` when there is none. The text reopens a
    // closed conversation, counts as unread, becomes its last message and, when it mentions
    // stopping, marks the conversation as needing attention; a conversation without a customer
    // takes `user`. One transaction.
    virtual Received Receive(
        const InboundSms& message,
        std::optional<domain::UserId> user,
        std::optional<domain::AgentId> assign_to
    ) = 0;

    virtual std::optional<SmsConversation> Find(std::int64_t id) = 0;
    virtual std::optional<SmsConversation> FindByPhone(const std::string& e164) = 0;
    // Unread ones first, then the newest message first; at most `limit`.
    virtual std::vector<SmsConversation> List(const ConversationFilter& filter, int limit) = 0;
    // Unread texts over the open conversations the filter shows (its `open` is ignored).
    virtual int UnreadTotal(const ConversationFilter& filter) = 0;
    // The conversation's newest `limit` texts, oldest first.
    virtual std::vector<InboundSms> Messages(std::int64_t conversation_id, int limit) = 0;

    // Nothing unread any more. False when nothing was unread.
    virtual bool MarkRead(std::int64_t id, Timestamp at) = 0;
    // From `expected` (nullopt: nobody) to `agent` (nullopt: nobody). False when the
    // conversation is no longer assigned to `expected` (someone else changed it meanwhile).
    virtual bool Assign(
        std::int64_t id,
        std::optional<domain::AgentId> expected,
        std::optional<domain::AgentId> agent,
        Timestamp at
    ) = 0;
    // Closes (which also settles its need for attention) or reopens. False when it already was.
    virtual bool SetOpen(std::int64_t id, bool open, Timestamp at) = 0;
};

}  // namespace dialler::app
