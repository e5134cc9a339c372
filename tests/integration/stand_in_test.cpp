// A call end to end as `make run` makes it, in one process: the Twilio stand-in and the dialler's
// routes behind a real HTTP listener on loopback, the real TwilioTelephony adapter (libcurl) for
// REST, every webhook signed and checked. The stand-in runs its steps when told (manual_steps), so
// nothing here waits on time. The provider contract (FetchCall, FetchRecording) is checked on the
// adapter against the stand-in and on the fake the service tests use.
#include "dialler/adapters/twilio/stand_in.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialler/adapters/http/dispatcher.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/server.hpp"
#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/adapters/twilio/twilio_telephony.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/base/text.hpp"

#include "fakes.hpp"
#include "free_port.hpp"
#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

const app::RequestContext kCtx{"test", "127.0.0.1"};
// SIDs of the right shape that belong to nobody.
const std::string kAccount = "AC" + std::string(32, '1');
constexpr const char* kAuthToken = "stand-in-test-auth-token";
constexpr const char* kApiSecret = "stand-in-test-api-secret";
const std::string kApp = "AP" + std::string(32, '1');
constexpr const char* kOwnNumber = "+441134960000";

// The provider side of the contract, either implementation: a finished, answered call with a
// recording, and whatever the provider says about it.
struct ProviderCase {
    app::Telephony* telephony = nullptr;
    std::string answered_call_sid;
    app::CallRecording recording;
};

void ExpectProviderContract(const ProviderCase& c) {
    const auto call = c.telephony->FetchCall(c.answered_call_sid);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->status, domain::CallStatus::kCompleted);
    ASSERT_TRUE(call->answered_at);
    ASSERT_TRUE(call->ended_at);
    EXPECT_LE(*call->answered_at, *call->ended_at);
    EXPECT_FALSE(c.telephony->FetchCall("CA00000000000000000000000000000000"));
    EXPECT_FALSE(c.telephony->FetchCall("../../etc/passwd"));

    const auto media = c.telephony->FetchRecording(c.recording);
    ASSERT_TRUE(media);
    EXPECT_EQ(media->content_type, "audio/wav");
    EXPECT_EQ(media->bytes.substr(0, 4), "RIFF");
    app::CallRecording missing = c.recording;
    missing.sid = "RE00000000000000000000000000000000";
    EXPECT_FALSE(c.telephony->FetchRecording(missing));
}

class StandInTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::WriteTestReplica(dir_.SqliteUrl("replica.db"), 60);
        env_ = std::make_unique<testing::QueueEnv>(
            dir_.SqliteUrl("replica.db"), dir_.SqliteUrl("own.db"), clock_
        );
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("sim-caller@test.local");

        const std::string base = "http://127.0.0.1:" + std::to_string(port_);
        stand_in_ = std::make_unique<adapters::twilio::TwilioStandIn>(
            adapters::twilio::StandInSettings{
                kAccount, kAuthToken, kApiSecret, kApp, base, kOwnNumber, 7, true},
            clock_
        );
        telephony_ =
            std::make_unique<adapters::twilio::TwilioTelephony>(adapters::twilio::TwilioSettings{
                "sim", kAccount, kAuthToken, "SK1", kApiSecret, kApp, base, base});
        app::CallServiceConfig config;
        config.caller_ids = {kOwnNumber};
        calls_ = std::make_unique<app::CallService>(
            app::CallService::Ports{
                *env_->queue,
                *env_->call_sessions,
                *telephony_,
                *env_->audit,
                events_,
                *env_->agent_status,
                clock_},
            config
        );
        inbound_ = std::make_unique<app::InboundCallService>(
            app::InboundCallService::Ports{
                *env_->leads,
                *env_->call_sessions,
                *env_->agent_status,
                *env_->outcomes,
                *env_->queue,
                *calls_,
                *env_->agent_status,
                *telephony_,
                *env_->replica,
                *env_->audit,
                events_,
                env_->phones,
                env_->settings,
                clock_},
            app::InboundCallService::Config{{kOwnNumber}}
        );
        recordings_ =
            std::make_unique<app::RecordingsService>(*env_->call_sessions, *env_->replica);
        adapters::http::AddCallRoutes(
            router_,
            adapters::http::CallRouteDeps{
                *calls_, *inbound_, *recordings_, *telephony_, base, env_->lenders, clock_}
        );
        const auto forward = [this](adapters::http::Request& req
                             ) -> Result<adapters::http::Response> {
            const auto a =
                stand_in_->Handle({req.method, req.path, req.Header("authorization"), req.body});
            adapters::http::Response r;
            r.status = a.status;
            r.content_type = a.content_type;
            r.body = a.body;
            return r;
        };
        for (const char* pattern :
             {"/2010-04-01/Accounts/:account/Calls/:file",
              "/2010-04-01/Accounts/:account/Recordings/:file"}) {
            router_.Add({"GET", pattern, adapters::http::Access::Public(), forward});
        }
        router_.Add(
            {"POST",
             "/2010-04-01/Accounts/:account/Messages.json",
             adapters::http::Access::Public(),
             forward,
             adapters::http::BodyKind::kForm}
        );
        // The texts customers send arrive here, checked as the dialler checks every webhook.
        router_.Add(
            {"POST",
             adapters::twilio::kSmsWebhookPath,
             adapters::http::Access::Public(),
             [this, base](adapters::http::Request& req) -> Result<adapters::http::Response> {
                 const auto params = ParseUrlEncoded(req.body);
                 if (!telephony_->IsGenuineWebhook(
                         base + req.path, params, req.body, req.Header("x-twilio-signature")
                     )) {
                     return Fail(ErrorCode::kPermissionDenied, "not signed");
                 }
                 {
                     const std::lock_guard lock(texts_mutex_);
                     texts_.push_back(params);
                 }
                 adapters::http::Response r;
                 r.content_type = "text/xml";
                 r.body =
                     "<Response><Message>We got your message &amp; will reply.</Message>"
                     "</Response>";
                 return r;
             },
             adapters::http::BodyKind::kForm}
        );
        server_ = std::make_unique<adapters::http::HttpServer>(
            adapters::http::ServerSettings{"127.0.0.1", port_, 1}, dispatcher_, workers_, metrics_
        );
        server_->Start();
    }

    void TearDown() override {
        stand_in_->Stop();
        // Requests still on a worker finish (and let their connections go) before it stops.
        server_->Stop(std::chrono::seconds{5});
        workers_.Shutdown();
    }

    // The browser's device places the call for `session` (as the web app does with its token).
    std::string DeviceCall(const app::CallSession& session) {
        const std::string token =
            telephony_->VoiceToken(app::CallService::IdentityOf(agent_), clock_.Now());
        const auto answer = stand_in_->Handle(
            {"POST",
             "/sim/device/calls",
             "Bearer " + token,
             nlohmann::json{{"params", {{"sessionId", std::to_string(session.id)}}}}.dump()}
        );
        EXPECT_EQ(answer.status, 201) << answer.body;
        return nlohmann::json::parse(answer.body)["callSid"].get<std::string>();
    }

    // The agent's device answers or rejects the customer's call ringing it.
    adapters::twilio::StandInResponse Incoming(const std::string& action) {
        const std::string token =
            telephony_->VoiceToken(app::CallService::IdentityOf(agent_), clock_.Now());
        return stand_in_->Handle({"POST", "/sim/device/incoming/" + action, "Bearer " + token, ""});
    }

    // A known customer rings our number; returns their CallSid once the stand-in asked.
    std::string KnownCustomerRings(const app::Lead& caller, int steps) {
        const auto placed = stand_in_->Handle(
            {"POST",
             "/sim/inbound/calls",
             Basic(),
             nlohmann::json{{"from", caller.phone->e164}}.dump()}
        );
        EXPECT_EQ(placed.status, 201) << placed.body;
        EXPECT_EQ(stand_in_->RunPending(steps), steps);
        return nlohmann::json::parse(placed.body)["callSid"].get<std::string>();
    }

    adapters::twilio::StandInResponse HangUp(const std::string& sid) {
        const std::string token =
            telephony_->VoiceToken(app::CallService::IdentityOf(agent_), clock_.Now());
        return stand_in_->Handle(
            {"POST", "/sim/device/calls/" + sid + "/hangup", "Bearer " + token, ""}
        );
    }

    app::CallSession StartCall() {
        auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
        EXPECT_TRUE(next && next->lead);
        auto started = calls_->Start(agent_, next->lead->lead.user_id, kCtx);
        EXPECT_TRUE(started && started->session);
        return *started->session;
    }

    // Basic auth as the dialler's REST client sends it, for the stand-in's own routes.
    static std::string Basic() {
        return "Basic " + adapters::twilio::Base64(std::string(kAccount) + ":" + kAuthToken);
    }

    // What the stand-in says happened to an inbound call or text.
    nlohmann::json InboundRecord(const std::string& kind, const std::string& sid) {
        const auto answer =
            stand_in_->Handle({"GET", "/sim/inbound/" + kind + "/" + sid, Basic(), ""});
        EXPECT_EQ(answer.status, 200) << answer.body;
        return nlohmann::json::parse(answer.body);
    }

    // A customer texts `words` from `from`; returns the MessageSid once the webhook has run.
    std::string CustomerTexts(const std::string& from, const std::string& words) {
        const auto sent = stand_in_->Handle(
            {"POST",
             "/sim/inbound/messages",
             Basic(),
             nlohmann::json{{"from", from}, {"body", words}}.dump()}
        );
        EXPECT_EQ(sent.status, 201) << sent.body;
        EXPECT_EQ(stand_in_->RunPending(), 1);
        return nlohmann::json::parse(sent.body)["messageSid"].get<std::string>();
    }

    std::mutex texts_mutex_;
    std::vector<UrlEncodedPairs> texts_;  // as the SMS webhook received them
    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    std::uint16_t port_ = testing::FreePort();
    testing::RecordingEventSink events_;
    std::unique_ptr<adapters::twilio::TwilioStandIn> stand_in_;
    std::unique_ptr<adapters::twilio::TwilioTelephony> telephony_;
    std::unique_ptr<app::CallService> calls_;
    std::unique_ptr<app::InboundCallService> inbound_;
    std::unique_ptr<app::RecordingsService> recordings_;

    testing::InMemoryAgentStore agents_;
    testing::InMemorySessionStore sessions_;
    testing::InMemoryLoginThrottleStore throttle_;
    testing::InMemoryAuditLog audit_;
    testing::FakePasswordHasher hasher_;
    testing::FakeTokenService tokens_;
    app::AuthService auth_{
        agents_, sessions_, throttle_, audit_, hasher_, tokens_, clock_, app::AuthSettings{}};
    adapters::http::Router router_;
    adapters::http::Dispatcher dispatcher_{router_, auth_, adapters::http::DispatcherSettings{}};
    platform::ThreadPool workers_{2};
    platform::Metrics metrics_;
    std::unique_ptr<adapters::http::HttpServer> server_;
};

