#pragma once

#include <string>

#include "dialler/app/assertion_signer.hpp"

namespace dialler::adapters::crypto {

// Compact JWTs, HS256 (HMAC-SHA-256 through libsodium, any key length as RFC 2104 allows):
// header {"alg":"HS256","typ":"JWT"}, claims sub, typ, iat, exp, jti (docs/magic-links.md).
class Hs256AssertionSigner final : public app::AssertionSigner {
public:
    explicit Hs256AssertionSigner(std::string secret);
    std::string Sign(const app::LinkAssertion& assertion) const override;

private:
    std::string secret_;
};

}  // namespace dialler::adapters::crypto
