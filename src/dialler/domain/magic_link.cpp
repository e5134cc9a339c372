#include "dialler/domain/magic_link.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "dialler/base/text.hpp"

namespace dialler::domain {

namespace {

struct TypeInfo {
    LinkType type;
    std::string_view name;
    std::string_view path;
    std::string_view purpose;  // completes "Please tap to ..."
};

constexpr std::array<TypeInfo, 7> kTypes{{
    {LinkType::kFirstLogin, "firstLogin", "/welcome", "set up your claims account"},
    {LinkType::kClaimPortal, "claimPortal", "/claims", "see your claims"},
    {LinkType::kDocumentUpload, "documentUpload", "/documents", "upload your documents"},
    {LinkType::kClaimCompletion,
     "claimCompletion",
     "/claims/complete",
     "sign and complete your claim"},
    {LinkType::kRequirementReview, "requirementReview", "/requirements", "see what we still need"},
    {LinkType::kStatusUpdate, "statusUpdate", "/claims/status", "see your claim's progress"},
    {LinkType::kProfileUpdate, "profileUpdate", "/profile", "update your details"},
}};

constexpr std::array<LinkType, 7> kAll{
    LinkType::kFirstLogin,
    LinkType::kClaimPortal,
    LinkType::kDocumentUpload,
    LinkType::kClaimCompletion,
    LinkType::kRequirementReview,
    LinkType::kStatusUpdate,
    LinkType::kProfileUpdate};

const TypeInfo& InfoOf(LinkType type) {
    for (const TypeInfo& info : kTypes) {
        if (info.type == type) {
            return info;
        }
    }
    return kTypes.front();
}

}  // namespace

std::string_view LinkTypeName(LinkType type) {
    return InfoOf(type).name;
}

std::optional<LinkType> ParseLinkType(std::string_view name) {
    for (const TypeInfo& info : kTypes) {
        if (info.name == name) {
            return info.type;
        }
    }
    return std::nullopt;
}

std::span<const LinkType> AllLinkTypes() {
    return kAll;
}

std::string_view DefaultLinkPath(LinkType type) {
    return InfoOf(type).path;
}

Result<std::map<LinkType, std::string>> ParseLinkPaths(std::string_view spec) {
    const std::string field = "MAGIC_LINK_PATHS";
    std::map<LinkType, std::string> paths;
    if (Trim(spec).empty()) {
        return paths;
    }
    for (const std::string_view entry : Split(spec, ',')) {
        const auto eq = entry.find('=');
        if (eq == std::string_view::npos) {
            return InvalidField(field, field + " entries are type=/path, separated by commas");
        }
        const auto type = ParseLinkType(Trim(entry.substr(0, eq)));
        if (!type) {
            return InvalidField(field, field + " names an unknown link type");
        }
        const std::string_view path = Trim(entry.substr(eq + 1));
        const bool safe_chars = std::all_of(path.begin(), path.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '/' || c == '-' || c == '_' || c == '.';
        });
        if (!path.starts_with('/') || path.starts_with("//") || path.size() > 200 || !safe_chars ||
            path.find("..") != std::string_view::npos) {
            return InvalidField(
                field, field + " paths start with one '/' and hold only letters, digits, / - _ ."
            );
        }
        if (!paths.emplace(*type, std::string(path)).second) {
            return InvalidField(field, field + " names a link type twice");
        }
    }
    return paths;
}

LinkOpen DecideLinkOpen(
    Timestamp expires_at, const std::optional<Timestamp>& revoked_at, Timestamp now
) {
    if (revoked_at && *revoked_at <= now) {
        return LinkOpen::kRevoked;
    }
    return now < expires_at ? LinkOpen::kOpen : LinkOpen::kExpired;
}

std::string MagicLinkText(LinkType type, std::string_view first_name, std::string_view url) {
    std::string text = first_name.empty() ? "Hello" : "Hello " + std::string(first_name);
    text += ", please tap to ";
    text += InfoOf(type).purpose;
    text += ": ";
    text += url;
    return text;
}

}  // namespace dialler::domain