TEST_F(StandInTest, AnAnsweredCallRunsThroughSignedWebhooksToItsRecording) {
    stand_in_->Script(
        std::nullopt, {adapters::twilio::CustomerBehaviour::kAnswer, {}, std::chrono::seconds{40}}
    );
    const auto session = StartCall();
    const std::string browser_sid = DeviceCall(session);
    // The voice webhook (and initiated), ringing, answered, then the customer hangs up.
    EXPECT_EQ(stand_in_->RunPending(), 4);

    const auto stored = *env_->call_sessions->Find(session.id);
    EXPECT_EQ(stored.call_sid, browser_sid);
    EXPECT_EQ(stored.state.status, domain::CallStatus::kCompleted);
    EXPECT_TRUE(stored.state.ringing_at);
    EXPECT_TRUE(stored.state.answered_at);
    ASSERT_TRUE(stored.dialled_call_sid);
    ASSERT_TRUE(stored.recording);
    EXPECT_EQ(stored.recording->sid.substr(0, 2), "RE");

    ExpectProviderContract({telephony_.get(), *stored.dialled_call_sid, *stored.recording});
    auto played = calls_->Recording(agent_, session.id, kCtx);
    ASSERT_TRUE(played);
    EXPECT_EQ(played->bytes.substr(0, 4), "RIFF");
}

