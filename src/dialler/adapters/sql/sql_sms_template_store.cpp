#include "dialler/adapters/sql/sql_sms_template_store.hpp"

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

// A version joined with its template's row (whether it is active).
constexpr const char* kSelect =
    "SELECT v.template_id, v.version, v.name, v.kind, v.body, t.is_active, v.changed_by, "
    "v.changed_at FROM sms_template_versions v JOIN sms_templates t ON t.id = v.template_id";

struct Row {
    long long id = 0;
    long long changed_by = 0;
    long long changed_at = 0;
    int version = 0;
    int is_active = 0;
    std::string name;
    std::string kind;
    std::string body;
    soci::indicator changed_by_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(version));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(body));
        st.exchange(soci::into(is_active));
        st.exchange(soci::into(changed_by, changed_by_i));
        st.exchange(soci::into(changed_at));
    }

    app::SmsTemplate ToTemplate() const {
        app::SmsTemplate t;
        t.id = id;
        t.version = version;
        t.name = name;
        t.kind = domain::ParseTemplateKind(kind).value_or(domain::TemplateKind::kService);
        t.body = body;
        t.active = is_active != 0;
        if (changed_by_i == soci::i_ok) {
            t.changed_by = domain::AgentId{changed_by};
        }
        t.changed_at = FromMs(changed_at);
        return t;
    }
};

std::vector<app::SmsTemplate> Select(soci::session& s, const std::string& where) {
    return SelectRows<Row>(
        s,
        std::string(kSelect) + " WHERE " + where + " ORDER BY v.name, v.template_id",
        nullptr,
        [](const Row& r) { return r.ToTemplate(); }
    );
}

std::optional<app::SmsTemplate> Current(soci::session& s, std::int64_t id) {
    auto rows = Select(s, "t.id = " + std::to_string(id) + " AND v.version = t.version");
    return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
}

// Whether a template other than `except` is named `name`.
bool NameTaken(soci::session& s, const std::string& name, std::int64_t except) {
    long long n = 0;
    const long long other = except;
    Once(
        s,
        "SELECT COUNT(*) FROM sms_templates WHERE name = :n AND id <> :id",
        soci::use(name),
        soci::use(other),
        soci::into(n)
    )
        .execute(true);
    return n > 0;
}

void InsertVersion(soci::session& s, const app::SmsTemplate& t, std::int64_t id, int version) {
    const long long key = id;
    const int number = version;
    const std::string kind(domain::TemplateKindName(t.kind));
    long long by = t.changed_by ? t.changed_by->Value() : 0;
    soci::indicator by_i = t.changed_by ? soci::i_ok : soci::i_null;
    const long long at = Ms(t.changed_at);
    Execute(
        s,
        "INSERT INTO sms_template_versions (template_id, version, name, kind, body, changed_by, "
        "changed_at) VALUES (:i, :v, :n, :k, :b, :by, :at)",
        soci::use(key),
        soci::use(number),
        soci::use(t.name),
        soci::use(kind),
        soci::use(t.body),
        soci::use(by, by_i),
        soci::use(at)
    );
}

}  // namespace

std::optional<app::SmsTemplate> SqlSmsTemplateStore::Create(const app::SmsTemplate& t) {
    return db_.Write([&](soci::session& s) -> std::optional<app::SmsTemplate> {
        if (NameTaken(s, t.name, 0)) {
            return std::nullopt;
        }
        const int active = t.active ? 1 : 0;
        long long id = 0;
        Once(
            s,
            "INSERT INTO sms_templates (name, version, is_active) VALUES (:n, 1, :a) RETURNING id",
            soci::use(t.name),
            soci::use(active),
            soci::into(id)
        )
            .execute(true);
        InsertVersion(s, t, id, 1);
        return Current(s, id);
    });
}

std::optional<app::SmsTemplate> SqlSmsTemplateStore::Update(const app::SmsTemplate& t) {
    return db_.Write([&](soci::session& s) -> std::optional<app::SmsTemplate> {
        if (NameTaken(s, t.name, t.id)) {
            return std::nullopt;
        }
        const long long key = t.id;
        const int expected = t.version;
        if (Execute(
                s,
                "UPDATE sms_templates SET version = version + 1, name = :n WHERE id = :id AND "
                "version = :v",
                soci::use(t.name),
                soci::use(key),
                soci::use(expected)
            ) != 1) {
            return std::nullopt;
        }
        InsertVersion(s, t, t.id, t.version + 1);
        return Current(s, t.id);
    });
}

bool SqlSmsTemplateStore::SetActive(std::int64_t id, bool active) {
    const long long key = id;
    const int to = active ? 1 : 0;
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE sms_templates SET is_active = :a WHERE id = :id AND is_active <> :a2",
                   soci::use(to),
                   soci::use(key),
                   soci::use(to)
               ) == 1;
    });
}

std::optional<app::SmsTemplate> SqlSmsTemplateStore::Find(std::int64_t id) {
    return db_.Read([&](soci::session& s) { return Current(s, id); });
}

std::optional<app::SmsTemplate> SqlSmsTemplateStore::FindVersion(std::int64_t id, int version) {
    return db_.Read([&](soci::session& s) -> std::optional<app::SmsTemplate> {
        auto rows = Select(
            s, "t.id = " + std::to_string(id) + " AND v.version = " + std::to_string(version)
        );
        return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
    });
}

std::vector<app::SmsTemplate> SqlSmsTemplateStore::List(bool include_retired) {
    return db_.Read([&](soci::session& s) {
        return Select(
            s,
            include_retired ? "v.version = t.version" : "v.version = t.version AND t.is_active = 1"
        );
    });
}

}  // namespace dialler::adapters::sql
