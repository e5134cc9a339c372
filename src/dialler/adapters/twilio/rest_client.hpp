#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dialler::adapters::twilio {

struct RestResponse {
    long status = 0;
    std::string content_type;
    std::string body;
};

struct RestClientSettings {
    std::string base_url;  // "https://api.twilio.com" (or the stand-in's loopback URL)
    std::string username;  // account SID (or API key); empty: no authentication
    std::string password;  // auth token (or API secret): sent, never logged
    std::chrono::milliseconds timeout{10000};
    // A GET is retried on 429, 5xx and transport faults; a POST (it may create something) only
    // when it certainly was not taken: 429, or no connection made.
    int max_attempts = 3;
    std::chrono::milliseconds first_backoff{250};
};

// The request never reached the provider (no connection could be made): nothing was created.
class ProviderUnreachable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Blocking HTTPS calls to the provider's REST API with HTTP basic auth (libcurl, one easy handle
// per call, no signals). Throws ProviderUnreachable when no connection could be made, and
// std::runtime_error for any other transport fault (a timeout: the provider may have acted on
// it), after the retries; an HTTP error status is returned, not thrown. Thread-safe.
class RestClient {
public:
    explicit RestClient(RestClientSettings settings);

    RestResponse Get(const std::string& path) const;
    // A form POST (Twilio's REST API takes application/x-www-form-urlencoded bodies).
    // With `headers` added (a webhook's signature).
    RestResponse PostForm(
        const std::string& path,
        const std::vector<std::pair<std::string, std::string>>& form,
        const std::vector<std::pair<std::string, std::string>>& headers = {}
    ) const;

private:
    RestResponse Send(
        const std::string& path,
        const std::string* form_body,
        const std::vector<std::pair<std::string, std::string>>& headers
    ) const;

    RestClientSettings settings_;
};

// Percent-encodes a form value (RFC 3986 unreserved characters stay as they are).
std::string FormEncode(std::string_view value);

}  // namespace dialler::adapters::twilio