TEST_F(StandInTest, BusyNoAnswerFailedAndTheAgentHangingUpEndAsTwilioEndsThem) {
    using adapters::twilio::CustomerBehaviour;
    for (const auto& [behaviour, expected] :
         {std::pair{CustomerBehaviour::kBusy, domain::CallStatus::kBusy},
          std::pair{CustomerBehaviour::kNoAnswer, domain::CallStatus::kNoAnswer},
          std::pair{CustomerBehaviour::kFail, domain::CallStatus::kFailed}}) {
        stand_in_->Script(std::nullopt, {behaviour, std::chrono::seconds{2}, std::nullopt});
        const auto session = StartCall();
        DeviceCall(session);
        stand_in_->RunPending();
        const auto stored = *env_->call_sessions->Find(session.id);
        EXPECT_EQ(stored.state.status, expected);
        EXPECT_FALSE(stored.state.answered_at);
        EXPECT_FALSE(stored.recording);
        ASSERT_TRUE(env_->queue->RecordOutcome(
            agent_, session.user_id, {domain::Outcome::kNoAnswer, "", {}}, kCtx
        ));
    }

    // The agent hangs up while it rings: the dialled leg is canceled, nothing is recorded.
    stand_in_->Script(
        std::nullopt, {CustomerBehaviour::kAnswer, std::chrono::seconds{30}, std::nullopt}
    );
    const auto ringing = StartCall();
    const std::string sid = DeviceCall(ringing);
    EXPECT_EQ(stand_in_->RunPending(2), 2);  // the voice webhook (and initiated), then ringing
    EXPECT_EQ(env_->call_sessions->Find(ringing.id)->state.status, domain::CallStatus::kRinging);
    EXPECT_EQ(HangUp(sid).status, 200);
    stand_in_->RunPending();
    const auto canceled = *env_->call_sessions->Find(ringing.id);
    EXPECT_EQ(canceled.state.status, domain::CallStatus::kCanceled);
    EXPECT_FALSE(canceled.recording);
    ASSERT_TRUE(env_->queue->RecordOutcome(
        agent_, ringing.user_id, {domain::Outcome::kHungUp, "", {}}, kCtx
    ));

    // Answered, then the agent hangs up: completed, recorded.
    const auto talking = StartCall();
    const std::string talking_sid = DeviceCall(talking);
    stand_in_->RunPending();
    EXPECT_EQ(env_->call_sessions->Find(talking.id)->state.status, domain::CallStatus::kInProgress);
    EXPECT_EQ(HangUp(talking_sid).status, 200);
    stand_in_->RunPending();
    const auto ended = *env_->call_sessions->Find(talking.id);
    EXPECT_EQ(ended.state.status, domain::CallStatus::kCompleted);
    EXPECT_TRUE(ended.recording);
}

// The end of a call never arrives (lost on the way); reconciliation asks the stand-in through
// the real REST adapter and finishes the call from what it says.
TEST_F(StandInTest, ACallWhoseEndWasLostIsFinishedFromTheProvidersRecord) {
    adapters::twilio::CustomerScript script{
        adapters::twilio::CustomerBehaviour::kAnswer, {}, std::chrono::seconds{30}};
    script.lose_final_callback = true;
    stand_in_->Script(std::nullopt, script);
    const auto session = StartCall();
    DeviceCall(session);
    clock_.Advance(std::chrono::seconds{1});
    stand_in_->RunPending();
    EXPECT_EQ(env_->call_sessions->Find(session.id)->state.status, domain::CallStatus::kInProgress);

    clock_.Advance(std::chrono::minutes{6});
    EXPECT_EQ(calls_->Reconcile(), 1);
    const auto finished = *env_->call_sessions->Find(session.id);
    EXPECT_EQ(finished.state.status, domain::CallStatus::kCompleted);
    EXPECT_TRUE(finished.state.ended_at);
    EXPECT_EQ(calls_->Reconcile(), 0);
}

