#include "dialler/app/audit_search.hpp"

#include <algorithm>
#include <utility>

#include "dialler/app/paging.hpp"

namespace dialler::app {

namespace {

constexpr std::size_t kMaxAction = 64;

bool IsActionText(std::string_view action) {
    return !action.empty() && action.size() <= kMaxAction && action.front() != '.' &&
           std::all_of(action.begin(), action.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
           });
}

}  // namespace

Result<AuditPage> AuditViewer::Search(
    const domain::Agent& viewer, AuditFilter filter, const RequestContext& ctx
) {
    if (!filter.action.empty() && !IsActionText(filter.action)) {
        return InvalidField(
            "action",
            "action must be an action such as call.recording_played, or a prefix such as call."
        );
    }
    std::vector<std::pair<std::string, std::string>> details;
    if (filter.agent_id) {
        details.emplace_back("agentId", filter.agent_id->ToString());
    }
    if (!filter.action.empty()) {
        details.emplace_back("action", filter.action);
    }
    if (filter.user_id) {
        details.emplace_back("userId", filter.user_id->ToString());
    }
    const auto page_size = static_cast<std::size_t>(std::max(filter.limit, 0));
    ++filter.limit;
    AuditPage page;
    page.entries = store_.Search(filter);
    page.has_more = CutToPage(page.entries, page_size);
    AuditAgentAction(
        audit_, clock_, viewer, "audit.searched", "audit_log", "", ctx, std::move(details)
    );
    return page;
}

}  // namespace dialler::app
