#include "dialler/app/magic_link_service.hpp"

#include <algorithm>

#include "dialler/base/text.hpp"

namespace dialler::app {

namespace {

constexpr int kShownPerCustomer = 100;

// Our tokens are 43 URL-safe base64 characters; anything else is nobody's link, and is not
// worth a database read.
bool LooksLikeToken(std::string_view token) {
    return token.size() == 43 && IsUrlSafeText(token);
}

long long Seconds(Timestamp t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

Result<CreatedLink> MagicLinkService::Create(
    const std::optional<domain::Agent>& sender,
    domain::UserId user,
    std::string_view type,
    std::optional<std::int64_t> call_session_id,
    const RequestContext& ctx
) {
    const auto link_type = domain::ParseLinkType(type);
    if (!link_type) {
        return InvalidField(
            "type",
            "type must be one of firstLogin, claimPortal, documentUpload, claimCompletion, "
            "requirementReview, statusUpdate, profileUpdate"
        );
    }
    const Timestamp now = ports_.clock.Now();
    if (ports_.links.CountSince(user, now - std::chrono::hours{24}) >=
        domain::kMaxLinksPerCustomerPerDay) {
        return Fail(
            ErrorCode::kResourceExhausted,
            "this customer has been sent " + std::to_string(domain::kMaxLinksPerCustomerPerDay) +
                " links in the last 24 hours; use one of those",
            "userId"
        );
    }
    const std::string token = ports_.tokens.NewToken();
    MagicLink link;
    link.user_id = user;
    link.type = *link_type;
    link.token_hash = ports_.tokens.Fingerprint(token);
    link.created_by = sender ? std::optional(sender->id) : std::nullopt;
    link.call_session_id = call_session_id;
    link.created_at = now;
    link.expires_at = now + config_.lifetime;
    link = ports_.links.Create(link);

    const std::string url = config_.public_url + "/l/" + token;
    auto sent = ports_.sms.Send(
        sender,
        user,
        domain::MagicLinkText(*link_type, "", url),
        "magic-link-" + std::to_string(link.id),
        ctx
    );
    if (!sent || !sent->sms) {
        // Never sent, so never to be opened.
        ports_.links.Revoke(link.id, std::nullopt, now);
        if (!sent) {
            return tl::unexpected(sent.error());
        }
        return CreatedLink{std::nullopt, std::nullopt, sent->refusal};
    }
    ports_.links.AttachSms(link.id, sent->sms->id);
    link.sms_id = sent->sms->id;
    AuditAction(
        ports_.audit,
        ports_.clock,
        sender ? Actor::OfAgent(sender->id) : Actor::System(),
        "magic_link.sent",
        "customer",
        user.ToString(),
        ctx,
        {{"linkId", std::to_string(link.id)}, {"type", std::string(type)}}
    );
    Publish(link, "sent");
    return CreatedLink{link, sent->sms, {}};
}

LinkLanding MagicLinkService::Open(std::string_view token, std::string_view user_agent) {
    if (!LooksLikeToken(token)) {
        return {LinkLanding::Kind::kUnknown, {}};
    }
    const auto link = ports_.links.FindByTokenHash(ports_.tokens.Fingerprint(token));
    if (!link) {
        return {LinkLanding::Kind::kUnknown, {}};
    }
    const Timestamp now = ports_.clock.Now();
    switch (domain::DecideLinkOpen(link->expires_at, link->revoked_at, now)) {
        case domain::LinkOpen::kExpired:
            return {LinkLanding::Kind::kExpired, {}};
        case domain::LinkOpen::kRevoked:
            return {LinkLanding::Kind::kRevoked, {}};
        case domain::LinkOpen::kOpen:
            break;
    }
    const std::string jti = ports_.tokens.NewToken();
    // The user agent is kept to tell phones from link scanners, cut short; never the address.
    const auto clicked =
        ports_.links.RecordClick(link->id, now, std::string(user_agent.substr(0, 300)), jti);
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::Anonymous(),
        "magic_link.opened",
        "customer",
        link->user_id.ToString(),
        RequestContext{},
        {{"linkId", std::to_string(link->id)}}
    );
    Publish(clicked.value_or(*link), "opened");
    std::string location = config_.main_app_url;
    if (config_.legacy_mlid) {
        location += "/claims?mlid=" + Base64(link->user_id.ToString());
    } else {
        location += PathOf(link->type) + "?assertion=" +
                    ports_.signer.Sign(LinkAssertion{
                        link->user_id.ToString(),
                        std::string(domain::LinkTypeName(link->type)),
                        Seconds(now),
                        Seconds(now + domain::kAssertionLifetime),
                        jti});
    }
    return {LinkLanding::Kind::kRedirect, std::move(location)};
}

Result<MagicLink> MagicLinkService::Revoke(
    const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
) {
    const auto link = ports_.links.Find(id);
    if (!link || (agent.role == domain::Role::kAgent && link->created_by != agent.id)) {
        return Fail(ErrorCode::kNotFound, "no such link");
    }
    if (!ports_.links.Revoke(id, agent.id, ports_.clock.Now())) {
        return Fail(ErrorCode::kFailedPrecondition, "the link is already revoked");
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        agent,
        "magic_link.revoked",
        "customer",
        link->user_id.ToString(),
        ctx,
        {{"linkId", std::to_string(id)}}
    );
    auto revoked = *ports_.links.Find(id);
    Publish(revoked, "revoked");
    return revoked;
}

std::vector<MagicLink> MagicLinkService::ForUser(const domain::Agent& viewer, domain::UserId user) {
    std::vector<MagicLink> links = ports_.links.ForUser(user, kShownPerCustomer);
    if (viewer.role == domain::Role::kAgent) {
        std::erase_if(links, [&viewer](const MagicLink& l) { return l.created_by != viewer.id; });
    }
    return links;
}

std::string MagicLinkService::PathOf(domain::LinkType type) const {
    const auto it = config_.paths.find(type);
    return it != config_.paths.end() ? it->second : std::string(domain::DefaultLinkPath(type));
}

void MagicLinkService::Publish(const MagicLink& link, std::string_view state) {
    ports_.events.Publish(LiveEvent{
        "magic_link", link.id, std::string(state), link.created_by, ports_.clock.Now()});
}

}  // namespace dialler::app
