#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dialler::adapters::http {

struct StaticFile {
    std::string path;  // absolute or relative to the working directory
    std::string content_type;
    std::string cache_control;
};

// Maps a URL path to a file of the built SPA in `web_dir`:
// - an existing file is served; files under /assets/ carry content hashes in their names, so
//   they are cached for a year as immutable; everything else must be revalidated;
// - a path without a file extension is a client-side route: index.html (history fallback);
// - anything else (a missing asset, a path that tries to leave web_dir) is nullopt (404).
std::optional<StaticFile> ResolveStatic(const std::string& web_dir, std::string_view url_path);

std::string ContentTypeFor(std::string_view file_name);

}  // namespace dialler::adapters::http
