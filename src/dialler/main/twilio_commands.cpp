// The `dialler twilio ...` operator commands: what Twilio would send us, or what we answer it.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>

#include "dialler/adapters/twilio/access_token.hpp"
#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/adapters/twilio/signature.hpp"
#include "dialler/adapters/twilio/twiml.hpp"
#include "dialler/main/commands.hpp"
#include "dialler/platform/system_clock.hpp"

namespace dialler::main {

int RunTwilioSignature(const TwilioSignatureArgs& args) {
    adapters::twilio::FormParams params;
    for (const std::string& p : args.params) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "error: --param must be key=value, got: " << p << "\n";
            return 2;
        }
        params.emplace_back(p.substr(0, eq), p.substr(eq + 1));
    }
    std::string url = args.url;
    if (!args.body_file.empty()) {
        std::ifstream in(args.body_file, std::ios::binary);
        if (!in) {
            std::cerr << "error: cannot read --body-file " << args.body_file << "\n";
            return 2;
        }
        const std::string body{
            std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!params.empty()) {
            std::cerr << "error: a JSON body is signed without form parameters\n";
            return 2;
        }
        // Twilio signs a JSON body through its hash in the URL.
        if (url.find("bodySHA256=") == std::string::npos) {
            url += (url.find('?') == std::string::npos ? "?" : "&");
            url += "bodySHA256=" + adapters::twilio::Sha256Hex(body);
        }
        std::cout << "URL: " << url << "\n";
    }
    std::cout << "X-Twilio-Signature: "
              << adapters::twilio::TwilioSignature(args.auth_token, url, params) << "\n";
    return 0;
}

int RunTwilioToken(const platform::Config& config, const std::string& identity, int ttl_seconds) {
    for (const auto& [name, value] :
         {std::pair{"TWILIO_ACCOUNT_SID", &config.twilio_account_sid},
          std::pair{"TWILIO_API_KEY", &config.twilio_api_key},
          std::pair{"TWILIO_API_SECRET", &config.twilio_api_secret},
          std::pair{"TWILIO_TWIML_APP_SID", &config.twilio_twiml_app_sid}}) {
        if (value->empty()) {
            std::cerr << "error: " << name << " is not set\n";
            return 2;
        }
    }
    if (identity.empty() || ttl_seconds < 60 || ttl_seconds > 24 * 3600) {
        std::cerr << "error: --identity is required and --ttl must be 60-86400 seconds\n";
        return 2;
    }
    const platform::SystemClock clock;
    std::cout << adapters::twilio::VoiceAccessToken(
                     adapters::twilio::VoiceTokenSpec{
                         config.twilio_account_sid,
                         config.twilio_api_key,
                         config.twilio_api_secret,
                         config.twilio_twiml_app_sid,
                         identity,
                         std::chrono::seconds{ttl_seconds}},
                     clock.Now()
                 )
              << "\n";
    return 0;
}

int RunTwilioTwiml(const TwilioTwimlArgs& args) {
    if (args.timeout_seconds < 15 || args.timeout_seconds > 120) {
        std::cerr << "error: --timeout must be 15-120 seconds\n";
        return 2;
    }
    const std::string base = args.public_url + "/api/webhooks/twilio";
    std::cout << adapters::twilio::DialNumberTwiml(adapters::twilio::DialSpec{
                     args.number,
                     args.caller_id,
                     args.timeout_seconds,
                     base + "/dial-action",
                     base + "/status",
                     base + "/recording"})
              << "\n";
    return 0;
}

}  // namespace dialler::main
