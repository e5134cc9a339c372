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

// --- settings ---------------------------------------------------------------------------

app::SettingsMap SqlSettingsStore::Load() {
    return db_.Read([](soci::session& s) {
        app::SettingsMap out;
        std::string key;
        std::string value;
        soci::statement st =
            Once(s, "SELECT key, value FROM settings", soci::into(key), soci::into(value));
        st.execute();
        while (st.fetch()) {
            out.emplace(key, value);
        }
        return out;
    });
}

void SqlSettingsStore::Save(const app::SettingsMap& values, const app::Actor& by, Timestamp at) {
    const long long when = Ms(at);
    const std::string kind(app::ActorKindName(by.kind));
    const long long agent = by.agent_id ? by.agent_id->Value() : 0;
    soci::indicator agent_i = by.agent_id ? soci::i_ok : soci::i_null;
    db_.Write([&](soci::session& s) {
        for (const auto& [key, value] : values) {
            s << "INSERT INTO settings (key, value, updated_at, updated_by_kind, "
                 "updated_by_agent_id) "
                 "VALUES (:k, :v, :t, :bk, :ba) ON CONFLICT (key) DO UPDATE SET value = "
                 "excluded.value, "
                 "updated_at = excluded.updated_at, updated_by_kind = excluded.updated_by_kind, "
                 "updated_by_agent_id = excluded.updated_by_agent_id",
                soci::use(key), soci::use(value), soci::use(when), soci::use(kind),
                soci::use(agent, agent_i);
        }
    });
}

}  // namespace dialler::adapters::sql
