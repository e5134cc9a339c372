#include "dialler/adapters/sql/sql_funnel_store.hpp"

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

struct EntryRow {
    long long user_id = 0;
    std::string queue;
    long long episode = 0;
    long long entered_at = 0;
    long long next_entry_at = 0;
    soci::indicator next_i{};
    void Bind(soci::statement& st) {
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(queue));
        st.exchange(soci::into(episode));
        st.exchange(soci::into(entered_at));
        st.exchange(soci::into(next_entry_at, next_i));
    }
};

// A call or a link: whose, when, and one flag (answered, opened).
struct TouchRow {
    long long user_id = 0;
    long long at = 0;
    std::string direction;
    int flag = 0;
    void Bind(soci::statement& st) {
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(direction));
        st.exchange(soci::into(flag));
    }
};

app::QueueEntry ToEntry(const EntryRow& r) {
    app::QueueEntry e;
    e.user_id = domain::UserId{r.user_id};
    // The table's rows come from leads, whose queue is checked on write.
    e.queue = domain::ParseQueue(r.queue).value_or(domain::Queue::kCallbacks);
    e.episode = FromMs(r.episode);
    e.entered_at = FromMs(r.entered_at);
    if (r.next_i == soci::i_ok) {
        e.next_entry_at = FromMs(r.next_entry_at);
    }
    return e;
}

// Entries with the customer's next entry (the end of each one's window).
constexpr const char* kEntryColumns =
    "e.user_id, e.queue, e.episode, e.entered_at, (SELECT MIN(n.entered_at) FROM queue_entries n "
    "WHERE n.user_id = e.user_id AND n.entered_at > e.entered_at)";

}  // namespace

std::vector<app::QueueEntry> SqlFunnelStore::EntriesOf(domain::UserId user, int limit) {
    return db_.Read([&](soci::session& s) {
        return SelectRows<EntryRow>(
            s,
            std::string("SELECT ") + kEntryColumns +
                " FROM queue_entries e WHERE e.user_id = " + user.ToString() +
                " ORDER BY e.entered_at LIMIT " + std::to_string(std::max(limit, 0)),
            nullptr,
            ToEntry
        );
    });
}

app::FunnelFacts SqlFunnelStore::Facts(Timestamp from, Timestamp to, int limit) {
    const std::string lo = std::to_string(Ms(from));
    const std::string hi = std::to_string(Ms(to));
    const std::string entrants =
        "SELECT user_id FROM queue_entries WHERE entered_at >= " + lo + " AND entered_at < " + hi;
    const std::string cap = " LIMIT " + std::to_string(std::max(limit, 0));
    return db_.Read([&](soci::session& s) {
        app::FunnelFacts facts;
        facts.entries = SelectRows<EntryRow>(
            s,
            std::string("SELECT ") + kEntryColumns +
                " FROM queue_entries e WHERE e.entered_at >= " + lo + " AND e.entered_at < " + hi +
                " ORDER BY e.entered_at, e.user_id" + cap,
            nullptr,
            ToEntry
        );
        // A table's rows about the range's entrants from its start: whose, when, and a flag.
        const auto touches = [&](const std::string& table,
                                 const std::string& direction,
                                 const std::string& flag_column) {
            return "SELECT user_id, created_at, " + direction + ", CASE WHEN " + flag_column +
                   " IS NULL THEN 0 ELSE 1 END FROM " + table + " WHERE created_at >= " + lo +
                   " AND user_id IN (" + entrants + ") ORDER BY created_at, id" + cap;
        };
        facts.calls = SelectRows<TouchRow>(
            s,
            touches("call_sessions", "direction", "answered_at"),
            nullptr,
            [](const TouchRow& r) {
                return app::FunnelCall{
                    domain::UserId{r.user_id},
                    FromMs(r.at),
                    r.direction == "inbound" ? app::CallDirection::kInbound
                                             : app::CallDirection::kOutbound,
                    r.flag != 0};
            }
        );
        facts.links = SelectRows<TouchRow>(
            s,
            touches("magic_links", "''", "first_opened_at"),
            nullptr,
            [](const TouchRow& r) {
                return app::FunnelLink{domain::UserId{r.user_id}, FromMs(r.at), r.flag != 0};
            }
        );
        return facts;
    });
}

}  // namespace dialler::adapters::sql
