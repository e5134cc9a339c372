#include "dialler/app/customer_service.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

#include "dialler/app/paging.hpp"
#include "dialler/base/text.hpp"

namespace dialler::app {
namespace {

constexpr int kShown = 100;                      // of each kind of history on the page
constexpr std::size_t kMaxIdDigits = 18;         // fits a BIGINT
constexpr std::size_t kMaxNameWord = 64;         // longer than any name
constexpr std::chrono::days kContactsShown{30};  // as on the call screen
static_assert(kContactsShown >= InspectionService::kGateHistory);

bool IsSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// "07400 123-456", "(0740) 0123456", "+44 7400 123456": the digits, when that is all there is
// besides the separators people type; nullopt for anything else.
std::optional<std::string> DigitsOf(std::string_view q) {
    std::string digits;
    for (std::size_t i = 0; i < q.size(); ++i) {
        const char c = q[i];
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            digits += c;
        } else if (!(IsSpace(c) || c == '-' || c == '(' || c == ')' || c == '.' ||
                     (c == '+' && i == 0))) {
            return std::nullopt;
        }
    }
    return digits.empty() ? std::nullopt : std::optional(digits);
}

std::vector<std::string> Words(std::string_view q) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : q) {
        if (IsSpace(c)) {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
        } else {
            word += c;
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

}  // namespace

std::string_view CustomerStatusName(CustomerStatus status) {
    switch (status) {
        case CustomerStatus::kCallable:
            return "callable";
        case CustomerStatus::kWaiting:
            return "waiting";
        case CustomerStatus::kHeld:
            return "held";
        case CustomerStatus::kClosed:
            return "closed";
        case CustomerStatus::kGivenUp:
            return "given_up";
        case CustomerStatus::kNotInQueue:
            return "not_in_queue";
        case CustomerStatus::kNotDiscovered:
            return "not_discovered";
    }
    return "not_discovered";
}

CustomerStatus StatusOf(const std::optional<Lead>& lead, Timestamp now) {
    if (!lead) {
        return CustomerStatus::kNotDiscovered;
    }
    if (lead->is_closed) {
        return CustomerStatus::kClosed;
    }
    if (!lead->queue) {
        return CustomerStatus::kNotInQueue;
    }
    if (lead->is_given_up) {
        return CustomerStatus::kGivenUp;
    }
    if (lead->IsLeasedAt(now)) {
        return CustomerStatus::kHeld;
    }
    if ((lead->next_call_at && *lead->next_call_at > now) || lead->bad_number_e164) {
        return CustomerStatus::kWaiting;
    }
    return CustomerStatus::kCallable;
}

Result<CustomerService::Query> CustomerService::Read(std::string_view query) const {
    const std::string_view q = Trim(query);
    if (q.empty()) {
        return InvalidField("q", "q must name a customer: a name, phone, email or number");
    }
    if (q.size() > kMaxQuery) {
        return InvalidField("q", "q must be at most " + std::to_string(kMaxQuery) + " bytes");
    }
    Query out;
    if (q.find('@') != std::string_view::npos) {
        out.kind = "email";
        out.search.email = std::string(q);
        return out;
    }
    if (const auto digits = DigitsOf(q)) {
        out.kind = "number";
        if (q.front() != '+' && digits->size() <= kMaxIdDigits) {
            out.search.ids.emplace_back(std::stoll(*digits));
        }
        if (const auto phone = ports_.phones.Parse(q)) {
            const auto owners = ports_.leads.UsersWithPhone(phone->e164);
            out.search.ids.insert(out.search.ids.end(), owners.begin(), owners.end());
        }
        return out;
    }
    out.kind = "name";
    for (auto& word : Words(q)) {
        if (word.size() > kMaxNameWord) {
            return InvalidField(
                "q", "a word of q must be at most " + std::to_string(kMaxNameWord) + " bytes"
            );
        }
        if (out.search.name_words.size() < kMaxNameWords) {
            out.search.name_words.push_back(std::move(word));
        }
    }
    return out;
}

std::vector<CustomerSummary> CustomerService::Summaries(std::vector<UserMatch> users) {
    std::vector<domain::UserId> ids;
    ids.reserve(users.size());
    for (const auto& u : users) {
        ids.push_back(u.id);
    }
    std::map<std::int64_t, Lead> leads;
    for (auto& lead : ports_.leads.LeadsById(ids)) {
        const std::int64_t id = lead.user_id.Value();
        leads.emplace(id, std::move(lead));
    }
    std::vector<CustomerSummary> out;
    out.reserve(users.size());
    for (auto& u : users) {
        const auto it = leads.find(u.id.Value());
        out.push_back(CustomerSummary{
            std::move(u), it == leads.end() ? std::nullopt : std::optional(it->second)});
    }
    return out;
}

Result<CustomerSearchPage> CustomerService::Search(
    const domain::Agent& viewer, std::string_view query, int page, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(const Query read, Read(query));
    if (page < 1 || page > kMaxPage) {
        return InvalidField("page", "page must be from 1 to " + std::to_string(kMaxPage));
    }
    CustomerSearchPage out;
    out.page = page;
    const UserSearch& search = read.search;
    if (!search.ids.empty() || search.email || !search.name_words.empty()) {
        auto users = ports_.replica.SearchUsers(search, (page - 1) * kPageSize, kPageSize + 1);
        out.has_more = CutToPage(users, static_cast<std::size_t>(kPageSize));
        out.customers = Summaries(std::move(users));
    }
    // What was looked for is personal data: the log says how, not what.
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        viewer,
        "customer.searched",
        "search",
        read.kind,
        ctx,
        {{"page", std::to_string(page)}, {"results", std::to_string(out.customers.size())}}
    );
    return out;
}