TEST_F(StandInTest, TheStandInRefusesWhatTwilioWouldRefuse) {
    const auto session = StartCall();
    // A token signed with another secret, none at all, or another agent's hang-up.
    adapters::twilio::TwilioTelephony forger(adapters::twilio::TwilioSettings{
        "sim", kAccount, kAuthToken, "SK1", "not-the-secret", kApp, "", ""});
    const auto forged = stand_in_->Handle(
        {"POST",
         "/sim/device/calls",
         "Bearer " + forger.VoiceToken("agent-1", clock_.Now()),
         R"({"params": {"sessionId": "1"}})"}
    );
    EXPECT_EQ(forged.status, 401);
    EXPECT_EQ(stand_in_->Handle({"POST", "/sim/device/calls", "", "{}"}).status, 401);
    // REST without the account's credentials.
    EXPECT_EQ(
        stand_in_
            ->Handle(
                {"GET",
                 std::string("/2010-04-01/Accounts/") + kAccount + "/Calls/CA1.json",
                 "Basic eDp5",
                 ""}
            )
            .status,
        401
    );
    // A device call naming another agent's session is refused by the dialler: nothing dialled.
    const domain::Agent other = env_->AddAgent("other-sim@test.local");
    const std::string token =
        telephony_->VoiceToken(app::CallService::IdentityOf(other), clock_.Now());
    const auto placed = stand_in_->Handle(
        {"POST",
         "/sim/device/calls",
         "Bearer " + token,
         nlohmann::json{{"params", {{"sessionId", std::to_string(session.id)}}}}.dump()}
    );
    EXPECT_EQ(placed.status, 201);
    stand_in_->RunPending();
    const auto stored = *env_->call_sessions->Find(session.id);
    EXPECT_EQ(stored.state.status, domain::CallStatus::kCreated);
    EXPECT_FALSE(stored.call_sid);
}

// Texts: sent with a SID, or refused with Twilio's code when the customer opted out.
void ExpectMessageContract(app::Telephony& telephony, const std::string& opted_out) {
    const auto sent = telephony.SendMessage({"+447700900123", "+441134960000", "Your link", ""});
    EXPECT_EQ(sent.error_code, 0) << sent.error_message;
    EXPECT_EQ(sent.sid.substr(0, 2), "SM");
    const auto refused = telephony.SendMessage({opted_out, "+441134960000", "Your link", ""});
    EXPECT_EQ(refused.error_code, 21610);
    EXPECT_TRUE(refused.sid.empty());
}

TEST_F(StandInTest, SendsTextsAndRefusesOptedOutNumbersAsTwilioDoes) {
    const std::string basic =
        "Basic " + adapters::twilio::Base64(std::string(kAccount) + ":" + kAuthToken);
    const auto opted = stand_in_->Handle(
        {"POST", "/sim/customers", basic, R"({"number": "+447700900999", "optedOut": true})"}
    );
    ASSERT_EQ(opted.status, 200) << opted.body;
    ExpectMessageContract(*telephony_, "+447700900999");
    const auto messages = stand_in_->Messages();
    ASSERT_EQ(messages.size(), 1U);
    EXPECT_EQ(messages[0].first, "+447700900123");
    EXPECT_EQ(messages[0].second, "Your link");
}

