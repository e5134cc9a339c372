#include "dialler/adapters/twilio/stand_in.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/adapters/twilio/rest_client.hpp"
#include "dialler/adapters/twilio/signature.hpp"
#include "dialler/adapters/twilio/twilio_telephony.hpp"
#include "dialler/base/text.hpp"
#include "dialler/domain/phone.hpp"
#include "dialler/platform/logging.hpp"

namespace dialler::adapters::twilio {

namespace {

using std::chrono::milliseconds;
using SteadyTime = std::chrono::steady_clock::time_point;

StandInResponse JsonResponse(int status, const nlohmann::json& body) {
    return StandInResponse{status, "application/json", body.dump()};
}

StandInResponse Problem(int status, const std::string& message) {
    // Twilio's error shape.
    return JsonResponse(status, {{"status", status}, {"message", message}, {"code", status}});
}

std::string XmlUnescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const auto end = text.find(';', i);
        const std::string_view entity =
            end == std::string_view::npos ? "" : text.substr(i + 1, end - i - 1);
        static const std::map<std::string_view, char> kEntities{
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        if (const auto it = kEntities.find(entity); it != kEntities.end()) {
            out += it->second;
            i = end;
        } else {
            out += '&';
        }
    }
    return out;
}

// The attributes of the first `<name ...>` tag in `xml`, and the text up to its closing tag.
struct XmlTag {
    std::map<std::string, std::string> attributes;
    std::string text;
};

std::optional<XmlTag> FindTag(std::string_view xml, std::string_view name) {
    const std::string open = "<" + std::string(name);
    std::size_t at = xml.find(open);
    while (at != std::string_view::npos) {
        const char next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
        if (next == ' ' || next == '>' || next == '/') {
            break;
        }
        at = xml.find(open, at + 1);
    }
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    const auto close = xml.find('>', at);
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    XmlTag tag;
    std::string_view attrs = xml.substr(at + open.size(), close - at - open.size());
    while (true) {
        const auto eq = attrs.find("=\"");
        if (eq == std::string_view::npos) {
            break;
        }
        const auto value_end = attrs.find('"', eq + 2);
        if (value_end == std::string_view::npos) {
            break;
        }
        tag.attributes[std::string(Trim(attrs.substr(0, eq)))] =
            XmlUnescape(attrs.substr(eq + 2, value_end - eq - 2));
        attrs = attrs.substr(value_end + 1);
    }
    if (xml[close - 1] != '/') {
        const auto end = xml.find("</" + std::string(name) + ">", close);
        if (end != std::string_view::npos) {
            tag.text = XmlUnescape(xml.substr(close + 1, end - close - 1));
        }
    }
    return tag;
}

bool IsFinalStatus(std::string_view status) {
    return status == "completed" || status == "busy" || status == "no-answer" ||
           status == "failed" || status == "canceled";
}

// One call from the simulated device, and the customer's leg it dials.
struct SimCall {
    std::string sid;  // the browser's leg
    std::string identity;
    std::vector<std::pair<std::string, std::string>> params;  // the device's custom parameters
    std::string status = "queued";                            // the browser's leg
    std::string child_sid;
    std::string child_status;
    std::string number;
    int timeout_seconds = 30;
    std::string status_callback;
    std::string action_url;
    std::string recording_callback;
    std::int64_t sequence = 0;
    std::optional<Timestamp> answered_at;
    std::optional<Timestamp> ended_at;
    std::string recording_sid;
    int recording_seconds = 0;
    int epoch = 0;  // bumped when the call changes course, so scheduled steps go stale
    CustomerScript script;
    // A customer's call to us that rings an agent's device: `sid` is the customer's leg, the
    // dialled leg is the device (`identity`), which answers or rejects it.
    bool rings_device = false;
};

// What a customer did towards us: a call to our number or a text.
struct SimInbound {
    std::string sid;
    std::string from;
    std::string to;
    std::string body;           // a text's words; empty for a call
    std::string status;         // a call: ringing, then completed; a text: received
    long webhook_status = 0;    // the dialler's HTTP answer; 0 until it came
    std::string answer;         // the dialler's answer body (TwiML)
    std::string dial_answer;    // its answer to the dial's action, when it rang someone
    int voicemail_seconds = 0;  // asked to leave a message: how long it is (0: hangs up)
};

// A number as Twilio writes one: "+", then 8 to 15 digits.
// Twilio's default opt-out handling: the whole message, trimmed, case-insensitive.
enum class OptKeyword { kNone, kOut, kIn };

// What the provider texts back on an opt-out or opt-in (Twilio's standard replies, in brief).
constexpr const char* kOptOutConfirmation =
    "You have been unsubscribed and will get no more messages from this number. Reply START to "
    "resubscribe.";
constexpr const char* kOptInConfirmation =
    "You have been resubscribed to messages from this number. Reply STOP to unsubscribe.";

OptKeyword OptKeywordOf(std::string_view text) {
    std::string word(Trim(text));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    static const std::set<std::string, std::less<>> kOut{
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"};
    static const std::set<std::string, std::less<>> kIn{"START", "UNSTOP", "YES"};
    if (kOut.contains(word)) {
        return OptKeyword::kOut;
    }
    return kIn.contains(word) ? OptKeyword::kIn : OptKeyword::kNone;
}

}  // namespace

std::string GeneratedRecording(int seconds) {
    constexpr int kRate = 8000;
    const int length = std::clamp(seconds, 1, 10) * kRate;
    std::string pcm;
    pcm.reserve(static_cast<std::size_t>(length) * 2);
    for (int i = 0; i < length; ++i) {
        // Half a second of 440 Hz, half a second of silence: a recording you can hear.
        const bool tone = (i / (kRate / 2)) % 2 == 0;
        const double v = tone ? 8000.0 * std::sin(2.0 * M_PI * 440.0 * i / kRate) : 0.0;
        const auto sample = static_cast<std::uint16_t>(static_cast<std::int16_t>(v));
        pcm += static_cast<char>(sample & 0xFFU);
        pcm += static_cast<char>(sample >> 8U);
    }
    const auto le32 = [](std::uint32_t v) {
        return std::string{
            static_cast<char>(v & 0xFFU),
            static_cast<char>((v >> 8U) & 0xFFU),
            static_cast<char>((v >> 16U) & 0xFFU),
            static_cast<char>((v >> 24U) & 0xFFU)};
    };
    const auto le16 = [](std::uint16_t v) {
        return std::string{static_cast<char>(v & 0xFFU), static_cast<char>(v >> 8U)};
    };
    const auto data_size = static_cast<std::uint32_t>(pcm.size());
    return "RIFF" + le32(36 + data_size) + "WAVEfmt " + le32(16) + le16(1) + le16(1) + le32(kRate) +
           le32(kRate * 2) + le16(2) + le16(16) + "data" + le32(data_size) + pcm;
}

struct TwilioStandIn::Impl {
    StandInSettings settings;
    const Clock& clock;
    RestClient webhooks;  // to the dialler: full URLs, no basic auth

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::multimap<SteadyTime, std::function<void()>> agenda;
    std::map<std::string, SimCall> calls;                       // by the browser's CallSid
    std::map<std::string, std::string> child_to_parent;         // dialled leg -> browser's leg
    std::map<std::string, std::string> recordings;              // RecordingSid -> browser's leg
    std::map<std::string, int> voicemails;                      // RecordingSid -> seconds
    std::map<std::string, CustomerScript> scripts;              // by number
    std::vector<CustomerScript> next_scripts;                   // for the next calls, in order
    std::set<std::string> opted_out;                            // numbers that replied STOP
    std::vector<std::pair<std::string, std::string>> messages;  // To, Body
    std::map<std::string, SimInbound> inbound;                  // by CallSid or MessageSid
    std::mt19937_64 random;
    std::thread worker;

