#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialler::adapters::http {

struct StaticFile {
    std::string path;  // canonical: symlinks resolved, inside the canonical web root
    std::string content_type;
    std::string cache_control;
};

// Splits a request path as it arrived (percent-encoded, query already removed) into decoded
// segments that are safe to join under a folder, or nullopt. The path is decoded exactly once;
// a segment is refused when it is empty ("//x", "/x/"), "." or "..", starts with a dot, holds
// an encoded separator ("%2F"), a backslash, a '%' after decoding (double encoding), a NUL or
// any other control character, is not well-formed UTF-8 (overlong "%C0%AE" is a second "."), or
// when a '%' is not followed by two hex digits. "/" gives no segments.
std::optional<std::vector<std::string>> SafePathSegments(std::string_view raw_path);

// Maps a request path to a file of the built SPA in `web_dir`. The path reaches the file system
// only through SafePathSegments; the joined path is canonicalised (symlinks resolved) and must
// still lie inside the canonical web root.
// - an existing file is served; files under /assets/ carry content hashes in their names, so
//   they are cached for a year as immutable; everything else must be revalidated;
// - a path whose last segment has no file extension is a client-side route: index.html (history
//   fallback);
// - anything else (a missing asset, a refused path, a symlink out of the root) is nullopt (404).
std::optional<StaticFile> ResolveStatic(const std::string& web_dir, std::string_view raw_path);

std::string ContentTypeFor(std::string_view file_name);

}  // namespace dialler::adapters::http
