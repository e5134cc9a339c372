#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"
#include "dialler/domain/login_throttle.hpp"

namespace dialler::adapters::sql {

namespace {

std::string_view ScopeName(app::ThrottleScope scope) {
    return scope == app::ThrottleScope::kAccount ? "account" : "address";
}

std::vector<Timestamp> ReadFailures(
    soci::session& s, app::ThrottleScope scope, const std::string& key, long long from
) {
    const std::string sc(ScopeName(scope));
    std::vector<Timestamp> out;
    long long at = 0;
    soci::statement st = Once(
        s,
        "SELECT at FROM login_failures WHERE scope = :s AND throttle_key = :k AND at >= :f "
        "ORDER BY at",
        soci::use(sc),
        soci::use(key),
        soci::use(from),
        soci::into(at)
    );
    st.execute();
    while (st.fetch()) {
        out.push_back(FromMs(at));
    }
    return out;
}

// PostgreSQL advisory locks for login throttling: the two-integer form, in a class of its own
// (the one-integer form the migrator uses is a separate key space). A collision of two keys
// only makes them take turns.
constexpr int kThrottleLockClass = 0x4C4F474E;  // "LOGN"

int ThrottleLockKey(app::ThrottleScope scope, std::string_view key) {
    // FNV-1a: the same on every instance and build (std::hash promises neither).
    std::uint32_t h = 2166136261U;
    const auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 16777619U;
    };
    for (const char c : ScopeName(scope)) {
        mix(static_cast<unsigned char>(c));
    }
    mix(0);
    for (const char c : key) {
        mix(static_cast<unsigned char>(c));
    }
    return static_cast<int>(h);
}

}  // namespace

app::ThrottleAttempt SqlLoginThrottleStore::TryAttempt(
    std::span<const app::ThrottleKey> keys, Timestamp at, Timestamp forget_before
) {
    const long long when = Ms(at);
    const long long cutoff = Ms(forget_before);
    return db_.Write([&](soci::session& s) {
        if (db_.SqlDialect() == Dialect::kPostgres) {
            std::vector<int> locks;
            for (const app::ThrottleKey& k : keys) {
                locks.push_back(ThrottleLockKey(k.scope, k.key));
            }
            // One order for every instance, so two attempts never wait on each other in a ring.
            std::sort(locks.begin(), locks.end());
            locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
            for (int lock : locks) {
                Once(
                    s,
                    "SELECT pg_advisory_xact_lock(:c, :k)",
                    soci::use(kThrottleLockClass),
                    soci::use(lock)
                )
                    .execute(true);
            }
        }
        Execute(s, "DELETE FROM login_failures WHERE at < :c", soci::use(cutoff));
        app::ThrottleAttempt attempt;
        for (const app::ThrottleKey& k : keys) {
            const std::vector<Timestamp> failures =
                ReadFailures(s, k.scope, k.key, Ms(at - k.rule.window));
            const domain::ThrottleDecision decision = domain::DecideThrottle(failures, k.rule, at);
            if (!decision.allowed) {
                attempt.refused_by = k.scope;
                attempt.retry_after = decision.retry_after;
                return attempt;
            }
        }
        for (const app::ThrottleKey& k : keys) {
            const std::string sc(ScopeName(k.scope));
            long long id = 0;
            Once(
                s,
                "INSERT INTO login_failures (scope, throttle_key, at) VALUES (:s, :k, :a) "
                "RETURNING id",
                soci::use(sc),
                soci::use(k.key),
                soci::use(when),
                soci::into(id)
            )
                .execute(true);
            attempt.ids.push_back(id);
        }
        attempt.allowed = true;
        return attempt;
    });
}

void SqlLoginThrottleStore::Withdraw(std::span<const std::int64_t> ids) {
    db_.Write([&](soci::session& s) {
        for (const std::int64_t id : ids) {
            const long long key = id;
            Execute(s, "DELETE FROM login_failures WHERE id = :i", soci::use(key));
        }
    });
}

std::vector<Timestamp> SqlLoginThrottleStore::FailuresSince(
    app::ThrottleScope scope, const std::string& key, Timestamp since
) {
    return db_.Read([&](soci::session& s) { return ReadFailures(s, scope, key, Ms(since)); });
}

void SqlLoginThrottleStore::Clear(app::ThrottleScope scope, const std::string& key) {
    const std::string sc(ScopeName(scope));
    db_.Write([&](soci::session& s) {
        s << "DELETE FROM login_failures WHERE scope = :s AND throttle_key = :k", soci::use(sc),
            soci::use(key);
    });
}

}  // namespace dialler::adapters::sql
