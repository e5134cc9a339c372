#include "dialler/app/inspection_service.hpp"

namespace dialler::app {

Result<CustomerInspection> InspectionService::Inspect(domain::UserId user_id) {
    const std::vector<domain::UserId> ids{user_id};
    auto records = ports_.replica.ReadCustomers(ids);
    if (records.empty()) {
        return Fail(ErrorCode::kNotFound, "no customer " + user_id.ToString() + " in the replica");
    }
    const auto recent = ports_.contacts.Since(user_id, ports_.clock.Now() - kGateHistory);
    return InspectRecord(records.front(), recent);
}

CustomerInspection InspectionService::InspectRecord(
    const domain::CustomerRecord& record, const std::vector<ContactAttempt>& recent
) {
    const domain::UserId user_id = record.user.id;
    const Timestamp now = ports_.clock.Now();
    const QueueSettings settings = ports_.settings.Current();
    CustomerInspection out;
    out.user_id = user_id;
    out.stored = ports_.leads.FindLead(user_id);
    out.evaluation = EvaluateLive(
        record, out.stored, ports_.phones, ports_.suppressions, settings, ports_.lenders, now
    );
    out.gate = domain::DecideContact(
        domain::Channel::kCall,
        ContactSubjectFor(out.evaluation.phone, out.evaluation.suppressed, out.stored, recent),
        settings.gate,
        std::chrono::floor<std::chrono::seconds>(now)
    );
    return out;
}

Result<InspectionService::DataQualityPage> InspectionService::DataQuality(
    domain::UserId after, int limit
) {
    if (limit < 1 || limit > kMaxPage) {
        return InvalidField("limit", "limit must be from 1 to " + std::to_string(kMaxPage));
    }
    DataQualityPage page;
    // One more than asked tells whether there is a next page without a second query.
    page.customers = ports_.leads.UnreachableAfter(after, limit + 1);
    if (static_cast<int>(page.customers.size()) > limit) {
        page.customers.pop_back();
        page.next = page.customers.back().user_id;
    }
    return page;
}

}  // namespace dialler::app
