#include "dialler/app/recordings_service.hpp"

#include <algorithm>
#include <utility>

#include "dialler/app/paging.hpp"

namespace dialler::app {

RecordingPage RecordingsService::Search(CallSessionFilter filter) {
    filter.recorded_only = true;
    const auto page_size = static_cast<std::size_t>(std::max(filter.limit, 0));
    ++filter.limit;
    std::vector<CallSession> calls = sessions_.List(filter);
    RecordingPage page;
    page.has_more = CutToPage(calls, page_size);
    std::vector<domain::UserId> ids;
    ids.reserve(calls.size());
    for (const CallSession& c : calls) {
        ids.push_back(c.user_id);
    }
    const auto names =
        calls.empty() ? std::map<std::int64_t, std::string>{} : CustomerNames(replica_, ids);
    page.recordings.reserve(calls.size());
    for (CallSession& c : calls) {
        const auto name = names.find(c.user_id.Value());
        page.recordings.push_back(RecordingView{
            std::move(c), name == names.end() ? std::nullopt : std::optional(name->second)});
    }
    return page;
}

}  // namespace dialler::app
