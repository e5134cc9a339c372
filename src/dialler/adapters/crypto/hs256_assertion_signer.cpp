#include "dialler/adapters/crypto/hs256_assertion_signer.hpp"

#include <array>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace dialler::adapters::crypto {

namespace {

std::string Base64Url(const unsigned char* bytes, std::size_t size) {
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::vector<char> out(sodium_base64_ENCODED_LEN(size, kVariant));
    sodium_bin2base64(out.data(), out.size(), bytes, size, kVariant);
    return {out.data()};
}

std::string Base64Url(const std::string& text) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libsodium takes bytes
    return Base64Url(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace

Hs256AssertionSigner::Hs256AssertionSigner(std::string secret) : secret_(std::move(secret)) {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
}

std::string Hs256AssertionSigner::Sign(const app::LinkAssertion& assertion) const {
    const nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}};
    const nlohmann::json claims = {
        {"sub", assertion.subject},
        {"typ", assertion.type},
        {"iat", assertion.issued_at},
        {"exp", assertion.expires_at},
        {"jti", assertion.id},
    };
    const std::string signing_input = Base64Url(header.dump()) + "." + Base64Url(claims.dump());
    crypto_auth_hmacsha256_state state;
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    // NOLINTBEGIN(cppcoreguidelines-pro-type-reinterpret-cast): libsodium takes bytes
    crypto_auth_hmacsha256_init(
        &state, reinterpret_cast<const unsigned char*>(secret_.data()), secret_.size()
    );
    crypto_auth_hmacsha256_update(
        &state, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()
    );
    // NOLINTEND(cppcoreguidelines-pro-type-reinterpret-cast)
    crypto_auth_hmacsha256_final(&state, mac.data());
    return signing_input + "." + Base64Url(mac.data(), mac.size());
}

}  // namespace dialler::adapters::crypto
