#pragma once

#include "dialler/app/phone_parser.hpp"

namespace dialler::adapters::phone {

// PhoneParser over Google's libphonenumber (Debian's libphonenumber 8.12), UK default region.
class LibphonenumberPhoneParser final : public app::PhoneParser {
public:
    std::optional<domain::PhoneNumber> Parse(std::string_view raw) const override;
};

}  // namespace dialler::adapters::phone
