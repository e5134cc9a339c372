#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialler/adapters/twilio/access_token.hpp"
#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/adapters/twilio/signature.hpp"
#include "dialler/adapters/twilio/twiml.hpp"

namespace dialler::adapters::twilio {
namespace {

// Twilio's own published example (docs "Webhooks security").
const std::string kToken = "12345";
const std::string kUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
const FormParams kParams{
    {"CallSid", "CA1234567890ABCDE"},
    {"Caller", "+12349013030"},
    {"Digits", "1234"},
    {"From", "+12349013030"},
    {"To", "+18005551212"},
};

TEST(TwilioSignature, MatchesTwiliosPublishedExample) {
    EXPECT_EQ(TwilioSignature(kToken, kUrl, kParams), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    FormParams shuffled{kParams[3], kParams[0], kParams[4], kParams[2], kParams[1]};
    EXPECT_EQ(TwilioSignature(kToken, kUrl, shuffled), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}

TEST(IsValidTwilioSignature, AcceptsTheRealOneAndRefusesAnyChange) {
    const std::string good = TwilioSignature(kToken, kUrl, kParams);
    EXPECT_TRUE(IsValidTwilioSignature(kToken, kUrl, kParams, "", good));
    FormParams changed = kParams;
    changed[1].second = "+12349013031";
    EXPECT_FALSE(IsValidTwilioSignature(kToken, kUrl, changed, "", good));
    FormParams extra = kParams;
    extra.emplace_back("Extra", "1");
    EXPECT_FALSE(IsValidTwilioSignature(kToken, kUrl, extra, "", good));
    EXPECT_FALSE(IsValidTwilioSignature("54321", kUrl, kParams, "", good));
    EXPECT_FALSE(IsValidTwilioSignature(kToken, kUrl + "&x=1", kParams, "", good));
    EXPECT_FALSE(IsValidTwilioSignature(kToken, kUrl, kParams, "", ""));
    EXPECT_FALSE(IsValidTwilioSignature("", kUrl, kParams, "", good));
    std::string flipped = good;
    flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(IsValidTwilioSignature(kToken, kUrl, kParams, "", flipped));
}

TEST(IsValidTwilioSignature, AcceptsTheUrlWithOrWithoutTheDefaultPort) {
    const std::string with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    EXPECT_TRUE(IsValidTwilioSignature(
        kToken, with_port, kParams, "", TwilioSignature(kToken, kUrl, kParams)
    ));
    EXPECT_TRUE(IsValidTwilioSignature(
        kToken, kUrl, kParams, "", TwilioSignature(kToken, with_port, kParams)
    ));
    const std::string other_port = "https://mycompany.com:8443/myapp.php?foo=1&bar=2";
    EXPECT_FALSE(IsValidTwilioSignature(
        kToken, other_port, kParams, "", TwilioSignature(kToken, kUrl, kParams)
    ));
}

TEST(IsValidTwilioSignature, ChecksAJsonBodyThroughItsHashInTheUrl) {
    const std::string body = R"({"CallSid":"CA1","Status":"completed"})";
    const std::string url =
        "https://d.example/api/webhooks/twilio/status?bodySHA256=" + Sha256Hex(body);
    const std::string sig = TwilioSignature(kToken, url, {});
    EXPECT_TRUE(IsValidTwilioSignature(kToken, url, {}, body, sig));
    EXPECT_FALSE(IsValidTwilioSignature(kToken, url, {}, body + " ", sig));
}

nlohmann::json DecodePart(const std::string& part) {
    std::string b64 = part;
    for (char& c : b64) {
        c = c == '-' ? '+' : c == '_' ? '/' : c;
    }
    while (b64.size() % 4 != 0) {
        b64 += '=';
    }
    // Base64 decoding by round trip through the encoder: find the bytes whose encoding is b64.
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : b64) {
        if (c == '=') {
            break;
        }
        buffer = (buffer << 6U) | static_cast<unsigned>(kAlphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
        }
    }
    return nlohmann::json::parse(bytes);
}

TEST(VoiceAccessToken, CarriesTheVoiceGrantForTheIdentityAndIsSigned) {
    const Timestamp now{std::chrono::seconds{1'800'000'000}};
    const VoiceTokenSpec spec{
        "AC0123", "SK0123", "api-secret", "AP0123", "agent-7", std::chrono::seconds{600}};
    const std::string token = VoiceAccessToken(spec, now);
    const auto dot1 = token.find('.');
    const auto dot2 = token.find('.', dot1 + 1);
    ASSERT_NE(dot2, std::string::npos);
    const auto header = DecodePart(token.substr(0, dot1));
    const auto payload = DecodePart(token.substr(dot1 + 1, dot2 - dot1 - 1));
    EXPECT_EQ(header["cty"], "twilio-fpa;v=1");
    EXPECT_EQ(header["alg"], "HS256");
    EXPECT_EQ(payload["iss"], "SK0123");
    EXPECT_EQ(payload["sub"], "AC0123");
    EXPECT_EQ(payload["iat"], 1'800'000'000);
    EXPECT_EQ(payload["exp"], 1'800'000'600);
    EXPECT_EQ(payload["grants"]["identity"], "agent-7");
    EXPECT_EQ(payload["grants"]["voice"]["outgoing"]["application_sid"], "AP0123");
    EXPECT_EQ(payload["grants"]["voice"]["incoming"]["allow"], true);
    EXPECT_EQ(token.substr(dot2 + 1), Base64Url(HmacSha256("api-secret", token.substr(0, dot2))));
}

TEST(DialNumberTwiml, WritesEscapedTwiml) {
    const std::string xml = DialNumberTwiml(DialSpec{
        "+447400123456",
        "+441134960000",
        25,
        "https://d.example/a?x=1&y=2",
        "https://d.example/s",
        "https://d.example/r"});
    EXPECT_NE(xml.find("action=\"https://d.example/a?x=1&amp;y=2\""), std::string::npos) << xml;
    EXPECT_NE(xml.find(">+447400123456</Number>"), std::string::npos) << xml;
    const std::string ring = DialClientTwiml(RingClientSpec{
        "agent-7", 20, "https://d.example/v?step=inbound-ended", "https://d.example/s", "r"});
    EXPECT_NE(ring.find("timeout=\"20\""), std::string::npos) << ring;
    EXPECT_NE(ring.find(">agent-7</Client></Dial></Response>"), std::string::npos) << ring;
    EXPECT_EQ(ring.find("callerId"), std::string::npos) << ring;
    EXPECT_EQ(
        SayAndHangUpTwiml("Closed <now> & \"then\""),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Closed &lt;now&gt; &amp; "
        "\"then\"</Say><Hangup/></Response>"
    );
}

}  // namespace
}  // namespace dialler::adapters::twilio
