#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/lead_rows.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::sql {

// --- leases (the next-lead path) -------------------------------------------------------------

namespace {}  // namespace

bool SqlLeadLeases::UnparkDue(long long now) {
    // Once a second per instance is plenty: a lead becomes callable at most a second late, and
    // the sweep (index on next_call_at of parked leads) stays off the per-claim path.
    long long last = last_unpark_ms_.load();
    if (now >= last && now - last < 1000) {
        return false;
    }
    return last_unpark_ms_.compare_exchange_strong(last, now);  // false: another claimer sweeps
}

void SqlLeadLeases::Unpark(soci::session& s, long long now) {
    s << "UPDATE leads SET parked = 0 WHERE parked = 1 AND next_call_at <= :now", soci::use(now);
    s << "UPDATE leads SET lease_agent_id = NULL, lease_expires_at = NULL WHERE lease_agent_id IS "
         "NOT NULL "
         "AND lease_expires_at <= :now",
        soci::use(now);
}

namespace {

// The values one claim binds, as SOCI binds them.
struct ClaimValues {
    long long now = 0;
    long long until = 0;
    long long agent = 0;
    long long grace_edge = 0;
    bool postgres = false;
};

// Leases `target` (an id placeholder, or a subquery yielding one) to the agent and reads the
// leased lead back in the same statement. `bind_target` binds what `target` needs.
template <typename BindTarget>
std::optional<app::Lead> Lease(
    soci::session& s, const ClaimValues& v, const std::string& target, BindTarget bind_target
) {
    LeadRow row;
    soci::statement st(s);
    st.alloc();
    st.exchange(soci::use(v.agent));
    st.exchange(soci::use(v.until));
    st.exchange(soci::use(v.now));
    bind_target(st);
    BindLead(st, row);
    PrepareOnce(
        st,
        "UPDATE leads SET lease_agent_id = :me, lease_expires_at = :until, leased_at = :at "
        "WHERE user_id = " +
            target + " RETURNING " + kLeadColumns
    );
    if (!st.execute(true)) {
        return std::nullopt;
    }
    return row.ToLead();
}

// The due callback this agent should take first, leased: their own (always), then, when they
// work the callbacks queue (`team`), anyone's unassigned, then others' past the grace period.
// Driven from the (few) due callbacks: CROSS JOIN keeps SQLite from starting at leads.
std::optional<app::ClaimedLead> ClaimCallback(soci::session& s, const ClaimValues& v, bool team) {
    long long callback = 0;
    long long user = 0;
    const int team_flag = team ? 1 : 0;
    soci::statement pick = Once(
        s,
        "SELECT c.id, c.user_id FROM callbacks c CROSS JOIN leads l WHERE l.user_id = c.user_id "
        "AND c.status = 'pending' AND c.scheduled_for <= :now AND (c.agent_id = :me OR "
        "(:team = 1 AND (c.agent_id IS NULL OR c.scheduled_for <= :edge))) AND l.is_closed = 0 "
        "AND l.bad_number_e164 IS NULL AND (l.lease_expires_at IS NULL OR "
        "l.lease_expires_at <= :now2) ORDER BY CASE WHEN c.agent_id = :me2 THEN 0 ELSE 1 END, "
        "c.scheduled_for, c.id LIMIT 1" +
            std::string(v.postgres ? " FOR UPDATE OF l SKIP LOCKED" : ""),
        soci::use(v.now),
        soci::use(v.agent),
        soci::use(team_flag),
        soci::use(v.grace_edge),
        soci::use(v.now),
        soci::use(v.agent),
        soci::into(callback),
        soci::into(user)
    );
    if (!pick.execute(true)) {
        return std::nullopt;
    }
    // On PostgreSQL the pick's row lock ends with its statement: the lease condition makes this
    // lose cleanly to a claimer that got there in between.
    auto lead = Lease(
        s,
        v,
        ":u AND (lease_expires_at IS NULL OR lease_expires_at <= :now)",
        [&](soci::statement& st) {
            st.exchange(soci::use(user));
            st.exchange(soci::use(v.now));
        }
    );
    if (!lead) {
        return std::nullopt;
    }
    return app::ClaimedLead{std::move(*lead), callback};
}

// One query per queue for its best ready lead: an ordered walk of leads_ready (queue, score,
// waiting_since, user_id). Placeholders :now0, :now1...
std::vector<std::string> HeadQueries(
    const ClaimValues& v, const std::vector<domain::Queue>& queues
) {
    std::vector<std::string> heads;
    for (const domain::Queue q : queues) {
        if (q != domain::Queue::kCallbacks) {
            heads.push_back(
                "SELECT user_id, score, waiting_since FROM leads WHERE queue = '" +
                std::string(domain::QueueName(q)) +
                "' AND is_closed = 0 AND is_given_up = 0 AND parked = 0 AND bad_number_e164 IS "
                "NULL AND lease_agent_id IS NULL AND (next_call_at IS NULL OR next_call_at <= "
                ":now" +
                std::to_string(heads.size()) + ") ORDER BY score, waiting_since, user_id LIMIT 1" +
                (v.postgres ? " FOR UPDATE SKIP LOCKED" : "")
            );
        }
    }
    return heads;
}

// Runs the head queries one by one and returns the best head's user id (SQLite).
std::optional<long long> BestHead(
    soci::session& s, const ClaimValues& v, const std::vector<std::string>& heads
) {
    struct Head {
        long long user_id = 0;
        long long score = 0;
        long long waiting = 0;
        bool operator<(const Head& o) const {
            return std::tie(score, waiting, user_id) < std::tie(o.score, o.waiting, o.user_id);
        }
    };
    std::optional<Head> best;
    for (const auto& head : heads) {
        Head h;
        soci::statement st = Once(
            s,
            head,
            soci::use(v.now),
            soci::into(h.user_id),
            soci::into(h.score),
            soci::into(h.waiting)
        );
        if (st.execute(true) && (!best || h < *best)) {
            best = h;
        }
    }
    return best ? std::optional(best->user_id) : std::nullopt;
}

// The best ready lead of the queues, leased: the better of the queues' heads (an IN list over
// queues would lose the index order and sort).
std::optional<app::ClaimedLead> ClaimFromQueues(
    soci::session& s, const ClaimValues& v, const std::vector<domain::Queue>& queues
) {
    const std::vector<std::string> heads = HeadQueries(v, queues);
    if (heads.empty()) {
        return std::nullopt;
    }
    std::optional<app::Lead> lead;
    if (v.postgres) {
        // The walks and the lease in one statement: one round trip, atomic by itself, and
        // concurrent claimers skip each other's heads (SKIP LOCKED) instead of queueing on them.
        std::string arms;
        for (std::size_t i = 0; i < heads.size(); ++i) {
            arms += (i == 0 ? "SELECT * FROM (" : " UNION ALL SELECT * FROM (") + heads[i] + ") h" +
                    std::to_string(i);
        }
        // The lease re-checks that the lead is free: correctness does not rest on SKIP LOCKED
        // and the row lock alone.
        lead = Lease(
            s,
            v,
            "(SELECT user_id FROM (" + arms +
                ") heads ORDER BY score, waiting_since, user_id LIMIT 1) AND lease_agent_id IS "
                "NULL",
            [&](soci::statement& st) {
                for (std::size_t i = 0; i < heads.size(); ++i) {
                    st.exchange(soci::use(v.now));
                }
            }
        );
    } else {
        // The walks one by one, then the lease (inside the caller's write transaction): preparing
        // the compound statement costs SQLite more than the simple ones, and in-process there
        // are no round trips to save.
        const std::optional<long long> user = BestHead(s, v, heads);
        if (!user) {
            return std::nullopt;
        }
        lead = Lease(s, v, ":u AND lease_agent_id IS NULL", [&](soci::statement& st) {
            st.exchange(soci::use(*user));
        });
    }
    if (!lead) {
        return std::nullopt;
    }
    return app::ClaimedLead{std::move(*lead), std::nullopt};
}

}  // namespace

