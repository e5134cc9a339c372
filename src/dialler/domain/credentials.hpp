#pragma once

#include <string>
#include <string_view>

#include "dialler/base/error.hpp"

namespace dialler::domain {

inline constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321 path limit
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;

// Returns the canonical form of an agent's login email (trimmed, ASCII lower case), or
// kInvalidArgument naming `field` when it is empty, too long or not shaped like an address.
Result<std::string> NormaliseEmail(std::string_view raw, std::string_view field = "email");

// Returns Ok() when `password` may be set as a new password (length 12..1024), else
// kInvalidArgument naming `field`. Login accepts any length up to the maximum, so that a policy
// change never locks out an existing account.
Status CheckNewPassword(std::string_view password, std::string_view field = "password");

}  // namespace dialler::domain