    Impl(StandInSettings s, const Clock& c)
        : settings(std::move(s)), clock(c), webhooks(RestClientSettings{}), random(settings.seed) {
        if (!settings.manual_steps) {
            worker = std::thread([this] { Run(); });
        }
    }

    int RunPending(int limit) {
        int ran = 0;
        while (ran < limit) {
            std::function<void()> step;
            {
                const std::lock_guard lock(mutex);
                if (agenda.empty() || stopping) {
                    return ran;
                }
                step = std::move(agenda.begin()->second);
                agenda.erase(agenda.begin());
            }
            step();
            ++ran;
        }
        return ran;
    }

    // --- the agenda: webhooks leave in real time from one thread --------------------------

    void After(milliseconds delay, std::function<void()> step) {
        {
            const std::lock_guard lock(mutex);
            agenda.emplace(std::chrono::steady_clock::now() + delay, std::move(step));
        }
        wake.notify_all();
    }

    void Run() {
        std::unique_lock lock(mutex);
        while (!stopping) {
            if (agenda.empty()) {
                wake.wait(lock);
                continue;
            }
            const auto due = agenda.begin()->first;
            if (std::chrono::steady_clock::now() < due) {
                wake.wait_until(lock, due);
                continue;
            }
            auto step = std::move(agenda.begin()->second);
            agenda.erase(agenda.begin());
            lock.unlock();
            try {
                step();
            } catch (const std::exception& e) {
                platform::LogWarn("standin.step_failed", {{"error", e.what()}});
            }
            lock.lock();
        }
    }

    void StopWorker() {
        {
            const std::lock_guard lock(mutex);
            if (stopping) {
                return;
            }
            stopping = true;
        }
        wake.notify_all();
        if (worker.joinable()) {
            worker.join();
        }
    }

    // --- ids and authentication ---------------------------------------------------------------

    std::string NewSid(std::string_view prefix) {
        const std::lock_guard lock(mutex);
        static constexpr std::string_view kHex = "0123456789abcdef";
        std::string sid(prefix);
        for (int i = 0; i < 32; ++i) {
            sid += kHex[random() % 16];
        }
        return sid;
    }

    bool BasicAuthOk(const std::string& header) const {
        if (!header.starts_with("Basic ")) {
            return false;
        }
        return ConstantTimeEquals(
            header.substr(6), Base64(settings.account_sid + ":" + settings.auth_token)
        );
    }

