#include "db_scenarios.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <latch>
#include <mutex>
#include <span>
#include <stdexcept>
#include <thread>

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dialler/adapters/crypto/sodium_crypto.hpp"
#include "dialler/adapters/phone/libphonenumber_phone_parser.hpp"
#include "dialler/adapters/replica/soci_replica.hpp"
#include "dialler/adapters/sql/migrator.hpp"
#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_stores.hpp"
#include "dialler/app/discovery_service.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/base/embedded_file.hpp"

#include "manual_clock.hpp"

namespace dialler::reference_data {
std::span<const dialler::EmbeddedFile> Files();
}

namespace dialler::bench {

namespace {

using adapters::sql::Dialect;
using adapters::sql::SqlDatabase;

bool IsMysql(const platform::DatabaseUrl& url) {
    return url.scheme == "mysql";
}

// A plain read-write SOCI session on the replica (the platform changing its data, or the raw
// floor: no read-only pool, no mapping).
std::unique_ptr<soci::session> OpenReplicaSession(const platform::DatabaseUrl& url) {
    if (IsMysql(url)) {
        auto s = std::make_unique<soci::session>(
            soci::mysql, adapters::replica::MysqlConnectString(url)
        );
        *s << "SET SESSION time_zone = '+00:00'";
        return s;
    }
    return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url.path + "\" timeout=10");
}

// The replica's date arithmetic, as SociReplica writes it (same SQL => same work).
std::string EpochSeconds(bool mysql, const std::string& column) {
    return mysql ? "UNIX_TIMESTAMP(" + column + ")"
                 : "CAST(strftime('%s', " + column + ") AS INTEGER)";
}
std::string EpochDays(bool mysql, const std::string& column) {
    return mysql ? "(TO_DAYS(" + column + ") - 719528)"
                 : "CAST(julianday(" + column + ") - 2440587.5 AS INTEGER)";
}

// Runs `sql` and fetches every row, every column as text (the minimal client). Returns the rows;
// when `first_column` is given, collects the first column of each row.
long long FetchAll(
    soci::session& s, const std::string& sql, int columns, std::vector<std::string>* first_column
) {
    std::vector<std::string> values(static_cast<std::size_t>(columns));
    std::vector<soci::indicator> indicators(static_cast<std::size_t>(columns));
    soci::statement st(s);
    st.alloc();
    for (std::size_t i = 0; i < values.size(); ++i) {
        st.exchange(soci::into(values[i], indicators[i]));
    }
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    long long rows = 0;
    while (st.fetch()) {
        ++rows;
        if (first_column != nullptr && indicators[0] == soci::i_ok) {
            first_column->push_back(values[0]);
        }
    }
    return rows;
}

// Runs `fn` in a forked child and returns its JSON, with the child's peak RSS and wall time.
// The caller must hold no open database connection and run no other thread.
Json InChild(const std::function<Json()>& fn) {
    std::array<int, 2> fds{};
    if (pipe(fds.data()) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        close(fds[0]);
        Json out;
        try {
            out = fn();
        } catch (const std::exception& e) {
            out = {{"error", e.what()}};
        }
        out["peak_rss_mb"] = SelfPeakRssMb();
        const std::string text = out.dump();
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = write(fds[1], text.data() + done, text.size() - done);
            if (n <= 0) {
                break;
            }
            done += static_cast<std::size_t>(n);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    std::array<char, 4096> buf{};
    ssize_t n = 0;
    while ((n = read(fds[0], buf.data(), buf.size())) > 0) {
        text.append(buf.data(), static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (text.empty()) {
        return {{"error", "child died (status " + std::to_string(status) + ")"}};
    }
    return Json::parse(text);
}

domain::LenderNames EmbeddedLenders() {
    for (const EmbeddedFile& f : reference_data::Files()) {
        if (f.name == "lenders.csv") {
            return domain::LenderNames::FromCsv(f.text);
        }
    }
    return {};
}

// One discovery pass in this process, wired as `dialler serve` wires it (default batch size).
Json DiscoveryPass(const std::string& replica_url, const std::string& own_url, bool full) {
    auto replica = adapters::replica::SociReplica::Open(ParseUrl(replica_url), 4);
    auto db = SqlDatabase::Open(ParseUrl(own_url), 4);
    testing::ManualClock clock(BenchNow());
    adapters::sql::Migrator(*db).Apply(clock.Now());
    adapters::phone::LibphonenumberPhoneParser phones;
    const app::FixedSettingsProvider settings;
    const domain::LenderNames lenders = EmbeddedLenders();
    adapters::sql::SqlLeadStore leads(*db);
    adapters::sql::SqlSuppressionStore suppressions(*db);
    adapters::sql::SqlDiscoveryStore runs(*db);
    adapters::sql::SqlContactLog contacts(*db);
    adapters::sql::SqlJobLeaseStore job_leases(*db);
    app::DiscoveryService discovery(
        app::DiscoveryService::Ports{
            *replica,
            leads,
            suppressions,
            runs,
            contacts,
            job_leases,
            phones,
            settings,
            lenders,
            clock},
        "bench-" + std::to_string(getpid())
    );
    const auto start = SteadyClock::now();
    auto run = full ? discovery.RunFull() : discovery.RunIncremental();
    const double wall = Seconds(SteadyClock::now() - start);
    if (!run) {
        return {{"error", run.error().message}};
    }
    long long in_queue = 0;
    for (const auto& c : leads.Counts(clock.Now())) {
        in_queue += c.total;
    }
    return {
        {"wall_s", wall},
        {"kind", run->kind},
        {"status", run->status},
        {"customers_read", run->customers_read},
        {"leads_written", run->leads_written},
        {"leads_in_queue_read", run->leads_in_queue},
        {"removed", run->removed},
        {"conversions", run->conversions},
        {"open_leads_total", in_queue},
    };
}

Json RawScan(const std::string& replica_url) {
    const auto url = ParseUrl(replica_url);
    const bool my = IsMysql(url);
    auto s = OpenReplicaSession(url);
    const auto start = SteadyClock::now();
    const long long users = FetchAll(
        *s,
        "SELECT u.id, u.is_enabled, u.status, u.phone_number, CASE WHEN "
        "u.current_signature_file_id IS NULL THEN 0 ELSE 1 END, u.first_name, u.last_name, " +
            EpochDays(my, "u.date_of_birth") + ", " + EpochSeconds(my, "u.created_at") + ", " +
            EpochSeconds(my, "u.updated_at") + " FROM users u",
        10,
        nullptr
    );
    const long long claims = FetchAll(
        *s,
        "SELECT c.id, c.user_id, c.status, c.lender, c.type, " + EpochSeconds(my, "c.created_at") +
            ", " + EpochSeconds(my, "c.updated_at") + " FROM claims c",
        7,
        nullptr
    );
    const long long requirements = FetchAll(
        *s,
        "SELECT r.id, r.claim_id, r.type, r.status, r.claim_requirement_reason, " +
            EpochSeconds(my, "r.created_at") + ", " + EpochSeconds(my, "r.updated_at") +
            " FROM claim_requirements r",
        7,
        nullptr
    );
    return {
        {"wall_s", Seconds(SteadyClock::now() - start)},
        {"users", users},
        {"claims", claims},
        {"requirements", requirements},
    };
}

// Changes 1% of the requirements' status and 0.5% of the users' signatures, stamped after the
// generator's last time (2026-11-01) so the incremental run's watermark sees them.
Json ChangeReplica(const std::string& replica_url) {
    const auto url = ParseUrl(replica_url);
    auto s = OpenReplicaSession(url);
    const std::string at = "'2026-11-03 12:00:00'";
    const auto exec = [&s](const std::string& sql) {
        soci::statement st = (s->prepare << sql);
        st.execute(true);
        return st.get_affected_rows();
    };
    long long total_requirements = 0;
    long long total_users = 0;
    *s << "SELECT COUNT(*) FROM claim_requirements", soci::into(total_requirements);
    *s << "SELECT COUNT(*) FROM users", soci::into(total_users);
    s->begin();
    const long long requirements = exec(
        "UPDATE claim_requirements SET status = CASE WHEN status = 'completed' THEN 'pending' "
        "ELSE 'completed' END, updated_at = " +
        at + " WHERE claim_id % 100 = 7"
    );
    const long long users = exec(
        "UPDATE users SET current_signature_file_id = CASE WHEN current_signature_file_id IS NULL "
        "THEN 'bench-signature' ELSE NULL END, updated_at = " +
        at + " WHERE id % 200 = 11"
    );
    s->commit();
    return {
        {"requirements_changed", requirements},
        {"requirements_total", total_requirements},
        {"users_changed", users},
        {"users_total", total_users},
    };
}

}  // namespace

// --- T2 -----------------------------------------------------------------------------------------

Json RunClaims(const ClaimsOptions& o) {
    auto db = SqlDatabase::Open(ParseUrl(o.own_url), static_cast<std::size_t>(o.pool));
    adapters::sql::Migrator(*db).Apply(BenchNow());
    const bool pg = db->SqlDialect() == Dialect::kPostgres;
    const std::string n = std::to_string(o.leads);
    const std::string columns =
        "INSERT INTO leads (user_id, queue, score, waiting_since, first_seen_at, evaluated_at) ";
    const std::string values =
        "SELECT x, CASE WHEN x % 3 = 0 THEN 'outstanding' ELSE 'unsigned' END, (x * 7919) % 97, "
        "1700000000000 + (x * 104729) % 86400000, 0, 0 ";
    const auto seed_start = SteadyClock::now();
    db->Write([&](soci::session& s) {
        s << "DELETE FROM leads";
        if (pg) {
            s << columns + values + "FROM generate_series(1::bigint, " + n + ") AS g(x)";
        } else {
            s << columns +
                     "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " +
                     n + ") " + values + "FROM c";
        }
    });
    db->Read([](soci::session& s) { s << "ANALYZE"; });
    const double seed_s = Seconds(SteadyClock::now() - seed_start);

    adapters::sql::SqlLeadLeases leases(*db);
    struct PerThread {
        Latencies latencies;
        std::vector<long long> ids;
        std::vector<float> done_at_s;  // completion times, for the timeline
        long long errors = 0;
        std::string first_error;
    };
    std::vector<PerThread> per(static_cast<std::size_t>(o.threads));
    std::atomic<bool> stop{false};
    std::atomic<bool> exhausted{false};
    std::latch ready(o.threads + 1);
    const Timestamp now = BenchNow();
    SteadyClock::time_point start;
    std::vector<std::thread> threads;
    threads.reserve(per.size());
    for (std::size_t i = 0; i < per.size(); ++i) {
        threads.emplace_back([&, i] {
            PerThread& me = per[i];
            const app::ClaimRequest request{
                domain::AgentId{static_cast<long long>(i) + 1},
                domain::AllQueues(),
                now,
                now + std::chrono::hours{24},
                std::chrono::minutes{15}};
            ready.arrive_and_wait();
            while (!stop.load(std::memory_order_relaxed)) {
                const auto t0 = SteadyClock::now();
                try {
                    const auto claimed = leases.ClaimNext(request);
                    const auto t1 = SteadyClock::now();
                    if (!claimed) {
                        exhausted = true;
                        stop = true;
                        break;
                    }
                    me.latencies.Add(t1 - t0);
                    me.ids.push_back(claimed->lead.user_id.Value());
                    me.done_at_s.push_back(static_cast<float>(Seconds(t1 - start)));
                } catch (const std::exception& e) {
                    if (me.errors++ == 0) {
                        me.first_error = e.what();
                    }
                }
            }
        });
    }
    start = SteadyClock::now();
    ready.arrive_and_wait();
    const auto deadline = start + std::chrono::duration<double>(o.max_seconds);
    while (!stop && SteadyClock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    stop = true;
    for (auto& t : threads) {
        t.join();
    }
    const double elapsed = Seconds(SteadyClock::now() - start);

    Latencies all;
    std::vector<long long> ids;
    std::vector<long long> per_second(static_cast<std::size_t>(elapsed) + 1, 0);
    long long errors = 0;
    std::string first_error;
    for (const auto& p : per) {
        all.Append(p.latencies);
        ids.insert(ids.end(), p.ids.begin(), p.ids.end());
        for (const float t : p.done_at_s) {
            const auto second = static_cast<std::size_t>(t);
            if (second < per_second.size()) {
                ++per_second[second];
            }
        }
        errors += p.errors;
        if (first_error.empty()) {
            first_error = p.first_error;
        }
    }
    std::sort(ids.begin(), ids.end());
    const auto claims = static_cast<long long>(ids.size());
    const long long unique = std::distance(ids.begin(), std::unique(ids.begin(), ids.end()));
    long long leased_in_db = 0;
    db->Read([&](soci::session& s) {
        s << "SELECT COUNT(*) FROM leads WHERE lease_agent_id IS NOT NULL",
            soci::into(leased_in_db);
    });
    return {
        {"dialect", pg ? "postgresql" : "sqlite"},
        {"threads", o.threads},
        {"pool", o.pool},
        {"leads_seeded", o.leads},
        {"seed_s", seed_s},
        {"elapsed_s", elapsed},
        {"stopped_because", exhausted ? "leads exhausted" : "time limit"},
        {"claims", claims},
        {"claims_per_s", elapsed > 0 ? static_cast<double>(claims) / elapsed : 0},
        {"duplicates", claims - unique},
        {"leased_in_db", leased_in_db},
        {"db_matches", leased_in_db == unique},
        {"errors", errors},
        {"first_error", first_error},
        {"latency", all.Summary()},
        {"claims_per_second_timeline", per_second},
    };
}

// --- T3 -----------------------------------------------------------------------------------------

Json RunDiscovery(const DiscoveryOptions& o) {
    Json out;
    (void)InChild([&] { return RawScan(o.replica_url); });  // warm the caches, not reported
    out["raw_scan"] = InChild([&] { return RawScan(o.replica_url); });
    out["full_cold"] = InChild([&] { return DiscoveryPass(o.replica_url, o.own_url, true); });
    out["full_again"] = InChild([&] { return DiscoveryPass(o.replica_url, o.own_url, true); });
    out["raw_scan_after"] = InChild([&] { return RawScan(o.replica_url); });
    const double scan =
        std::min(out["raw_scan"].value("wall_s", 0.0), out["raw_scan_after"].value("wall_s", 0.0));
    if (scan > 0) {
        out["ratio_full_cold_to_scan"] = out["full_cold"].value("wall_s", 0.0) / scan;
        out["ratio_full_again_to_scan"] = out["full_again"].value("wall_s", 0.0) / scan;
    }
    if (o.change_replica) {
        out["changes"] = InChild([&] { return ChangeReplica(o.replica_url); });
        out["incremental"] =
            InChild([&] { return DiscoveryPass(o.replica_url, o.own_url, false); });
        out["incremental_nothing_changed"] =
            InChild([&] { return DiscoveryPass(o.replica_url, o.own_url, false); });
    }
    return out;
}

// --- T1 floor and naive -------------------------------------------------------------------------

Json RunReadFloor(
    const std::string& replica_url, const std::vector<long long>& user_ids, int rounds
) {
    const auto url = ParseUrl(replica_url);
    const bool my = IsMysql(url);
    auto s = OpenReplicaSession(url);
    auto replica = adapters::replica::SociReplica::Open(url, 1);
    const std::string payment =
        my ? "CAST(v.monthly_payment AS CHAR)" : "printf('%.2f', v.monthly_payment)";

    Latencies floor;
    Latencies adapter;
    Latencies naive;
    long long floor_rows = 0;
    long long naive_queries = 0;
    long long naive_customers = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const long long id : user_ids) {
            const std::string is = " = " + std::to_string(id);
            // The floor: the three queries of Replica::ReadCustomerContext, text out, no mapping.
            auto t0 = SteadyClock::now();
            floor_rows += FetchAll(
                *s,
                "SELECT u.id, u.is_enabled, u.status, u.phone_number, CASE WHEN "
                "u.current_signature_file_id IS NULL THEN 0 ELSE 1 END, u.first_name, "
                "u.last_name, " +
                    EpochDays(my, "u.date_of_birth") + ", " + EpochSeconds(my, "u.created_at") +
                    ", " + EpochSeconds(my, "u.updated_at") +
                    ", u.email_address, a.id, a.is_linked_address, a.full_address, "
                    "a.address_line_1, a.address_line_2, a.post_town, a.county, a.post_code FROM "
                    "users u LEFT JOIN user_addresses a ON a.user_id = u.id WHERE u.id" +
                    is + " ORDER BY u.id, a.is_linked_address, a.id",
                19,
                nullptr
            );
            floor_rows += FetchAll(
                *s,
                "SELECT c.id, c.user_id, c.status, c.lender, c.type, " +
                    EpochSeconds(my, "c.created_at") + ", " + EpochSeconds(my, "c.updated_at") +
                    ", v.claim_id, v.vehicle_registration, v.vehicle_make, v.vehicle_model, "
                    "v.dealership_name, " +
                    payment + ", " + EpochSeconds(my, "v.contract_start_date") +
                    " FROM claims c LEFT JOIN claim_vehicle_packages v ON v.claim_id = c.id "
                    "WHERE c.user_id" +
                    is + " ORDER BY c.user_id, c.id, v.id",
                14,
                nullptr
            );
            floor_rows += FetchAll(
                *s,
                "SELECT r.id, r.claim_id, c.user_id, r.type, r.status, "
                "r.claim_requirement_reason, " +
                    EpochSeconds(my, "r.created_at") + ", " + EpochSeconds(my, "r.updated_at") +
                    " FROM claim_requirements r JOIN claims c ON c.id = r.claim_id WHERE "
                    "c.user_id" +
                    is + " ORDER BY c.user_id, r.claim_id, r.id",
                8,
                nullptr
            );
            floor.Add(SteadyClock::now() - t0);

            // The product's adapter over the same three queries (mapping included).
            t0 = SteadyClock::now();
            (void)replica->ReadCustomerContext(domain::UserId{id});
            adapter.Add(SteadyClock::now() - t0);

            // Naive ORM: the user, their claims, then each claim's requirements and vehicle
            // package, then the addresses: one query each.
            t0 = SteadyClock::now();
            long long q = 0;
            FetchAll(
                *s,
                "SELECT id, is_enabled, status, phone_number, current_signature_file_id, "
                "first_name, last_name, date_of_birth, created_at, updated_at, email_address FROM "
                "users WHERE id" +
                    is,
                11,
                nullptr
            );
            ++q;
            std::vector<std::string> claim_ids;
            FetchAll(
                *s,
                "SELECT id, user_id, status, lender, type, created_at, updated_at FROM claims "
                "WHERE user_id" +
                    is,
                7,
                &claim_ids
            );
            ++q;
            for (const auto& claim : claim_ids) {
                FetchAll(
                    *s,
                    "SELECT id, claim_id, type, status, claim_requirement_reason, created_at, "
                    "updated_at FROM claim_requirements WHERE claim_id = " +
                        claim,
                    7,
                    nullptr
                );
                FetchAll(
                    *s,
                    "SELECT claim_id, vehicle_registration, vehicle_make, vehicle_model, "
                    "dealership_name, monthly_payment, contract_start_date FROM "
                    "claim_vehicle_packages WHERE claim_id = " +
                        claim,
                    7,
                    nullptr
                );
                q += 2;
            }
            FetchAll(
                *s,
                "SELECT id, is_linked_address, full_address, address_line_1, address_line_2, "
                "post_town, county, post_code FROM user_addresses WHERE user_id" +
                    is,
                8,
                nullptr
            );
            ++q;
            naive.Add(SteadyClock::now() - t0);
            naive_queries += q;
            ++naive_customers;
        }
    }
    Json out;
    out["customers"] = user_ids.size();
    out["rounds"] = rounds;
    out["floor_3_queries"] = floor.Summary();
    out["floor_rows_per_customer"] =
        naive_customers > 0 ? static_cast<double>(floor_rows) / static_cast<double>(naive_customers)
                            : 0;
    out["adapter_read_customer_context"] = adapter.Summary();
    out["naive_orm"] = naive.Summary();
    out["naive_queries_per_customer"] =
        naive_customers > 0
            ? static_cast<double>(naive_queries) / static_cast<double>(naive_customers)
            : 0;
    return out;
}

// --- agents -------------------------------------------------------------------------------------

Json PrepareAgents(const std::string& own_url, int count, const std::string& password) {
    auto db = SqlDatabase::Open(ParseUrl(own_url), 2);
    adapters::sql::Migrator(*db).Apply(BenchNow());
    adapters::sql::SqlAgentStore agents(*db);
    adapters::crypto::SodiumPasswordHasher hasher;
    const std::string hash = hasher.Hash(password);  // one argon2id hash, shared by every agent
    int created = 0;
    // Agents 1..count, and an admin (index 0) to pin the server's clock.
    for (int i = 0; i <= count; ++i) {
        const std::string email = i == 0 ? std::string("bench-admin@bench.local")
                                         : "bench-agent-" + std::to_string(i) + "@bench.local";
        if (agents.FindByEmail(email)) {
            continue;
        }
        const domain::Role role = i == 0 ? domain::Role::kAdmin : domain::Role::kAgent;
        auto agent = agents.Create(
            app::NewAgent{email, email, role, domain::AllQueues(), hash, "", {}}, BenchNow()
        );
        if (!agent) {
            throw std::runtime_error("cannot create " + email + ": " + agent.error().message);
        }
        ++created;
    }
    return {{"agents_created", created}, {"agents", count}};
}

}  // namespace dialler::bench
