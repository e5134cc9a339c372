#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/sms_outbox.hpp"

namespace dialler::adapters::sql {

class SqlSmsOutbox final : public app::SmsOutbox {
public:
    explicit SqlSmsOutbox(SqlDatabase& db) : db_(db) {}
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
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
