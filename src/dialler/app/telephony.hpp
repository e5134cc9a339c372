#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/app/call_session_store.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/call_session.hpp"

namespace dialler::app {

// A call as the telephony provider reports it (for reconciling calls whose callbacks never came).
struct ProviderCall {
    domain::CallStatus status = domain::CallStatus::kQueued;
    std::optional<Timestamp> answered_at;  // when the customer answered, if they did
    std::optional<Timestamp> ended_at;
};

struct RecordingMedia {
    std::string content_type;  // "audio/wav", "audio/mpeg"
    std::string bytes;
};

// What the voice webhook dials for an agent's call (the number from the call session, never
// from the browser).
struct DialInstruction {
    std::int64_t session_id = 0;
    std::string number;
    std::string caller_id;
    std::chrono::seconds timeout{25};
};

// What the voice webhook rings for a customer calling our number: the chosen agent's browser.
struct RingInstruction {
    std::int64_t session_id = 0;
    std::string identity;  // the agent's voice device ("agent-7")
    std::chrono::seconds timeout{20};
};

// A text to send (the SMS outbox's worker sends through this).
struct OutgoingMessage {
    std::string to;    // E.164
    std::string from;  // one of the firm's numbers
    std::string body;
    std::string status_callback_url;  // delivery reports; empty: none
};

// The provider's answer: the message's SID and status, or its refusal (Twilio's error code,
// e.g. 21610 when the recipient has replied STOP, and message).
struct SentMessage {
    std::string sid;  // empty when refused
    std::string status;
    int error_code = 0;
    std::string error_message;
    // Certainly not taken (the provider was unreachable, or too busy: 429): safe to try again.
    bool not_taken = false;
};

// The telephony provider: its REST side (Twilio, or its stand-in at another base URL: the same
// adapter code either way) and its webhook protocol. Blocking; network faults are exceptions.
class Telephony {
public:
    virtual ~Telephony() = default;
    // "twilio" or "sim": which browser device the web app loads.
    virtual std::string Mode() const = 0;
    // An access token for the browser's voice device, for this identity, issued at `now`.
    virtual std::string VoiceToken(const std::string& identity, Timestamp now) const = 0;
    virtual std::chrono::seconds TokenTtl() const = 0;
    // nullopt when the provider does not know the call.
    virtual std::optional<ProviderCall> FetchCall(const std::string& call_sid) = 0;
    // nullopt when the provider no longer has the recording.
    virtual std::optional<RecordingMedia> FetchRecording(const CallRecording& recording) = 0;
    // Sends a text, asking the provider once: a refusal is an answer (SentMessage::error_code),
    // and so is a request that certainly did not arrive (not_taken); any other fault, after which
    // the provider may or may not have the text, is an exception.
    virtual SentMessage SendMessage(const OutgoingMessage& message) = 0;

    // The provider's side of its webhooks. Whether a request to `url` (the public URL it was sent
    // to, query included) with this form body is signed by the provider.
    virtual bool IsGenuineWebhook(
        std::string_view url,
        const UrlEncodedPairs& params,
        std::string_view body,
        std::string_view signature
    ) const = 0;
    // Answers to the voice webhook (their content type: WebhookContentType()): dial the customer,
    // ring an agent for a customer calling us, say why not and hang up, or (after the dial)
    // simply hang up.
    virtual std::string DialResponse(const DialInstruction& dial) const = 0;
    virtual std::string RingAgentResponse(const RingInstruction& ring) const = 0;
    // A missed caller hears `message` and may leave a voicemail, kept with callback
    // `callback_id` (the recording's callback names it).
    virtual std::string VoicemailResponse(std::string_view message, std::int64_t callback_id)
        const = 0;
    virtual std::string RefusalResponse(std::string_view message) const = 0;
    virtual std::string HangUpResponse() const = 0;
    // The answer to an incoming text that sends nothing back.
    virtual std::string NoReplyResponse() const = 0;
    virtual std::string WebhookContentType() const = 0;
};

}  // namespace dialler::app
