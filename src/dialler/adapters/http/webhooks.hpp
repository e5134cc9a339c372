#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/adapters/http/http_types.hpp"
#include "dialler/app/telephony.hpp"
#include "dialler/base/error.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

// What every provider webhook route shares.

// A form parameter's value; empty when absent.
std::string FormParam(const UrlEncodedPairs& params, std::string_view key);
// A non-negative whole number parameter; nullopt when absent or not one.
std::optional<std::int64_t> NumberParam(const UrlEncodedPairs& params, std::string_view key);

// The provider's request, checked: the signature must match the public URL it was sent to
// (`public_url` + path + query). Errors: kPermissionDenied (logged, without the body).
Result<UrlEncodedPairs> VerifiedWebhook(
    const Request& req, const app::Telephony& telephony, const std::string& public_url
);

// An answer in the provider's webhook language (TwiML), from the Telephony port.
Response Twiml(const app::Telephony& telephony, std::string body);

// The answer to a callback: 204 when applied; otherwise logged, and the error (a 404 for a
// callback naming nothing we have) so the provider's console shows it. Nothing is guessed.
Result<Response> Acknowledge(const Status& applied, const Request& req);

}  // namespace dialler::adapters::http
