#include "dialler/adapters/crypto/sodium_crypto.hpp"

#include <array>
#include <stdexcept>

#include <sodium.h>

namespace dialler::adapters::crypto {

namespace {
void InitSodium() {
    // sodium_init is idempotent and thread-safe; -1 means no entropy source, which we cannot
    // run without.
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not initialise");
    }
}
}  // namespace

SodiumPasswordHasher::SodiumPasswordHasher() {
    InitSodium();
}

std::string SodiumPasswordHasher::Hash(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(
            out.data(),
            password.data(),
            password.size(),
            crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE
        ) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out.data();
}

bool SodiumPasswordHasher::Verify(std::string_view hash, std::string_view password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    std::array<char, crypto_pwhash_STRBYTES> stored{};
    hash.copy(stored.data(), hash.size());
    return crypto_pwhash_str_verify(stored.data(), password.data(), password.size()) == 0;
}

SodiumTokenService::SodiumTokenService() {
    InitSodium();
}

std::string SodiumTokenService::NewToken() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::array<char, sodium_base64_ENCODED_LEN(32, kVariant)> out{};
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
    return out.data();
}

std::string SodiumTokenService::Fingerprint(std::string_view token) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(
        digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size()
    );
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

}  // namespace dialler::adapters::crypto
