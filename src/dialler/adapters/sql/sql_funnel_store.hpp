#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/funnel.hpp"

namespace dialler::adapters::sql {

// The funnel's facts from `queue_entries` (written by a trigger on `leads`, migration 0029),
// `call_sessions` and `magic_links`: three queries in one read.
class SqlFunnelStore final : public app::FunnelStore {
public:
    explicit SqlFunnelStore(SqlDatabase& db) : db_(db) {}
    app::FunnelFacts Facts(Timestamp from, Timestamp to, int limit) override;
    std::vector<app::QueueEntry> EntriesOf(domain::UserId user, int limit) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