std::optional<app::ClaimedLead> SqlLeadLeases::ClaimNext(const app::ClaimRequest& request) {
    const ClaimValues v{
        Ms(request.now),
        Ms(request.lease_until),
        request.agent.Value(),
        Ms(request.now - request.callback_grace),
        db_.SqlDialect() == Dialect::kPostgres,
    };
    if (UnparkDue(v.now)) {
        db_.Write([&](soci::session& s) { Unpark(s, v.now); });
    }
    const bool callbacks =
        std::find(request.queues.begin(), request.queues.end(), domain::Queue::kCallbacks) !=
        request.queues.end();
    const auto claim = [&](soci::session& s) -> std::optional<app::ClaimedLead> {
        // An agent's own due callbacks come first whatever they asked for: a promise to a
        // customer is not dropped because the agent picked a queue.
        if (auto claimed = ClaimCallback(s, v, callbacks)) {
            return claimed;
        }
        return ClaimFromQueues(s, v, request.queues);
    };
    // PostgreSQL: each statement is atomic and races are settled by row locks, so no BEGIN and
    // COMMIT round trips. SQLite: one writer at a time (FIFO), in a transaction, so a second
    // instance on the same file cannot slip between a pick and its lease.
    return v.postgres ? db_.AutoCommit(claim) : db_.Write(claim);
}

