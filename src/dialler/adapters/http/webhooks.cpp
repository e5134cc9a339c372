#include "dialler/adapters/http/webhooks.hpp"

#include <charconv>

#include "dialler/platform/logging.hpp"

namespace dialler::adapters::http {

std::string FormParam(const UrlEncodedPairs& params, std::string_view key) {
    for (const auto& [k, v] : params) {
        if (k == key) {
            return v;
        }
    }
    return {};
}

std::optional<std::int64_t> NumberParam(const UrlEncodedPairs& params, std::string_view key) {
    const std::string text = FormParam(params, key);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

Result<UrlEncodedPairs> VerifiedWebhook(
    const Request& req, const app::Telephony& telephony, const std::string& public_url
) {
    const std::string url =
        public_url + req.path + (req.query.empty() ? std::string() : "?" + req.query);
    UrlEncodedPairs params = ParseUrlEncoded(req.body);
    if (!telephony.IsGenuineWebhook(url, params, req.body, req.Header("x-twilio-signature"))) {
        platform::LogWarn("webhook.signature_rejected", {{"path", req.path}});
        return Fail(ErrorCode::kPermissionDenied, "the request is not signed by the provider");
    }
    return params;
}

Result<Response> Acknowledge(const Status& applied, const Request& req) {
    if (!applied) {
        platform::LogWarn(
            "webhook.not_applied", {{"path", req.path}, {"reason", applied.error().message}}
        );
        return Fail(applied.error().code, applied.error().message);
    }
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
}

Response Twiml(const app::Telephony& telephony, std::string body) {
    Response r;
    r.content_type = telephony.WebhookContentType();
    r.body = std::move(body);
    return r;
}

}  // namespace dialler::adapters::http
