#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/sms_inbox.hpp"

namespace dialler::adapters::sql {

class SqlSmsInbox final : public app::SmsInbox {
public:
    explicit SqlSmsInbox(SqlDatabase& db) : db_(db) {}
    Received Receive(
        const app::InboundSms& message,
        std::optional<domain::UserId> user,
        std::optional<domain::AgentId> assign_to
    ) override;
    std::optional<app::SmsConversation> Find(std::int64_t id) override;
    std::optional<app::SmsConversation> FindByPhone(const std::string& e164) override;
    std::vector<app::SmsConversation> List(const app::ConversationFilter& filter, int limit)
        override;
    int UnreadTotal(const app::ConversationFilter& filter) override;
    std::vector<app::InboundSms> Messages(std::int64_t conversation_id, int limit) override;
    bool MarkRead(std::int64_t id, Timestamp at) override;
    bool Assign(
        std::int64_t id,
        std::optional<domain::AgentId> expected,
        std::optional<domain::AgentId> agent,
        Timestamp at
    ) override;
    bool SetOpen(std::int64_t id, bool open, Timestamp at) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
