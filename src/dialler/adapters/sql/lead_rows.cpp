#include "dialler/adapters/sql/lead_rows.hpp"

#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/base/text.hpp"

namespace dialler::adapters::sql {

// An SQL list of integer literals, "(1,2,3)": ids are integers we produced, so inlining them is
// safe, and it keeps one statement for any batch size.
std::string IdList(std::span<const domain::UserId> ids) {
    std::string out = "(";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::to_string(ids[i].Value());
    }
    return out + ")";
}

// score_components holds the breakdown and, since the facts are kept, what it was computed
// from: {"components": [...], "facts": {"lenders": [...], "dob": "YYYY-MM-DD" | null}}. A bare
// array (written before) is a breakdown without facts.
std::string ComponentsJson(
    const std::vector<domain::ScoreComponent>& components,
    const std::optional<domain::ScoreFacts>& facts
) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& c : components) {
        a.push_back({{"name", c.name}, {"points", c.points}, {"detail", c.detail}});
    }
    nlohmann::json out = {{"components", a}};
    if (facts) {
        nlohmann::json dob = nullptr;
        if (facts->date_of_birth) {
            dob = FormatDate(*facts->date_of_birth);
        }
        out["facts"] = {{"lenders", facts->active_lenders}, {"dob", dob}};
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredScore ParseComponents(const std::string& text) {
    StoredScore out;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    const nlohmann::json* list = &parsed;
    if (parsed.is_object()) {
        static const nlohmann::json kEmpty = nlohmann::json::array();
        const auto it = parsed.find("components");
        list = it != parsed.end() ? &*it : &kEmpty;
        if (const auto f = parsed.find("facts"); f != parsed.end() && f->is_object()) {
            domain::ScoreFacts facts;
            if (const auto l = f->find("lenders"); l != f->end() && l->is_array()) {
                for (const auto& code : *l) {
                    if (code.is_string()) {
                        facts.active_lenders.push_back(code.get<std::string>());
                    }
                }
            }
            if (const auto d = f->find("dob"); d != f->end() && d->is_string()) {
                facts.date_of_birth = ParseDate(d->get<std::string>());
            }
            out.facts = std::move(facts);
        }
    }
    if (!list->is_array()) {
        return out;
    }
    for (const auto& c : *list) {
        out.components.push_back(domain::ScoreComponent{
            c.value("name", std::string{}), c.value("points", 0), c.value("detail", std::string{})}
        );
    }
    return out;
}

app::Lead LeadRow::ToLead() const {
    app::Lead l;
    l.user_id = domain::UserId{user_id};
    if (queue_i == soci::i_ok) {
        l.queue = domain::ParseQueue(queue);
    }
    l.reasons = reasons;
    l.is_closed = is_closed != 0;
    l.closed_reason = closed_reason;
    l.score = score;
    StoredScore stored = ParseComponents(components);
    l.score_components = std::move(stored.components);
    l.score_facts = std::move(stored.facts);
    l.is_given_up = is_given_up != 0;
    if (phone_raw_i == soci::i_ok) {
        l.phone_raw = phone_raw;
    }
    if (phone_e164_i == soci::i_ok) {
        l.phone = domain::PhoneNumber{
            phone_e164,
            domain::ParsePhoneType(phone_type_i == soci::i_ok ? phone_type : std::string{}),
            phone_region_i == soci::i_ok ? phone_region : std::string{},
        };
    }
    if (bad_number_i == soci::i_ok) {
        l.bad_number_e164 = bad_number;
    }
    l.history_key = history_key;
    l.waiting_since = FromMs(waiting_since);
    l.attempts = attempts;
    l.outcome_points = outcome_points;
    if (next_call_i == soci::i_ok) {
        l.next_call_at = FromMs(next_call_at);
    }
    if (lease_agent_i == soci::i_ok) {
        l.lease_agent_id = domain::AgentId{lease_agent_id};
    }
    if (lease_expires_i == soci::i_ok) {
        l.lease_expires_at = FromMs(lease_expires_at);
    }
    if (leased_at_i == soci::i_ok) {
        l.leased_at = FromMs(leased_at);
    }
    l.first_seen_at = FromMs(first_seen_at);
    l.evaluated_at = FromMs(evaluated_at);
    l.history_version = history_version;
    return l;
}

void BindLead(soci::statement& st, LeadRow& r) {
    st.exchange(soci::into(r.user_id));
    st.exchange(soci::into(r.queue, r.queue_i));
    st.exchange(soci::into(r.reasons));
    st.exchange(soci::into(r.is_closed));
    st.exchange(soci::into(r.closed_reason));
    st.exchange(soci::into(r.score));
    st.exchange(soci::into(r.components));
    st.exchange(soci::into(r.is_given_up));
    st.exchange(soci::into(r.phone_raw, r.phone_raw_i));
    st.exchange(soci::into(r.phone_e164, r.phone_e164_i));
    st.exchange(soci::into(r.phone_type, r.phone_type_i));
    st.exchange(soci::into(r.phone_region, r.phone_region_i));
    st.exchange(soci::into(r.bad_number, r.bad_number_i));
    st.exchange(soci::into(r.history_key));
    st.exchange(soci::into(r.waiting_since));
    st.exchange(soci::into(r.attempts));
    st.exchange(soci::into(r.outcome_points));
    st.exchange(soci::into(r.next_call_at, r.next_call_i));
    st.exchange(soci::into(r.lease_agent_id, r.lease_agent_i));
    st.exchange(soci::into(r.lease_expires_at, r.lease_expires_i));
    st.exchange(soci::into(r.leased_at, r.leased_at_i));
    st.exchange(soci::into(r.first_seen_at));
    st.exchange(soci::into(r.evaluated_at));
    st.exchange(soci::into(r.history_version));
}

std::vector<app::Lead> SelectLeads(SqlDatabase& db, const std::string& where, int limit) {
    return db.Read([&](soci::session& s) {
        std::vector<app::Lead> out;
        LeadRow r;
        soci::statement st(s);
        st.alloc();
        BindLead(st, r);
        PrepareOnce(
            st,
            std::string("SELECT ") + kLeadColumns + " FROM leads WHERE " + where +
                " ORDER BY user_id" + (limit > 0 ? " LIMIT " + std::to_string(limit) : "")
        );
        st.execute();
        while (st.fetch()) {
            out.push_back(r.ToLead());
        }
        return out;
    });
}

}  // namespace dialler::adapters::sql