std::optional<CustomerRecordView> CustomerService::Collect(
    domain::UserId user, int limit, Timestamp since
) {
    auto customer = ports_.replica.ReadCustomerContext(user);
    if (!customer) {
        return std::nullopt;
    }
    CustomerRecordView out;
    LeadContext& c = out.context;
    // One read of the contact attempts serves the history and the gate (a superset of what the
    // gate needs).
    c.contacts = ports_.contacts.Since(user, since);
    out.inspection = ports_.inspection.InspectRecord(customer->record, c.contacts);
    if (out.inspection.stored) {
        c.lead = *out.inspection.stored;
    } else {
        c.lead.user_id = user;
    }
    c.eligibility = out.inspection.evaluation.eligibility;
    c.phone = out.inspection.evaluation.phone;
    c.customer = std::move(*customer);
    c.outcomes = ports_.outcomes.OutcomesFor(user, limit);
    c.callbacks = ports_.outcomes.CallbacksFor(user);

    CallSessionFilter calls;
    calls.user_id = user;
    calls.limit = limit;
    out.calls = ports_.calls.List(calls);
    out.texts_sent = ports_.outbox.ForUser(user, limit);
    const std::optional<std::string> e164 = c.phone ? std::optional(c.phone->e164) : std::nullopt;
    if (e164) {
        if (const auto conversation = ports_.inbox.FindByPhone(*e164)) {
            out.texts_received = ports_.inbox.Messages(conversation->id, limit);
        }
    }
    out.links = ports_.links.ForUser(user, limit);
    out.suppressions = ports_.suppressions.List(user, e164, true, limit);
    out.conversions = ports_.runs.ConversionsFor(user, limit);
    out.follow_ups = ports_.follow_ups.ForUser(user, limit);
    return out;
}

Result<CustomerRecordView> CustomerService::Record(
    const domain::Agent& viewer, domain::UserId user, const RequestContext& ctx
) {
    auto out = Collect(user, kShown, ports_.clock.Now() - kContactsShown);
    if (!out) {
        return Fail(ErrorCode::kNotFound, "no customer " + user.ToString());
    }
    AuditAgentAction(
        ports_.audit, ports_.clock, viewer, "customer.viewed", "customer", user.ToString(), ctx
    );
    return std::move(*out);
}

Result<SubjectAccessExport> CustomerService::Export(
    const Actor& actor, domain::UserId user, const RequestContext& ctx
) {
    const Timestamp now = ports_.clock.Now();
    auto record = Collect(user, kExportRows, Timestamp{});
    if (!record) {
        return Fail(ErrorCode::kNotFound, "no customer " + user.ToString());
    }
    SubjectAccessExport out;
    out.exported_at = now;
    out.record = std::move(*record);
    std::set<std::string> numbers;
    if (out.record.context.lead.phone) {
        numbers.insert(out.record.context.lead.phone->e164);
    }
    for (const CallSession& call : out.record.calls) {
        if (!call.phone_e164.empty()) {
            numbers.insert(call.phone_e164);
        }
    }
    out.phone_numbers.assign(numbers.begin(), numbers.end());
    out.queue_entries = ports_.queue_entries.EntriesOf(user, kExportRows);
    AuditFilter about;
    about.user_id = user;
    about.limit = 1000;
    for (;;) {
        std::vector<AuditView> page = ports_.audit_entries.Search(about);
        const bool more = static_cast<int>(page.size()) == about.limit;
        if (!page.empty()) {
            about.before_id = page.back().entry.id;
        }
        std::move(page.begin(), page.end(), std::back_inserter(out.audit));
        if (!more || static_cast<int>(out.audit.size()) >= kExportRows) {
            break;
        }
    }
    AuditAction(
        ports_.audit, ports_.clock, actor, "customer.exported", "customer", user.ToString(), ctx
    );
    return out;
}

}  // namespace dialler::app
