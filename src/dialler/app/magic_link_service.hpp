#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/assertion_signer.hpp"
#include "dialler/app/audit_log.hpp"
#include "dialler/app/crypto.hpp"
#include "dialler/app/event_sink.hpp"
#include "dialler/app/magic_link_store.hpp"
#include "dialler/app/sms_service.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

struct MagicLinkConfig {
    std::string public_url;                         // where links point: `${public_url}/l/<token>`
    std::string main_app_url;                       // the claims platform the click lands on
    std::map<domain::LinkType, std::string> paths;  // per type; missing: DefaultLinkPath
    std::chrono::hours lifetime = domain::kDefaultLinkLifetime;
    // The earlier platform's `/claims?mlid=<base64 user id>`: forgeable, for compatibility only.
    bool legacy_mlid = false;
};

// What creating a link got: the link and its text, or the gate's refusal of the text (the link
// is then revoked at once: a link that cannot be sent is never opened).
struct CreatedLink {
    std::optional<MagicLink> link;
    std::optional<OutboundSms> sms;
    domain::GateDecision refusal;  // only read when there is no link
};

// Where a click goes: the platform (302), or a page saying why not.
struct LinkLanding {
    enum class Kind { kRedirect, kExpired, kRevoked, kUnknown };
    Kind kind = Kind::kUnknown;
    std::string location;  // kRedirect only
};

// Magic links (product.md §7): an unguessable token (256 bits; only its fingerprint stored)
// bound to a customer and a type, expiring, revocable, at most domain::kMaxLinksPerCustomerPerDay
// a day per customer, sent by text through SmsService (so the gate applies). A click is counted
// and answered with a redirect carrying a short-lived signed assertion. Thread-safe; blocking.
class MagicLinkService {
public:
    struct Ports {
        MagicLinkStore& links;
        SmsService& sms;
        TokenService& tokens;
        const AssertionSigner& signer;
        AuditLog& audit;
        EventSink& events;
        const Clock& clock;
    };
    MagicLinkService(Ports ports, MagicLinkConfig config)
        : ports_(ports), config_(std::move(config)) {}

    // `sender` nullopt: a rule of the system (a follow-up). Errors: kInvalidArgument (field
    // "type"), kResourceExhausted (field "userId": too many links for this customer today), and
    // SmsService::Send's (who may text whom).
    Result<CreatedLink> Create(
        const std::optional<domain::Agent>& sender,
        domain::UserId user,
        std::string_view type,
        std::optional<std::int64_t> call_session_id,
        const RequestContext& ctx
    );

    // A click on `${public_url}/l/<token>`: counted, and sent on when the link is open.
    LinkLanding Open(std::string_view token, std::string_view user_agent);

    // Errors: kNotFound (no such link, or an agent's link that is not theirs),
    // kFailedPrecondition (already revoked).
    Result<MagicLink> Revoke(
        const domain::Agent& agent, std::int64_t id, const RequestContext& ctx
    );

    // The customer's links, newest first: an agent sees the links they sent.
    std::vector<MagicLink> ForUser(const domain::Agent& viewer, domain::UserId user);

private:
    std::string PathOf(domain::LinkType type) const;
    void Publish(const MagicLink& link, std::string_view state);

    Ports ports_;
    MagicLinkConfig config_;
};

}  // namespace dialler::app
