#pragma once

#include <functional>
#include <map>
#include <mutex>

#include "dialler/app/follow_up_store.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/app/sms_outbox.hpp"
#include "dialler/app/sms_template_store.hpp"

namespace dialler::testing {

class InMemorySmsOutbox final : public app::SmsOutbox {
public:
    Enqueued Enqueue(const app::OutboundSms& sms) override;
    std::vector<app::OutboundSms> ClaimDue(Timestamp now, Timestamp claim_until, int limit)
        override;
    bool MarkSent(std::int64_t id, const std::string& provider_sid, Timestamp at) override;
    bool MarkRetry(
        std::int64_t id, Timestamp retry_at, const std::string& error_message, Timestamp at
    ) override;
    bool MarkUnknown(std::int64_t id, const std::string& error_message, Timestamp at) override;
    bool MarkFailed(std::int64_t id, int error_code, const std::string& error_message, Timestamp at)
        override;
    std::vector<app::OutboundSms> ExpireClaims(Timestamp now) override;
    bool ApplyReport(
        std::int64_t id,
        domain::SmsStatus expected,
        domain::SmsStatus next,
        const std::string& provider_sid,
        int error_code,
        Timestamp at
    ) override;
    std::optional<app::OutboundSms> Find(std::int64_t id) override;
    std::optional<app::OutboundSms> FindByKey(const std::string& idempotency_key) override;
    std::vector<app::OutboundSms> ForUser(domain::UserId user, int limit) override;
    std::vector<app::OutboundSms> ToNumber(const std::string& e164, int limit) override;

private:
    // Rows `keep` accepts, newest first, at most `limit`.
    std::vector<app::OutboundSms> Newest(
        const std::function<bool(const app::OutboundSms&)>& keep, int limit
    );
    // The row `id` when it is in `from`, else nullptr. Holds no lock: the caller does.
    app::OutboundSms* InStatus(std::int64_t id, domain::SmsStatus from);
    // Applies `change` to a sending text (and lets its claim go); false when it is not sending.
    bool FromSending(
        std::int64_t id, Timestamp at, const std::function<void(app::OutboundSms&)>& change
    );

    std::mutex mutex_;
    std::map<std::int64_t, app::OutboundSms> rows_;
    std::int64_t next_id_ = 1;
};

class InMemorySmsInbox final : public app::SmsInbox {
public:
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
    std::mutex mutex_;
    std::map<std::int64_t, app::SmsConversation> conversations_;
    std::map<std::int64_t, app::InboundSms> messages_;
    std::int64_t next_id_ = 1;
};

class InMemorySmsTemplateStore final : public app::SmsTemplateStore {
public:
    std::optional<app::SmsTemplate> Create(const app::SmsTemplate& t) override;
    std::optional<app::SmsTemplate> Update(const app::SmsTemplate& t) override;
    bool SetActive(std::int64_t id, bool active) override;
    std::optional<app::SmsTemplate> Find(std::int64_t id) override;
    std::optional<app::SmsTemplate> FindVersion(std::int64_t id, int version) override;
    std::vector<app::SmsTemplate> List(bool include_retired) override;

private:
    // Whether a template other than `except` is named `name`. Holds no lock: the caller does.
    bool NameTaken(const std::string& name, std::int64_t except) const;

    std::mutex mutex_;
    std::map<std::int64_t, std::vector<app::SmsTemplate>> versions_;  // by id, oldest first
    std::map<std::int64_t, bool> active_;
    std::int64_t next_id_ = 1;
};

class InMemoryFollowUpStore final : public app::FollowUpStore {
public:
    app::FollowUp Schedule(const app::FollowUp& follow_up) override;
    std::vector<app::FollowUp> ClaimDue(Timestamp now, int limit) override;
    bool Finish(
        std::int64_t id,
        app::FollowUpStatus to,
        const std::string& reason,
        std::optional<std::int64_t> sms_id,
        Timestamp at
    ) override;
    bool Defer(std::int64_t id, Timestamp due, const std::string& reason, Timestamp at) override;
    std::vector<app::FollowUp> ForUser(domain::UserId user, int limit) override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::FollowUp> rows_;
    std::int64_t next_id_ = 1;
};

}  // namespace dialler::testing