// A customer calling our number: the signed voice webhook is asked, and until inbound calls are
// routed to agents the caller hears why nobody answers, then the call ends.
TEST_F(StandInTest, ACustomerCallingUsIsAnsweredWithAMessageThroughTheSignedVoiceWebhook) {
    const auto placed =
        stand_in_->Handle({"POST", "/sim/inbound/calls", Basic(), R"({"from": "+447700900123"})"});
    ASSERT_EQ(placed.status, 201) << placed.body;
    const std::string sid = nlohmann::json::parse(placed.body)["callSid"].get<std::string>();
    EXPECT_EQ(InboundRecord("calls", sid)["status"], "ringing");
    EXPECT_EQ(stand_in_->RunPending(), 1);

    const auto record = InboundRecord("calls", sid);
    EXPECT_EQ(record["status"], "completed");
    EXPECT_EQ(record["from"], "+447700900123");
    EXPECT_EQ(record["to"], kOwnNumber);
    EXPECT_EQ(record["webhookStatus"], 200);  // signed as Twilio signs: the dialler accepted it
    const std::string twiml = record["answer"].get<std::string>();
    EXPECT_NE(twiml.find("<Say"), std::string::npos) << twiml;
    EXPECT_NE(twiml.find("Thank you for calling"), std::string::npos) << twiml;
    EXPECT_NE(twiml.find("<Hangup"), std::string::npos) << twiml;
    EXPECT_EQ(twiml.find("<Dial"), std::string::npos) << twiml;
    // No call session was made or touched by a call nobody placed.
    EXPECT_TRUE(env_->call_sessions->List({}).empty());
}

TEST_F(StandInTest, AKnownCallerRingsTheAgentsDeviceWhichAnswersTalksAndHangsUp) {
    ASSERT_TRUE(env_->agent_status->Request(agent_, "available", "", kCtx));
    const auto caller = env_->LeadWithPhone(domain::PhoneType::kMobile);
    // The webhook, then the device rings.
    const std::string sid = KnownCustomerRings(caller, 2);
    const auto record = InboundRecord("calls", sid);
    EXPECT_EQ(record["status"], "in-progress");
    const std::string twiml = record["answer"].get<std::string>();
    EXPECT_NE(
        twiml.find(">" + app::CallService::IdentityOf(agent_) + "</Client></Dial>"),
        std::string::npos
    ) << twiml;
    const auto ringing = inbound_->Ringing(agent_);
    ASSERT_EQ(ringing.size(), 1U);
    const std::int64_t id = ringing[0].session_id;
    EXPECT_EQ(env_->call_sessions->Find(id)->state.status, domain::CallStatus::kRinging);

    ASSERT_TRUE(inbound_->Answer(agent_, id, kCtx));
    const auto accepted = Incoming("accept");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(nlohmann::json::parse(accepted.body)["callSid"], sid);
    EXPECT_EQ(stand_in_->RunPending(1), 1);
    EXPECT_EQ(env_->call_sessions->Find(id)->state.status, domain::CallStatus::kInProgress);
    EXPECT_EQ(Incoming("accept").status, 404);  // nothing rings any more

    clock_.Advance(std::chrono::seconds{42});
    ASSERT_EQ(HangUp(sid).status, 200);
    stand_in_->RunPending();
    const auto over = env_->call_sessions->Find(id);
    EXPECT_EQ(over->state.status, domain::CallStatus::kCompleted);
    ASSERT_TRUE(over->recording);
    EXPECT_EQ(over->recording->seconds, 42);
    const auto after = InboundRecord("calls", sid);
    EXPECT_EQ(after["status"], "completed");
    EXPECT_EQ(after["dialAnswer"].get<std::string>().find("<Say"), std::string::npos);
    EXPECT_TRUE(env_->outcomes->CallbacksFor(caller.user_id).empty());
}

