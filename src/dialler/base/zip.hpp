#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"

namespace dialler {

// CRC-32 as zip (and gzip, PNG) use it: polynomial 0xEDB88320, reflected, inverted.
std::uint32_t Crc32(std::string_view data);

// Builds a zip archive in memory with its entries stored (not compressed): an export for one
// person is small, and every unzip reads stored entries. Names are UTF-8 (flag bit 11); no
// ZIP64, so an archive is refused past 4 GiB or 65535 entries (Add throws std::length_error).
class ZipWriter {
public:
    // `name` must be a relative path without ".." parts (std::invalid_argument otherwise).
    void Add(std::string_view name, std::string_view data, Timestamp modified);
    // The archive: local headers and data, then the central directory.
    std::string Finish() const;

private:
    struct Entry {
        std::string name;
        std::uint32_t crc = 0;
        std::uint32_t size = 0;
        std::uint32_t offset = 0;
        std::uint16_t dos_time = 0;
        std::uint16_t dos_date = 0;
    };
    std::string body_;
    std::vector<Entry> entries_;
};

}  // namespace dialler
