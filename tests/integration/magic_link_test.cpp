// Magic links on real databases with the real token service and signer: a link goes out in a
// text after the gate, a click lands on the platform with an assertion the platform can verify
// (checked here with an independent HMAC, OpenSSL's), and expired, revoked, unknown or
// malformed links land nowhere and count nothing.
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialler/adapters/crypto/hs256_assertion_signer.hpp"
#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/sql/sql_magic_link_store.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/app/magic_link_service.hpp"
#include "dialler/base/text.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const app::RequestContext kCtx{"test", "127.0.0.1"};
const std::string kSecret = "magic-link-test-secret-0123456789abcdef";
const std::string kPublic = "https://dialler.example";
const std::string kPlatform = "https://claims.example";

// The claims of a JWT whose HS256 signature checks out with `secret`; nullopt otherwise.
std::optional<nlohmann::json> VerifiedClaims(const std::string& jwt, const std::string& secret) {
    const auto parts = Split(jwt, '.');
    if (parts.size() != 3) {
        return std::nullopt;
    }
    const std::string input = std::string(parts[0]) + "." + std::string(parts[1]);
    if (adapters::twilio::Base64Url(adapters::twilio::HmacSha256(secret, input)) != parts[2]) {
        return std::nullopt;
    }
    const auto header = adapters::twilio::DecodeBase64Url(parts[0]);
    const auto payload = adapters::twilio::DecodeBase64Url(parts[1]);
    if (!header || !payload || nlohmann::json::parse(*header)["alg"] != "HS256") {
        return std::nullopt;
    }
    return nlohmann::json::parse(*payload);
}

class MagicLinkTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, 80);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("linker@test.local");
        other_agent_ = env_->AddAgent("other@test.local");
        supervisor_ = env_->AddAgent("boss@test.local");
        supervisor_.role = domain::Role::kSupervisor;
        app::QueueSettings settings = env_->settings.Current();
        settings.gate.caps.sms_per_day = 10;  // the link limit, not the text cap, is under test
        env_->settings.Set(settings);
        outbox_ = std::make_unique<adapters::sql::SqlSmsOutbox>(*env_->db);
        links_ = std::make_unique<adapters::sql::SqlMagicLinkStore>(*env_->db);
        sms_ = std::make_unique<app::SmsService>(
            app::SmsService::Ports{
                *env_->queue,
                *outbox_,
                *env_->suppressions,
                env_->telephony,
                tokens_,
                *env_->audit,
                env_->events,
                clock_},
            app::SmsServiceConfig{{"+441134960000"}, "", std::chrono::seconds{60}, 20}
        );
        service_ = NewService(false);
    }

    std::unique_ptr<app::MagicLinkService> NewService(
        bool legacy, std::map<domain::LinkType, std::string> paths = {}
    ) {
        app::MagicLinkConfig config;
        config.paths = std::move(paths);
        config.public_url = kPublic;
        config.main_app_url = kPlatform;
        config.legacy_mlid = legacy;
        return std::make_unique<app::MagicLinkService>(
            app::MagicLinkService::Ports{
                *links_, *sms_, tokens_, signer_, *env_->audit, env_->events, clock_},
            config
        );
    }

    app::Lead LeadWith(
        domain::PhoneType type, std::optional<domain::UserId> except = std::nullopt
    ) {
        return env_->LeadWithPhone(type, except);
    }

    // Sends a link of `type` to a customer with a mobile; returns it and the token its text holds.
    std::pair<app::MagicLink, std::string> SendLink(const std::string& type) {
        const app::Lead lead = LeadWith(domain::PhoneType::kMobile);
        const auto created = service_->Create(supervisor_, lead.user_id, type, std::nullopt, kCtx);
        EXPECT_TRUE(created && created->link) << (created ? "refused" : created.error().message);
        const auto text = outbox_->Find(*created->link->sms_id);
        EXPECT_TRUE(text);
        const auto at = text->body.find(kPublic + "/l/");
        EXPECT_NE(at, std::string::npos) << text->body;
        return {*created->link, text->body.substr(at + kPublic.size() + 3)};
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    domain::Agent other_agent_;
    domain::Agent supervisor_;
    adapters::crypto::SodiumTokenService tokens_;
    adapters::crypto::Hs256AssertionSigner signer_{kSecret};
    std::unique_ptr<adapters::sql::SqlSmsOutbox> outbox_;
    std::unique_ptr<adapters::sql::SqlMagicLinkStore> links_;
    std::unique_ptr<app::SmsService> sms_;
    std::unique_ptr<app::MagicLinkService> service_;
};

