#include "dialler/domain/sms_template.hpp"

#include <array>

#include "dialler/base/text.hpp"
#include "dialler/domain/sms.hpp"

namespace dialler::domain {

namespace {

constexpr std::size_t kMaxNameLength = 80;

struct Placeholder {
    std::string_view name;  // as written between the braces
    std::string TemplateValues::*value;
    std::string_view fallback;
};

constexpr std::array<Placeholder, 2> kPlaceholders{{
    {"firstName", &TemplateValues::first_name, "there"},
    {"agentName", &TemplateValues::agent_name, "the claims team"},
}};

const Placeholder* Find(std::string_view name) {
    for (const auto& p : kPlaceholders) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

bool IsWordChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Whether `text` holds STOP as a word of its own ("Reply STOP to opt out", "STOP?").
bool HasOptOutLine(std::string_view text) {
    for (std::size_t at = text.find("STOP"); at != std::string_view::npos;
         at = text.find("STOP", at + 1)) {
        const bool starts = at == 0 || !IsWordChar(text[at - 1]);
        const bool ends = at + 4 == text.size() || !IsWordChar(text[at + 4]);
        if (starts && ends) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string_view TemplateKindName(TemplateKind kind) {
    return kind == TemplateKind::kMarketing ? "marketing" : "service";
}

std::optional<TemplateKind> ParseTemplateKind(std::string_view name) {
    if (name == "service") {
        return TemplateKind::kService;
    }
    if (name == "marketing") {
        return TemplateKind::kMarketing;
    }
    return std::nullopt;
}

Result<std::string> CheckTemplateBody(
    std::string_view body, TemplateKind kind, const std::string& field
) {
    DIALLER_ASSIGN_OR_RETURN(std::string text, CheckSmsBody(body, field));
    const std::string_view words = text;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '}') {
            return InvalidField(field, field + " has a '}' without its '{'");
        }
        if (text[at] != '{') {
            continue;
        }
        const std::size_t close = text.find('}', at);
        if (close == std::string::npos) {
            return InvalidField(field, field + " has a '{' without its '}'");
        }
        const std::string_view name = words.substr(at + 1, close - at - 1);
        if (Find(name) == nullptr) {
            return InvalidField(
                field,
                field + " uses {" + std::string(name) +
                    "}: the placeholders are {firstName} and {agentName}"
            );
        }
        at = close;
    }
    if (kind == TemplateKind::kMarketing && !HasOptOutLine(text)) {
        return InvalidField(
            field,
            field + " is marketing and must say how to opt out, e.g. \"Reply STOP to opt out\""
        );
    }
    return text;
}

std::string RenderTemplate(std::string_view body, const TemplateValues& values) {
    std::string out;
    out.reserve(body.size());
    for (std::size_t at = 0; at < body.size(); ++at) {
        const std::size_t close = body[at] == '{' ? body.find('}', at) : std::string_view::npos;
        const Placeholder* p =
            close == std::string_view::npos ? nullptr : Find(body.substr(at + 1, close - at - 1));
        if (p == nullptr) {
            out += body[at];
            continue;
        }
        const std::string_view value = Trim(values.*(p->value));
        out += value.empty() ? p->fallback : value;
        at = close;
    }
    return out;
}

Result<std::string> CheckTemplateName(std::string_view name, const std::string& field) {
    const std::string_view trimmed = Trim(name);
    DIALLER_RETURN_IF_ERROR(CheckText(trimmed, field, kMaxNameLength * 4, ControlChars::kNone));
    if (trimmed.empty()) {
        return InvalidField(field, field + " is empty: name the template");
    }
    if (CodePoints(trimmed) > kMaxNameLength) {
        return InvalidField(field, field + " is too long: at most 80 characters");
    }
    return std::string(trimmed);
}

}  // namespace dialler::domain
