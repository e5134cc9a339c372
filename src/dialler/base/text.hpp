#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialler/base/error.hpp"

namespace dialler {

// ASCII-only helpers: every string the rules compare (statuses, codes, emails) is ASCII, and
// locale-dependent std::tolower would make a rule depend on the machine.
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);

// Whether `s` is well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
// Overlong forms matter: "\xC0\xAE" is a second spelling of "." to a lenient decoder.
bool IsValidUtf8(std::string_view s);

// Which control characters a text field may hold.
enum class ControlChars {
    kNone,           // one-line text: names, reasons, codes
    kNewlineAndTab,  // free text: notes
};

// Whether well-formed UTF-8 `s` holds a control character (U+0000-U+001F, U+007F,
// U+0080-U+009F) that `allowed` does not let through.
bool HasControlCharacters(std::string_view s, ControlChars allowed);

// The one rule for text a person typed (names, notes, reasons) or a client sent: well-formed
// UTF-8, no control characters beyond what `allowed` lets through, at most `max_bytes` bytes.
// Errors: kInvalidArgument naming `field`. Emptiness is the caller's rule.
Status CheckText(
    std::string_view text, const std::string& field, std::size_t max_bytes, ControlChars allowed
);

// How many characters (code points) well-formed UTF-8 `utf8` holds.
std::size_t CodePoints(std::string_view utf8);

// Whether `s` holds only the URL-safe base64 alphabet (letters, digits, '-', '_'): our tokens
// and the keys clients may choose. Length is the caller's rule.
bool IsUrlSafeText(std::string_view s);

// Standard base64 (RFC 4648 §4, with padding).
std::string Base64(std::string_view bytes);

// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
// doubled. A field a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
// gets a leading apostrophe first (OWASP's advice against CSV injection): replica text is not
// ours to trust.
std::string CsvField(std::string_view text);

// Decodes %XX escapes (nothing else: '+' stays '+'); nullopt when a '%' is not followed by two
// hex digits. Decodes once: "%252e" is "%2e".
std::optional<std::string> PercentDecode(std::string_view text);

// The pairs of an application/x-www-form-urlencoded text (a form body, a query string), in order
// and with repeats: '+' is a space, %XX escapes decoded once; a malformed escape is kept as it
// came.
using UrlEncodedPairs = std::vector<std::pair<std::string, std::string>>;
UrlEncodedPairs ParseUrlEncoded(std::string_view text);

// Whether `a` and `b` are equal, taking the same time whatever their contents (for secrets:
// tokens, signatures). Unequal lengths, or empty, are simply unequal.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// A calendar date as YYYY-MM-DD, and back (nullopt for anything else, or a date that does not
// exist).
std::string FormatDate(std::chrono::year_month_day date);
std::optional<std::chrono::year_month_day> ParseDate(std::string_view text);

// Formats `v` as 16 lower-case hex digits (ids, checksums).
std::string Hex64(std::uint64_t v);

// Parses an RFC 3339 date-time ("2026-11-23T10:00:00Z", "...T10:00:00.5+01:00"); nullopt for
// anything else. Fractions of a second are dropped.
std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text);

// Parses the RFC 2822 date-time Twilio's callbacks and resources carry ("Tue, 01 Dec 2026
// 17:05:09 +0000"; the weekday is optional and not checked); nullopt for anything else.
std::optional<std::chrono::sys_seconds> ParseRfc2822(std::string_view text);
// The same form, in UTC with the weekday ("Tue, 01 Dec 2026 17:05:09 +0000"); seconds floored.
std::string FormatRfc2822(std::chrono::sys_time<std::chrono::milliseconds> t);

// Formats a UTC time as RFC 3339 with a Z suffix and whole seconds: "2026-11-22T09:30:00Z".
std::string FormatRfc3339(std::chrono::sys_seconds t);

}  // namespace dialler
