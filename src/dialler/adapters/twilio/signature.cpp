#include "dialler/adapters/twilio/signature.hpp"

#include <algorithm>
#include <optional>

#include "dialler/adapters/twilio/crypto_util.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::twilio {

namespace {

// The value of query parameter `name` in `url`, decoded; nullopt when absent.
std::optional<std::string> QueryParam(std::string_view url, std::string_view name) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) {
        return std::nullopt;
    }
    for (const std::string_view part : Split(url.substr(q + 1), '&')) {
        const auto eq = part.find('=');
        if (part.substr(0, eq) == name) {
            return PercentDecode(eq == std::string_view::npos ? "" : part.substr(eq + 1))
                .value_or(std::string(part.substr(eq + 1)));
        }
    }
    return std::nullopt;
}

// The URL with the scheme's default port written out, and without it: Twilio may sign either.
std::vector<std::string> PortVariants(std::string_view url) {
    std::vector<std::string> out{std::string(url)};
    const bool https = url.starts_with("https://");
    const bool http = url.starts_with("http://");
    if (!https && !http) {
        return out;
    }
    const std::size_t host_start = https ? 8 : 7;
    const std::size_t host_end = std::min(url.find_first_of("/?#", host_start), url.size());
    const std::string_view authority = url.substr(host_start, host_end - host_start);
    const std::string_view port = https ? ":443" : ":80";
    std::string varied(url.substr(0, host_start));
    if (authority.ends_with(port)) {
        varied += authority.substr(0, authority.size() - port.size());
    } else if (authority.find(':') == std::string_view::npos) {
        varied += std::string(authority) + std::string(port);
    } else {
        return out;  // another port: only as given
    }
    varied += url.substr(host_end);
    out.push_back(std::move(varied));
    return out;
}

}  // namespace

std::string TwilioSignature(
    std::string_view auth_token, std::string_view url, const FormParams& params
) {
    FormParams sorted = params;
    std::sort(sorted.begin(), sorted.end());
    std::string data(url);
    for (const auto& [key, value] : sorted) {
        data += key;
        data += value;
    }
    return Base64(HmacSha1(auth_token, data));
}

bool IsValidTwilioSignature(
    std::string_view auth_token,
    std::string_view url,
    const FormParams& params,
    std::string_view body,
    std::string_view signature
) {
    if (auth_token.empty() || signature.empty()) {
        return false;
    }
    const std::optional<std::string> body_hash = QueryParam(url, "bodySHA256");
    if (body_hash && !ConstantTimeEquals(*body_hash, Sha256Hex(body))) {
        return false;
    }
    const FormParams none;
    bool valid = false;
    for (const std::string& candidate : PortVariants(url)) {
        // No early exit: each variant costs the same whatever the signature's bytes.
        valid = ConstantTimeEquals(
                    TwilioSignature(auth_token, candidate, body_hash ? none : params), signature
                ) ||
                valid;
    }
    return valid;
}

}  // namespace dialler::adapters::twilio
