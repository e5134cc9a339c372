#pragma once

#include <map>
#include <string>
#include <string_view>

namespace dialler::domain {

// Display names of lender codes (claims.lender, snake_case). The table comes from
// data/lenders.csv; codes it does not know are title-cased ("acme_motor_credit" -> "Acme Motor
// Credit"), so a new lender on the platform still reads well on screen.
class LenderNames {
public:
    LenderNames() = default;
    explicit LenderNames(std::map<std::string, std::string, std::less<>> table)
        : table_(std::move(table)) {}

    // Parses "code,display_name" lines (a header line "code,..." is skipped).
    static LenderNames FromCsv(std::string_view csv);

    std::string DisplayName(std::string_view code) const;
    std::size_t Size() const { return table_.size(); }

private:
    std::map<std::string, std::string, std::less<>> table_;
};

// "black_horse" -> "Black Horse".
std::string TitleCaseCode(std::string_view code);

}  // namespace dialler::domain
