#include "dialler/base/zip.hpp"

#include <array>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace dialler {

namespace {

constexpr std::array<std::uint32_t, 256> MakeCrcTable() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < table.size(); ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
        }
        table.at(n) = c;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> kCrcTable = MakeCrcTable();

// Little-endian fields, as every zip header is written.
void Put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFFU));
    out.push_back(static_cast<char>((v >> 8U) & 0xFFU));
}

void Put32(std::string& out, std::uint32_t v) {
    Put16(out, v & 0xFFFFU);
    Put16(out, v >> 16U);
}

constexpr std::uint32_t kStored = 0;
constexpr std::uint32_t kUtf8Names = 1U << 11U;
constexpr std::uint32_t kVersion = 20;  // 2.0: what stored entries and folders need

std::uint32_t Fit32(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("zip archive larger than 4 GiB");
    }
    return static_cast<std::uint32_t>(n);
}

bool SafeName(std::string_view name) {
    if (name.empty() || name.size() > 0xFFFF || name.front() == '/' ||
        name.find('\\') != std::string_view::npos || name.find('\0') != std::string_view::npos) {
        return false;
    }
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        const std::string_view part = name.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace

std::uint32_t Crc32(std::string_view data) {
    std::uint32_t c = 0xFFFFFFFFU;
    for (const char ch : data) {
        c = kCrcTable.at((c ^ static_cast<unsigned char>(ch)) & 0xFFU) ^ (c >> 8U);
    }
    return c ^ 0xFFFFFFFFU;
}

void ZipWriter::Add(std::string_view name, std::string_view data, Timestamp modified) {
    if (!SafeName(name)) {
        throw std::invalid_argument("zip entry name must be a relative path");
    }
    if (entries_.size() >= 0xFFFF) {
        throw std::length_error("too many zip entries");
    }
    // MS-DOS date and time (local time in the format; we write UTC, as most tools do).
    const auto day = std::chrono::floor<std::chrono::days>(modified);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(modified - day)};
    const int year = std::max(static_cast<int>(ymd.year()), 1980);
    Entry e;
    e.name = std::string(name);
    e.crc = Crc32(data);
    e.size = Fit32(data.size());
    e.offset = Fit32(body_.size());
    e.dos_time = static_cast<std::uint16_t>(
        (hms.hours().count() << 11) | (hms.minutes().count() << 5) | (hms.seconds().count() / 2)
    );
    e.dos_date = static_cast<std::uint16_t>(
        ((year - 1980) << 9) | (static_cast<int>(static_cast<unsigned>(ymd.month())) << 5) |
        static_cast<int>(static_cast<unsigned>(ymd.day()))
    );

    Put32(body_, 0x04034b50U);  // local file header
    Put16(body_, kVersion);
    Put16(body_, kUtf8Names);
    Put16(body_, kStored);
    Put16(body_, e.dos_time);
    Put16(body_, e.dos_date);
    Put32(body_, e.crc);
    Put32(body_, e.size);  // compressed size: stored
    Put32(body_, e.size);
    Put16(body_, Fit32(e.name.size()));
    Put16(body_, 0);  // no extra field
    body_ += e.name;
    body_ += data;
    (void)Fit32(body_.size());
    entries_.push_back(std::move(e));
}

std::string ZipWriter::Finish() const {
    std::string out = body_;
    const std::uint32_t directory_at = Fit32(out.size());
    for (const Entry& e : entries_) {
        Put32(out, 0x02014b50U);  // central directory header
        Put16(out, kVersion);     // made by: MS-DOS attributes, version 2.0
        Put16(out, kVersion);
        Put16(out, kUtf8Names);
        Put16(out, kStored);
        Put16(out, e.dos_time);
        Put16(out, e.dos_date);
        Put32(out, e.crc);
        Put32(out, e.size);
        Put32(out, e.size);
        Put16(out, Fit32(e.name.size()));
        Put16(out, 0);  // extra field
        Put16(out, 0);  // comment
        Put16(out, 0);  // disk number
        Put16(out, 0);  // internal attributes
        Put32(out, 0);  // external attributes
        Put32(out, e.offset);
        out += e.name;
    }
    const std::uint32_t directory_size = Fit32(out.size()) - directory_at;
    Put32(out, 0x06054b50U);  // end of central directory
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<std::uint32_t>(entries_.size()));
    Put16(out, static_cast<std::uint32_t>(entries_.size()));
    Put32(out, directory_size);
    Put32(out, directory_at);
    Put16(out, 0);  // no comment
    return out;
}

}  // namespace dialler
