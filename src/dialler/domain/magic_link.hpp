#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dialler/base/clock.hpp"
#include "dialler/base/error.hpp"

namespace dialler::domain {

// What a magic link opens on the claims platform (product.md §7).
enum class LinkType {
    kFirstLogin,
    kClaimPortal,
    kDocumentUpload,
    kClaimCompletion,
    kRequirementReview,
    kStatusUpdate,
    kProfileUpdate,
};

std::string_view LinkTypeName(LinkType type);  // "firstLogin", "claimPortal", ...
std::optional<LinkType> ParseLinkType(std::string_view name);
std::span<const LinkType> AllLinkTypes();

// The platform's page for each type, unless configured otherwise ("/claims", "/documents", ...).
std::string_view DefaultLinkPath(LinkType type);

// The configured pages (MAGIC_LINK_PATHS): "documentUpload=/docs,claimPortal=/my-claims"; types
// not named keep their default. A path is absolute on the platform ("/..."), never "//..." (that
// would leave the platform's host), made of letters, digits, '/', '-', '_' and '.', at most 200
// characters. Errors: kInvalidArgument naming MAGIC_LINK_PATHS. Pure.
Result<std::map<LinkType, std::string>> ParseLinkPaths(std::string_view spec);

// How long a link lasts unless configured otherwise, and the longest an admin may set.
inline constexpr std::chrono::hours kDefaultLinkLifetime{48};
inline constexpr std::chrono::hours kMaxLinkLifetime{14 * 24};
// How long the platform may accept the assertion a click produces (product.md §7: at most 5 min).
inline constexpr std::chrono::minutes kAssertionLifetime{5};
// Links one customer may be sent in a rolling day, by anyone: enough for a call and a retry,
// not enough to flood a phone.
inline constexpr int kMaxLinksPerCustomerPerDay = 5;

// Whether a stored link may be opened at `now`.
enum class LinkOpen { kOpen, kExpired, kRevoked };
LinkOpen DecideLinkOpen(
    Timestamp expires_at, const std::optional<Timestamp>& revoked_at, Timestamp now
);

// The text a link is sent in: who it is from and the link itself, nothing personal beyond the
// first name (a phone's lock screen shows it).
std::string MagicLinkText(LinkType type, std::string_view first_name, std::string_view url);

}  // namespace dialler::domain
