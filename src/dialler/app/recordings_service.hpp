#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialler/app/call_session_store.hpp"
#include "dialler/app/replica.hpp"

namespace dialler::app {

// A recorded call as the recordings page lists it.
struct RecordingView {
    CallSession call;
    std::optional<std::string> customer_name;  // nullopt while the replica cannot be read
};

struct RecordingPage {
    std::vector<RecordingView> recordings;  // newest first
    bool has_more = false;
};

// Supervisors' and admins' search of recorded calls (product.md §10): by agent, customer,
// outcome and date, a page at a time; playing one goes through CallService::Recording (audited).
// Thread-safe; blocking.
class RecordingsService {
public:
    RecordingsService(CallSessionStore& sessions, Replica& replica)
        : sessions_(sessions), replica_(replica) {}
    // `filter.limit` rows at most (the next page: before_id = the last one's id).
    RecordingPage Search(CallSessionFilter filter);

private:
    CallSessionStore& sessions_;
    Replica& replica_;
};

}  // namespace dialler::app
