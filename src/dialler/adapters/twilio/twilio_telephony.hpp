#pragma once

#include <chrono>
#include <string>

#include "dialler/adapters/twilio/rest_client.hpp"
#include "dialler/app/telephony.hpp"

namespace dialler::adapters::twilio {

// Where the dialler's own webhooks live, under PUBLIC_URL (the paths Twilio is configured with).
inline constexpr const char* kVoiceWebhookPath = "/api/webhooks/twilio/voice";
inline constexpr const char* kStatusWebhookPath = "/api/webhooks/twilio/status";
inline constexpr const char* kRecordingWebhookPath = "/api/webhooks/twilio/recording";
// Where the provider reports a text's delivery (the text's id is added as ?id=).
inline constexpr const char* kSmsStatusPath = "/api/webhooks/twilio/sms-status";
// Where the provider posts a text a customer sends to our number.
inline constexpr const char* kSmsWebhookPath = "/api/webhooks/twilio/sms";
// The dial's action goes to the voice webhook, marked, so its answer is "hang up".
inline constexpr const char* kDialEndedQuery = "step=dial-ended";
// A customer's call to us that rang an agent: its dial's action (missed, or over).
inline constexpr const char* kInboundEndedQuery = "step=inbound-ended";
// A missed caller's voicemail: its <Record>'s action (then hang up), and the recording's callback
// (?callbackId= names the callback it is kept with).
inline constexpr const char* kVoicemailEndedQuery = "step=voicemail-ended";

struct TwilioSettings {
    std::string mode;  // "twilio" or "sim" (the stand-in): which browser device the web app loads
    std::string account_sid;
    std::string auth_token;  // signs webhooks; REST basic auth
    std::string api_key;     // SK...: issues voice access tokens
    std::string api_secret;
    std::string twiml_app_sid;
    std::string public_url;    // the dialler as Twilio reaches it, no trailing slash
    std::string api_base_url;  // "https://api.twilio.com", or the stand-in's URL
    std::chrono::seconds token_ttl{3600};
};

// app::Telephony on Twilio's REST API and webhook protocol. The stand-in speaks the same
// protocol, so `make run` and the tests run this very code against it.
class TwilioTelephony final : public app::Telephony {
public:
    explicit TwilioTelephony(TwilioSettings settings);

    std::string Mode() const override { return settings_.mode; }
    std::string VoiceToken(const std::string& identity, Timestamp now) const override;
    std::chrono::seconds TokenTtl() const override { return settings_.token_ttl; }
    std::optional<app::ProviderCall> FetchCall(const std::string& call_sid) override;
    std::optional<app::RecordingMedia> FetchRecording(const app::CallRecording& recording) override;
    app::SentMessage SendMessage(const app::OutgoingMessage& message) override;
    bool IsGenuineWebhook(
        std::string_view url,
        const UrlEncodedPairs& params,
        std::string_view body,
        std::string_view signature
    ) const override;
    std::string DialResponse(const app::DialInstruction& dial) const override;
    std::string RingAgentResponse(const app::RingInstruction& ring) const override;
    std::string VoicemailResponse(std::string_view message, std::int64_t callback_id)
        const override;
    std::string RefusalResponse(std::string_view message) const override;
    std::string HangUpResponse() const override;
    std::string NoReplyResponse() const override;
    std::string WebhookContentType() const override { return "application/xml"; }
    const std::string& PublicUrl() const { return settings_.public_url; }

private:
    TwilioSettings settings_;
    RestClient rest_;
};

// A Call resource's JSON (GET .../Calls/CA....json) as the app needs it; nullopt for a status
// the app does not know. Exposed for tests.
std::optional<app::ProviderCall> ParseCallResource(std::string_view json);

}  // namespace dialler::adapters::twilio
