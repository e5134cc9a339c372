#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/sms_outbox.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/app/telephony.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

struct SmsServiceConfig {
    std::vector<std::string> from_numbers;  // the firm's numbers; the first sends
    // Where delivery reports go (PUBLIC_URL + the SMS status webhook); "?id=<text id>" is added,
    // so a report settles a text even when its SID was never recorded.
    std::string status_callback_url;
    std::chrono::seconds claim_for{60};  // a sender longer than this is taken to have stopped
    int batch = 20;                      // texts claimed per round
};

// What a send request got: the text queued (or the one already queued under the same
// idempotency key), or the gate's refusal with every reason.
struct SendSmsResult {
    std::optional<OutboundSms> sms;
    domain::GateDecision refusal;  // only read when there is no text
};

// A delivery report, as the provider's status callback carries it.
struct SmsReport {
    std::int64_t sms_id = 0;  // from the callback URL we gave
    std::string provider_sid;
    std::string provider_status;
    int error_code = 0;
};

// Outgoing texts: accepted after the contact gate into the outbox (one database row, the SMS
// cap counting it at once), sent by Deliver() on any instance, each handed to the provider at
// most once (claim, send, record; a sender that stops in between leaves the text unknown, never
// sent again), retried with backoff on faults, its delivery reports applied in order. A refusal
// with Twilio's 21610 (the number replied STOP) suppresses texts to that number. Thread-safe;
// blocking.
class SmsService {
public:
    struct Ports {
        QueueService& queue;  // the gate and the contact log
        SmsOutbox& outbox;
        SuppressionStore& suppressions;
        Telephony& telephony;
        TokenService& tokens;  // idempotency keys for requests that bring none
        AuditLog& audit;
        EventSink& events;
        const Clock& clock;
    };
    SmsService(Ports ports, SmsServiceConfig config) : ports_(ports), config_(std::move(config)) {}

    // Queues `body` for the customer after the gate. `idempotency_key`: the client's key (the
    // same key again returns the same text, nothing new sent); empty: a fresh one. `sender`
    // nullopt: a rule of the system. Errors: CheckSmsBody's (field "body"); kInvalidArgument
    // (field "idempotencyKey") for a key that is not 8-64 letters, digits, '-' or '_';
    // QueueService::RecordSmsAttempt's (`right`: why an agent may text them); kFailedPrecondition
    // when no number to send from is configured. `from_template`: the template id and version
    // `body` was written from, kept with the text.
    Result<SendSmsResult> Send(
        const std::optional<domain::Agent>& sender,
        domain::UserId user,
        std::string_view body,
        const std::string& idempotency_key,
        const RequestContext& ctx,
        TextRight right = TextRight::kHoldOrCalled,
        std::optional<std::pair<std::int64_t, int>> from_template = std::nullopt
    );

    // One round of the sender: texts left sending by a stopped sender become unknown; due texts
    // are claimed and sent. Returns how many the provider took.
    int Deliver();

    // Applies a delivery report. Errors: kNotFound (no such text, or the SID is another
    // text's). A report that does not move the text forward (repeated, late) changes nothing.
    Status OnReport(const SmsReport& report);

    // The customer's texts, newest first: an agent sees the texts they sent, supervisors and
    // admins every text.
    std::vector<OutboundSms> ForUser(const domain::Agent& viewer, domain::UserId user);

private:
    // Asks the provider once and records its answer; true when it took the text.
    bool SendOne(const OutboundSms& sms);
    void Publish(const OutboundSms& sms, domain::SmsStatus status);

    Ports ports_;
    SmsServiceConfig config_;
};

}  // namespace dialler::app
