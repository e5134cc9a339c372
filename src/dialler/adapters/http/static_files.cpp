#include "dialler/adapters/http/static_files.hpp"

#include <filesystem>
#include <system_error>

#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

// Longer request paths are not ours: the SPA's deepest route is a few segments.
constexpr std::size_t kMaxPathBytes = 2048;
constexpr std::size_t kMaxSegmentBytes = 255;  // NAME_MAX

namespace fs = std::filesystem;

bool IsRegularFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// A decoded segment may name a file inside the folder it is joined to, and nothing else.
bool IsSafeSegment(std::string_view s) {
    if (s.empty() || s.size() > kMaxSegmentBytes || s.front() == '.') {
        return false;  // also ".", ".." and hidden files
    }
    if (s.find_first_of("/\\%") != std::string_view::npos) {
        return false;  // an encoded separator, a Windows one, or a second layer of encoding
    }
    return IsValidUtf8(s) && !HasControlCharacters(s, ControlChars::kNone);
}

// Whether `p` is `root` or lies below it (both canonical).
bool IsInside(const fs::path& root, const fs::path& p) {
    auto r = root.begin();
    auto q = p.begin();
    for (; r != root.end(); ++r, ++q) {
        if (q == p.end() || *q != *r) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string ContentTypeFor(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    const std::string ext =
        dot == std::string_view::npos ? "" : AsciiLower(file_name.substr(dot + 1));
    if (ext == "html") {
        return "text/html; charset=utf-8";
    }
    if (ext == "js" || ext == "mjs") {
        return "text/javascript; charset=utf-8";
    }
    if (ext == "css") {
        return "text/css; charset=utf-8";
    }
    if (ext == "json" || ext == "map") {
        return "application/json";
    }
    if (ext == "svg") {
        return "image/svg+xml";
    }
    if (ext == "png") {
        return "image/png";
    }
    if (ext == "ico") {
        return "image/x-icon";
    }
    if (ext == "woff2") {
        return "font/woff2";
    }
    if (ext == "txt") {
        return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
}

std::optional<std::vector<std::string>> SafePathSegments(std::string_view raw_path) {
    if (!raw_path.starts_with('/') || raw_path.size() > kMaxPathBytes) {
        return std::nullopt;
    }
    std::vector<std::string> segments;
    if (raw_path == "/") {
        return segments;
    }
    for (std::string_view raw : Split(raw_path.substr(1), '/')) {
        auto segment = PercentDecode(raw);
        if (!segment || !IsSafeSegment(*segment)) {
            return std::nullopt;
        }
        segments.push_back(std::move(*segment));
    }
    return segments;
}

std::optional<StaticFile> ResolveStatic(const std::string& web_dir, std::string_view raw_path) {
    const auto segments = SafePathSegments(raw_path);
    if (!segments) {
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path root = fs::canonical(web_dir, ec);
    if (ec) {
        return std::nullopt;
    }
    if (!segments->empty()) {
        fs::path joined = root;
        for (const std::string& s : *segments) {
            joined /= s;
        }
        if (fs::exists(joined, ec)) {
            const fs::path real = fs::canonical(joined, ec);
            if (ec || !IsInside(root, real)) {
                return std::nullopt;
            }
            if (IsRegularFile(real)) {
                const bool hashed = segments->size() > 1 && segments->front() == "assets";
                return StaticFile{
                    real.string(),
                    ContentTypeFor(segments->back()),
                    std::string(hashed ? kImmutable : kRevalidate),
                };
            }
        }
        if (segments->back().find('.') != std::string::npos) {
            return std::nullopt;  // looks like a file that is not there: no HTML in its place
        }
    }
    const fs::path index = root / "index.html";
    if (!IsRegularFile(index)) {
        return std::nullopt;
    }
    return StaticFile{index.string(), "text/html; charset=utf-8", std::string(kRevalidate)};
}

}  // namespace dialler::adapters::http
