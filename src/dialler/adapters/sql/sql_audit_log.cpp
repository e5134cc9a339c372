#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/audit_columns.hpp"
#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

std::optional<std::int64_t> Digits(std::string_view text) {
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || n <= 0) {
        return std::nullopt;
    }
    return n;
}

// The customer an entry is about: its subject, or the userId in its details (kept in its own
// indexed column so the viewer can filter by customer; not part of the sealed entry).
std::optional<std::int64_t> CustomerOf(const app::AuditEntry& e) {
    if (e.subject_type == "customer") {
        return Digits(e.subject_id);
    }
    for (const auto& [key, value] : e.details) {
        if (key == "userId") {
            return Digits(value);
        }
    }
    return std::nullopt;
}

app::AuditView ToView(const AuditColumns& c) {
    app::AuditView v;
    app::AuditEntry& e = v.entry;
    e.id = c.id;
    e.at = FromMs(c.at);
    e.actor.kind = app::ParseActorKind(c.kind);
    if (c.actor_i == soci::i_ok) {
        e.actor.agent_id = domain::AgentId{c.actor_id};
    }
    e.action = c.action;
    e.subject_type = c.subject_type;
    e.subject_id = c.subject_id;
    const auto parsed = nlohmann::json::parse(c.details, nullptr, false);  // outlives items()
    if (parsed.is_object()) {
        for (const auto& [k, val] : parsed.items()) {
            e.details.emplace_back(k, val.is_string() ? val.get<std::string>() : val.dump());
        }
    }
    e.request_id = c.request_id;
    if (c.user_i == soci::i_ok) {
        v.user_id = domain::UserId{c.user_id};
    }
    return v;
}

}  // namespace

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
    const auto customer = CustomerOf(e);
    const long long user_id = customer.value_or(0);
    soci::indicator user_ind = customer ? soci::i_ok : soci::i_null;
    // One INSERT is atomic by itself: no BEGIN/COMMIT round trips (every next lead writes one).
    db_.AutoCommit([&](soci::session& s) {
        s << "INSERT INTO audit_log (at, actor_kind, actor_agent_id, action, subject_type, "
             "subject_id, details, request_id, user_id) VALUES (:at, :k, :aid, :ac, :st, :sid, "
             ":d, :r, :u)",
            soci::use(at), soci::use(kind), soci::use(actor_id, actor_ind), soci::use(e.action),
            soci::use(e.subject_type), soci::use(e.subject_id), soci::use(details_text),
            soci::use(e.request_id), soci::use(user_id, user_ind);
    });
}

std::vector<app::AuditEntry> SqlAuditLog::ListRecent(int limit, std::int64_t before_id) {
    app::AuditFilter filter;
    filter.limit = limit;
    if (before_id > 0) {
        filter.before_id = before_id;
    }
    std::vector<app::AuditEntry> out;
    for (app::AuditView& v : Search(filter)) {
        out.push_back(std::move(v.entry));
    }
    return out;
}

std::vector<app::AuditView> SqlAuditLog::Search(const app::AuditFilter& f) {
    std::string where = "1 = 1";
    if (f.agent_id) {
        where += " AND actor_agent_id = " + f.agent_id->ToString();
    }
    if (f.user_id) {
        where += " AND user_id = " + f.user_id->ToString();
    }
    if (f.from) {
        where += " AND at >= " + std::to_string(Ms(*f.from));
    }
    if (f.to) {
        where += " AND at < " + std::to_string(Ms(*f.to));
    }
    if (f.before_id) {
        where += " AND id < " + std::to_string(*f.before_id);
    }
    std::string action;
    if (f.action.ends_with('.')) {
        // A family: the prefix, with LIKE's own characters taken literally ('_' is one).
        for (const char c : f.action) {
            if (c == '_' || c == '%' || c == '!') {
                action += '!';
            }
            action += c;
        }
        action += '%';
        where += " AND action LIKE :a ESCAPE '!'";
    } else if (!f.action.empty()) {
        action = f.action;
        where += " AND action = :a";
    }
    return db_.Read([&](soci::session& s) {
        return SelectFrom<AuditColumns>(
            s,
            kAuditColumns,
            "audit_log",
            where,
            "id DESC",
            std::max(f.limit, 0),
            action.empty() ? nullptr : &action,
            ToView
        );
    });
}

}  // namespace dialler::adapters::sql
