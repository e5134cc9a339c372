#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/call_session.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

struct CallRecording {
    std::string sid;  // RE...
    std::string url;  // Twilio's media URL (fetched through our audited proxy, never handed out)
    int seconds = 0;
};

// Who rang whom: an agent's call to a customer (the gate allowed it), or a customer's call to
// our number that rang an agent's browser.
enum class CallDirection { kOutbound, kInbound };
std::string_view CallDirectionName(CallDirection direction);  // "outbound", "inbound"

// One call with a customer, from the gate's yes (or their call reaching us) to its end. For an
// inbound call the legs swap roles: call_sid is the customer's call to us, dialled_call_sid the
// agent's browser it rang; the state follows that dialled leg either way.
struct CallSession {
    std::int64_t id = 0;
    CallDirection direction = CallDirection::kOutbound;
    domain::UserId user_id;
    domain::AgentId agent_id;
    std::string phone_e164;  // resolved by the server; the browser never sees it
    std::string caller_id;
    domain::CallState state;
    std::optional<std::string> call_sid;          // outbound: the browser's leg
    std::optional<std::string> dialled_call_sid;  // outbound: the customer's leg
    std::optional<CallRecording> recording;
    std::optional<std::int64_t> outcome_id;
    std::optional<std::string> outcome_code;  // the linked outcome's code ("no_answer", ...)
    std::optional<int> lead_score;            // the lead's score when an agent placed the call
};

struct CallSessionFilter {
    std::optional<domain::UserId> user_id;
    std::optional<domain::AgentId> agent_id;
    std::optional<Timestamp> from;  // created_at >= from
    std::optional<Timestamp> to;    // created_at < to
    int limit = 100;
    std::optional<std::string> outcome;     // linked to an outcome with this code
    bool recorded_only = false;             // only calls with a recording
    std::optional<std::int64_t> before_id;  // id < before_id (the next page)
    // After this call in the list's order (newest first): the next page of a walk through
    // every call of a range, exact even when ids and start times disagree.
    struct Key {
        Timestamp created_at;
        std::int64_t id = 0;
    };
    std::optional<Key> before;
};

// Call sessions, shared by every instance. Thread-safe; faults are exceptions.
class CallSessionStore {
public:
    virtual ~CallSessionStore() = default;
    // Stores a new session (its id assigned) and returns it. An inbound session comes with its
    // call_sid (unique: a second session for the same call is a fault).
    virtual CallSession Create(const CallSession& session) = 0;
    virtual std::optional<CallSession> Find(std::int64_t id) = 0;
    // The session either of whose legs has this CallSid.
    virtual std::optional<CallSession> FindByCallSid(std::string_view call_sid) = 0;
    // Binds the browser's leg to the session, once: false if it has a CallSid already (or the
    // sid belongs to another session).
    virtual bool AttachCallSid(std::int64_t id, const std::string& call_sid) = 0;
    // Writes `next` only if the stored state is still `expected` (status and last sequence), so
    // two callbacks for one call never both apply; records the dialled leg's CallSid if given
    // and none is stored. False when the state moved meanwhile.
    virtual bool UpdateState(
        std::int64_t id,
        const domain::CallState& expected,
        const domain::CallState& next,
        const std::optional<std::string>& dialled_call_sid,
        Timestamp now
    ) = 0;
    // The call's recording, once: false if it has one already.
    virtual bool SetRecording(std::int64_t id, const CallRecording& recording, Timestamp now) = 0;
    // Links the outcome (and keeps its code for searches), once: false if it has one already.
    virtual bool LinkOutcome(
        std::int64_t id, std::int64_t outcome_id, std::string_view outcome_code, Timestamp now
    ) = 0;
    // Newest first.
    virtual std::vector<CallSession> List(const CallSessionFilter& filter) = 0;
    // Sessions not ended that were created before `created_before`, oldest first (for the
    // reconciliation of calls whose callbacks never arrived).
    virtual std::vector<CallSession> Unfinished(Timestamp created_before, int limit) = 0;
};

}  // namespace dialler::app
