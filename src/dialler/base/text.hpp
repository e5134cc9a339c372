#pragma once

#include <chrono>
#include <cstdint>
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

// Formats a UTC time as RFC 3339 with a Z suffix and whole seconds: "2026-11-22T09:30:00Z".
std::string FormatRfc3339(std::chrono::sys_seconds t);

}  // namespace dialler
