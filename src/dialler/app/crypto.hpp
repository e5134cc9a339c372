#pragma once

#include <string>
#include <string_view>

namespace dialler::app {

// Password hashing (argon2id in production). Slow on purpose (~100 ms, 64 MiB): call only from
// worker threads, never from an IO thread. Thread-safe.
class PasswordHasher {
public:
    virtual ~PasswordHasher() = default;
    virtual std::string Hash(std::string_view password) = 0;
    // Returns false for a wrong password or a malformed hash.
    virtual bool Verify(std::string_view hash, std::string_view password) = 0;
};

// Unguessable tokens and their one-way fingerprints. Thread-safe.
class TokenService {
public:
    virtual ~TokenService() = default;
    // Returns a fresh random token: 256 bits, URL-safe base64 without padding.
    virtual std::string NewToken() = 0;
    // Returns a stable one-way hash of `token` (hex SHA-256) for storage and lookup.
    virtual std::string Fingerprint(std::string_view token) = 0;
};

}  // namespace dialler::app
