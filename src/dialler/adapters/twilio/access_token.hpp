#pragma once

#include <chrono>
#include <string>

#include "dialler/base/clock.hpp"

namespace dialler::adapters::twilio {

// What a Voice JavaScript SDK access token is made of (Twilio's "FPA" token).
struct VoiceTokenSpec {
    std::string account_sid;    // AC...
    std::string api_key;        // SK...: the token's issuer
    std::string api_secret;     // signs the token (HS256)
    std::string twiml_app_sid;  // AP...: where outgoing calls go
    std::string identity;       // the agent, as the server knows them
    std::chrono::seconds ttl{3600};
};

// An HS256 JWT with header cty "twilio-fpa;v=1" and a voice grant (outgoing through the TwiML app,
// incoming allowed), issued at `now`.
std::string VoiceAccessToken(const VoiceTokenSpec& spec, Timestamp now);

}  // namespace dialler::adapters::twilio
