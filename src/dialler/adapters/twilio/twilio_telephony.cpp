#include "dialler/adapters/twilio/twilio_telephony.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dialler/adapters/twilio/access_token.hpp"
#include "dialler/adapters/twilio/signature.hpp"
#include "dialler/adapters/twilio/twiml.hpp"

namespace dialler::adapters::twilio {

namespace {

std::optional<Timestamp> JsonTime(const nlohmann::json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    const auto parsed = ParseRfc2822(value.get<std::string>());
    return parsed ? std::optional<Timestamp>(*parsed) : std::nullopt;
}

bool IsSafeSid(std::string_view sid) {
    return sid.size() >= 3 && sid.size() <= 64 && std::ranges::all_of(sid, [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
           });
}

}  // namespace

std::optional<app::ProviderCall> ParseCallResource(std::string_view json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("status") || !parsed["status"].is_string()) {
        return std::nullopt;
    }
    const auto status = domain::ParseCallStatus(parsed["status"].get<std::string>());
    if (!status) {
        return std::nullopt;
    }
    app::ProviderCall call;
    call.status = *status;
    // Twilio's start_time is when the call was answered (null when it never was).
    if (parsed.contains("start_time")) {
        call.answered_at = JsonTime(parsed["start_time"]);
    }
    if (parsed.contains("end_time")) {
        call.ended_at = JsonTime(parsed["end_time"]);
    }
    if (call.status != domain::CallStatus::kCompleted) {
        call.answered_at.reset();  // busy, no-answer, failed, canceled: nobody answered
    }
    return call;
}

TwilioTelephony::TwilioTelephony(TwilioSettings settings)
    : settings_(std::move(settings)),
      rest_(RestClientSettings{settings_.api_base_url, settings_.account_sid, settings_.auth_token}
      ) {}

std::string TwilioTelephony::VoiceToken(const std::string& identity, Timestamp now) const {
    return VoiceAccessToken(
        VoiceTokenSpec{
            settings_.account_sid,
            settings_.api_key,
            settings_.api_secret,
            settings_.twiml_app_sid,
            identity,
            settings_.token_ttl},
        now
    );
}

std::optional<app::ProviderCall> TwilioTelephony::FetchCall(const std::string& call_sid) {
    if (!IsSafeSid(call_sid)) {
        return std::nullopt;  // never put an odd string into a URL path
    }
    const RestResponse r =
        rest_.Get("/2010-04-01/Accounts/" + settings_.account_sid + "/Calls/" + call_sid + ".json");
    if (r.status == 404) {
        return std::nullopt;
    }
    if (r.status != 200) {
        throw std::runtime_error("fetching a call answered HTTP " + std::to_string(r.status));
    }
    return ParseCallResource(r.body);
}

std::optional<app::RecordingMedia> TwilioTelephony::FetchRecording(
    const app::CallRecording& recording
) {
    if (!IsSafeSid(recording.sid)) {
        return std::nullopt;
    }
    // By SID under our own account, not the URL the callback carried: a forged URL could point
    // anywhere, the SID only at our account's recordings.
    const RestResponse r = rest_.Get(
        "/2010-04-01/Accounts/" + settings_.account_sid + "/Recordings/" + recording.sid + ".wav"
    );
    if (r.status == 404) {
        return std::nullopt;
    }
    if (r.status != 200) {
        throw std::runtime_error("fetching a recording answered HTTP " + std::to_string(r.status));
    }
    return app::RecordingMedia{r.content_type.empty() ? "audio/wav" : r.content_type, r.body};
}

app::SentMessage TwilioTelephony::SendMessage(const app::OutgoingMessage& message) {
    std::vector<std::pair<std::string, std::string>> form{
        {"To", message.to}, {"From", message.from}, {"Body", message.body}};
    if (!message.status_callback_url.empty()) {
        form.emplace_back("StatusCallback", message.status_callback_url);
    }
    app::SentMessage sent;
    RestResponse r;
    try {
        r = rest_.PostForm(
            "/2010-04-01/Accounts/" + settings_.account_sid + "/Messages.json", form
        );
    } catch (const ProviderUnreachable& e) {
        sent.not_taken = true;
        sent.error_message = e.what();
        return sent;
    }
    if (r.status == 429) {
        sent.not_taken = true;
        sent.error_message = "the provider is too busy (HTTP 429)";
        return sent;
    }
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (r.status == 201 || r.status == 200) {
        sent.sid = body.is_object() ? body.value("sid", std::string()) : std::string();
        sent.status = body.is_object() ? body.value("status", std::string()) : std::string();
        if (sent.sid.empty()) {
            throw std::runtime_error("sending a message answered no SID");
        }
        return sent;
    }
    // A refusal names Twilio's error code; any other answer is a fault, not a refusal.
    if (r.status >= 400 && r.status < 500 && body.is_object() && body.contains("code") &&
        body["code"].is_number_integer()) {
        sent.error_code = body["code"].get<int>();
        sent.error_message = body.value("message", std::string("refused"));
        sent.status = "failed";
        return sent;
    }
    throw std::runtime_error("sending a message answered HTTP " + std::to_string(r.status));
}

bool TwilioTelephony::IsGenuineWebhook(
    std::string_view url,
    const UrlEncodedPairs& params,
    std::string_view body,
    std::string_view signature
) const {
    return IsValidTwilioSignature(settings_.auth_token, url, params, body, signature);
}

std::string TwilioTelephony::DialResponse(const app::DialInstruction& dial) const {
    const std::string& base = settings_.public_url;
    return DialNumberTwiml(DialSpec{
        dial.number,
        dial.caller_id,
        static_cast<int>(dial.timeout.count()),
        base + kVoiceWebhookPath + "?" + kDialEndedQuery,
        base + kStatusWebhookPath,
        base + kRecordingWebhookPath});
}

std::string TwilioTelephony::RingAgentResponse(const app::RingInstruction& ring) const {
    const std::string& base = settings_.public_url;
    return DialClientTwiml(RingClientSpec{
        ring.identity,
        static_cast<int>(ring.timeout.count()),
        base + kVoiceWebhookPath + "?" + kInboundEndedQuery,
        base + kStatusWebhookPath,
        base + kRecordingWebhookPath});
}

std::string TwilioTelephony::VoicemailResponse(std::string_view message, std::int64_t callback_id)
    const {
    const std::string& base = settings_.public_url;
    return SayAndRecordTwiml(
        message,
        RecordSpec{
            120,
            base + kVoiceWebhookPath + "?" + kVoicemailEndedQuery,
            base + kRecordingWebhookPath + "?callbackId=" + std::to_string(callback_id)}
    );
}

std::string TwilioTelephony::RefusalResponse(std::string_view message) const {
    return SayAndHangUpTwiml(message);
}

std::string TwilioTelephony::HangUpResponse() const {
    return RenderXml(XmlElement{"Response", {}, "", {XmlElement{"Hangup", {}, "", {}}}});
}

std::string TwilioTelephony::NoReplyResponse() const {
    return RenderXml(XmlElement{"Response", {}, "", {}});
}

}  // namespace dialler::adapters::twilio
