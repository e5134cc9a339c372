#include "dialler/adapters/twilio/access_token.hpp"

#include <nlohmann/json.hpp>

#include "dialler/adapters/twilio/crypto_util.hpp"

namespace dialler::adapters::twilio {

std::string VoiceAccessToken(const VoiceTokenSpec& spec, Timestamp now) {
    const long long iat =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const nlohmann::json header = {{"cty", "twilio-fpa;v=1"}, {"typ", "JWT"}, {"alg", "HS256"}};
    const nlohmann::json payload = {
        {"jti", spec.api_key + "-" + std::to_string(iat)},
        {"grants",
         {{"identity", spec.identity},
          {"voice",
           {{"incoming", {{"allow", true}}},
            {"outgoing", {{"application_sid", spec.twiml_app_sid}}}}}}},
        {"iat", iat},
        {"exp", iat + spec.ttl.count()},
        {"iss", spec.api_key},
        {"sub", spec.account_sid},
    };
    const std::string signing_input = Base64Url(header.dump()) + "." + Base64Url(payload.dump());
    return signing_input + "." + Base64Url(HmacSha256(spec.api_secret, signing_input));
}

}  // namespace dialler::adapters::twilio
