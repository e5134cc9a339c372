#pragma once

#include <optional>
#include <string_view>

#include "dialler/domain/phone.hpp"

namespace dialler::app {

// Parses the free-form phone numbers of the replica ("07400 123456", "+447400123456",
// "7400123456", junk...) with the UK as the default region. Implementation:
// LibphonenumberPhoneParser (adapters/phone). Thread-safe; fast (a few microseconds).
class PhoneParser {
public:
    virtual ~PhoneParser() = default;
    // Returns the number when it is a valid number of any region, nullopt when it is not a valid
    // number (junk, too short, reserved drama ranges, unassigned ranges).
    virtual std::optional<domain::PhoneNumber> Parse(std::string_view raw) const = 0;
};

}  // namespace dialler::app