TEST_F(StandInTest, ARingNobodyAnswersIsAMissedCallAndTheCallerHearsWhy) {
    ASSERT_TRUE(env_->agent_status->Request(agent_, "available", "", kCtx));
    const auto caller = env_->LeadWithPhone(domain::PhoneType::kMobile);
    // The webhook, the ringing, then the dial's timeout: no-answer.
    const std::string sid = KnownCustomerRings(caller, 3);
    EXPECT_EQ(stand_in_->RunPending(), 0);
    const auto record = InboundRecord("calls", sid);
    EXPECT_EQ(record["status"], "completed");
    EXPECT_NE(record["dialAnswer"].get<std::string>().find("Everyone is busy"), std::string::npos);
    const auto sessions = env_->call_sessions->List({});
    ASSERT_EQ(sessions.size(), 1U);
    EXPECT_EQ(sessions[0].state.status, domain::CallStatus::kNoAnswer);
    const auto callbacks = env_->outcomes->CallbacksFor(caller.user_id);
    ASSERT_EQ(callbacks.size(), 1U);
    EXPECT_EQ(callbacks[0].notes, "Missed call");
    EXPECT_EQ(Incoming("reject").status, 404);
}

TEST_F(StandInTest, ACallerNobodyCouldTakeLeavesAVoicemailWithTheirCallback) {
    const auto caller = env_->LeadWithPhone(domain::PhoneType::kMobile);
    const auto placed = stand_in_->Handle(
        {"POST",
         "/sim/inbound/calls",
         Basic(),
         nlohmann::json{{"from", caller.phone->e164}, {"voicemailSeconds", 7}}.dump()}
    );
    ASSERT_EQ(placed.status, 201) << placed.body;
    EXPECT_EQ(stand_in_->RunPending(), 1);  // nobody is available: the message, then the tone
    const std::string sid = nlohmann::json::parse(placed.body)["callSid"].get<std::string>();
    const std::string twiml = InboundRecord("calls", sid)["answer"].get<std::string>();
    EXPECT_NE(twiml.find("<Record maxLength=\"120\""), std::string::npos) << twiml;
    const auto callbacks = env_->outcomes->CallbacksFor(caller.user_id);
    ASSERT_EQ(callbacks.size(), 1U);
    ASSERT_TRUE(callbacks[0].voicemail);
    EXPECT_EQ(callbacks[0].voicemail->seconds, 7);
    // Through the real REST adapter, by SID, from the stand-in.
    const auto media = inbound_->Voicemail(agent_, callbacks[0].id, kCtx);
    ASSERT_TRUE(media) << media.error().message;
    EXPECT_EQ(media->content_type, "audio/wav");
    EXPECT_EQ(media->bytes.substr(0, 4), "RIFF");

    const auto bad = stand_in_->Handle(
        {"POST",
         "/sim/inbound/calls",
         Basic(),
         nlohmann::json{{"from", caller.phone->e164}, {"voicemailSeconds", 121}}.dump()}
    );
    EXPECT_EQ(bad.status, 400);
}

TEST_F(StandInTest, ACustomersTextReachesTheSmsWebhookSignedAndItsReplyIsSent) {
    const std::string sid = CustomerTexts("+447700900123", "Can you call me after 5?");
    const auto record = InboundRecord("messages", sid);
    EXPECT_EQ(record["webhookStatus"], 200);
    EXPECT_EQ(record["status"], "received");
    EXPECT_EQ(record["body"], "Can you call me after 5?");
    {
        const std::lock_guard lock(texts_mutex_);
        ASSERT_EQ(texts_.size(), 1U);
        const auto& params = texts_.front();
        const auto value = [&params](const std::string& key) {
            for (const auto& [k, v] : params) {
                if (k == key) {
                    return v;
                }
            }
            return std::string("(missing)");
        };
        EXPECT_EQ(value("MessageSid"), sid);
        EXPECT_EQ(value("AccountSid"), kAccount);
        EXPECT_EQ(value("From"), "+447700900123");
        EXPECT_EQ(value("To"), kOwnNumber);
        EXPECT_EQ(value("Body"), "Can you call me after 5?");
        EXPECT_EQ(value("OptOutType"), "(missing)");
    }
    const auto sent = stand_in_->Messages();
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_EQ(sent[0].first, "+447700900123");
    EXPECT_EQ(sent[0].second, "We got your message & will reply.");
}

