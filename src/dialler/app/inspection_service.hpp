#pragma once

#include <optional>

#include "dialler/app/contact_log.hpp"
#include "dialler/app/customer_evaluation.hpp"
#include "dialler/app/discovery_service.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/contact_gate.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::app {

// Why a customer is (or is not) in a queue, whether they may be called now, and how they score:
// the support view (`dialler queue show`, GET /api/customers/:id/eligibility). Reads the replica
// live and uses the very functions discovery and pre-call validation use.
struct CustomerInspection {
    domain::UserId user_id;
    CustomerEvaluation evaluation;  // eligibility, phone, score as of now
    domain::GateDecision gate;      // a call right now
    std::optional<Lead> stored;     // the lead as discovery last stored it
};

// Keeps references to the ports. Thread-safe; blocking.
class InspectionService {
public:
    struct Ports {
        Replica& replica;
        LeadStore& leads;
        SuppressionStore& suppressions;
        ContactLog& contacts;
        const PhoneParser& phones;
        const SettingsProvider& settings;
        const domain::LenderNames& lenders;
        const Clock& clock;
    };
    explicit InspectionService(Ports ports) : ports_(ports) {}

    // Errors: kNotFound when the replica has no such user.
    Result<CustomerInspection> Inspect(domain::UserId user_id);
    // The same for a customer already read from the replica (no second read), with their contact
    // attempts already read too (at least the last kGateHistory; more does no harm).
    CustomerInspection InspectRecord(
        const domain::CustomerRecord& record, const std::vector<ContactAttempt>& recent
    );
    // How far back the gate needs contact attempts: the 7-day cap, and a day to spare.
    static constexpr std::chrono::days kGateHistory{8};

    // One page of the data-quality report: customers left out of the queues because their
    // phone number is not valid or not a UK number we may call, as discovery last saw them,
    // after `after` in id order. `next` is where the following page starts (nullopt at the
    // end). Errors: kInvalidArgument naming "limit" outside 1-1000.
    struct DataQualityPage {
        std::vector<Lead> customers;
        std::optional<domain::UserId> next;
    };
    Result<DataQualityPage> DataQuality(domain::UserId after, int limit);
    static constexpr int kMaxPage = 1000;

private:
    Ports ports_;
};

}  // namespace dialler::app
