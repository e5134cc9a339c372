#include "dialler/base/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace dialler {

namespace {
char LowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
}  // namespace

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = LowerAscii(c);
    }
    return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (LowerAscii(a[i]) != LowerAscii(b[i])) {
            return false;
        }
    }
    return true;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && IsSpace(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

bool IsValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned min = 0;
        std::uint32_t cp = 0;
        if ((b0 & 0xE0U) == 0xC0U) {
            len = 2;
            min = 0x80;
            cp = b0 & 0x1FU;
        } else if ((b0 & 0xF0U) == 0xE0U) {
            len = 3;
            min = 0x800;
            cp = b0 & 0x0FU;
        } else if ((b0 & 0xF8U) == 0xF0U) {
            len = 4;
            min = 0x10000;
            cp = b0 & 0x07U;
        } else {
            return false;
        }
        if (i + len > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0U) != 0x80U) {
                return false;
            }
            cp = (cp << 6U) | (b & 0x3FU);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += len;
    }
    return true;
}

bool HasControlCharacters(std::string_view s, ControlChars allowed) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x20 || b == 0x7F) {
            const bool whitespace = b == '\n' || b == '\t';
            if (!(whitespace && allowed == ControlChars::kNewlineAndTab)) {
                return true;
            }
        }
        // C1 controls U+0080-U+009F are encoded as C2 80 - C2 9F.
        if (b == 0xC2 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                return true;
            }
        }
    }
    return false;
}

Status CheckText(
    std::string_view text, const std::string& field, std::size_t max_bytes, ControlChars allowed
) {
    if (text.size() > max_bytes) {
        return InvalidField(
            field, field + " must be at most " + std::to_string(max_bytes) + " characters"
        );
    }
    if (!IsValidUtf8(text)) {
        return InvalidField(field, field + " is not valid UTF-8 text");
    }
    if (HasControlCharacters(text, allowed)) {
        return InvalidField(
            field,
            field + (allowed == ControlChars::kNewlineAndTab
                         ? " must not contain control characters other than new lines and tabs"
                         : " must not contain control characters or line breaks")
        );
    }
    return Ok();
}

std::string CsvField(std::string_view text) {
    std::string value;
    if (!text.empty() &&
        std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        value += '\'';
    }
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::optional<std::string> PercentDecode(std::string_view text) {
    const auto hex = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) {
            return std::nullopt;
        }
        const int hi = hex(text[i + 1]);
        const int lo = hex(text[i + 2]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        out += static_cast<char>((hi << 4) | lo);
        i += 2;
    }
    return out;
}

UrlEncodedPairs ParseUrlEncoded(std::string_view text) {
    const auto decode = [](std::string_view raw) {
        std::string plus(raw);
        std::replace(plus.begin(), plus.end(), '+', ' ');
        return PercentDecode(plus).value_or(plus);
    };
    UrlEncodedPairs out;
    for (const std::string_view part : Split(text, '&')) {
        if (part.empty()) {
            continue;
        }
        const auto eq = part.find('=');
        out.emplace_back(
            decode(part.substr(0, eq)),
            eq == std::string_view::npos ? std::string() : decode(part.substr(eq + 1))
        );
    }
    return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) {
        return false;
    }
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = static_cast<unsigned char>(
            diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]))
        );
    }
    return diff == 0;
}

std::string FormatDate(std::chrono::year_month_day date) {
    std::array<char, 16> buf{};
    std::snprintf(
        buf.data(),
        buf.size(),
        "%04d-%02u-%02u",
        static_cast<int>(date.year()),
        static_cast<unsigned>(date.month()),
        static_cast<unsigned>(date.day())
    );
    return buf.data();
}

std::optional<std::chrono::year_month_day> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto digits = [&text](std::size_t from, std::size_t n, auto& out) {
        const auto [ptr, ec] = std::from_chars(text.data() + from, text.data() + from + n, out);
        return ec == std::errc{} && ptr == text.data() + from + n;
    };
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{
        std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

std::string Hex64(std::uint64_t v) {
    std::array<char, 17> buf{};
    std::snprintf(buf.data(), buf.size(), "%016llx", static_cast<unsigned long long>(v));
    return buf.data();
}

namespace {
std::optional<int> Digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) {
        return std::nullopt;
    }
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return std::nullopt;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
}  // namespace