    // The identity in a voice access token signed with our API secret, for our TwiML app.
    std::optional<std::string> DeviceIdentity(const std::string& header) const {
        if (!header.starts_with("Bearer ")) {
            return std::nullopt;
        }
        const std::string token = header.substr(7);
        const auto parts = Split(token, '.');
        if (parts.size() != 3) {
            return std::nullopt;
        }
        const std::string signing_input = std::string(parts[0]) + "." + std::string(parts[1]);
        if (!ConstantTimeEquals(
                Base64Url(HmacSha256(settings.api_secret, signing_input)), parts[2]
            )) {
            return std::nullopt;
        }
        const auto payload_text = DecodeBase64Url(parts[1]);
        if (!payload_text) {
            return std::nullopt;
        }
        const auto payload = nlohmann::json::parse(*payload_text, nullptr, false);
        const auto now =
            std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch())
                .count();
        try {
            const auto& grants = payload.at("grants");
            if (payload.at("exp").get<long long>() <= now ||
                grants.at("voice").at("outgoing").at("application_sid").get<std::string>() !=
                    settings.twiml_app_sid) {
                return std::nullopt;
            }
            return grants.at("identity").get<std::string>();
        } catch (const nlohmann::json::exception&) {
            return std::nullopt;
        }
    }

    // --- webhooks to the dialler ----------------------------------------------------------

    RestResponse Post(const std::string& url, const FormParams& params) const {
        return webhooks.PostForm(
            url, params, {{"X-Twilio-Signature", TwilioSignature(settings.auth_token, url, params)}}
        );
    }

    CustomerScript ScriptFor(const std::string& number) {
        const std::lock_guard lock(mutex);
        if (const auto it = scripts.find(number); it != scripts.end()) {
            return it->second;
        }
        if (!next_scripts.empty()) {
            CustomerScript next = next_scripts.front();
            next_scripts.erase(next_scripts.begin());
            return next;
        }
        std::uniform_int_distribution<int> percent(0, 99);
        std::uniform_int_distribution<int> ring_ms(2000, 6000);
        const int roll = percent(random);
        CustomerScript s;
        s.ring = milliseconds{ring_ms(random)};
        if (roll >= 95) {
            s.behaviour = CustomerBehaviour::kFail;
        } else if (roll >= 85) {
            s.behaviour = CustomerBehaviour::kBusy;
        } else if (roll >= 75) {
            s.behaviour = CustomerBehaviour::kNoAnswer;
            s.ring = std::chrono::minutes{2};  // until the dial's timeout
        }
        return s;
    }

    // The voice webhook, then the dial its TwiML asks for.
    void AskVoiceWebhook(const std::string& sid) {
        FormParams params;
        {
            const std::lock_guard lock(mutex);
            const SimCall& call = calls.at(sid);
            params = {
                {"AccountSid", settings.account_sid},
                {"ApiVersion", "2010-04-01"},
                {"CallSid", sid},
                {"CallStatus", "ringing"},
                {"Direction", "inbound"},
                {"From", "client:" + call.identity},
                {"Caller", "client:" + call.identity},
                {"To", ""},
            };
            params.insert(params.end(), call.params.begin(), call.params.end());
        }
        const RestResponse r = Post(settings.webhook_base_url + kVoiceWebhookPath, params);
        auto dial = FindTag(r.body, "Dial");
        auto number = FindTag(r.body, "Number");
        if (r.status != 200 || !dial || !number || number->text.empty()) {
            // Refused (or a fault): the provider plays the message and hangs up.
            const std::lock_guard lock(mutex);
            SimCall& call = calls.at(sid);
            call.status = "completed";
            call.ended_at = clock.Now();
            return;
        }
        const std::string child = NewSid("CA");
        CustomerScript script = ScriptFor(number->text);  // a copy: its timings shift below
        int epoch = 0;
        {
            const std::lock_guard lock(mutex);
            SimCall& call = calls.at(sid);
            if (call.status == "completed") {
                return;  // the agent hung up while we asked
            }
            call.status = "in-progress";
            call.child_sid = child;
            call.number = number->text;
            call.timeout_seconds = std::stoi(
                dial->attributes.contains("timeout") ? dial->attributes.at("timeout")
                                                     : std::string("30")
            );
            call.action_url = dial->attributes["action"];
            call.recording_callback = dial->attributes["recordingStatusCallback"];
            call.status_callback = number->attributes["statusCallback"];
            call.script = script;
            epoch = call.epoch;
            child_to_parent[child] = sid;
        }
        ChildStatus(sid, epoch, "initiated");
        // It rings before anything else can happen, as on a real line.
        constexpr milliseconds kToRinging{300};
        After(kToRinging, [this, sid, epoch] { ChildStatus(sid, epoch, "ringing"); });
        script.ring += kToRinging;
        switch (script.behaviour) {
            case CustomerBehaviour::kAnswer:
                After(script.ring, [this, sid, epoch] { ChildStatus(sid, epoch, "in-progress"); });
                break;
            case CustomerBehaviour::kBusy:
                After(script.ring, [this, sid, epoch] { ChildStatus(sid, epoch, "busy"); });
                break;
            case CustomerBehaviour::kNoAnswer: {
                // Twilio gives up at the dial's timeout; a scripted customer may ring shorter.
                int timeout = 30;
                {
                    const std::lock_guard lock(mutex);
                    timeout = calls.at(sid).timeout_seconds;
                }
                After(
                    std::min<milliseconds>(script.ring, std::chrono::seconds{timeout}),
                    [this, sid, epoch] { ChildStatus(sid, epoch, "no-answer"); }
                );
                break;
            }
            case CustomerBehaviour::kFail:
                After(milliseconds{500}, [this, sid, epoch] { ChildStatus(sid, epoch, "failed"); });
                break;
        }
    }

