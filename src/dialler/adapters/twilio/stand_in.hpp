#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialler/base/clock.hpp"

namespace dialler::adapters::twilio {

// How a simulated customer behaves when dialled.
enum class CustomerBehaviour { kAnswer, kBusy, kNoAnswer, kFail };

struct CustomerScript {
    CustomerBehaviour behaviour = CustomerBehaviour::kAnswer;
    // Before answering, "busy" or (at most the dial's timeout) "no-answer".
    std::chrono::milliseconds ring{3000};
    // The customer hangs up this long after answering; nullopt: they wait for the agent.
    std::optional<std::chrono::milliseconds> talk;
    // The status callback for the dialled leg's end is lost on the way (the dialler must
    // reconcile the call from the REST API); the dial's action is lost with it.
    bool lose_final_callback = false;
};

struct StandInSettings {
    std::string account_sid;
    std::string auth_token;  // REST basic auth; signs every webhook
    std::string api_secret;  // verifies the browser device's access tokens
    std::string twiml_app_sid;
    std::string webhook_base_url;  // the dialler as the provider reaches it (PUBLIC_URL)
    std::string own_number;        // the number customers call and text back (E.164)
    std::uint64_t seed = 1;        // for customers nobody scripted
    // Tests: no thread; the steps a call takes (each webhook) run when RunPending() is called,
    // in the order they are due, whatever their delays.
    bool manual_steps = false;
};

// A request to the stand-in, as its HTTP front (the dialler's router in `make run`, or its own
// listener under `dialler twilio-sim`) hands it over.
struct StandInRequest {
    std::string method;
    std::string path;
    std::string authorization;  // the Authorization header
    std::string body;
};

struct StandInResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
};

// Twilio, simulated, for development and tests: the subset of the REST API the dialler uses and
// the simulated browser device's signalling, with correctly signed webhooks back to the dialler.
// A call from the device runs as Twilio runs one: the voice webhook, the TwiML's <Dial>, the
// dialled leg's status callbacks (initiated, ringing, answered, completed, or busy / no-answer /
// failed / canceled) with sequence numbers, the dial's action and the recording's callback. The
// customer follows a script set for their number, else a seeded random one (most answer after a
// few seconds). Webhooks go out from the stand-in's own thread in real time. Thread-safe.
//
// Routes (Handle):
//   POST /sim/device/calls                 Bearer <voice token>; {"params": {...}} -> {"callSid"}
//   POST /sim/device/calls/:sid/hangup     Bearer <voice token>: the agent hangs up
//   POST /sim/device/calls/:sid/digits     Bearer <voice token>; {"digits": "1#"}
//   POST /sim/device/incoming/accept|reject  Bearer <voice token>: the device answers or rejects
//                                          the customer's call ringing it -> {"callSid"} (hang
//                                          up as above); 404 when nothing rings for it
//   POST /sim/customers                    basic auth; {"number"?, "behaviour", "ringMs", "talkMs",
//                                          "loseFinalCallback"}
//                                          (without a number: the next customer dialled)
//   GET  /2010-04-01/Accounts/:ac/Calls/:sid.json        basic auth
//   GET  /2010-04-01/Accounts/:ac/Recordings/:sid.wav    basic auth: a generated tone
//   POST /2010-04-01/Accounts/:ac/Messages.json          basic auth, form: To, From, Body,
//        StatusCallback -> 201 {"sid", "status": "queued"}, then "sent" and "delivered" callbacks;
//        21610 for a number whose customer opted out ({"number", "optedOut": true})
//   POST /sim/inbound/calls                basic auth; {"from", "to"?, "voicemailSeconds"?}: a
//                                          customer calls our number -> 201 {"callSid"}; the
//                                          voice webhook is asked;
//                                          a <Dial><Client> rings that device (status callbacks
//                                          for its leg, no-answer at the dial's timeout, the
//                                          dial's action, the recording), anything else is
//                                          played and the call ends; after a <Record> they leave
//                                          a message of voicemailSeconds (0: they hang up)
//   POST /sim/inbound/messages             basic auth; {"from", "to"?, "body"}: a customer texts
//                                          -> 201 {"messageSid"}; the SMS webhook gets it (a
//                                          whole-message opt-out keyword opts the number out, as
//                                          Twilio's default handling does; START/UNSTOP back in);
//                                          a <Message> in its TwiML answer is sent to the customer
//   GET  /sim/messages                     basic auth: the texts sent, oldest first
//                                          {"messages": [{"to", "body"}]}
//   GET  /sim/inbound/calls/:sid, /sim/inbound/messages/:sid   basic auth: what happened,
//                                          {"sid", "from", "to", "body", "status",
//                                          "webhookStatus" (the dialler's HTTP status, 0 until it
//                                          answered), "answer" (its body), "dialAnswer" (its
//                                          answer to the dial's action)}
class TwilioStandIn {
public:
    TwilioStandIn(StandInSettings settings, const Clock& clock);
    ~TwilioStandIn();
    TwilioStandIn(const TwilioStandIn&) = delete;
    TwilioStandIn& operator=(const TwilioStandIn&) = delete;
    TwilioStandIn(TwilioStandIn&&) = delete;
    TwilioStandIn& operator=(TwilioStandIn&&) = delete;

    StandInResponse Handle(const StandInRequest& request);
    // The customer behind `number` (E.164) behaves so whenever called; without a number, the next
    // customer dialled (in the order scripted) does.
    void Script(const std::optional<std::string>& number, CustomerScript script);
    // With manual_steps: runs the steps scheduled, and those they schedule, in due order, at
    // most `limit`. Returns how many ran.
    int RunPending(int limit = 1000);
    // Texts sent so far, oldest first (To, Body), for tests.
    std::vector<std::pair<std::string, std::string>> Messages() const;
    // Stops the thread that sends webhooks (pending ones are dropped). Idempotent.
    void Stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A short mono 8 kHz 16-bit PCM WAV: a tone, then silence, for `seconds` (at least 1, at most 10).
std::string GeneratedRecording(int seconds);

}  // namespace dialler::adapters::twilio
