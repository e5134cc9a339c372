#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

// What the audit log viewer asks for; every part optional.
struct AuditFilter {
    std::optional<domain::AgentId> agent_id;  // who acted
    // An action ("call.recording_played"), or a prefix ending in '.' ("call.") for a family.
    std::string action;
    std::optional<domain::UserId> user_id;  // the customer it was about
    std::optional<Timestamp> from;          // at >= from
    std::optional<Timestamp> to;            // at < to
    std::optional<std::int64_t> before_id;  // id < before_id (the next page)
    int limit = 50;
};

// One entry as the viewer shows it, with the customer it was about.
struct AuditView {
    AuditEntry entry;
    std::optional<domain::UserId> user_id;
};

// The audit log searched (newest first). Thread-safe; faults are exceptions.
class AuditSearchStore {
public:
    virtual ~AuditSearchStore() = default;
    virtual std::vector<AuditView> Search(const AuditFilter& filter) = 0;
};

struct AuditPage {
    std::vector<AuditView> entries;
    bool has_more = false;
};

// Supervisors and admins reading the audit log (product.md §10, §11); each search is itself
// audited, with its filter (ids and codes only). Thread-safe; blocking.
class AuditViewer {
public:
    AuditViewer(AuditSearchStore& store, AuditLog& audit, const Clock& clock)
        : store_(store), audit_(audit), clock_(clock) {}
    // Errors: kInvalidArgument naming "action" for one that is not a dotted word (a-z, 0-9, _).
    Result<AuditPage> Search(
        const domain::Agent& viewer, AuditFilter filter, const RequestContext& ctx
    );

private:
    AuditSearchStore& store_;
    AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace dialler::app