std::string FormatRfc2822(std::chrono::sys_time<std::chrono::milliseconds> t) {
    static constexpr std::array<const char*, 7> kDays{
        "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static constexpr std::array<const char*, 12> kMonths{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto secs = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(secs);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{secs - day};
    const auto weekday = static_cast<std::size_t>(((day.time_since_epoch().count() % 7) + 7) % 7);
    std::array<char, 40> out{};
    std::snprintf(
        out.data(),
        out.size(),
        "%s, %02u %s %04d %02d:%02d:%02d +0000",
        kDays.at(weekday),
        static_cast<unsigned>(ymd.day()),
        kMonths.at(static_cast<unsigned>(ymd.month()) - 1),
        static_cast<int>(ymd.year()),
        static_cast<int>(hms.hours().count()),
        static_cast<int>(hms.minutes().count()),
        static_cast<int>(hms.seconds().count())
    );
    return out.data();
}

std::optional<std::chrono::sys_seconds> ParseRfc2822(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string_view t = text;
    if (const auto comma = t.find(','); comma != std::string_view::npos) {
        t = t.substr(comma + 1);
    }
    while (!t.empty() && t.front() == ' ') {
        t.remove_prefix(1);
    }
    // "01 Dec 2026 17:05:09 +0000": fixed widths once the weekday is gone.
    const auto d = Digits(t, 0, 2);
    const auto y = Digits(t, 7, 4);
    const auto h = Digits(t, 12, 2);
    const auto mi = Digits(t, 15, 2);
    const auto se = Digits(t, 18, 2);
    const auto oh = Digits(t, 22, 2);
    const auto om = Digits(t, 24, 2);
    if (t.size() != 26 || !d || !y || !h || !mi || !se || !oh || !om || t[2] != ' ' ||
        t[6] != ' ' || t[11] != ' ' || t[14] != ':' || t[17] != ':' || t[20] != ' ' ||
        (t[21] != '+' && t[21] != '-') || *h > 23 || *mi > 59 || *se > 60 || *om > 59) {
        return std::nullopt;
    }
    const auto* const month = std::find(kMonths.begin(), kMonths.end(), t.substr(3, 3));
    if (month == kMonths.end()) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{
        std::chrono::year{*y},
        std::chrono::month{static_cast<unsigned>(month - kMonths.begin() + 1)},
        std::chrono::day{static_cast<unsigned>(*d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    std::chrono::minutes offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
    if (t[21] == '-') {
        offset = -offset;
    }
    return std::chrono::sys_days{date} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{std::min(*se, 59)} - offset;
}

std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view t) {
    const auto y = Digits(t, 0, 4);
    const auto mo = Digits(t, 5, 2);
    const auto d = Digits(t, 8, 2);
    const auto h = Digits(t, 11, 2);
    const auto mi = Digits(t, 14, 2);
    const auto se = Digits(t, 17, 2);
    if (!y || !mo || !d || !h || !mi || !se || t.size() < 20 || t[4] != '-' || t[7] != '-' ||
        (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' || t[16] != ':' || *h > 23 ||
        *mi > 59 || *se > 59) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{
        std::chrono::year{*y},
        std::chrono::month{static_cast<unsigned>(*mo)},
        std::chrono::day{static_cast<unsigned>(*d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (t[pos] == '.') {
        ++pos;
        while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
            ++pos;
        }
    }
    std::chrono::minutes offset{0};
    if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
        ++pos;
    } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
        const auto oh = Digits(t, pos + 1, 2);
        const auto om = Digits(t, pos + 4, 2);
        if (!oh || !om || pos + 6 > t.size() || t[pos + 3] != ':' || *oh > 23 || *om > 59) {
            return std::nullopt;
        }
        offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
        if (t[pos] == '-') {
            offset = -offset;
        }
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != t.size()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{*se} - offset;
}

std::string FormatRfc3339(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    std::array<char, 32> buf{};
    std::snprintf(
        buf.data(),
        buf.size(),
        "%04d-%02u-%02uT%02d:%02d:%02dZ",
        static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()),
        static_cast<unsigned>(ymd.day()),
        static_cast<int>(hms.hours().count()),
        static_cast<int>(hms.minutes().count()),
        static_cast<int>(hms.seconds().count())
    );
    return buf.data();
}

std::size_t CodePoints(std::string_view utf8) {
    // Continuation bytes are 10xxxxxx; every other byte starts a character.
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

bool IsUrlSafeText(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

std::string Base64(std::string_view bytes) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n =
            (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
            static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18U) & 63U];
        out += kAlphabet[(n >> 12U) & 63U];
        out += kAlphabet[(n >> 6U) & 63U];
        out += kAlphabet[n & 63U];
    }
    if (i < bytes.size()) {
        const bool two = i + 1 < bytes.size();
        const auto n =
            (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U) |
            (two ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U : 0U);
        out += kAlphabet[(n >> 18U) & 63U];
        out += kAlphabet[(n >> 12U) & 63U];
        out += two ? kAlphabet[(n >> 6U) & 63U] : '=';
        out += '=';
    }
    return out;
}

}  // namespace dialler
