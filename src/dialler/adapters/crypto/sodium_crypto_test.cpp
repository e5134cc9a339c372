#include "dialler/adapters/crypto/sodium_crypto.hpp"

#include <set>

#include <gtest/gtest.h>

namespace dialler::adapters::crypto {
namespace {

TEST(SodiumPasswordHasher, ProducesSaltedArgon2idHashesThatVerify) {
    SodiumPasswordHasher hasher;
    const std::string a = hasher.Hash("correct-horse-battery");
    const std::string b = hasher.Hash("correct-horse-battery");
    EXPECT_TRUE(a.starts_with("$argon2id$"));
    EXPECT_NE(a, b);  // salted
    EXPECT_TRUE(hasher.Verify(a, "correct-horse-battery"));
    EXPECT_FALSE(hasher.Verify(a, "correct-horse-batterY"));
    EXPECT_FALSE(hasher.Verify("not-a-hash", "x"));
    EXPECT_FALSE(hasher.Verify("", "x"));
}

TEST(SodiumTokenService, MakesDistinctUrlSafe256BitTokens) {
    SodiumTokenService tokens;
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string t = tokens.NewToken();
        EXPECT_EQ(t.size(), 43U);  // 32 bytes, base64url without padding
        EXPECT_EQ(
            t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos
        );
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 100U);
}

TEST(SodiumTokenService, FingerprintsWithSha256Hex) {
    SodiumTokenService tokens;
    EXPECT_EQ(
        tokens.Fingerprint("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

}  // namespace
}  // namespace dialler::adapters::crypto
