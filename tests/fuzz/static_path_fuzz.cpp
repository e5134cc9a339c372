// libFuzzer target for the SPA file resolver (adapters/http/static_files): whatever the request
// path, the resolver returns nothing or a regular file inside the canonical web root, and the
// segment splitter never hands out a segment that could climb or smuggle a separator.
//
// Built with clang (-fsanitize=fuzzer,address,undefined) by tests/CMakeLists.txt; `make test`
// runs it for a fixed number of inputs from the seed corpus and dictionary beside this file.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "dialler/adapters/http/static_files.hpp"

namespace {

namespace fs = std::filesystem;

struct Tree {
    fs::path root;
    fs::path canonical_root;
};

// A web root with the shapes an escape could use: a directory symlink and a file symlink to
// the outside, a symlink that stays inside, nested assets, and a secret beside the root.
fs::path Base() {
    return fs::temp_directory_path() / ("dialler-fuzz-" + std::to_string(getpid()));
}

void RemoveTree() {
    std::error_code ec;
    fs::remove_all(Base(), ec);
}

Tree MakeTree() {
    const fs::path base = Base();
    RemoveTree();
    (void)std::atexit(RemoveTree);
    const fs::path root = base / "dist";
    const fs::path outside = base / "outside";
    fs::create_directories(root / "assets" / "deep");
    fs::create_directories(outside);
    std::ofstream(root / "index.html") << "<html></html>";
    std::ofstream(root / "favicon.svg") << "<svg/>";
    std::ofstream(root / "assets" / "app-1.js") << "x";
    std::ofstream(root / "assets" / "deep" / "a.css") << "x";
    std::ofstream(outside / "secret.txt") << "secret";
    fs::create_directory_symlink(outside, root / "out");
    fs::create_symlink(outside / "secret.txt", root / "secret.txt");
    fs::create_directory_symlink("/", root / "assets" / "sys");
    fs::create_symlink(root / "favicon.svg", root / "icon.svg");
    return Tree{root, fs::canonical(root)};
}

const Tree& TheTree() {
    static const Tree tree = MakeTree();
    return tree;
}

bool Inside(const fs::path& root, const fs::path& p) {
    auto r = root.begin();
    auto q = p.begin();
    for (; r != root.end(); ++r, ++q) {
        if (q == p.end() || *q != *r) {
            return false;
        }
    }
    return true;
}

[[noreturn]] void Fail(const char* what) {
    // abort() so libFuzzer saves the input that broke the property.
    (void)std::fputs(what, stderr);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view path(reinterpret_cast<const char*>(data), size);
    const Tree& tree = TheTree();

    if (const auto segments = dialler::adapters::http::SafePathSegments(path)) {
        for (const std::string& s : *segments) {
            if (s.empty() || s == "." || s == ".." ||
                s.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) {
                Fail("SafePathSegments handed out an unsafe segment\n");
            }
        }
    }

    const auto file = dialler::adapters::http::ResolveStatic(tree.root.string(), path);
    if (!file) {
        return 0;
    }
    const fs::path served(file->path);
    std::error_code ec;
    const fs::path real = fs::canonical(served, ec);
    if (ec || real != served) {
        Fail("ResolveStatic returned a path that is not canonical\n");
    }
    if (!Inside(tree.canonical_root, real)) {
        Fail("ResolveStatic returned a path outside the web root\n");
    }
    if (!fs::is_regular_file(real, ec)) {
        Fail("ResolveStatic returned something that is not a regular file\n");
    }
    return 0;
}
