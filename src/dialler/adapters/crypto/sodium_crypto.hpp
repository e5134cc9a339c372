#pragma once

#include "dialler/app/crypto.hpp"

namespace dialler::adapters::crypto {

// argon2id through libsodium's crypto_pwhash_str, at libsodium's "interactive" cost (about
// 100 ms and 64 MiB per hash): the cost is why AuthService runs on worker threads.
class SodiumPasswordHasher final : public app::PasswordHasher {
public:
    SodiumPasswordHasher();
    std::string Hash(std::string_view password) override;
    bool Verify(std::string_view hash, std::string_view password) override;
};

// 256-bit tokens from the OS CSPRNG, fingerprinted with SHA-256.
class SodiumTokenService final : public app::TokenService {
public:
    SodiumTokenService();
    std::string NewToken() override;
    std::string Fingerprint(std::string_view token) override;
};

}  // namespace dialler::adapters::crypto
