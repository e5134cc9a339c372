#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialler/base/text.hpp"

namespace dialler::adapters::twilio {

// The POST parameters of a webhook, as received (a key may repeat).
using FormParams = UrlEncodedPairs;

// The X-Twilio-Signature Twilio sends with a webhook: base64(HMAC-SHA1(auth token, url +
// every parameter's key and value, sorted by key then value)). `url` is the full URL Twilio
// requested, query string included.
std::string TwilioSignature(
    std::string_view auth_token, std::string_view url, const FormParams& params
);

// Whether `signature` is what Twilio would send for this request, compared in constant time.
// Tried with the URL as given and with the default port added or removed (Twilio signs whichever
// form it was configured with). A JSON body is signed through the URL: its SHA-256 travels as the
// bodySHA256 query parameter, checked against `body`, and no form parameters are signed.
bool IsValidTwilioSignature(
    std::string_view auth_token,
    std::string_view url,
    const FormParams& params,
    std::string_view body,
    std::string_view signature
);

}  // namespace dialler::adapters::twilio
