#include "dialler/adapters/http/static_files.hpp"

#include <filesystem>

#include "dialler/base/text.hpp"

namespace dialler::adapters::http {

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool IsRegularFile(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
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

std::optional<StaticFile> ResolveStatic(const std::string& web_dir, std::string_view url_path) {
    if (!url_path.starts_with('/')) {
        return std::nullopt;
    }
    // Refuse anything that could climb out of web_dir or smuggle an encoded separator.
    for (std::string_view seg : Split(url_path.substr(1), '/')) {
        if (seg == ".." || seg == "." || seg.find('\\') != std::string_view::npos ||
            seg.find('%') != std::string_view::npos || seg.find('\0') != std::string_view::npos) {
            return std::nullopt;
        }
    }
    const std::filesystem::path root(web_dir);
    const std::string_view rel = url_path.substr(1);
    if (!rel.empty()) {
        const std::filesystem::path candidate = root / std::filesystem::path(rel);
        if (IsRegularFile(candidate)) {
            const bool hashed = url_path.starts_with("/assets/");
            return StaticFile{
                candidate.string(),
                ContentTypeFor(rel),
                std::string(hashed ? kImmutable : kRevalidate),
            };
        }
    }
    const auto last_slash = url_path.rfind('/');
    const bool looks_like_file = url_path.find('.', last_slash) != std::string_view::npos;
    if (looks_like_file) {
        return std::nullopt;
    }
    const std::filesystem::path index = root / "index.html";
    if (!IsRegularFile(index)) {
        return std::nullopt;
    }
    return StaticFile{index.string(), "text/html; charset=utf-8", std::string(kRevalidate)};
}

}  // namespace dialler::adapters::http
