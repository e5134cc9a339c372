#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dialler/base/error.hpp"

namespace dialler::domain {

// What a text template is for (product.md §7): a service text about the customer's claim, or
// marketing, which must tell the customer how to opt out.
enum class TemplateKind { kService, kMarketing };
std::string_view TemplateKindName(TemplateKind kind);  // "service", "marketing"
std::optional<TemplateKind> ParseTemplateKind(std::string_view name);

// The placeholders a template may use, each filled in per text: {firstName} (the customer's),
// {agentName} (the sender's).
struct TemplateValues {
    std::string first_name;  // empty: "there" ("Hi there")
    std::string agent_name;  // empty (a rule of the system): "the claims team"
};

// A template's words as an admin writes them: a text (CheckSmsBody's rules) that uses only the
// placeholders above, with its braces balanced; a marketing template must carry an opt-out line
// (the word STOP, as in "Reply STOP to opt out"). Returns the words trimmed. Errors:
// kInvalidArgument naming `field`.
Result<std::string> CheckTemplateBody(
    std::string_view body, TemplateKind kind, const std::string& field
);

// The text a checked template makes for one customer and sender.
std::string RenderTemplate(std::string_view body, const TemplateValues& values);

// A template's name: one line, 1 to 80 characters. Returns it trimmed. Errors: kInvalidArgument
// naming `field`.
Result<std::string> CheckTemplateName(std::string_view name, const std::string& field);

}  // namespace dialler::domain
