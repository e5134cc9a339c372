#include "dialler/base/zip.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace dialler {
namespace {

const Timestamp kAt{
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 4} + std::chrono::hours{11}};

std::uint32_t Read32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + i))) << (8 * i);
    }
    return v;
}

std::uint32_t Read16(const std::string& s, std::size_t at) {
    return Read32(s + std::string(2, '\0'), at) & 0xFFFFU;
}

TEST(Crc32, MatchesTheStandardCheckValue) {
    EXPECT_EQ(Crc32("123456789"), 0xCBF43926U);
    EXPECT_EQ(Crc32(""), 0U);
}

TEST(ZipWriter, WritesStoredEntriesAndADirectoryThatPointsAtThem) {
    ZipWriter zip;
    zip.Add("customer.json", "{\"userId\":\"7\"}", kAt);
    zip.Add("calls.csv", "id\r\n1\r\n", kAt);
    const std::string archive = zip.Finish();

    ASSERT_EQ(Read32(archive, 0), 0x04034b50U);
    EXPECT_EQ(Read32(archive, 14), Crc32("{\"userId\":\"7\"}"));
    EXPECT_EQ(Read32(archive, 18), 14U);
    EXPECT_EQ(archive.substr(30, 13), "customer.json");
    EXPECT_EQ(archive.substr(43, 14), "{\"userId\":\"7\"}");
    // 2026-11-04 11:00:00 in MS-DOS form.
    EXPECT_EQ(Read16(archive, 10), static_cast<std::uint32_t>(11 << 11));
    EXPECT_EQ(
        Read16(archive, 12), static_cast<std::uint32_t>(((2026 - 1980) << 9) | (11 << 5) | 4)
    );

    const std::size_t end = archive.size() - 22;
    ASSERT_EQ(Read32(archive, end), 0x06054b50U);
    EXPECT_EQ(Read16(archive, end + 10), 2U);
    const std::size_t directory = Read32(archive, end + 16);
    EXPECT_EQ(Read32(archive, end + 12), end - directory);
    ASSERT_EQ(Read32(archive, directory), 0x02014b50U);
    // The second entry's central record points back at its local header.
    const std::size_t second = directory + 46 + 13;
    ASSERT_EQ(Read32(archive, second), 0x02014b50U);
    const std::size_t local = Read32(archive, second + 42);
    EXPECT_EQ(Read32(archive, local), 0x04034b50U);
    EXPECT_EQ(archive.substr(local + 30, 9), "calls.csv");
}

TEST(ZipWriter, AnEmptyArchiveIsOnlyTheEndRecord) {
    const std::string archive = ZipWriter{}.Finish();
    ASSERT_EQ(archive.size(), 22U);
    EXPECT_EQ(Read32(archive, 0), 0x06054b50U);
}

TEST(ZipWriter, RefusesNamesThatCouldLeaveTheFolderTheyAreUnpackedIn) {
    ZipWriter zip;
    for (const char* bad :
         {"", "/etc/passwd", "../up.txt", "a/../../b", "a//b", "a\\b", "./a", "a/"}) {
        EXPECT_THROW(zip.Add(bad, "x", kAt), std::invalid_argument) << bad;
    }
    zip.Add("folder/file.csv", "x", kAt);
    EXPECT_EQ(Read32(zip.Finish(), 0), 0x04034b50U);
}

}  // namespace
}  // namespace dialler
