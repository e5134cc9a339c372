#pragma once

#include <string_view>

namespace dialler {

// A file compiled into the binary by cmake/Embed.cmake (migrations, reference data).
struct EmbeddedFile {
    std::string_view name;
    std::string_view text;
};

}  // namespace dialler