    // Moves the dialled leg and tells the dialler, unless the call changed course (`epoch`).
    void ChildStatus(const std::string& sid, int epoch, const std::string& status) {
        FormParams params;
        std::string url;
        std::optional<milliseconds> hang_up_after;
        {
            const std::lock_guard lock(mutex);
            SimCall& call = calls.at(sid);
            if (call.epoch != epoch || IsFinalStatus(call.child_status)) {
                return;
            }
            const Timestamp now = clock.Now();
            call.child_status = status;
            if (status == "in-progress") {
                call.answered_at = now;
                hang_up_after = call.script.talk;
            }
            if (IsFinalStatus(status)) {
                call.ended_at = now;
            }
            params = {
                {"AccountSid", settings.account_sid},
                {"CallSid", call.child_sid},
                {"ParentCallSid", sid},
                {"CallStatus", status},
                {"Direction", "outbound-dial"},
                {"To", call.number},
                {"SequenceNumber", std::to_string(call.sequence++)},
                {"Timestamp", FormatRfc2822(now)},
                {"CallbackSource", "call-progress-events"},
            };
            url = call.status_callback;
        }
        bool lost = false;
        {
            const std::lock_guard lock(mutex);
            lost = IsFinalStatus(status) && calls.at(sid).script.lose_final_callback;
        }
        if (!url.empty() && !lost) {
            Post(url, params);
        }
        if (hang_up_after) {
            After(*hang_up_after, [this, sid, epoch] { ChildStatus(sid, epoch, "completed"); });
        }
        if (IsFinalStatus(status)) {
            DialEnded(sid);
        }
    }

