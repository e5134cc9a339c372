#include "dialler/adapters/sql/sql_agent_status_store.hpp"

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

// One row of agent_status (cause empty) or agent_status_events.
struct Row {
    long long agent_id = 0;
    long long at = 0;
    std::string status;
    std::string reason;
    std::string cause;

    app::AgentStatusEntry ToEntry() const {
        return app::AgentStatusEntry{
            domain::AgentId{agent_id},
            domain::ParseAgentStatus(status).value_or(domain::AgentStatus::kOffline),
            reason,
            cause,
            FromMs(at)};
    }
};

// Runs `st`, whose intos are `row`'s, and keeps every row it returns.
std::vector<app::AgentStatusEntry> Collect(soci::statement& st, const Row& row) {
    std::vector<app::AgentStatusEntry> out;
    if (st.execute(true)) {
        do {
            out.push_back(row.ToEntry());
        } while (st.fetch());
    }
    return out;
}

std::vector<app::AgentStatusEntry> SelectCurrent(
    soci::session& s, const std::string& where, long long agent
) {
    Row row;
    soci::statement st = Once(
        s,
        "SELECT agent_id, since, status, reason FROM agent_status " + where + " ORDER BY agent_id",
        soci::into(row.agent_id),
        soci::into(row.at),
        soci::into(row.status),
        soci::into(row.reason),
        soci::use(agent)
    );
    return Collect(st, row);
}

}  // namespace

std::optional<app::AgentStatusEntry> SqlAgentStatusStore::Current(domain::AgentId agent) {
    auto rows = db_.Read([&](soci::session& s) {
        return SelectCurrent(s, "WHERE agent_id = :agent", agent.Value());
    });
    return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
}

std::vector<app::AgentStatusEntry> SqlAgentStatusStore::AllCurrent() {
    return db_.Read([&](soci::session& s) { return SelectCurrent(s, "WHERE agent_id > :agent", 0); }
    );
}

bool SqlAgentStatusStore::Record(const app::AgentStatusEntry& entry, domain::AgentStatus expected) {
    return db_.Write([&](soci::session& s) {
        long long agent = entry.agent_id.Value();
        long long at = Ms(entry.at);
        std::string status(domain::AgentStatusName(entry.status));
        std::string was(domain::AgentStatusName(expected));
        std::string reason = entry.reason;
        std::string cause = entry.cause;
        // Compare-and-set: the update applies only from the expected status; an agent never
        // recorded is offline, and only the first of two racing inserts lands.
        long long changed = Execute(
            s,
            "UPDATE agent_status SET status = :status, reason = :reason, since = :at "
            "WHERE agent_id = :agent AND status = :was",
            soci::use(status),
            soci::use(reason),
            soci::use(at),
            soci::use(agent),
            soci::use(was)
        );
        if (changed == 0 && expected == domain::AgentStatus::kOffline) {
            changed = Execute(
                s,
                "INSERT INTO agent_status (agent_id, status, reason, since) "
                "VALUES (:agent, :status, :reason, :at) ON CONFLICT (agent_id) DO NOTHING",
                soci::use(agent),
                soci::use(status),
                soci::use(reason),
                soci::use(at)
            );
        }
        if (changed == 0) {
            return false;
        }
        Execute(
            s,
            "INSERT INTO agent_status_events (agent_id, status, reason, cause, at) "
            "VALUES (:agent, :status, :reason, :cause, :at)",
            soci::use(agent),
            soci::use(status),
            soci::use(reason),
            soci::use(cause),
            soci::use(at)
        );
        return true;
    });
}

std::vector<app::AgentStatusEntry> SqlAgentStatusStore::Timeline(
    domain::AgentId agent, Timestamp from, Timestamp to
) {
    return db_.Read([&](soci::session& s) {
        long long id = agent.Value();
        long long lo = Ms(from);
        long long hi = Ms(to);
        Row row;
        soci::statement st = Once(
            s,
            "SELECT agent_id, at, status, reason, cause FROM agent_status_events "
            "WHERE agent_id = :agent AND at >= :lo AND at < :hi ORDER BY at, id",
            soci::into(row.agent_id),
            soci::into(row.at),
            soci::into(row.status),
            soci::into(row.reason),
            soci::into(row.cause),
            soci::use(id),
            soci::use(lo),
            soci::use(hi)
        );
        return Collect(st, row);
    });
}

}  // namespace dialler::adapters::sql