// Twilio's default handling: the whole message as a keyword, any case and spacing; a message
// that only mentions stopping is an ordinary text.
TEST_F(StandInTest, StopOptsTheNumberOutAndStartOptsItBackInAsTwilioDoes) {
    const std::string number = "+447700900555";
    CustomerTexts(number, "please stop calling me");
    EXPECT_EQ(telephony_->SendMessage({number, kOwnNumber, "Hello", ""}).error_code, 0);

    CustomerTexts(number, "  Stop ");
    {
        const std::lock_guard lock(texts_mutex_);
        ASSERT_EQ(texts_.size(), 2U);
        EXPECT_NE(
            std::find(
                texts_.back().begin(),
                texts_.back().end(),
                std::pair<std::string, std::string>{"OptOutType", "STOP"}
            ),
            texts_.back().end()
        );
    }
    EXPECT_EQ(telephony_->SendMessage({number, kOwnNumber, "Hello", ""}).error_code, 21610);
    // The provider confirms each change once, itself.
    const auto confirmations = [&](std::string_view words) {
        const auto sent = stand_in_->Messages();
        return std::count_if(sent.begin(), sent.end(), [&](const auto& m) {
            return m.first == number && m.second.find(words) != std::string::npos;
        });
    };
    EXPECT_EQ(confirmations("have been unsubscribed"), 1);
    CustomerTexts(number, "STOP");
    EXPECT_EQ(confirmations("have been unsubscribed"), 1);

    CustomerTexts(number, "unstop");
    EXPECT_EQ(telephony_->SendMessage({number, kOwnNumber, "Hello", ""}).error_code, 0);
    EXPECT_EQ(confirmations("have been resubscribed"), 1);
}

TEST_F(StandInTest, InboundCallsAndTextsRefuseWhatIsNotACustomer) {
    for (const char* body :
         {R"({})",
          R"({"from": "07700900123"})",
          R"({"from": "+44 7700 900123"})",
          R"({"from": 447700900123})",
          R"({"from": "+447700900123", "to": "ours"})",
          "not json"}) {
        EXPECT_EQ(stand_in_->Handle({"POST", "/sim/inbound/calls", Basic(), body}).status, 400)
            << body;
    }
    for (const std::string& body :
         {std::string(R"({"from": "+447700900123"})"),
          std::string(R"({"from": "+447700900123", "body": ""})"),
          nlohmann::json{{"from", "+447700900123"}, {"body", std::string(1601, 'a')}}.dump()}) {
        EXPECT_EQ(stand_in_->Handle({"POST", "/sim/inbound/messages", Basic(), body}).status, 400)
            << body;
    }
    EXPECT_EQ(
        stand_in_
            ->Handle(
                {"POST", "/sim/inbound/messages", "", R"({"from": "+447700900123", "body": "hi"})"}
            )
            .status,
        401
    );
    EXPECT_EQ(
        stand_in_->Handle({"GET", "/sim/inbound/messages/SM" + std::string(32, '0'), Basic(), ""})
            .status,
        404
    );
    EXPECT_EQ(stand_in_->RunPending(), 0);  // nothing refused was sent anywhere
    const std::lock_guard lock(texts_mutex_);
    EXPECT_TRUE(texts_.empty());
}

TEST(FakeTelephonyContract, SendsTextsAndRefusesOptedOutNumbers) {
    testing::FakeTelephony fake;
    fake.OptOut("+447700900999");
    ExpectMessageContract(fake, "+447700900999");
    EXPECT_EQ(fake.Sent().size(), 1U);
}

TEST(FakeTelephonyContract, PassesTheProviderContract) {
    testing::FakeTelephony fake;
    const Timestamp t = testing::QueueTestNow();
    fake.SetCall("CAanswered", {domain::CallStatus::kCompleted, t, t + std::chrono::seconds{30}});
    fake.SetRecording("REone", {"audio/wav", "RIFF...."});
    ExpectProviderContract({&fake, "CAanswered", {"REone", "", 30}});
}

}  // namespace
}  // namespace dialler