    // The dial is over: its action, the browser's leg ends, and the recording if there was talk.
    void DialEnded(const std::string& sid) {
        FormParams action;
        FormParams recording;
        std::string action_url;
        std::string recording_url;
        {
            const std::lock_guard lock(mutex);
            SimCall& call = calls.at(sid);
            const int talk =
                call.answered_at && call.ended_at
                    ? static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(
                                           *call.ended_at - *call.answered_at
                      )
                                           .count())
                    : 0;
            action = {
                {"AccountSid", settings.account_sid},
                {"CallSid", sid},
                {"DialCallSid", call.child_sid},
                {"DialCallStatus", call.child_status},
                {"DialCallDuration", std::to_string(talk)},
            };
            action_url = call.action_url;
            call.status = "completed";
            if (call.answered_at && !call.recording_callback.empty()) {
                call.recording_sid = "RE" + call.child_sid.substr(2);
                call.recording_seconds = std::max(talk, 1);
                recordings[call.recording_sid] = sid;
                recording = {
                    {"AccountSid", settings.account_sid},
                    {"CallSid", sid},
                    {"RecordingSid", call.recording_sid},
                    {"RecordingUrl",
                     settings.webhook_base_url + "/2010-04-01/Accounts/" + settings.account_sid +
                         "/Recordings/" + call.recording_sid},
                    {"RecordingStatus", "completed"},
                    {"RecordingDuration", std::to_string(call.recording_seconds)},
                    {"RecordingChannels", "2"},
                    {"RecordingSource", "DialVerb"},
                };
                recording_url = call.recording_callback;
            }
        }
        bool lost = false;
        {
            const std::lock_guard lock(mutex);
            lost = calls.at(sid).script.lose_final_callback;
        }
        if (!action_url.empty() && !lost) {
            const RestResponse answer = Post(action_url, action);
            bool theirs = false;
            {
                const std::lock_guard lock(mutex);
                if (const auto in = inbound.find(sid); in != inbound.end()) {
                    in->second.dial_answer = answer.body;
                    in->second.status = "completed";
                    theirs = true;
                }
            }
            if (theirs) {
                LeaveVoicemail(sid, answer.body);
            }
        }
        if (!recording_url.empty()) {
            Post(recording_url, recording);
        }
    }

    // --- routes ------------------------------------------------------------------------------

    StandInResponse Connect(const StandInRequest& request) {
        const auto identity = DeviceIdentity(request.authorization);
        if (!identity) {
            return Problem(401, "the access token is not valid");
        }
        const auto body =
            nlohmann::json::parse(request.body.empty() ? "{}" : request.body, nullptr, false);
        if (!body.is_object()) {
            return Problem(400, "the body is not a JSON object");
        }
        SimCall call;
        call.identity = *identity;
        if (body.contains("params") && body["params"].is_object()) {
            for (const auto& [key, value] : body["params"].items()) {
                if (!value.is_string() || call.params.size() >= 10) {
                    return Problem(400, "custom parameters are up to 10 strings");
                }
                call.params.emplace_back(key, value.get<std::string>());
            }
        }
        call.sid = NewSid("CA");
        const std::string sid = call.sid;
        {
            const std::lock_guard lock(mutex);
            calls.emplace(sid, std::move(call));
        }
        After(milliseconds{0}, [this, sid] { AskVoiceWebhook(sid); });
        return JsonResponse(201, {{"callSid", sid}});
    }

    StandInResponse HangUp(const StandInRequest& request, const std::string& sid) {
        const auto identity = DeviceIdentity(request.authorization);
        if (!identity) {
            return Problem(401, "the access token is not valid");
        }
        int epoch = 0;
        std::string status;
        {
            const std::lock_guard lock(mutex);
            const auto it = calls.find(sid);
            if (it == calls.end() || it->second.identity != *identity) {
                return Problem(404, "no such call");
            }
            SimCall& call = it->second;
            if (call.status == "completed") {
                return JsonResponse(200, {{"callSid", sid}, {"status", "completed"}});
            }
            if (call.child_sid.empty()) {
                call.status = "completed";  // before the dial: nothing was dialled
                call.ended_at = clock.Now();
                return JsonResponse(200, {{"callSid", sid}, {"status", "completed"}});
            }
            status = call.child_status == "in-progress" ? "completed" : "canceled";
            epoch = ++call.epoch;
        }
        After(milliseconds{0}, [this, sid, epoch, status] { ChildStatus(sid, epoch, status); });
        return JsonResponse(200, {{"callSid", sid}, {"status", status}});
    }

    StandInResponse CallResource(const std::string& file) {
        if (!file.ends_with(".json")) {
            return Problem(404, "not found");
        }
        const std::string sid = file.substr(0, file.size() - 5);
        const std::lock_guard lock(mutex);
        std::string parent = sid;
        if (const auto it = child_to_parent.find(sid); it != child_to_parent.end()) {
            parent = it->second;
        }
        const auto it = calls.find(parent);
        if (it == calls.end()) {
            return Problem(404, "The requested resource was not found");
        }
        const SimCall& call = it->second;
        const bool child = sid != parent;
        const std::string status = child ? call.child_status : call.status;
        const auto time = [](const std::optional<Timestamp>& t) {
            return t ? nlohmann::json(FormatRfc2822(*t)) : nlohmann::json(nullptr);
        };
        return JsonResponse(
            200,
            {{"sid", sid},
             {"account_sid", settings.account_sid},
             {"parent_call_sid", child ? nlohmann::json(parent) : nlohmann::json(nullptr)},
             {"status", status},
             {"direction", child ? "outbound-dial" : "inbound"},
             {"start_time", status == "completed" ? time(call.answered_at) : nullptr},
             {"end_time", IsFinalStatus(status) ? time(call.ended_at) : nullptr}}
        );
    }

    StandInResponse RecordingMedia(const std::string& file) {
        if (!file.ends_with(".wav")) {
            return Problem(404, "not found");
        }
        const std::string sid = file.substr(0, file.size() - 4);
        int seconds = 0;
        {
            const std::lock_guard lock(mutex);
            const auto it = recordings.find(sid);
            const auto voicemail = voicemails.find(sid);
            if (it != recordings.end()) {
                seconds = calls.at(it->second).recording_seconds;
            } else if (voicemail != voicemails.end()) {
                seconds = voicemail->second;
            } else {
                return Problem(404, "The requested resource was not found");
            }
        }
        return StandInResponse{200, "audio/wav", GeneratedRecording(seconds)};
    }

    StandInResponse SendMessage(const StandInRequest& request) {
        std::string to;
        std::string from;
        std::string text;
        std::string callback;
        for (const auto& [key, value] : ParseUrlEncoded(request.body)) {
            if (key == "To") {
                to = value;
            } else if (key == "From") {
                from = value;
            } else if (key == "Body") {
                text = value;
            } else if (key == "StatusCallback") {
                callback = value;
            }
        }
        if (to.empty() || from.empty() || text.empty()) {
            return Problem(400, "A 'To', 'From' and 'Body' are required.");
        }
        const std::string sid = NewSid("SM");
        {
            const std::lock_guard lock(mutex);
            if (opted_out.contains(to)) {
                return JsonResponse(
                    400,
                    {{"code", 21610},
                     {"message", "Attempt to send to unsubscribed recipient"},
                     {"status", 400}}
                );
            }
            messages.emplace_back(to, text);
        }
        if (!callback.empty()) {
            for (const auto& [delay, status] :
                 {std::pair{milliseconds{200}, "sent"},
                  std::pair{milliseconds{600}, "delivered"}}) {
                After(delay, [this, callback, sid, status = std::string(status)] {
                    Post(
                        callback,
                        {{"AccountSid", settings.account_sid},
                         {"MessageSid", sid},
                         {"MessageStatus", status}}
                    );
                });
            }
        }
        return JsonResponse(
            201, {{"sid", sid}, {"status", "queued"}, {"to", to}, {"from", from}, {"body", text}}
        );
    }

    // --- customers calling and texting us ------------------------------------------------

    StandInResponse Inbound(const StandInRequest& request, bool is_text) {
        const auto body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("from") || !body["from"].is_string() ||
            !domain::IsE164(body["from"].get<std::string>())) {
            return Problem(400, "from must be a number in E.164 form (+447700900123)");
        }
        SimInbound in;
        in.from = body["from"].get<std::string>();
        in.to = body.value("to", settings.own_number);
        if (!domain::IsE164(in.to)) {
            return Problem(400, "to must be a number in E.164 form (our number by default)");
        }
        if (is_text) {
            const auto words = body.find("body");
            if (words == body.end() || !words->is_string() || words->get<std::string>().empty() ||
                words->get<std::string>().size() > 1600) {
                return Problem(400, "body must be the text's words, 1 to 1600 characters");
            }
            in.body = words->get<std::string>();
            in.status = "received";
        } else {
            in.status = "ringing";
            const auto voicemail = body.find("voicemailSeconds");
            if (voicemail != body.end() &&
                (!voicemail->is_number_integer() || voicemail->get<int>() < 0 ||
                 voicemail->get<int>() > 120)) {
                return Problem(400, "voicemailSeconds must be a whole number, 0 to 120");
            }
            in.voicemail_seconds = voicemail == body.end() ? 0 : voicemail->get<int>();
        }
        in.sid = NewSid(is_text ? "SM" : "CA");
        const std::string sid = in.sid;
        {
            const std::lock_guard lock(mutex);
            inbound.emplace(sid, std::move(in));
        }
        if (is_text) {
            After(milliseconds{0}, [this, sid] { DeliverText(sid); });
            return JsonResponse(201, {{"messageSid", sid}});
        }
        After(milliseconds{0}, [this, sid] { RingUs(sid); });
        return JsonResponse(201, {{"callSid", sid}});
    }

    void RecordAnswer(const std::string& sid, const RestResponse& r, const char* final_status) {
        const std::lock_guard lock(mutex);
        SimInbound& in = inbound.at(sid);
        in.webhook_status = r.status;
        in.answer = r.body;
        if (final_status != nullptr) {
            in.status = final_status;
        }
    }

    // The customer's call reaches our number: the voice webhook says what to play; the stand-in
    // plays it and the call ends (nobody's device is rung).
    void RingUs(const std::string& sid) {
        FormParams params;
        {
            const std::lock_guard lock(mutex);
            const SimInbound& in = inbound.at(sid);
            params = {
                {"AccountSid", settings.account_sid},
                {"ApiVersion", "2010-04-01"},
                {"CallSid", sid},
                {"CallStatus", "ringing"},
                {"Direction", "inbound"},
                {"From", in.from},
                {"Caller", in.from},
                {"To", in.to},
                {"Called", in.to},
            };
        }
        const RestResponse r = Post(settings.webhook_base_url + kVoiceWebhookPath, params);
        const auto dial = FindTag(r.body, "Dial");
        const auto client = FindTag(r.body, "Client");
        if (r.status != 200 || !dial || !client || client->text.empty()) {
            RecordAnswer(sid, r, "completed");  // a message played, then the end
            if (r.status == 200) {
                LeaveVoicemail(sid, r.body);
            }
            return;
        }
        RecordAnswer(sid, r, "in-progress");
        RingDevice(sid, *dial, *client);
    }

    // A <Record> in an answer to a customer's call: the caller leaves the message they were
    // scripted to (its recording's callback, then the <Record>'s action), or hangs up.
    void LeaveVoicemail(const std::string& sid, const std::string& twiml) {
        auto record = FindTag(twiml, "Record");
        if (!record) {
            return;
        }
        int seconds = 0;
        {
            const std::lock_guard lock(mutex);
            seconds = inbound.at(sid).voicemail_seconds;
        }
        const std::string recording_sid = NewSid("RE");
        const std::string callback = record->attributes["recordingStatusCallback"];
        if (seconds > 0 && !callback.empty()) {
            {
                const std::lock_guard lock(mutex);
                voicemails[recording_sid] = seconds;
            }
            Post(
                callback,
                {{"AccountSid", settings.account_sid},
                 {"CallSid", sid},
                 {"RecordingSid", recording_sid},
                 {"RecordingUrl",
                  settings.webhook_base_url + "/2010-04-01/Accounts/" + settings.account_sid +
                      "/Recordings/" + recording_sid},
                 {"RecordingStatus", "completed"},
                 {"RecordingDuration", std::to_string(seconds)},
                 {"RecordingChannels", "1"},
                 {"RecordingSource", "RecordVerb"}}
            );
        }
        if (const std::string action = record->attributes["action"]; !action.empty()) {
            Post(
                action,
                {{"AccountSid", settings.account_sid},
                 {"CallSid", sid},
                 {"RecordingSid", seconds > 0 ? recording_sid : std::string()},
                 {"RecordingDuration", std::to_string(seconds)},
                 {"Digits", "hangup"}}
            );
        }
    }

    // The <Dial><Client> of a customer's call: the device rings until it answers or rejects, or
    // the dial's timeout passes (no-answer).
    void RingDevice(const std::string& sid, const XmlTag& dial, const XmlTag& client) {
        SimCall call;
        call.sid = sid;
        call.identity = client.text;
        call.rings_device = true;
        call.status = "in-progress";
        call.child_sid = NewSid("CA");
        call.number = "client:" + client.text;
        call.timeout_seconds =
            dial.attributes.contains("timeout") ? std::stoi(dial.attributes.at("timeout")) : 30;
        call.action_url = dial.attributes.contains("action") ? dial.attributes.at("action") : "";
        call.recording_callback = dial.attributes.contains("recordingStatusCallback")
                                      ? dial.attributes.at("recordingStatusCallback")
                                      : "";
        call.status_callback = client.attributes.contains("statusCallback")
                                   ? client.attributes.at("statusCallback")
                                   : "";
        const auto timeout = std::chrono::seconds{call.timeout_seconds};
        {
            const std::lock_guard lock(mutex);
            child_to_parent[call.child_sid] = sid;
            calls.emplace(sid, std::move(call));
        }
        ChildStatus(sid, 0, "initiated");
        After(milliseconds{300}, [this, sid] { ChildStatus(sid, 0, "ringing"); });
        After(timeout, [this, sid] { ChildStatus(sid, 0, "no-answer"); });
    }

    // The device answers (or rejects) the customer's call ringing it.
    StandInResponse AnswerIncoming(const StandInRequest& request, bool accept) {
        const auto identity = DeviceIdentity(request.authorization);
        if (!identity) {
            return Problem(401, "the access token is not valid");
        }
        std::string sid;
        int epoch = 0;
        {
            const std::lock_guard lock(mutex);
            for (auto& [key, call] : calls) {
                const bool ringing =
                    call.child_status == "initiated" || call.child_status == "ringing";
                if (call.rings_device && call.identity == *identity && ringing) {
                    sid = key;
                    epoch = ++call.epoch;  // the dial's timeout no longer applies
                    break;
                }
            }
        }
        if (sid.empty()) {
            return Problem(404, "no call is ringing for this device");
        }
        // Twilio reports a rejected client leg as busy.
        const std::string status = accept ? "in-progress" : "busy";
        After(milliseconds{0}, [this, sid, epoch, status] { ChildStatus(sid, epoch, status); });
        return JsonResponse(200, {{"callSid", sid}});
    }

    void DeliverText(const std::string& sid) {
        FormParams params;
        std::string from;
        std::string to;
        {
            const std::lock_guard lock(mutex);
            const SimInbound& in = inbound.at(sid);
            from = in.from;
            to = in.to;
            params = {
                {"AccountSid", settings.account_sid},
                {"ApiVersion", "2010-04-01"},
                {"MessageSid", sid},
                {"SmsSid", sid},
                {"SmsMessageSid", sid},
                {"SmsStatus", "received"},
                {"From", in.from},
                {"To", in.to},
                {"Body", in.body},
                {"NumMedia", "0"},
                {"NumSegments", "1"},
            };
            // Twilio's default handling answers an opt-out or opt-in itself, once per change,
            // before the webhook is called; the application sends no confirmation of its own.
            switch (OptKeywordOf(in.body)) {
                case OptKeyword::kOut:
                    if (opted_out.insert(in.from).second) {
                        messages.emplace_back(in.from, kOptOutConfirmation);
                    }
                    params.emplace_back("OptOutType", "STOP");
                    break;
                case OptKeyword::kIn:
                    if (opted_out.erase(in.from) > 0) {
                        messages.emplace_back(in.from, kOptInConfirmation);
                    }
                    params.emplace_back("OptOutType", "START");
                    break;
                case OptKeyword::kNone:
                    break;
            }
        }
        const RestResponse r = Post(settings.webhook_base_url + kSmsWebhookPath, params);
        RecordAnswer(sid, r, nullptr);
        // A reply in the answer goes back to the customer, as from the number they texted.
        if (r.status == 200) {
            if (const auto reply = FindTag(r.body, "Message"); reply && !reply->text.empty()) {
                const std::lock_guard lock(mutex);
                messages.emplace_back(from, reply->text);
            }
        }
    }

    StandInResponse InboundRecord(const std::string& sid) {
        const std::lock_guard lock(mutex);
        const auto it = inbound.find(sid);
        if (it == inbound.end()) {
            return Problem(404, "The requested resource was not found");
        }
        const SimInbound& in = it->second;
        return JsonResponse(
            200,
            {{"sid", in.sid},
             {"from", in.from},
             {"to", in.to},
             {"body", in.body},
             {"status", in.status},
             {"webhookStatus", in.webhook_status},
             {"answer", in.answer},
             {"dialAnswer", in.dial_answer}}
        );
    }

    StandInResponse SetScript(const StandInRequest& request) {
        const auto body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_object() || (body.contains("number") && !body["number"].is_string())) {
            return Problem(400, "the body must be an object; number, if given, a string");
        }
        static const std::map<std::string, CustomerBehaviour> kBehaviours{
            {"answer", CustomerBehaviour::kAnswer},
            {"busy", CustomerBehaviour::kBusy},
            {"no-answer", CustomerBehaviour::kNoAnswer},
            {"fail", CustomerBehaviour::kFail}};
        const std::string name = body.value("behaviour", std::string("answer"));
        const auto behaviour = kBehaviours.find(name);
        if (behaviour == kBehaviours.end()) {
            return Problem(400, "behaviour must be answer, busy, no-answer or fail");
        }
        CustomerScript script;
        script.behaviour = behaviour->second;
        script.ring = milliseconds{std::clamp<long long>(body.value("ringMs", 1000LL), 0, 60000)};
        script.lose_final_callback = body.value("loseFinalCallback", false);
        if (body.contains("talkMs") && body["talkMs"].is_number_integer()) {
            script.talk =
                milliseconds{std::clamp<long long>(body["talkMs"].get<long long>(), 0, 3600000)};
        }
        std::optional<std::string> number;
        if (body.contains("number")) {
            number = body["number"].get<std::string>();
        }
        if (number && body.value("optedOut", false)) {
            const std::lock_guard lock(mutex);
            opted_out.insert(*number);
        }
        Script(number, script);
        return JsonResponse(200, {{"behaviour", name}});
    }

    void Script(const std::optional<std::string>& number, CustomerScript script) {
        const std::lock_guard lock(mutex);
        if (number) {
            scripts[*number] = script;
        } else {
            next_scripts.push_back(script);
        }
    }

    // The simulated browser device's routes (its voice token authenticates it).
    StandInResponse HandleDevice(
        const StandInRequest& request, const std::vector<std::string_view>& parts
    ) {
        const std::size_t n = parts.size();
        if (n == 4 && parts[3] == "calls") {
            return Connect(request);
        }
        if (n == 6 && parts[3] == "calls" && parts[5] == "hangup") {
            return HangUp(request, std::string(parts[4]));
        }
        if (n == 5 && parts[3] == "incoming" && (parts[4] == "accept" || parts[4] == "reject")) {
            return AnswerIncoming(request, parts[4] == "accept");
        }
        if (n == 6 && parts[3] == "calls" && parts[5] == "digits") {
            return DeviceIdentity(request.authorization)
                       ? JsonResponse(200, {{"callSid", parts[4]}})
                       : Problem(401, "the access token is not valid");
        }
        return Problem(404, "not found");
    }

    // The stand-in's own controls: customers' scripts, and customers calling or texting us.
    StandInResponse HandleSim(
        const StandInRequest& request, const std::vector<std::string_view>& parts
    ) {
        const std::size_t n = parts.size();
        if (n == 3 && parts[2] == "customers" && request.method == "POST") {
            return SetScript(request);
        }
        if (n == 3 && parts[2] == "messages" && request.method == "GET") {
            // The customers' phones: every text sent so far, oldest first.
            nlohmann::json out = nlohmann::json::array();
            const std::lock_guard lock(mutex);
            for (const auto& [to, body] : messages) {
                out.push_back({{"to", to}, {"body", body}});
            }
            return JsonResponse(200, {{"messages", out}});
        }
        const bool customer_to_us =
            n >= 4 && parts[2] == "inbound" && (parts[3] == "calls" || parts[3] == "messages");
        if (customer_to_us && n == 4 && request.method == "POST") {
            return Inbound(request, parts[3] == "messages");
        }
        if (customer_to_us && n == 5 && request.method == "GET") {
            return InboundRecord(std::string(parts[4]));
        }
        return Problem(404, "The requested resource was not found");
    }

    // Twilio's REST API, under our account.
    StandInResponse HandleRest(
        const StandInRequest& request, const std::vector<std::string_view>& parts
    ) {
        const std::size_t n = parts.size();
        if (n == 6 && request.method == "GET" && parts[4] == "Calls") {
            return CallResource(std::string(parts[5]));
        }
        if (n == 6 && request.method == "GET" && parts[4] == "Recordings") {
            return RecordingMedia(std::string(parts[5]));
        }
        if (n == 5 && request.method == "POST" && parts[4] == "Messages.json") {
            return SendMessage(request);
        }
        return Problem(404, "The requested resource was not found");
    }

    StandInResponse Handle(const StandInRequest& request) {
        const auto parts = Split(request.path, '/');  // "", "sim", ... or "", "2010-04-01", ...
        const std::size_t n = parts.size();
        if (n >= 3 && parts[1] == "sim" && parts[2] == "device" && request.method == "POST") {
            return HandleDevice(request, parts);
        }
        if (!BasicAuthOk(request.authorization)) {
            return Problem(401, "Authenticate");
        }
        if (n >= 3 && parts[1] == "sim") {
            return HandleSim(request, parts);
        }
        if (n >= 5 && parts[1] == "2010-04-01" && parts[2] == "Accounts" &&
            parts[3] == settings.account_sid) {
            return HandleRest(request, parts);
        }
        return Problem(404, "The requested resource was not found");
    }
};

TwilioStandIn::TwilioStandIn(StandInSettings settings, const Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(settings), clock)) {}

TwilioStandIn::~TwilioStandIn() {
    Stop();
}

StandInResponse TwilioStandIn::Handle(const StandInRequest& request) {
    return impl_->Handle(request);
}

void TwilioStandIn::Script(const std::optional<std::string>& number, CustomerScript script) {
    impl_->Script(number, script);
}

std::vector<std::pair<std::string, std::string>> TwilioStandIn::Messages() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->messages;
}

int TwilioStandIn::RunPending(int limit) {
    return impl_->RunPending(limit);
}

void TwilioStandIn::Stop() {
    impl_->StopWorker();
}

}  // namespace dialler::adapters::twilio
