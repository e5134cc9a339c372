#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dialler::adapters::twilio {

// OpenSSL one-shots for the Twilio protocol (internal to adapters/twilio).
std::string HmacSha1(std::string_view key, std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string Base64(std::string_view bytes);
std::string Base64Url(std::string_view bytes);  // RFC 4648 §5, no padding (JWT)
// The bytes of unpadded base64url text; nullopt when it is not base64url.
std::optional<std::string> DecodeBase64Url(std::string_view text);

}  // namespace dialler::adapters::twilio
