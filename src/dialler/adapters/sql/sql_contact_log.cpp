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

// --- contacts ----------------------------------------------------------------------------

app::ContactAttempt SqlContactLog::Record(const app::ContactAttempt& attempt) {
    const long long user = attempt.user_id.Value();
    const std::string channel = attempt.channel == domain::Channel::kCall ? "call" : "sms";
    const long long agent = attempt.agent_id ? attempt.agent_id->Value() : 0;
    soci::indicator agent_i = attempt.agent_id ? soci::i_ok : soci::i_null;
    const long long at = Ms(attempt.at);
    const long long id = db_.Write([&](soci::session& s) {
        long long new_id = 0;
        s << "INSERT INTO contact_attempts (user_id, channel, agent_id, phone_e164, at) VALUES "
             "(:u, :c, :a, :p, :t) "
             "RETURNING id",
            soci::use(user), soci::use(channel), soci::use(agent, agent_i),
            soci::use(attempt.phone_e164), soci::use(at), soci::into(new_id);
        return new_id;
    });
    app::ContactAttempt out = attempt;
    out.id = id;
    return out;
}

std::vector<app::ContactAttempt> SqlContactLog::Since(domain::UserId user_id, Timestamp since) {
    const long long user = user_id.Value();
    const long long from = Ms(since);
    return db_.Read([&](soci::session& s) {
        std::vector<app::ContactAttempt> out;
        long long id = 0;
        std::string channel;
        long long agent = 0;
        soci::indicator agent_i{};
        std::string phone;
        long long at = 0;
        soci::statement st = Once(
            s,
            "SELECT id, channel, agent_id, phone_e164, at FROM contact_attempts "
            "WHERE user_id = :u AND at >= :f ORDER BY at, id",
            soci::use(user),
            soci::use(from),
            soci::into(id),
            soci::into(channel),
            soci::into(agent, agent_i),
            soci::into(phone),
            soci::into(at)
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(app::ContactAttempt{
                id,
                user_id,
                channel == "sms" ? domain::Channel::kSms : domain::Channel::kCall,
                agent_i == soci::i_ok ? std::optional(domain::AgentId{agent}) : std::nullopt,
                phone,
                FromMs(at),
            });
        }
        return out;
    });
}

std::vector<std::pair<domain::UserId, domain::AgentId>> SqlContactLog::CallersSince(
    std::span<const domain::UserId> user_ids, Timestamp since
) {
    std::vector<std::pair<domain::UserId, domain::AgentId>> out;
    if (user_ids.empty()) {
        return out;
    }
    const long long from = Ms(since);
    db_.Read([&](soci::session& s) {
        long long user = 0;
        long long agent = 0;
        soci::statement st = Once(
            s,
            "SELECT DISTINCT user_id, agent_id FROM contact_attempts WHERE channel = "
            "'call' "
            "AND agent_id IS NOT NULL AND at >= :f AND user_id IN " +
                IdList(user_ids) + " ORDER BY user_id, agent_id",
            soci::use(from),
            soci::into(user),
            soci::into(agent)
        );
        st.execute();
        while (st.fetch()) {
            out.emplace_back(domain::UserId{user}, domain::AgentId{agent});
        }
    });
    return out;
}

}  // namespace dialler::adapters::sql
