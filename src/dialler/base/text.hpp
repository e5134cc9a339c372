#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialler {

// ASCII-only helpers: every string the rules compare (statuses, codes, emails) is ASCII, and
// locale-dependent std::tolower would make a rule depend on the machine.
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);

// Formats `v` as 16 lower-case hex digits (ids, checksums).
std::string Hex64(std::uint64_t v);

// Parses an RFC 3339 date-time ("2026-11-23T10:00:00Z", "...T10:00:00.5+01:00"); nullopt for
// anything else. Fractions of a second are dropped.
std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text);

// Formats a UTC time as RFC 3339 with a Z suffix and whole seconds: "2026-11-22T09:30:00Z".
std::string FormatRfc3339(std::chrono::sys_seconds t);

}  // namespace dialler
