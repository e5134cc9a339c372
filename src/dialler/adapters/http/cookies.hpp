#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dialler::adapters::http {

inline constexpr std::string_view kSessionCookie = "dialler_session";

// Returns the value of cookie `name` from a Cookie header, if present.
std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name);

// Builds the Set-Cookie value for the session: HttpOnly, SameSite=Strict, Path=/, Secure when
// `secure`. Without `max_age` it lasts as long as the browser; a zero `max_age` deletes it.
std::string SessionCookie(
    std::string_view value, std::optional<std::chrono::seconds> max_age, bool secure
);

}  // namespace dialler::adapters::http
