#include "dialler/domain/lenders.hpp"

#include "dialler/base/text.hpp"

namespace dialler::domain {

std::string TitleCaseCode(std::string_view code) {
    std::string out;
    bool start = true;
    for (char c : Trim(code)) {
        if (c == '_' || c == '-' || c == ' ') {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
            start = true;
            continue;
        }
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        out += c;
        start = false;
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

LenderNames LenderNames::FromCsv(std::string_view csv) {
    std::map<std::string, std::string, std::less<>> table;
    for (std::string_view line : Split(csv, '\n')) {
        line = Trim(line);
        const auto comma = line.find(',');
        if (line.empty() || comma == std::string_view::npos) {
            continue;
        }
        const std::string code = AsciiLower(Trim(line.substr(0, comma)));
        if (code == "code") {
            continue;
        }
        table.insert_or_assign(code, std::string(Trim(line.substr(comma + 1))));
    }
    return LenderNames(std::move(table));
}

std::string LenderNames::DisplayName(std::string_view code) const {
    const std::string key = AsciiLower(Trim(code));
    if (const auto it = table_.find(key); it != table_.end()) {
        return it->second;
    }
    return key.empty() ? std::string("Unknown lender") : TitleCaseCode(key);
}

}  // namespace dialler::domain
