#include "dialler/domain/credentials.hpp"

#include <algorithm>

#include "dialler/base/text.hpp"

namespace dialler::domain {

Result<std::string> NormaliseEmail(std::string_view raw, std::string_view field) {
    const std::string_view trimmed = Trim(raw);
    const std::string f(field);
    if (trimmed.empty()) {
        return InvalidField(f, f + " is required");
    }
    if (trimmed.size() > kMaxEmailLength) {
        return InvalidField(f, f + " is too long");
    }
    const auto at = trimmed.find('@');
    const bool one_at =
        at != std::string_view::npos && trimmed.find('@', at + 1) == std::string_view::npos;
    const bool has_space = std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
        return c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20;
    });
    if (!one_at || at == 0 || at + 1 >= trimmed.size() || has_space) {
        return InvalidField(f, f + " must be an email address");
    }
    return AsciiLower(trimmed);
}

Status CheckNewPassword(std::string_view password, std::string_view field) {
    const std::string f(field);
    if (password.size() < kMinPasswordLength) {
        return InvalidField(f, f + " must be at least 12 characters");
    }
    if (password.size() > kMaxPasswordLength) {
        return InvalidField(f, f + " must be at most 1024 characters");
    }
    return Ok();
}

}  // namespace dialler::domain
