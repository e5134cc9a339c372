#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/audit_search.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/call_session_store.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/follow_up_store.hpp"
#include "dialler/app/funnel.hpp"
#include "dialler/app/inspection_service.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/magic_link_store.hpp"
#include "dialler/app/outcome_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/sms_inbox.hpp"
#include "dialler/app/sms_outbox.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// Where a customer stands with the dialler, in one word: the search results and the customer's
// page say it alike.
enum class CustomerStatus {
    kCallable,       // in a queue, free, nothing to wait for
    kWaiting,        // in a queue, waiting for next_call_at
    kHeld,           // an agent holds them now
    kClosed,         // no_claim / do_not_contact
    kGivenUp,        // score at or above the give-up threshold
    kNotInQueue,     // discovery keeps them out of the queues
    kNotDiscovered,  // the dialler has not seen them yet
};
std::string_view CustomerStatusName(CustomerStatus status);
CustomerStatus StatusOf(const std::optional<Lead>& lead, Timestamp now);

struct CustomerSummary {
    UserMatch user;
    std::optional<Lead> lead;  // nullopt: not yet discovered
};

struct CustomerSearchPage {
    std::vector<CustomerSummary> customers;
    int page = 1;
    bool has_more = false;
};

// Everything the dialler holds about one customer, for their page (product.md §4, §7).
struct CustomerRecordView {
    LeadContext context;  // the replica's view, the lead, outcomes, callbacks
    CustomerInspection inspection;
    std::vector<CallSession> calls;
    std::vector<OutboundSms> texts_sent;
    std::vector<InboundSms> texts_received;  // on the customer's number, newest first
    std::vector<MagicLink> links;
    std::vector<Suppression> suppressions;  // removed ones too
    std::vector<Conversion> conversions;
    std::vector<FollowUp> follow_ups;
};

// Everything held about one customer, for a subject access request (product.md §11): every
// row of each kind, the full numbers we keep for them, and every audit entry about them.
struct SubjectAccessExport {
    Timestamp exported_at;
    CustomerRecordView record;
    std::vector<std::string> phone_numbers;  // E.164, as held (the lead's, the calls')
    std::vector<AuditView> audit;            // newest first
    std::vector<QueueEntry> queue_entries;   // each time they entered a queue, oldest first
};

// Finding a customer and showing all about them. Every look is audited (a regulated business
// must say who looked at whose record). Keeps references to the ports. Thread-safe; blocking.
class CustomerService {
public:
    struct Ports {
        Replica& replica;
        LeadStore& leads;
        InspectionService& inspection;
        OutcomeStore& outcomes;
        ContactLog& contacts;
        CallSessionStore& calls;
        SmsOutbox& outbox;
        SmsInbox& inbox;
        MagicLinkStore& links;
        SuppressionStore& suppressions;
        DiscoveryStore& runs;
        FollowUpStore& follow_ups;
        FunnelStore& queue_entries;
        AuditLog& audit;
        AuditSearchStore& audit_entries;
        const PhoneParser& phones;
        const Clock& clock;
    };
    explicit CustomerService(Ports ports) : ports_(ports) {}

    static constexpr int kPageSize = 20;
    static constexpr int kMaxPage = 50;
    static constexpr std::size_t kMaxQuery = 200;
    static constexpr std::size_t kMaxNameWords = 4;

    // Finds customers by what an agent has in front of them: a customer number, a phone number in
    // any format (parsed, then matched exactly in E.164), an email address, or words of a name
    // (each starting the first or the last name). Errors: kInvalidArgument naming "q" (empty,
    // too long, no usable words) or "page" (outside 1..kMaxPage).
    Result<CustomerSearchPage> Search(
        const domain::Agent& viewer, std::string_view query, int page, const RequestContext& ctx
    );

    // Errors: kNotFound (no such customer in the replica); replica faults are exceptions.
    Result<CustomerRecordView> Record(
        const domain::Agent& viewer, domain::UserId user, const RequestContext& ctx
    );

    // Most rows of one kind an export holds (a customer's history is tens of rows).
    static constexpr int kExportRows = 100000;

    // Everything about the customer, audited as `customer.exported`. Errors: kNotFound (no such
    // customer in the replica); faults are exceptions.
    // `actor`: the supervisor or admin through the API, or the CLI.
    Result<SubjectAccessExport> Export(
        const Actor& actor, domain::UserId user, const RequestContext& ctx
    );

private:
    // The record with at most `limit` rows of each kind and the contact attempts since `since`;
    // nullopt when the replica has no such customer. Not audited.
    std::optional<CustomerRecordView> Collect(domain::UserId user, int limit, Timestamp since);
    // How a search reads what was typed: the replica search, and its kind for the audit log.
    struct Query {
        UserSearch search;
        std::string kind;  // "number", "email", "name"
    };
    Result<Query> Read(std::string_view query) const;
    // The users with their leads (one query).
    std::vector<CustomerSummary> Summaries(std::vector<UserMatch> users);

    Ports ports_;
};

}  // namespace dialler::app