std::optional<app::Lead> SqlLeadLeases::ClaimLead(
    domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
) {
    const ClaimValues v{Ms(now), Ms(until), agent.Value(), Ms(now), false};
    const long long u = user.Value();
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Lease(
            s,
            v,
            ":u AND is_closed = 0 AND (lease_expires_at IS NULL OR lease_expires_at <= :now)",
            [&](soci::statement& st) {
                st.exchange(soci::use(u));
                st.exchange(soci::use(v.now));
            }
        );
    });
}

std::optional<app::Lead> SqlLeadLeases::HeldBy(domain::AgentId agent, Timestamp now) {
    auto leads = SelectLeads(
        db_,
        "lease_agent_id = " + agent.ToString() + " AND lease_expires_at > " +
            std::to_string(Ms(now))
    );
    if (leads.empty()) {
        return std::nullopt;
    }
    return std::move(leads.front());
}

bool SqlLeadLeases::ExtendLease(
    domain::UserId user, domain::AgentId agent, Timestamp now, Timestamp until
) {
    const long long u = user.Value();
    const long long a = agent.Value();
    const long long n = Ms(now);
    const long long t = Ms(until);
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE leads SET lease_expires_at = :t WHERE user_id = :u "
                   "AND lease_agent_id = :a AND lease_expires_at > :n",
                   soci::use(t),
                   soci::use(u),
                   soci::use(a),
                   soci::use(n)
               ) > 0;
    });
}

bool SqlLeadLeases::ReleaseLease(
    domain::UserId user, domain::AgentId agent, std::optional<Timestamp> next_call_at
) {
    const long long u = user.Value();
    const long long a = agent.Value();
    const long long next = next_call_at ? Ms(*next_call_at) : 0;
    soci::indicator next_i = next_call_at ? soci::i_ok : soci::i_null;
    const int park = next_call_at ? 1 : 0;  // a skip or a gate refusal: wait out of the ready index
    return db_.AutoCommit([&](soci::session& s) {  // one UPDATE: atomic by itself
        return Execute(
                   s,
                   "UPDATE leads SET lease_agent_id = NULL, lease_expires_at = NULL, "
                   "next_call_at = COALESCE(:n, next_call_at), parked = CASE WHEN :p = 1 "
                   "THEN 1 ELSE parked END "
                   "WHERE user_id = :u AND lease_agent_id = :a",
                   soci::use(next, next_i),
                   soci::use(park),
                   soci::use(u),
                   soci::use(a)
               ) > 0;
    });
}

}  // namespace dialler::adapters::sql