TEST_P(MagicLinkTest, AClickLandsOnThePlatformWithAnAssertionItCanVerify) {
    const auto [link, token] = SendLink("documentUpload");
    EXPECT_EQ(token.size(), 43U);
    EXPECT_EQ(link.type, domain::LinkType::kDocumentUpload);
    EXPECT_EQ(link.expires_at, clock_.Now() + hours{48});
    EXPECT_NE(link.token_hash, token);  // only the fingerprint is kept

    clock_.Advance(minutes{3});
    const auto landing = service_->Open(token, "Mozilla/5.0 (iPhone)");
    ASSERT_EQ(landing.kind, app::LinkLanding::Kind::kRedirect);
    const std::string prefix = kPlatform + "/documents?assertion=";
    ASSERT_TRUE(landing.location.starts_with(prefix)) << landing.location;
    const std::string jwt = landing.location.substr(prefix.size());
    const auto claims = VerifiedClaims(jwt, kSecret);
    ASSERT_TRUE(claims) << jwt;
    EXPECT_EQ((*claims)["sub"], link.user_id.ToString());
    EXPECT_EQ((*claims)["typ"], "documentUpload");
    const auto now_s =
        std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count();
    EXPECT_EQ((*claims)["iat"].get<long long>(), now_s);
    EXPECT_EQ((*claims)["exp"].get<long long>(), now_s + 300);
    const std::string jti = (*claims)["jti"].get<std::string>();
    EXPECT_GE(jti.size(), 22U);  // at least 128 bits
    // Another secret, or a changed claim, does not verify.
    EXPECT_FALSE(VerifiedClaims(jwt, kSecret + "x"));
    auto parts = Split(jwt, '.');
    const std::string forged =
        std::string(parts[0]) + "." +
        adapters::twilio::Base64Url(R"({"sub":"1","typ":"documentUpload","iat":0,"exp":9999999999})"
        ) +
        "." + std::string(parts[2]);
    EXPECT_FALSE(VerifiedClaims(forged, kSecret));

    const auto opened = *links_->Find(link.id);
    EXPECT_EQ(opened.click_count, 1);
    EXPECT_EQ(opened.first_opened_at, clock_.Now());
    const auto events = env_->events.Events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().type, "magic_link");
    EXPECT_EQ(events.back().state, "opened");
    EXPECT_EQ(events.back().agent_id, supervisor_.id);

    // Each click has its own assertion id; the first opening stays.
    clock_.Advance(minutes{1});
    const auto again = service_->Open(token, "Mozilla/5.0 (iPhone)");
    ASSERT_EQ(again.kind, app::LinkLanding::Kind::kRedirect);
    const auto claims2 = VerifiedClaims(again.location.substr(prefix.size()), kSecret);
    ASSERT_TRUE(claims2);
    EXPECT_NE((*claims2)["jti"], jti);
    const auto twice = *links_->Find(link.id);
    EXPECT_EQ(twice.click_count, 2);
    EXPECT_EQ(twice.first_opened_at, opened.first_opened_at);
    EXPECT_EQ(twice.last_opened_at, clock_.Now());
}

TEST_P(MagicLinkTest, ExpiredRevokedUnknownAndMalformedLinksLandNowhere) {
    const auto [expiring, expiring_token] = SendLink("claimPortal");
    const auto [revoked, revoked_token] = SendLink("statusUpdate");
    ASSERT_TRUE(service_->Revoke(supervisor_, revoked.id, kCtx));
    EXPECT_EQ(
        service_->Revoke(supervisor_, revoked.id, kCtx).error().code, ErrorCode::kFailedPrecondition
    );
    EXPECT_EQ(service_->Open(revoked_token, "ua").kind, app::LinkLanding::Kind::kRevoked);

    clock_.Advance(hours{48});
    EXPECT_EQ(service_->Open(expiring_token, "ua").kind, app::LinkLanding::Kind::kExpired);
    EXPECT_EQ(service_->Open(tokens_.NewToken(), "ua").kind, app::LinkLanding::Kind::kUnknown);
    for (const char* bad : {"", "short", "../../etc/passwd", "%00"}) {
        EXPECT_EQ(service_->Open(bad, "ua").kind, app::LinkLanding::Kind::kUnknown) << bad;
    }
    // A token one character off is another token.
    std::string off = expiring_token;
    off[0] = off[0] == 'A' ? 'B' : 'A';
    EXPECT_EQ(service_->Open(off, "ua").kind, app::LinkLanding::Kind::kUnknown);
    EXPECT_EQ(links_->Find(expiring.id)->click_count, 0);
    EXPECT_EQ(links_->Find(revoked.id)->click_count, 0);
}

