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

// One outgoing text, as the outbox keeps it from the moment it is accepted.
struct OutboundSms {
    std::int64_t id = 0;
    domain::UserId user_id;
    std::optional<domain::AgentId> agent_id;  // nullopt: sent by a rule, not a person
    std::string to_e164;
    std::string from_e164;
    std::string body;
    // Unique per text: the same request made twice (a retried POST, two instances running the
    // same rule) is one text.
    std::string idempotency_key;
    // The template and version the text was written from, if any.
    std::optional<std::int64_t> template_id;
    int template_version = 0;
    domain::SmsStatus status = domain::SmsStatus::kQueued;
    int attempts = 0;  // times the provider was asked
    Timestamp next_attempt_at;
    std::optional<Timestamp> claimed_until;  // while sending
    std::string provider_sid;                // once the provider took it
    int error_code = 0;                      // the provider's code for a refusal or failure
    std::string error_message;
    Timestamp created_at;
    Timestamp updated_at;
};

// The outbox in the own database, shared by every instance. Each change is one statement
// conditioned on the status it expects (compare-and-set), so two senders never both win.
// Implementations: SqlSmsOutbox, InMemorySmsOutbox; contract in
// tests/contract/queue_store_contracts_test.cpp. Thread-safe; faults are exceptions.
class SmsOutbox {
public:
    virtual ~SmsOutbox() = default;

    // Stores a queued text (id, status, attempts ignored). When a text with the same
    // idempotency key exists, stores nothing and returns that one with `created` false.
    struct Enqueued {
        OutboundSms sms;
        bool created = false;
    };
    virtual Enqueued Enqueue(const OutboundSms& sms) = 0;

    // Moves up to `limit` queued texts due at `now` to sending, claimed until `claim_until`,
    // counting the attempt; returns them, oldest due first. A text is claimed by one caller only.
    virtual std::vector<OutboundSms> ClaimDue(Timestamp now, Timestamp claim_until, int limit) = 0;

    // sending -> sent with the provider's SID. False when the text is no longer sending.
    virtual bool MarkSent(std::int64_t id, const std::string& provider_sid, Timestamp at) = 0;
    // sending -> queued again, due at `retry_at`, with the fault's words. False otherwise.
    virtual bool MarkRetry(
        std::int64_t id, Timestamp retry_at, const std::string& error_message, Timestamp at
    ) = 0;
    // sending -> unknown: the provider was asked and may or may not have the text. False
    // otherwise.
    virtual bool MarkUnknown(std::int64_t id, const std::string& error_message, Timestamp at) = 0;
    // sending -> failed with the provider's code and words. False otherwise.
    virtual bool MarkFailed(
        std::int64_t id, int error_code, const std::string& error_message, Timestamp at
    ) = 0;

    // Every text still sending whose claim ran out before `now` becomes unknown (its sender
    // stopped between asking the provider and recording the answer): never sent again. Returns
    // them.
    virtual std::vector<OutboundSms> ExpireClaims(Timestamp now) = 0;

    // A delivery report: from `expected` to `next`; the SID is recorded when the text had none
    // (a text left unknown), the error code when non-zero. False when the status moved meanwhile.
    virtual bool ApplyReport(
        std::int64_t id,
        domain::SmsStatus expected,
        domain::SmsStatus next,
        const std::string& provider_sid,
        int error_code,
        Timestamp at
    ) = 0;

    virtual std::optional<OutboundSms> Find(std::int64_t id) = 0;
    virtual std::optional<OutboundSms> FindByKey(const std::string& idempotency_key) = 0;
    // The customer's texts, newest first, at most `limit`.
    virtual std::vector<OutboundSms> ForUser(domain::UserId user, int limit) = 0;
    // The texts sent to a number (exact E.164), newest first, at most `limit`: a conversation's
    // side of ours.
    virtual std::vector<OutboundSms> ToNumber(const std::string& e164, int limit) = 0;
};

}  // namespace dialler::app
