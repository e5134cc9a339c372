#include "http_scenario.hpp"

#include <atomic>
#include <latch>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <sys/resource.h>

#include "dialler/adapters/replica/soci_replica.hpp"

#include "db_scenarios.hpp"
#include "http_client.hpp"

namespace dialler::bench {

namespace {

constexpr int kFloorCustomers = 500;

struct Agent {
    std::unique_ptr<HttpConnection> conn;
    Session session;
};

struct PhaseStats {
    Latencies next;          // from when the request was due (open loop: includes queueing)
    Latencies next_service;  // from when it was sent
    Latencies outcome;
    long long cycles = 0;
    long long empty = 0;
    long long errors = 0;
    std::string first_error;
    std::vector<long long> user_ids;

    void Merge(const PhaseStats& o) {
        next.Append(o.next);
        next_service.Append(o.next_service);
        outcome.Append(o.outcome);
        cycles += o.cycles;
        empty += o.empty;
        errors += o.errors;
        if (first_error.empty()) {
            first_error = o.first_error;
        }
        user_ids.insert(user_ids.end(), o.user_ids.begin(), o.user_ids.end());
    }
    void Error(const std::string& what) {
        if (errors++ == 0) {
            first_error = what;
        }
    }
};

// One next lead -> outcome no_answer cycle. Returns false when no lead was handed out.
bool Cycle(Agent& a, SteadyClock::time_point due, PhaseStats& st) {
    const std::string headers = a.session.Headers();
    const auto sent = SteadyClock::now();
    const HttpResponse next = a.conn->Send("POST", "/api/queue/next", "{}", headers);
    const auto got = SteadyClock::now();
    if (next.status != 200) {
        st.Error("next " + std::to_string(next.status) + " " + next.body.substr(0, 200));
        return false;
    }
    static const std::string kKey = R"("userId":")";
    const auto at = next.body.find(kKey);
    if (at == std::string::npos) {
        ++st.empty;
        return false;
    }
    const auto start = at + kKey.size();
    const std::string user = next.body.substr(start, next.body.find('"', start) - start);
    st.next.Add(got - due);
    st.next_service.Add(got - sent);
    st.user_ids.push_back(std::stoll(user));
    const auto o0 = SteadyClock::now();
    const HttpResponse outcome = a.conn->Send(
        "POST", "/api/queue/leads/" + user + "/outcome", R"({"outcome":"no_answer"})", headers
    );
    st.outcome.Add(SteadyClock::now() - o0);
    if (outcome.status != 201) {
        st.Error("outcome " + std::to_string(outcome.status) + " " + outcome.body.substr(0, 200));
    }
    ++st.cycles;
    return true;
}

long long ComSelect(const std::string& replica_url) {
    const auto url = ParseUrl(replica_url);
    if (url.scheme != "mysql") {
        return -1;
    }
    soci::session s(soci::mysql, adapters::replica::MysqlConnectString(url));
    std::string name;
    long long value = 0;
    s << "SHOW GLOBAL STATUS LIKE 'Com_select'", soci::into(name), soci::into(value);
    return value;
}

double SelfCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto tv = [](timeval t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return tv(u.ru_utime) + tv(u.ru_stime);
}

// Runs `body(agent_index, stats)` on one thread per agent and measures the server around it.
template <typename Body>
Json Phase(
    std::vector<Agent>& agents,
    std::size_t count,
    const NextLeadOptions& o,
    Body body,
    std::vector<long long>& ids_out
) {
    std::vector<PhaseStats> per(count);
    const long long selects_before = ComSelect(o.replica_url);
    const ProcSample server_before = SampleProcess(o.server_pid);
    const double client_before = SelfCpuSeconds();
    const auto start = SteadyClock::now();
    std::vector<std::thread> threads;
    threads.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        threads.emplace_back([&, i] {
            try {
                body(agents[i], per[i], start);
            } catch (const std::exception& e) {
                per[i].Error(e.what());
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const double wall = Seconds(SteadyClock::now() - start);
    const ProcSample server_after = SampleProcess(o.server_pid);
    const double client_cpu = SelfCpuSeconds() - client_before;
    const long long selects_after = ComSelect(o.replica_url);
    PhaseStats all;
    for (const auto& p : per) {
        all.Merge(p);
    }
    ids_out.insert(ids_out.end(), all.user_ids.begin(), all.user_ids.end());
    const auto nexts = static_cast<long long>(all.next.us.size());
    Json out = {
        {"agents", count},
        {"wall_s", wall},
        {"cycles", all.cycles},
        {"next_per_s", wall > 0 ? static_cast<double>(nexts) / wall : 0},
        {"empty_responses", all.empty},
        {"errors", all.errors},
        {"first_error", all.first_error},
        {"next_latency", all.next.Summary()},
        {"next_service_latency", all.next_service.Summary()},
        {"outcome_latency", all.outcome.Summary()},
        {"server_cpu_percent",
         wall > 0 ? 100.0 * (server_after.cpu_seconds - server_before.cpu_seconds) / wall : 0},
        {"client_cpu_percent", wall > 0 ? 100.0 * client_cpu / wall : 0},
        {"server_rss_mb", server_after.rss_mb},
        {"server_peak_rss_mb", server_after.peak_rss_mb},
    };
    if (selects_before >= 0 && nexts > 0) {
        // Outcomes read nothing from the replica, so every SELECT belongs to a next lead.
        out["replica_selects_per_next"] =
            static_cast<double>(selects_after - selects_before) / static_cast<double>(nexts);
    }
    return out;
}

}  // namespace

Json RunNextLead(const NextLeadOptions& o) {
    const std::string host = "127.0.0.1";
    {
        HttpConnection admin(host, o.port);
        const Session s = Login(admin, o.admin_email, o.agent_password);
        const HttpResponse r = admin.Send(
            "POST", "/api/testing/clock", R"({"now":"2026-11-04T11:00:00Z"})", s.Headers()
        );
        if (r.status != 200) {
            throw std::runtime_error("cannot pin the clock: " + std::to_string(r.status) + r.body);
        }
    }
    std::vector<Agent> agents(static_cast<std::size_t>(o.agents));
    {
        // Logins are argon2id on the server (deliberately slow): a few in parallel.
        std::atomic<std::size_t> next{0};
        std::mutex error_mutex;
        std::string error;
        std::vector<std::thread> loggers;
        loggers.reserve(4);
        for (int t = 0; t < 4; ++t) {
            loggers.emplace_back([&] {
                for (std::size_t i = next++; i < agents.size(); i = next++) {
                    try {
                        agents[i].conn = std::make_unique<HttpConnection>(host, o.port);
                        agents[i].session = Login(
                            *agents[i].conn,
                            "bench-agent-" + std::to_string(i + 1) + "@bench.local",
                            o.agent_password
                        );
                    } catch (const std::exception& e) {
                        const std::lock_guard lock(error_mutex);
                        error = e.what();
                    }
                }
            });
        }
        for (auto& t : loggers) {
            t.join();
        }
        if (!error.empty()) {
            throw std::runtime_error(error);
        }
    }

    Json out;
    out["agents"] = o.agents;
    std::vector<long long> ids;
    // Warm-up: a few cycles per agent (connections, caches), not reported.
    std::vector<long long> ignored;
    (void)Phase(
        agents,
        agents.size(),
        o,
        [](Agent& a, PhaseStats& st, SteadyClock::time_point) {
            for (int i = 0; i < 3; ++i) {
                Cycle(a, SteadyClock::now(), st);
            }
        },
        ignored
    );
    out["single_agent"] = Phase(
        agents,
        1,
        o,
        [&o](Agent& a, PhaseStats& st, SteadyClock::time_point) {
            for (int i = 0; i < o.single_cycles; ++i) {
                if (!Cycle(a, SteadyClock::now(), st)) {
                    break;
                }
            }
        },
        ids
    );
    const auto closed_for = std::chrono::duration<double>(o.closed_seconds);
    out["closed_loop"] = Phase(
        agents,
        agents.size(),
        o,
        [closed_for](Agent& a, PhaseStats& st, SteadyClock::time_point start) {
            while (SteadyClock::now() - start < closed_for) {
                if (!Cycle(a, SteadyClock::now(), st)) {
                    break;
                }
            }
        },
        ids
    );
    const double closed_rate = out["closed_loop"].value("next_per_s", 0.0);
    const double rate = o.open_rate > 0 ? o.open_rate : 0.7 * closed_rate;
    if (rate > 0 && o.open_seconds > 0) {
        const auto interval = std::chrono::duration<double>(1.0 / rate);
        const auto open_for = std::chrono::duration<double>(o.open_seconds);
        std::atomic<long long> arrivals{0};
        out["open_loop"] = Phase(
            agents,
            agents.size(),
            o,
            [&](Agent& a, PhaseStats& st, SteadyClock::time_point start) {
                for (;;) {
                    const long long k = arrivals++;
                    const auto due = start + std::chrono::duration_cast<SteadyClock::duration>(
                                                 interval * static_cast<double>(k)
                                             );
                    if (due - start >= open_for) {
                        break;
                    }
                    std::this_thread::sleep_until(due);
                    Cycle(a, due, st);
                }
            },
            ids
        );
        out["open_loop"]["offered_rate_per_s"] = rate;
    }
    if (ids.size() > kFloorCustomers) {
        ids.resize(kFloorCustomers);
    }
    out["reads"] = RunReadFloor(o.replica_url, ids, o.floor_rounds);
    const double floor_p50 = out["reads"]["floor_3_queries"].value("p50_ms", 0.0);
    const double naive_p50 = out["reads"]["naive_orm"].value("p50_ms", 0.0);
    const double adapter_p50 = out["reads"]["adapter_read_customer_context"].value("p50_ms", 0.0);
    const double single_p50 = out["single_agent"]["next_latency"].value("p50_ms", 0.0);
    if (floor_p50 > 0 && adapter_p50 > 0) {
        out["ratio_next_single_to_floor_p50"] = single_p50 / floor_p50;
        out["ratio_naive_to_floor_p50"] = naive_p50 / floor_p50;
        out["ratio_naive_to_adapter_p50"] = naive_p50 / adapter_p50;
        out["ratio_naive_to_next_single_p50"] = single_p50 > 0 ? naive_p50 / single_p50 : 0;
    }
    return out;
}

}  // namespace dialler::bench
