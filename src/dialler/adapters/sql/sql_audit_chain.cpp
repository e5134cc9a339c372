#include "dialler/adapters/sql/sql_audit_chain.hpp"

#include "dialler/adapters/sql/audit_columns.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

struct SealColumns {
    long long id = 0;
    std::string hash;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(hash));
    }
};

app::AuditSeal ToSeal(const SealColumns& c) {
    return app::AuditSeal{c.id, c.hash};
}

long long MaxOf(soci::session& s, const char* sql) {
    long long max = 0;
    soci::indicator ind = soci::i_null;
    s << sql, soci::into(max, ind);
    return ind == soci::i_ok ? max : 0;
}

}  // namespace

std::optional<app::AuditSeal> SqlAuditChain::LastSeal() {
    auto seals = db_.Read([&](soci::session& s) {
        return SelectFrom<SealColumns>(
            s, "audit_id, hash", "audit_seals", "1 = 1", "audit_id DESC", 1, nullptr, ToSeal
        );
    });
    return seals.empty() ? std::nullopt : std::optional(std::move(seals.front()));
}

std::vector<app::AuditRow> SqlAuditChain::RowsAfter(std::int64_t after_id, int limit) {
    return db_.Read([&](soci::session& s) {
        return SelectFrom<AuditColumns>(
            s,
            kAuditColumns,
            "audit_log",
            "id > " + std::to_string(after_id),
            "id",
            limit,
            nullptr,
            [](const AuditColumns& c) {
                return app::AuditRow{
                    c.id,
                    c.at,
                    c.kind,
                    c.actor_i == soci::i_ok ? std::optional<std::int64_t>(c.actor_id)
                                            : std::nullopt,
                    c.action,
                    c.subject_type,
                    c.subject_id,
                    c.details,
                    c.request_id};
            }
        );
    });
}

std::vector<app::AuditSeal> SqlAuditChain::SealsAfter(std::int64_t after_id, int limit) {
    return db_.Read([&](soci::session& s) {
        return SelectFrom<SealColumns>(
            s,
            "audit_id, hash",
            "audit_seals",
            "audit_id > " + std::to_string(after_id),
            "audit_id",
            limit,
            nullptr,
            ToSeal
        );
    });
}

std::int64_t SqlAuditChain::MaxRowId() {
    return db_.Read([](soci::session& s) { return MaxOf(s, "SELECT MAX(id) FROM audit_log"); });
}

bool SqlAuditChain::AddSeals(
    std::int64_t after, const std::vector<app::AuditSeal>& seals, Timestamp now
) {
    const long long at = Ms(now);
    const bool postgres = db_.SqlDialect() == Dialect::kPostgres;
    return db_.Write([&](soci::session& s) {
        if (postgres) {
            // One sealer at a time across instances (SQLite has one writer anyway).
            s << "LOCK TABLE audit_seals IN EXCLUSIVE MODE";
        }
        if (MaxOf(s, "SELECT MAX(audit_id) FROM audit_seals") != after) {
            return false;
        }
        long long id = 0;
        std::string hash;
        soci::statement st = Once(
            s,
            "INSERT INTO audit_seals (audit_id, hash, sealed_at) VALUES (:i, :h, :t)",
            soci::use(id),
            soci::use(hash),
            soci::use(at)
        );
        for (const app::AuditSeal& seal : seals) {
            id = seal.audit_id;
            hash = seal.hash;
            st.execute(true);
        }
        return true;
    });
}

}  // namespace dialler::adapters::sql