TEST_P(MagicLinkTest, RefusalsStoreNothingThatCanBeOpened) {
    const app::Lead mobile = LeadWith(domain::PhoneType::kMobile);
    const auto bad_type =
        service_->Create(supervisor_, mobile.user_id, "portal", std::nullopt, kCtx);
    ASSERT_FALSE(bad_type);
    EXPECT_EQ(bad_type.error().field, "type");
    EXPECT_TRUE(links_->ForUser(mobile.user_id, 10).empty());

    // A landline cannot get a text: the link made for it is revoked at once, no text queued.
    const app::Lead landline = LeadWith(domain::PhoneType::kFixedLine);
    const auto refused =
        service_->Create(supervisor_, landline.user_id, "claimPortal", std::nullopt, kCtx);
    ASSERT_TRUE(refused);
    ASSERT_FALSE(refused->link);
    EXPECT_EQ(refused->refusal.denials[0].reason, domain::GateReason::kNotMobile);
    const auto kept = links_->ForUser(landline.user_id, 10);
    ASSERT_EQ(kept.size(), 1U);
    EXPECT_TRUE(kept[0].revoked_at);
    EXPECT_TRUE(outbox_->ForUser(landline.user_id, 10).empty());

    // An agent may not text a customer they neither hold nor called.
    const auto denied = service_->Create(agent_, mobile.user_id, "claimPortal", std::nullopt, kCtx);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(MagicLinkTest, ACustomerGetsAtMostFiveLinksADay) {
    const app::Lead mobile = LeadWith(domain::PhoneType::kMobile);
    for (int i = 0; i < domain::kMaxLinksPerCustomerPerDay; ++i) {
        const auto ok =
            service_->Create(supervisor_, mobile.user_id, "claimPortal", std::nullopt, kCtx);
        ASSERT_TRUE(ok && ok->link) << i;
        clock_.Advance(minutes{10});
    }
    const auto limited =
        service_->Create(supervisor_, mobile.user_id, "claimPortal", std::nullopt, kCtx);
    ASSERT_FALSE(limited);
    EXPECT_EQ(limited.error().code, ErrorCode::kResourceExhausted);
    EXPECT_EQ(limited.error().field, "userId");
    EXPECT_EQ(links_->ForUser(mobile.user_id, 10).size(), 5U);
    clock_.Advance(hours{24});
    EXPECT_TRUE(service_->Create(supervisor_, mobile.user_id, "claimPortal", std::nullopt, kCtx));
}

TEST_P(MagicLinkTest, AgentsSeeAndRevokeOnlyTheirOwnLinks) {
    const auto [link, token] = SendLink("profileUpdate");
    EXPECT_EQ(service_->ForUser(supervisor_, link.user_id).size(), 1U);
    EXPECT_TRUE(service_->ForUser(other_agent_, link.user_id).empty());
    EXPECT_EQ(service_->Revoke(other_agent_, link.id, kCtx).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(service_->Open(token, "ua").kind, app::LinkLanding::Kind::kRedirect);
}

TEST_P(MagicLinkTest, TheLegacyFormatCarriesTheEarlierPlatformsParameter) {
    service_ = NewService(true);
    const auto [link, token] = SendLink("claimPortal");
    const auto landing = service_->Open(token, "ua");
    ASSERT_EQ(landing.kind, app::LinkLanding::Kind::kRedirect);
    EXPECT_EQ(
        landing.location,
        kPlatform + "/claims?mlid=" + adapters::twilio::Base64(link.user_id.ToString())
    );
}

TEST_P(MagicLinkTest, AConfiguredPageReplacesTheDefaultForItsTypeOnly) {
    service_ = NewService(false, *domain::ParseLinkPaths("documentUpload=/docs/upload"));
    const auto [upload, upload_token] = SendLink("documentUpload");
    EXPECT_TRUE(service_->Open(upload_token, "ua")
                    .location.starts_with(kPlatform + "/docs/upload?assertion="));
    const auto [portal, portal_token] = SendLink("claimPortal");
    EXPECT_TRUE(
        service_->Open(portal_token, "ua").location.starts_with(kPlatform + "/claims?assertion=")
    );
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    MagicLinkTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
