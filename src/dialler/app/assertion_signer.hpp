#pragma once

#include <string>

namespace dialler::app {

// What a magic link's click tells the claims platform (docs/magic-links.md).
struct LinkAssertion {
    std::string subject;  // the replica user id, as a string
    std::string type;     // the link type's name
    long long issued_at = 0;
    long long expires_at = 0;
    std::string id;  // unique per click, so the platform can refuse a replay
};

// Signs assertions as compact JWTs (HS256) with the secret shared with the platform. Thread-safe.
class AssertionSigner {
public:
    virtual ~AssertionSigner() = default;
    virtual std::string Sign(const LinkAssertion& assertion) const = 0;
};

}  // namespace dialler::app
