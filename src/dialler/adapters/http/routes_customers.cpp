#include <algorithm>
#include <utility>

#include "dialler/adapters/http/json_body.hpp"
#include "dialler/adapters/http/queue_json.hpp"
#include "dialler/adapters/http/routes.hpp"
#include "dialler/adapters/http/subject_access.hpp"
#include "dialler/domain/follow_up.hpp"

namespace dialler::adapters::http {

namespace {

// Finding a customer and reading their record (audited): the floor, and admins, who answer
// subject access requests and check what the floor sees.
const Access kReaders =
    Access::Roles({domain::Role::kAgent, domain::Role::kSupervisor, domain::Role::kAdmin});

nlohmann::json SummaryJson(const app::CustomerSummary& c, Timestamp now) {
    return {
        {"userId", c.user.id.ToString()},
        {"firstName", Opt(c.user.first_name)},
        {"lastName", Opt(c.user.last_name)},
        {"email", Opt(c.user.email)},
        {"phone", MaskedPhoneJson(c.lead ? c.lead->phone : std::nullopt)},
        {"queue",
         c.lead && c.lead->queue ? nlohmann::json(domain::QueueName(*c.lead->queue))
                                 : nlohmann::json(nullptr)},
        {"status", app::CustomerStatusName(app::StatusOf(c.lead, now))},
        {"nextCallAt", c.lead ? TimeJson(c.lead->next_call_at) : nlohmann::json(nullptr)},
    };
}

// Everything on the customer's page in one list, newest first: {"kind", "at", <kind>: {...}},
// each payload in the shape its own endpoint uses.
nlohmann::json TimelineJson(const app::CustomerRecordView& r, Timestamp now) {
    std::vector<std::pair<Timestamp, nlohmann::json>> items;
    const auto add = [&items](Timestamp at, const char* kind, const char* key, nlohmann::json v) {
        items.emplace_back(
            at, nlohmann::json{{"kind", kind}, {"at", TimeJson(at)}, {key, std::move(v)}}
        );
    };
    for (const auto& call : r.calls) {
        add(call.state.created_at, "call", "call", CallSessionJson(call));
    }
    for (const auto& o : r.context.outcomes) {
        add(o.at, "outcome", "outcome", OutcomeJson(o));
    }
    for (const auto& s : r.texts_sent) {
        add(s.created_at,
            "sms",
            "sms",
            {{"id", "out-" + std::to_string(s.id)},
             {"direction", "outbound"},
             {"body", s.body},
             {"at", TimeJson(s.created_at)},
             {"status", domain::SmsStatusName(s.status)},
             {"agentId", s.agent_id ? nlohmann::json(s.agent_id->ToString()) : nullptr}});
    }
    for (const auto& m : r.texts_received) {
        add(m.received_at,
            "sms",
            "sms",
            {{"id", "in-" + std::to_string(m.id)},
             {"direction", "inbound"},
             {"body", m.body},
             {"at", TimeJson(m.received_at)},
             {"status", nullptr},
             {"agentId", nullptr}});
    }
    for (const auto& l : r.links) {
        add(l.created_at, "link", "link", LinkJson(l, now));
    }
    for (const auto& c : r.context.callbacks) {
        add(c.created_at, "callback", "callback", CallbackJson(c));
    }
    for (const auto& s : r.suppressions) {
        add(s.created_at, "suppression", "suppression", SuppressionJson(s));
    }
    for (const auto& c : r.conversions) {
        add(c.at, "conversion", "conversion", ConversionJson(c));
    }
    for (const auto& f : r.follow_ups) {
        add(f.due_at, "follow_up", "followUp", FollowUpJson(f));
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return a.first > b.first;
    });
    nlohmann::json out = nlohmann::json::array();
    for (auto& [at, item] : items) {
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

void AddCustomerRoutes(Router& router, const CustomerRouteDeps& d) {
    router.Add({"GET", "/api/customers", kReaders, [d](Request& req) -> Result<Response> {
                    const auto query = ParseQuery(req.query);
                    const auto q = query.find("q");
                    if (q == query.end()) {
                        return InvalidField("q", "q must name a customer");
                    }
                    int page = 1;
                    if (const auto it = query.find("page"); it != query.end()) {
                        DIALLER_ASSIGN_OR_RETURN(
                            const std::int64_t n, PositiveId(it->second, "page")
                        );
                        page = static_cast<int>(
                            std::min<std::int64_t>(n, app::CustomerService::kMaxPage + 1)
                        );
                    }
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::CustomerSearchPage found,
                        d.customers.Search(req.session->agent, q->second, page, req.Context())
                    );
                    const Timestamp now = d.clock.Now();
                    nlohmann::json customers = nlohmann::json::array();
                    for (const auto& c : found.customers) {
                        customers.push_back(SummaryJson(c, now));
                    }
                    return Json(
                        {{"customers", customers},
                         {"page", found.page},
                         {"hasMore", found.has_more}}
                    );
                }});
    const Access managers = Access::Roles({domain::Role::kSupervisor, domain::Role::kAdmin});
    router.Add(
        {"GET",
         "/api/customers/:id/export",
         managers,
         [d](Request& req) -> Result<Response> {
             DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
             DIALLER_ASSIGN_OR_RETURN(
                 const app::SubjectAccessExport data,
                 d.customers.Export(
                     app::Actor::OfAgent(req.session->agent.id), domain::UserId{id}, req.Context()
                 )
             );
             SubjectAccessArchive archive = BuildSubjectAccessArchive(data, d.lenders);
             Response response;
             response.content_type = "application/zip";
             response.body = std::move(archive.zip);
             response.headers.emplace_back(
                 "Content-Disposition", "attachment; filename=\"" + archive.file_name + "\""
             );
             response.headers.emplace_back("Cache-Control", "no-store");
             return response;
         }}
    );
    router.Add({"GET", "/api/customers/:id", kReaders, [d](Request& req) -> Result<Response> {
                    DIALLER_ASSIGN_OR_RETURN(const std::int64_t id, PathId(req));
                    DIALLER_ASSIGN_OR_RETURN(
                        const app::CustomerRecordView record,
                        d.customers.Record(req.session->agent, domain::UserId{id}, req.Context())
                    );
                    const Timestamp now = d.clock.Now();
                    const auto& stored = record.inspection.stored;
                    // Why records are held is the managers' business, not the floor's.
                    nlohmann::json hold = nullptr;
                    if (req.session->agent.role != domain::Role::kAgent) {
                        if (const auto h = d.retention.ActiveHold(domain::UserId{id})) {
                            hold = {
                                {"id", std::to_string(h->id)},
                                {"reason", h->reason},
                                {"placedAt", TimeJson(h->placed_at)}};
                        }
                    }
                    return Json({
                        {"lead", LeadContextJson(record.context, d.lenders, now)},
                        {"status", app::CustomerStatusName(app::StatusOf(stored, now))},
                        {"heldBy",
                         stored && stored->IsLeasedAt(now) && stored->lease_agent_id
                             ? nlohmann::json(stored->lease_agent_id->ToString())
                             : nlohmann::json(nullptr)},
                        {"eligibility", InspectionJson(record.inspection)},
                        {"timeline", TimelineJson(record, now)},
                        {"legalHold", hold},
                    });
                }});
    // The floor's names, for screens that show who did what (no emails: those are the admin's).
    // Names for every screen that shows who did something, the admin's among them.
    router.Add({"GET", "/api/agents", kReaders, [d](Request&) -> Result<Response> {
                    nlohmann::json agents = nlohmann::json::array();
                    for (const auto& a : d.agents.List()) {
                        agents.push_back({
                            {"id", a.id.ToString()},
                            {"displayName", a.display_name},
                            {"role", domain::RoleName(a.role)},
                            {"active", a.is_active},
                        });
                    }
                    return Json({{"agents", agents}});
                }});
}

}  // namespace dialler::adapters::http
