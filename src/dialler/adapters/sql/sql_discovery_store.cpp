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

// --- discovery runs, watermark, conversions --------------------------------------------------

app::DiscoveryRun SqlDiscoveryStore::StartRun(const std::string& kind, Timestamp at) {
    const long long started = Ms(at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO discovery_runs (kind, status, started_at) VALUES (:k, 'running', :t) "
             "RETURNING id",
            soci::use(kind), soci::use(started), soci::into(new_id);
        return new_id;
    });
    app::DiscoveryRun run;
    run.id = id;
    run.kind = kind;
    run.status = "running";
    run.started_at = at;
    return run;
}

void SqlDiscoveryStore::FinishRun(const app::DiscoveryRun& run) {
    const long long finished = run.finished_at ? Ms(*run.finished_at) : 0;
    soci::indicator finished_i = run.finished_at ? soci::i_ok : soci::i_null;
    const long long id = run.id;
    db_.Write([&](soci::session& s) {
        s << "UPDATE discovery_runs SET status = :s, finished_at = :f, customers_read = :c, "
             "leads_written = :w, unchanged = :u, "
             "leads_in_queue = :q, skipped_leased = :k, removed = :r, conversions = :v, error = :e "
             "WHERE id = :id",
            soci::use(run.status), soci::use(finished, finished_i), soci::use(run.customers_read),
            soci::use(run.leads_written), soci::use(run.unchanged), soci::use(run.leads_in_queue),
            soci::use(run.skipped_leased), soci::use(run.removed), soci::use(run.conversions),
            soci::use(run.error), soci::use(id);
    });
}

std::vector<app::DiscoveryRun> SqlDiscoveryStore::RecentRuns(int limit) {
    return db_.Read([&](soci::session& s) {
        std::vector<app::DiscoveryRun> out;
        app::DiscoveryRun r;
        long long id = 0;
        long long started = 0;
        long long finished = 0;
        soci::indicator finished_i{};
        soci::statement st = Once(
            s,
            "SELECT id, kind, status, started_at, finished_at, customers_read, "
            "leads_written, unchanged, "
            "leads_in_queue, skipped_leased, removed, conversions, error FROM "
            "discovery_runs "
            "ORDER BY id DESC LIMIT " +
                std::to_string(std::max(limit, 0)),
            soci::into(id),
            soci::into(r.kind),
            soci::into(r.status),
            soci::into(started),
            soci::into(finished, finished_i),
            soci::into(r.customers_read),
            soci::into(r.leads_written),
            soci::into(r.unchanged),
            soci::into(r.leads_in_queue),
            soci::into(r.skipped_leased),
            soci::into(r.removed),
            soci::into(r.conversions),
            soci::into(r.error)
        );
        st.execute();
        while (st.fetch()) {
            app::DiscoveryRun copy = r;
            copy.id = id;
            copy.started_at = FromMs(started);
            copy.finished_at =
                finished_i == soci::i_ok ? std::optional(FromMs(finished)) : std::nullopt;
            out.push_back(std::move(copy));
        }
        return out;
    });
}

std::optional<Timestamp> SqlDiscoveryStore::Watermark() {
    return db_.Read([](soci::session& s) -> std::optional<Timestamp> {
        long long w = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT watermark FROM job_state WHERE name = 'discovery'", soci::into(w, ind);
        if (!s.got_data() || ind != soci::i_ok) {
            return std::nullopt;
        }
        return FromMs(w);
    });
}

void SqlDiscoveryStore::SetWatermark(Timestamp watermark) {
    const long long w = Ms(watermark);
    db_.Write([&](soci::session& s) {
        s << "INSERT INTO job_state (name, watermark) VALUES ('discovery', :w) "
             "ON CONFLICT (name) DO UPDATE SET watermark = excluded.watermark",
            soci::use(w);
    });
}

std::size_t SqlDiscoveryStore::RecordConversions(std::span<const app::Conversion> conversions) {
    return db_.Write([&](soci::session& s) {
        std::size_t recorded = 0;
        for (const auto& c : conversions) {
            const long long user = c.user_id.Value();
            const std::string queue(domain::QueueName(c.from_queue));
            const long long at = Ms(c.at);
            const long long episode = Ms(c.episode);
            std::string agents;
            for (const auto a : c.agents) {
                agents += (agents.empty() ? "" : ",") + a.ToString();
            }
            recorded += static_cast<std::size_t>(Execute(
                s,
                "INSERT INTO conversions (user_id, kind, from_queue, at, agent_ids, episode) "
                "VALUES (:u, :k, :q, :a, :g, :e) ON CONFLICT DO NOTHING",
                soci::use(user),
                soci::use(c.kind),
                soci::use(queue),
                soci::use(at),
                soci::use(agents),
                soci::use(episode)
            ));
        }
        return recorded;
    });
}

std::vector<app::Conversion> SqlDiscoveryStore::SelectConversions(
    const std::string& where, long long value, int limit
) {
    return db_.Read([&](soci::session& s) {
        std::vector<app::Conversion> out;
        long long user = 0;
        std::string kind;
        std::string queue;
        long long at = 0;
        std::string agents;
        long long episode = 0;
        soci::indicator episode_i = soci::i_null;
        soci::statement st = Once(
            s,
            "SELECT user_id, kind, from_queue, at, agent_ids, episode FROM conversions WHERE " +
                where + " ORDER BY at, id LIMIT " + std::to_string(std::max(limit, 0)),
            soci::use(value),
            soci::into(user),
            soci::into(kind),
            soci::into(queue),
            soci::into(at),
            soci::into(agents),
            soci::into(episode, episode_i)
        );
        st.execute();
        while (st.fetch()) {
            app::Conversion c;
            c.user_id = domain::UserId{user};
            c.kind = kind;
            c.from_queue = domain::ParseQueue(queue).value_or(domain::Queue::kUnsigned);
            c.at = FromMs(at);
            c.episode = episode_i == soci::i_ok ? FromMs(episode) : Timestamp{};
            for (std::string_view part : Split(agents, ',')) {
                if (!part.empty()) {
                    c.agents.emplace_back(std::stoll(std::string(part)));
                }
            }
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<app::Conversion> SqlDiscoveryStore::ConversionsSince(Timestamp since, int limit) {
    return SelectConversions("at >= :v", Ms(since), limit);
}

std::vector<app::Conversion> SqlDiscoveryStore::ConversionsFor(domain::UserId user, int limit) {
    return SelectConversions("user_id = :v", user.Value(), limit);
}

}  // namespace dialler::adapters::sql
