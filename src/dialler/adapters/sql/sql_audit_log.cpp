#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

void SqlAuditLog::Append(const app::AuditEntry& e) {
    nlohmann::json details = nlohmann::json::object();
    for (const auto& [k, v] : e.details) {
        details[k] = v;
    }
    const std::string details_text =
        details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const long long at = Ms(e.at);
    const std::string kind(app::ActorKindName(e.actor.kind));
    const long long actor_id = e.actor.agent_id ? e.actor.agent_id->Value() : 0;
    soci::indicator actor_ind = e.actor.agent_id ? soci::i_ok : soci::i_null;
    // One INSERT is atomic by itself: no BEGIN/COMMIT round trips (every next lead writes one).
    db_.AutoCommit([&](soci::session& s) {
        s << "INSERT INTO audit_log (at, actor_kind, actor_agent_id, action, subject_type, "
             "subject_id, details, "
             "request_id) VALUES (:at, :k, :aid, :ac, :st, :sid, :d, :r)",
            soci::use(at), soci::use(kind), soci::use(actor_id, actor_ind), soci::use(e.action),
            soci::use(e.subject_type), soci::use(e.subject_id), soci::use(details_text),
            soci::use(e.request_id);
    });
}

std::vector<app::AuditEntry> SqlAuditLog::ListRecent(int limit, std::int64_t before_id) {
    const long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    const int lim = limit;
    return db_.Read([&](soci::session& s) {
        std::vector<app::AuditEntry> out;
        long long id = 0;
        long long at = 0;
        std::string kind;
        long long actor_id = 0;
        soci::indicator actor_ind = soci::i_null;
        std::string action;
        std::string subject_type;
        std::string subject_id;
        std::string details;
        std::string request_id;
        soci::statement st = Once(
            s,
            "SELECT id, at, actor_kind, actor_agent_id, action, subject_type, "
            "subject_id, details, "
            "request_id FROM audit_log WHERE id < :b ORDER BY id DESC LIMIT :l",
            soci::use(before),
            soci::use(lim),
            soci::into(id),
            soci::into(at),
            soci::into(kind),
            soci::into(actor_id, actor_ind),
            soci::into(action),
            soci::into(subject_type),
            soci::into(subject_id),
            soci::into(details),
            soci::into(request_id)
        );
        st.execute();
        while (st.fetch()) {
            app::AuditEntry e;
            e.id = id;
            e.at = FromMs(at);
            e.actor.kind = app::ParseActorKind(kind);
            if (actor_ind == soci::i_ok) {
                e.actor.agent_id = domain::AgentId{actor_id};
            }
            e.action = action;
            e.subject_type = subject_type;
            e.subject_id = subject_id;
            const auto parsed = nlohmann::json::parse(details);  // must outlive items()
            for (const auto& [k, v] : parsed.items()) {
                e.details.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
            }
            e.request_id = request_id;
            out.push_back(std::move(e));
        }
        return out;
    });
}

}  // namespace dialler::adapters::sql
