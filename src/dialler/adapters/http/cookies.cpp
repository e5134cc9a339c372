#include "dialler/adapters/http/cookies.hpp"

#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name) {
    for (std::string_view part : Split(cookie_header, ';')) {
        part = Trim(part);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && Trim(part.substr(0, eq)) == name) {
            std::string_view value = Trim(part.substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            return std::string(value);
        }
    }
    return std::nullopt;
}

std::string SessionCookie(
    std::string_view value, std::optional<std::chrono::seconds> max_age, bool secure
) {
    std::string c = std::string(kSessionCookie) + "=" + std::string(value) +
                    "; Path=/; HttpOnly; SameSite=Strict";
    if (max_age) {
        c += "; Max-Age=" + std::to_string(max_age->count());
    }
    if (secure) {
        c += "; Secure";
    }
    return c;
}

}  // namespace dialler::adapters::http
