// The next-lead path on real databases: no two agents ever hold the same customer (threads and
// instances), ineligible customers are never handed out, leases expire, callbacks wait for their
// agent, the calling window holds.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kNow = testing::QueueTestNow();
const app::RequestContext kCtx{"test", "127.0.0.1"};

class QueueTest : public ::testing::TestWithParam<std::string> {
protected:
    // Own database on the parameter's technology; the replica on SQLite (MariaDB for Postgres).
    std::pair<std::string, std::string> Urls() {
        if (GetParam() == "Postgres") {
            return {testing::NewMysqlDatabase(), testing::NewPostgresDatabase()};
        }
        return {dir_.SqliteUrl("replica.db"), dir_.SqliteUrl("own.db")};
    }
    std::unique_ptr<testing::QueueEnv> Make(int users) {
        const auto [replica, own] = Urls();
        testing::WriteTestReplica(replica, users);
        auto env = std::make_unique<testing::QueueEnv>(replica, own, clock_);
        EXPECT_TRUE(env->discovery->RunFull());
        return env;
    }
    testing::TempDir dir_;
    testing::ManualClock clock_{kNow};
};

TEST_P(QueueTest, ManyAgentsOnTwoInstancesNeverShareACustomer) {
    const auto [replica, own] = Urls();
    testing::WriteTestReplica(replica, 600);
    testing::QueueEnv a(replica, own, clock_);
    testing::QueueEnv b(replica, own, clock_);  // a second server instance on the same databases
    ASSERT_TRUE(a.discovery->RunFull());

    constexpr int kAgents = 50;
    std::vector<domain::Agent> agents;
    for (int i = 0; i < kAgents; ++i) {
        agents.push_back(a.AddAgent("agent" + std::to_string(i) + "@test.local"));
    }
    std::mutex mutex;
    std::set<std::int64_t> held;    // customers held right now
    std::set<std::int64_t> handed;  // every customer ever handed out
    std::atomic<int> duplicates{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kAgents; ++i) {
        threads.emplace_back([&, i] {
            testing::QueueEnv& instance = i % 2 == 0 ? a : b;
            for (int round = 0; round < 6; ++round) {
                auto next = instance.queue->NextLead(
                    agents[static_cast<std::size_t>(i)], std::nullopt, kCtx
                );
                if (!next) {
                    ++errors;
                    return;
                }
                if (!next->lead) {
                    return;  // nothing left that this agent may call
                }
                const std::int64_t user = next->lead->lead.user_id.Value();
                {
                    const std::lock_guard lock(mutex);
                    if (!held.insert(user).second || !handed.insert(user).second) {
                        ++duplicates;
                    }
                }
                {
                    const std::lock_guard lock(mutex);
                    held.erase(user);
                }
                // no_answer: not callable again for 4 hours, so nobody may get them again here.
                if (!instance.queue->RecordOutcome(
                        agents[static_cast<std::size_t>(i)],
                        domain::UserId{user},
                        {domain::Outcome::kNoAnswer, "", {}},
                        kCtx
                    )) {
                    ++errors;
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(duplicates.load(), 0);
    EXPECT_EQ(errors.load(), 0);
    EXPECT_GT(handed.size(), 150U);  // the agents really competed for the same queue
}

// The soak: 50 agents on two instances pull, call, release and skip for a minute of wall time
// (DIALLER_SOAK_SECONDS) while simulated time moves on with the work, so waiting leads come back
// and are fought over again. No customer may ever be held by two agents at once.
TEST_P(QueueTest, FiftyAgentsPullingForAMinuteNeverShareACustomer) {
    const char* env_seconds = std::getenv("DIALLER_SOAK_SECONDS");  // NOLINT(concurrency-mt-unsafe)
    const int seconds_to_run = env_seconds != nullptr ? std::atoi(env_seconds) : 60;
    const auto [replica, own] = Urls();
    testing::WriteTestReplica(replica, 400);
    clock_.Set(Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 4} + hours{8}});
    app::QueueSettings settings = app::QueueSettings::Defaults();
    settings.lease_duration = hours{24};  // simulated time races ahead; holds end by release only
    testing::QueueEnv a(replica, own, clock_, true, settings);
    testing::QueueEnv b(replica, own, clock_, true, settings);
    ASSERT_TRUE(a.discovery->RunFull());

    constexpr int kAgents = 50;
    std::vector<domain::Agent> agents;
    for (int i = 0; i < kAgents; ++i) {
        agents.push_back(a.AddAgent("soak" + std::to_string(i) + "@test.local"));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{seconds_to_run};
    std::mutex mutex;
    std::set<std::int64_t> held;
    std::atomic<int> steps{0};
    std::atomic<int> claims{0};
    std::atomic<int> duplicates{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kAgents; ++i) {
        threads.emplace_back([&, i] {
            testing::QueueEnv& instance = i % 2 == 0 ? a : b;
            const domain::Agent& agent = agents[static_cast<std::size_t>(i)];
            for (int round = 0; std::chrono::steady_clock::now() < deadline; ++round) {
                auto next = instance.queue->NextLead(agent, std::nullopt, kCtx);
                if (!next) {
                    ++errors;
                    return;
                }
                // Simulated time moves with the work, not with the wall clock: every 40th claim
                // (or empty answer) is 15 s later, so waiting leads come back to be fought over.
                if (++steps % 40 == 0) {
                    clock_.Advance(seconds{15});
                }
                if (!next->lead) {
                    std::this_thread::yield();
                    continue;
                }
                const domain::UserId user = next->lead->lead.user_id;
                ++claims;
                {
                    const std::lock_guard lock(mutex);
                    if (!held.insert(user.Value()).second) {
                        ++duplicates;
                    }
                }
                // On the call: the hold is real, in the database, while we are in `held`.
                if (!instance.queue->Heartbeat(agent, user)) {
                    ++errors;
                }
                {
                    // Forget the hold before giving it up, so a later legitimate claim is no false
                    // alarm.
                    const std::lock_guard lock(mutex);
                    held.erase(user.Value());
                }
                const int action = (i + round) % 20;
                const bool ok =
                    action < 10 ? instance.queue
                                      ->RecordOutcome(
                                          agent, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx
                                      )
                                      .has_value()
                    : action < 17 ? instance.queue->Release(agent, user, kCtx).has_value()
                                  : instance.queue->Skip(agent, user, kCtx).has_value();
                if (!ok) {
                    ++errors;
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(duplicates.load(), 0);
    EXPECT_EQ(errors.load(), 0);
    EXPECT_GT(claims.load(), 0);  // it ran; how fast is the bench's business (T2)
}

TEST_P(QueueTest, NeverHandsOutSuppressedDisabledClosedOrSignedCustomers) {
    auto env = Make(400);
    std::vector<app::Lead> queued;
    for (auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{400})) {
        if (l.queue == domain::Queue::kUnsigned) {
            queued.push_back(l);
        }
    }
    ASSERT_GE(queued.size(), 8U);
    // After discovery, the platform changes under our feet, and an admin suppresses one.
    const auto id = [&](std::size_t i) { return queued[i].user_id.ToString(); };
    env->OnReplica("UPDATE users SET is_enabled = 0 WHERE id = " + id(0));
    env->OnReplica("UPDATE users SET status = 'CANCELLED' WHERE id = " + id(1));
    env->OnReplica("UPDATE claims SET status = 'Cancelled' WHERE user_id = " + id(2));
    env->OnReplica("UPDATE users SET current_signature_file_id = 'signed-now' WHERE id = " + id(3));
    env->suppressions->Add(app::Suppression{
        0,
        queued[4].user_id,
        std::nullopt,
        app::SuppressionChannel::kCall,
        "asked",
        "admin",
        app::Actor::Cli(),
        kNow,
        {},
        {},
        {}});
    const std::set<std::int64_t> forbidden{
        queued[0].user_id.Value(),
        queued[1].user_id.Value(),
        queued[2].user_id.Value(),
        queued[3].user_id.Value(),
        queued[4].user_id.Value(),
    };
    const domain::Agent agent = env->AddAgent("drain@test.local");
    std::set<std::int64_t> seen;
    for (int i = 0; i < 500; ++i) {
        auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
        ASSERT_TRUE(next);
        if (!next->lead) {
            break;
        }
        const auto user = next->lead->lead.user_id;
        EXPECT_FALSE(forbidden.contains(user.Value())) << user.ToString();
        seen.insert(user.Value());
        ASSERT_TRUE(
            env->queue->RecordOutcome(agent, user, {domain::Outcome::kVoicemailLeft, "", {}}, kCtx)
        );
    }
    EXPECT_GE(
        seen.size(), queued.size() - forbidden.size() - 2
    );  // (a few may hit the daily cap logic)
    // The customer who signed is recorded as a conversion by the validation itself.
    bool converted = false;
    for (const auto& c : env->runs->ConversionsSince(kNow - hours{1}, 100)) {
        converted = converted || c.user_id == queued[3].user_id;
    }
    EXPECT_TRUE(converted);
}

TEST_P(QueueTest, ASuppressionLeavesTheQueuesAtOnceAndComesBackWhenLifted) {
    auto env = Make(200);
    std::vector<app::Lead> queued;
    for (auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{200})) {
        if (l.queue && l.phone) {
            queued.push_back(l);
        }
    }
    ASSERT_GE(queued.size(), 2U);
    const auto total = [&env] {
        long long n = 0;
        for (const auto& c : env->queue->Counts()) {
            n += c.total;
        }
        return n;
    };
    const long long before = total();
    const domain::Agent admin = env->AddAgent("dnc@test.local");

    // By customer.
    const auto by_user = env->callbacks->Suppress(
        admin, queued[0].user_id, std::nullopt, app::SuppressionChannel::kCall, "asked", kCtx
    );
    ASSERT_TRUE(by_user);
    auto stored = env->leads->FindLead(queued[0].user_id);
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->queue);
    EXPECT_NE(stored->reasons.find("suppressed"), std::string::npos) << stored->reasons;
    EXPECT_EQ(total(), before - 1);

    // By number: every customer with it.
    const auto by_phone = env->callbacks->Suppress(
        admin, std::nullopt, queued[1].phone->e164, app::SuppressionChannel::kCall, "TPS", kCtx
    );
    ASSERT_TRUE(by_phone);
    for (const auto id : env->leads->UsersWithPhone(queued[1].phone->e164)) {
        EXPECT_FALSE(env->leads->FindLead(id)->queue) << id.ToString();
    }
    EXPECT_LT(total(), before - 1);

    // Lifted: back in the queue they were in.
    ASSERT_TRUE(env->callbacks->Unsuppress(admin, by_user->id, "mistake", kCtx));
    ASSERT_TRUE(env->callbacks->Unsuppress(admin, by_phone->id, "mistake", kCtx));
    EXPECT_EQ(env->leads->FindLead(queued[0].user_id)->queue, queued[0].queue);
    EXPECT_EQ(env->leads->FindLead(queued[1].user_id)->queue, queued[1].queue);
    EXPECT_EQ(total(), before);
}

TEST_P(QueueTest, GivesTheSameCustomerBackUntilAnOutcomeAndRefusesOutcomesWithoutALease) {
    auto env = Make(100);
    const domain::Agent agent = env->AddAgent("one@test.local");
    const domain::Agent other = env->AddAgent("two@test.local");
    auto first = env->queue->NextLead(agent, std::nullopt, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    auto again = env->queue->NextLead(agent, std::nullopt, kCtx);
    ASSERT_TRUE(again && again->lead);
    EXPECT_EQ(again->lead->lead.user_id, user);

    const auto not_holder =
        env->queue->RecordOutcome(other, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx);
    ASSERT_FALSE(not_holder);
    EXPECT_EQ(not_holder.error().code, ErrorCode::kFailedPrecondition);
    const auto bad_input =
        env->queue->RecordOutcome(agent, user, {domain::Outcome::kDoNotContact, "", {}}, kCtx);
    ASSERT_FALSE(bad_input);
    EXPECT_EQ(bad_input.error().field, "notes");
    EXPECT_EQ(env->leads->FindLead(user)->attempts, 0);  // a refused outcome changes nothing

    ASSERT_TRUE(env->queue->RecordOutcome(
        agent, user, {domain::Outcome::kDoNotContact, "Asked us to stop", {}}, kCtx
    ));
    const auto lead = env->leads->FindLead(user);
    EXPECT_TRUE(lead->is_closed);
    EXPECT_FALSE(lead->lease_agent_id);
    EXPECT_EQ(env->suppressions->List(user, std::nullopt, false, 10).size(), 1U);
    auto next = env->queue->NextLead(agent, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    EXPECT_NE(next->lead->lead.user_id, user);
}

TEST_P(QueueTest, ANoClaimCustomerComesBackOnlyWhenTheReplicaChanges) {
    auto env = Make(100);
    const domain::Agent agent = env->AddAgent("noclaim@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    ASSERT_TRUE(env->queue->RecordOutcome(
        agent, user, {domain::Outcome::kNoClaim, "says no claim", {}}, kCtx
    ));
    EXPECT_TRUE(env->leads->FindLead(user)->is_closed);

    clock_.Advance(hours{1});
    ASSERT_TRUE(env->discovery->RunFull());  // nothing changed on the platform: stays closed
    EXPECT_TRUE(env->leads->FindLead(user)->is_closed);

    // The platform opens a new claim with a new pending document for them.
    env->OnReplica(
        "INSERT INTO claims (id, user_id, type, status, lender, created_at, updated_at) VALUES "
        "(990001, " +
        user.ToString() +
        ", 'vehicle', 'active', 'motonovo', '2026-11-04 11:30:00', '2026-11-04 11:30:00')"
    );
    env->OnReplica(
        "UPDATE users SET current_signature_file_id = 'sig-9' WHERE id = " + user.ToString()
    );
    env->OnReplica(
        "INSERT INTO claim_requirements (id, claim_id, type, status, created_at, updated_at) "
        "VALUES ('req-new-1', "
        "990001, 'bank_statement', 'pending', '2026-11-04 11:30:00', '2026-11-04 11:30:00')"
    );
    ASSERT_TRUE(env->discovery->RunFull());
    const auto reopened = env->leads->FindLead(user);
    EXPECT_FALSE(reopened->is_closed);
    EXPECT_EQ(reopened->queue, domain::Queue::kOutstanding);
}

TEST_P(QueueTest, AnExpiredLeaseReturnsTheCustomer) {
    auto env = Make(100);
    const domain::Agent a = env->AddAgent("a@test.local");
    const domain::Agent b = env->AddAgent("b@test.local");
    auto first = env->queue->NextLead(a, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    auto while_held = env->queue->NextLead(b, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(while_held && while_held->lead);
    EXPECT_NE(while_held->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->Release(b, while_held->lead->lead.user_id, kCtx));

    ASSERT_TRUE(env->queue->Heartbeat(a, user));
    clock_.Advance(seconds{119});
    EXPECT_NE(env->queue->NextLead(b, domain::Queue::kUnsigned, kCtx)->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->Release(b, env->leases->HeldBy(b.id, clock_.Now())->user_id, kCtx));

    clock_.Advance(seconds{2});  // a's lease (120 s from the heartbeat) has run out
    auto after = env->queue->NextLead(b, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(after && after->lead);
    EXPECT_EQ(after->lead->lead.user_id, user);
    EXPECT_EQ(env->queue->Heartbeat(a, user).error().code, ErrorCode::kFailedPrecondition);
}

TEST_P(QueueTest, ACallbackWaitsForItsAgentThenAnyoneAfterTheGracePeriod) {
    auto env = Make(100);
    const domain::Agent owner = env->AddAgent("owner@test.local");
    const domain::Agent colleague = env->AddAgent("colleague@test.local");
    auto first = env->queue->NextLead(owner, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    const auto due = std::chrono::floor<seconds>(kNow + hours{2});
    ASSERT_TRUE(env->queue->RecordOutcome(
        owner, user, {domain::Outcome::kCallBack, "after lunch", due}, kCtx
    ));

    clock_.Set(Timestamp{due});
    auto early = env->queue->NextLead(colleague, domain::Queue::kCallbacks, kCtx);
    ASSERT_TRUE(early);
    EXPECT_FALSE(early->lead);  // booked with someone else, within the grace period

    clock_.Set(Timestamp{due} + minutes{15});
    auto late = env->queue->NextLead(colleague, domain::Queue::kCallbacks, kCtx);
    ASSERT_TRUE(late && late->lead);
    EXPECT_EQ(late->lead->lead.user_id, user);
    EXPECT_TRUE(late->lead->callback_id);
    ASSERT_TRUE(env->queue->Release(colleague, user, kCtx));

    // The owner gets it first, before any queue lead, as soon as it is due.
    auto mine = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(mine && mine->lead);
    EXPECT_EQ(mine->lead->lead.user_id, user);
    ASSERT_TRUE(
        env->queue->RecordOutcome(owner, user, {domain::Outcome::kGoingToComplete, "", {}}, kCtx)
    );
    EXPECT_EQ(
        env->outcomes->ListCallbacks(app::CallbackScope::kTeam, owner.id, clock_.Now(), 10).size(),
        0U
    );
}

TEST_P(QueueTest, RefusesOutsideTheCallingWindowWithTheReasonAndTheNextOpening) {
    auto env = Make(50);
    const domain::Agent agent = env->AddAgent("weekend@test.local");
    const auto open_counts = env->queue->Counts();
    long long callable = 0;
    for (const auto& c : open_counts) {
        callable += c.callable_now;
    }
    ASSERT_GT(callable, 0) << "the fixture's own time is inside the window";
    // Sunday 8 November 2026, 12:00 GMT.
    clock_.Set(Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 8} + hours{12}});
    const Timestamp monday_eight{
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 9} + hours{8}};
    const auto next = env->queue->NextLead(agent, std::nullopt, kCtx);
    ASSERT_TRUE(next);
    EXPECT_FALSE(next->lead);
    EXPECT_EQ(next->reason, "outside_calling_window");
    EXPECT_EQ(next->next_callable_at, monday_eight);
    // The floor's counts agree: nothing callable now, callable again when the window opens.
    const auto closed_counts = env->queue->Counts();
    ASSERT_EQ(closed_counts.size(), open_counts.size());
    for (std::size_t i = 0; i < closed_counts.size(); ++i) {
        EXPECT_EQ(closed_counts[i].total, open_counts[i].total);
        EXPECT_EQ(closed_counts[i].callable_now, 0);
        if (open_counts[i].callable_now > 0) {
            EXPECT_EQ(closed_counts[i].next_callable_at, monday_eight);
        }
    }
    // And a callback cannot be booked for then either.
    const auto booked = env->callbacks->Create(
        agent,
        domain::UserId{1},
        Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 15} + hours{10}},
        "",
        kCtx
    );
    ASSERT_FALSE(booked);
    EXPECT_EQ(booked.error().field, "scheduledFor");
}

TEST_P(QueueTest, RefusesAQueueTheAgentMayNotWork) {
    auto env = Make(20);
    domain::Agent agent = env->AddAgent("limited@test.local");
    agent.queues = {domain::Queue::kOutstanding};
    const auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(next.error().field, "queue");
}

// --- callbacks never stall, callbacks are kept ------------------------------------------------

// Books a callback for the customer `owner` is handed now, due `ahead` from now; returns them.
domain::UserId BookCallback(
    testing::QueueEnv& env, const domain::Agent& owner, std::chrono::seconds ahead
) {
    auto first = env.queue->NextLead(owner, domain::Queue::kUnsigned, kCtx);
    EXPECT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    const auto due = std::chrono::floor<seconds>(env.clock.Now() + ahead);
    EXPECT_TRUE(env.queue->RecordOutcome(
        owner, user, {domain::Outcome::kCallBack, "ring me back", due}, kCtx
    ));
    return user;
}

std::optional<app::Callback> PendingCallbackFor(testing::QueueEnv& env, domain::UserId user) {
    for (auto& cb : env.outcomes->CallbacksFor(user)) {
        if (cb.status == app::CallbackStatus::kPending) {
            return cb;
        }
    }
    return std::nullopt;
}

app::Suppression CallSuppression(domain::UserId user) {
    return app::Suppression{
        0,
        user,
        std::nullopt,
        app::SuppressionChannel::kCall,
        "asked",
        "admin",
        app::Actor::Cli(),
        kNow,
        {},
        {},
        {}};
}

TEST_P(QueueTest, ADueCallbackForASuppressedCustomerIsClosedAndEveryoneIsServed) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("owner@test.local");
    const domain::Agent colleague = env->AddAgent("colleague@test.local");
    const auto user = BookCallback(*env, owner, hours{1});
    env->suppressions->Add(CallSuppression(user));
    clock_.Advance(hours{1} + minutes{20});  // due, and past the grace period for the team

    auto mine = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(mine);
    ASSERT_TRUE(mine->lead) << mine->reason;
    EXPECT_NE(mine->lead->lead.user_id, user);
    auto theirs = env->queue->NextLead(colleague, std::nullopt, kCtx);
    ASSERT_TRUE(theirs && theirs->lead) << theirs->reason;
    EXPECT_NE(theirs->lead->lead.user_id, user);

    // The owner sees why their callback went away.
    bool seen = false;
    for (const auto& cb :
         env->outcomes->ListCallbacks(app::CallbackScope::kMine, owner.id, clock_.Now(), 50)) {
        if (cb.user_id == user) {
            seen = true;
            EXPECT_EQ(cb.status, app::CallbackStatus::kCancelled);
            EXPECT_EQ(cb.closed_reason, "suppressed");
        }
    }
    EXPECT_TRUE(seen);
    EXPECT_FALSE(PendingCallbackFor(*env, user));
}

TEST_P(QueueTest, ADueCallbackForACustomerWhoFinishedIsClosedAsIneligible) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("finished@test.local");
    const auto user = BookCallback(*env, owner, hours{1});
    env->OnReplica("UPDATE claims SET status = 'complete' WHERE user_id = " + user.ToString());
    clock_.Advance(hours{1});
    auto next = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead) << next->reason;
    EXPECT_NE(next->lead->lead.user_id, user);
    const auto cbs = env->outcomes->CallbacksFor(user);
    ASSERT_EQ(cbs.size(), 1U);
    EXPECT_EQ(cbs[0].closed_reason, "customer_ineligible");
}

TEST_P(QueueTest, ACallbackTheGateRefusesWaitsForTheGateAndTheAgentGetsAnother) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("capped@test.local");
    const auto user = BookCallback(*env, owner, hours{1});  // one call today already
    for (int i = 0; i < 2; ++i) {  // two more today, by someone else: the daily cap (3) is met
        env->contacts->Record(app::ContactAttempt{
            0, user, domain::Channel::kCall, std::nullopt, "+447400123456", kNow + minutes{i}});
    }
    clock_.Advance(hours{1});
    auto next = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead) << next->reason;
    EXPECT_NE(next->lead->lead.user_id, user);
    // Still promised, moved to when the gate allows a call: tomorrow's opening (08:00 GMT).
    const auto pending = PendingCallbackFor(*env, user);
    ASSERT_TRUE(pending);
    EXPECT_EQ(
        pending->scheduled_for,
        Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 5} + hours{8}}
    );
}

TEST_P(QueueTest, AnAgentsOwnDueCallbackComesFirstWhicheverQueueTheyPick) {
    auto env = Make(150);
    domain::Agent owner = env->AddAgent("own@test.local");
    const auto user = BookCallback(*env, owner, hours{1});
    owner.queues = {domain::Queue::kUnsigned, domain::Queue::kOutstanding};  // no callbacks queue
    clock_.Advance(hours{1});
    auto next = env->queue->NextLead(owner, domain::Queue::kOutstanding, kCtx);
    ASSERT_TRUE(next && next->lead) << next->reason;
    EXPECT_EQ(next->lead->lead.user_id, user);
    EXPECT_TRUE(next->lead->callback_id);
}

TEST_P(QueueTest, AnUnansweredCallbackStaysPendingAndGoesToTheTeamAfterThreeTries) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("tries@test.local");
    const auto user = BookCallback(*env, owner, hours{1});
    clock_.Advance(hours{1});  // Wednesday 12:00: the first try
    for (int attempt = 1; attempt <= 3; ++attempt) {
        auto next = env->queue->NextLead(owner, std::nullopt, kCtx);
        ASSERT_TRUE(next && next->lead) << attempt << " " << next->reason;
        ASSERT_EQ(next->lead->lead.user_id, user) << attempt;
        ASSERT_TRUE(next->lead->callback_id);
        ASSERT_TRUE(env->queue->RecordOutcome(
            owner,
            user,
            {attempt == 2 ? domain::Outcome::kVoicemailLeft : domain::Outcome::kNoAnswer, "", {}},
            kCtx
        ));
        const auto pending = PendingCallbackFor(*env, user);
        ASSERT_TRUE(pending) << "a try that did not reach the customer keeps the callback";
        EXPECT_EQ(pending->failed_tries, attempt);
        EXPECT_EQ(pending->agent.has_value(), attempt < 3) << attempt;
        if (attempt == 1) {
            EXPECT_EQ(pending->scheduled_for, clock_.Now() + hours{4});  // no_answer's delay
            clock_.Set(pending->scheduled_for);
        } else if (attempt == 2) {
            EXPECT_EQ(pending->scheduled_for, clock_.Now() + hours{24});  // voicemail's delay
            clock_.Set(pending->scheduled_for);
        }
    }
    // A call that reaches the customer completes it: Friday morning, by the team.
    const domain::Agent colleague = env->AddAgent("team@test.local");
    clock_.Set(Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 6} + hours{10}});
    auto team = env->queue->NextLead(colleague, std::nullopt, kCtx);
    ASSERT_TRUE(team && team->lead) << team->reason;
    ASSERT_EQ(team->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->RecordOutcome(
        colleague, user, {domain::Outcome::kGoingToComplete, "", {}}, kCtx
    ));
    EXPECT_FALSE(PendingCallbackFor(*env, user));
}

TEST_P(QueueTest, SkippingACallbackMovesItByThirtyMinutes) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("skip@test.local");
    const auto user = BookCallback(*env, owner, hours{1});
    clock_.Advance(hours{1});
    auto next = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead && next->lead->callback_id);
    ASSERT_TRUE(env->queue->Skip(owner, user, kCtx));
    const auto pending = PendingCallbackFor(*env, user);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->scheduled_for, clock_.Now() + minutes{30});
    auto after = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(after && after->lead);
    EXPECT_NE(after->lead->lead.user_id, user);
}

TEST_P(QueueTest, CountsCallbacksDueNowAndLaterToday) {
    auto env = Make(150);
    const domain::Agent owner = env->AddAgent("counts@test.local");
    BookCallback(*env, owner, hours{1});
    BookCallback(*env, owner, hours{3});
    BookCallback(*env, owner, hours{24});  // tomorrow
    clock_.Advance(hours{2});
    const auto counts = env->queue->Counts();
    const auto row = std::find_if(counts.begin(), counts.end(), [](const app::LeadCounts& c) {
        return c.queue == domain::Queue::kCallbacks;
    });
    ASSERT_NE(row, counts.end());
    EXPECT_EQ(row->callable_now, 1);
    EXPECT_EQ(row->due_later_today, 1);
    EXPECT_EQ(row->total, 2);
}

TEST_P(QueueTest, AHeldCustomerIsCheckedAgainBeforeBeingHandedBack) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("held@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    env->suppressions->Add(CallSuppression(user));
    auto again = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(again && again->lead) << again->reason;
    EXPECT_NE(again->lead->lead.user_id, user);
    const auto lead = env->leads->FindLead(user);
    EXPECT_FALSE(lead->lease_agent_id);
    EXPECT_FALSE(lead->queue);  // moved out, as discovery would
}

TEST_P(QueueTest, GivesUpAfterTwentyRefusedCandidatesAndSaysSo) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("refused@test.local");
    env->OnReplica("UPDATE users SET is_enabled = 0");  // everyone left since discovery ran
    auto next = env->queue->NextLead(agent, std::nullopt, kCtx);
    ASSERT_TRUE(next);
    EXPECT_FALSE(next->lead);
    EXPECT_EQ(next->reason, "candidates_refused");
    EXPECT_EQ(next->refused, app::QueueService::kMaxCandidates);
}

// --- caps count dials -------------------------------------------------------------------------

TEST_P(QueueTest, DialsCountTowardsTheCapsEvenWhenTheCallEndsWithoutAnOutcome) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("dialler@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    const auto attempts = [&] { return env->contacts->Since(user, kNow - hours{1}).size(); };

    ASSERT_TRUE(env->queue->RecordCallAttempt(agent, user, kCtx));
    ASSERT_TRUE(env->queue->Release(agent, user, kCtx));  // dialled, then gave them back
    EXPECT_EQ(attempts(), 1U);

    auto second = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(second && second->lead);
    ASSERT_EQ(second->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->RecordCallAttempt(agent, user, kCtx));
    ASSERT_TRUE(env->queue->Skip(agent, user, kCtx));
    EXPECT_EQ(attempts(), 2U);

    clock_.Advance(minutes{31});
    auto third = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(third && third->lead);
    ASSERT_EQ(third->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->RecordCallAttempt(agent, user, kCtx));
    clock_.Advance(minutes{3});  // the lease runs out: no outcome, no release
    EXPECT_EQ(attempts(), 3U);

    // Three dials today: the daily cap. Nobody is handed them again today.
    const domain::Agent other = env->AddAgent("other-dialler@test.local");
    for (int i = 0; i < 3; ++i) {
        auto next = env->queue->NextLead(other, domain::Queue::kUnsigned, kCtx);
        ASSERT_TRUE(next && next->lead);
        EXPECT_NE(next->lead->lead.user_id, user);
        ASSERT_TRUE(env->queue->Release(other, next->lead->lead.user_id, kCtx));
        clock_.Advance(seconds{1});
    }
    const auto lead = env->leads->FindLead(user);
    ASSERT_TRUE(lead->next_call_at);
    EXPECT_GE(
        *lead->next_call_at, Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 5}}
    );
    EXPECT_FALSE(env->queue->RecordCallAttempt(other, user, kCtx));  // not held: refused
}

// Every screen's queue counts follow hand-outs, give-backs and outcomes: each is published to
// everyone, naming the customer and the agent.
TEST_P(QueueTest, HandOutsGiveBacksAndOutcomesArePublishedToEveryScreen) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("published@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    ASSERT_TRUE(env->queue->Release(agent, user, kCtx));
    auto again = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(again && again->lead);
    ASSERT_TRUE(env->queue->RecordOutcome(
        agent, again->lead->lead.user_id, {domain::Outcome::kNoAnswer, "", {}}, kCtx
    ));
    std::vector<std::string> seen;
    for (const auto& e : env->events.Events()) {
        ASSERT_EQ(e.type, "lead");
        EXPECT_TRUE(e.everyone);
        EXPECT_EQ(e.agent_id, agent.id);
        seen.push_back(e.state);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"taken", "released", "taken", "done"}));
    EXPECT_EQ(env->events.Events().front().subject_id, user.Value());
}

// The gate is asked again when the call is placed: a number suppressed (by a STOP, another
// agent's request) after the customer was handed out is not dialled, and nothing is counted.
TEST_P(QueueTest, ACallIsRefusedWhenTheGateClosedAfterTheHandOut) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("late-stop@test.local");
    auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead && next->lead->lead.phone);
    const auto user = next->lead->lead.user_id;
    env->suppressions->Add(testing::DoNotCall(
        std::nullopt, next->lead->lead.phone->e164, app::SuppressionChannel::kCall, kNow
    ));

    auto refused = env->queue->RecordCallAttempt(agent, user, kCtx);
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->attempt);
    EXPECT_FALSE(refused->gate.allowed);
    ASSERT_FALSE(refused->gate.denials.empty());
    EXPECT_EQ(refused->gate.denials.front().reason, domain::GateReason::kSuppressed);
    EXPECT_TRUE(env->contacts->Since(user, kNow - hours{1}).empty());
    // Still held: the agent can record why the call did not happen.
    EXPECT_EQ(env->leads->FindLead(user)->lease_agent_id, agent.id);

    // The same agent's next call to someone else goes through.
    ASSERT_TRUE(env->queue->Release(agent, user, kCtx));
    auto other = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(other && other->lead);
    ASSERT_NE(other->lead->lead.user_id, user);
    auto allowed = env->queue->RecordCallAttempt(agent, other->lead->lead.user_id, kCtx);
    ASSERT_TRUE(allowed && allowed->attempt);
    EXPECT_EQ(allowed->attempt->phone_e164, other->lead->lead.phone->e164);
}

TEST_P(QueueTest, AnOutcomeAfterADialCountsOnceAndWithoutADialCountsItself) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("once@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto dialled = first->lead->lead.user_id;
    ASSERT_TRUE(env->queue->RecordCallAttempt(agent, dialled, kCtx));
    ASSERT_TRUE(
        env->queue->RecordOutcome(agent, dialled, {domain::Outcome::kNoAnswer, "", {}}, kCtx)
    );
    EXPECT_EQ(env->contacts->Since(dialled, kNow - hours{1}).size(), 1U);

    auto second = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(second && second->lead);
    const auto undialled = second->lead->lead.user_id;
    ASSERT_TRUE(
        env->queue->RecordOutcome(agent, undialled, {domain::Outcome::kNoAnswer, "", {}}, kCtx)
    );
    EXPECT_EQ(env->contacts->Since(undialled, kNow - hours{1}).size(), 1U);
}

TEST_P(QueueTest, AnOutcomeDoesNotClaimADialFromAnEarlierHold) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("earlier@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    ASSERT_TRUE(env->queue->RecordCallAttempt(agent, user, kCtx));
    ASSERT_TRUE(env->queue->Release(agent, user, kCtx));
    clock_.Advance(seconds{5});
    auto again = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(again && again->lead);
    ASSERT_EQ(again->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->RecordOutcome(agent, user, {domain::Outcome::kHungUp, "", {}}, kCtx));
    EXPECT_EQ(env->contacts->Since(user, kNow - hours{1}).size(), 2U);
}

// --- discovery never overwrites an outcome -----------------------------------------------------

// Discovery reads a customer and their lead, an agent saves an outcome, then discovery's write
// arrives: the outcome's attempts, score and given-up flag stand; the next run re-reads.
TEST_P(QueueTest, DiscoveryNeverOverwritesAnOutcomeSavedAfterItsRead) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("race@test.local");
    auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead);
    const auto user = next->lead->lead.user_id;
    ASSERT_TRUE(env->queue->Release(agent, user, kCtx));

    // Discovery's read, and its evaluation from it.
    const auto before = env->leads->FindLead(user);
    const auto customer = env->replica->ReadCustomerContext(user);
    ASSERT_TRUE(before && customer);
    app::CustomerEvaluation stale = app::EvaluateLive(
        customer->record,
        *before,
        env->phones,
        *env->suppressions,
        env->settings.Current(),
        env->lenders,
        clock_.Now()
    );

    // Meanwhile: an agent calls them and saves an outcome.
    auto again = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(again && again->lead);
    ASSERT_EQ(again->lead->lead.user_id, user);
    ASSERT_TRUE(env->queue->RecordOutcome(
        agent, user, {domain::Outcome::kNotInterested, "not now", {}}, kCtx
    ));
    const auto outcome = env->leads->FindLead(user);
    ASSERT_EQ(outcome->attempts, before->attempts + 1);

    // Discovery's write lands.
    std::vector<app::CustomerEvaluation> batch;
    batch.push_back(std::move(stale));
    env->discovery->StoreEvaluations(std::move(batch));
    const auto after = env->leads->FindLead(user);
    EXPECT_EQ(after->attempts, outcome->attempts);
    EXPECT_EQ(after->outcome_points, outcome->outcome_points);
    EXPECT_EQ(after->score, outcome->score);
    EXPECT_EQ(after->is_given_up, outcome->is_given_up);
    EXPECT_EQ(after->next_call_at, outcome->next_call_at);

    // The next run reads the outcome and keeps it.
    ASSERT_TRUE(env->discovery->RunFull());
    EXPECT_EQ(env->leads->FindLead(user)->attempts, outcome->attempts);
}

// --- conversions are real ----------------------------------------------------------------------

TEST_P(QueueTest, AConversionIsTheCustomerDoingTheThingNotTheirClaimsBeingCancelled) {
    auto env = Make(300);
    std::vector<domain::UserId> outstanding;
    for (const auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{300})) {
        if (l.queue == domain::Queue::kOutstanding) {
            outstanding.push_back(l.user_id);
        }
    }
    ASSERT_GE(outstanding.size(), 2U);
    const auto cancelled = outstanding[0];
    const auto finished = outstanding[1];
    env->OnReplica(
        "UPDATE claims SET status = 'Cancelled' WHERE user_id = " + cancelled.ToString()
    );
    env->OnReplica(
        "UPDATE claim_requirements SET status = 'completed' WHERE claim_id IN (SELECT id FROM "
        "claims WHERE user_id = " +
        finished.ToString() + ")"
    );
    clock_.Advance(minutes{10});
    ASSERT_TRUE(env->discovery->RunFull());
    ASSERT_TRUE(env->discovery->RunFull());  // seen again: still once
    const auto conversions = env->runs->ConversionsSince(kNow, 1000);
    const auto count = [&conversions](domain::UserId user) {
        return std::count_if(conversions.begin(), conversions.end(), [user](const auto& c) {
            return c.user_id == user;
        });
    };
    EXPECT_EQ(count(cancelled), 0);
    EXPECT_EQ(count(finished), 1);
    EXPECT_FALSE(env->leads->FindLead(cancelled)->queue);
    EXPECT_FALSE(env->leads->FindLead(finished)->queue);
}

// --- weights apply to everyone -----------------------------------------------------------------

TEST_P(QueueTest, AChangeOfWeightsRescoresEveryOpenLeadWithoutTheReplica) {
    auto env = Make(200);
    ASSERT_EQ(*env->discovery->RescoreIfWeightsChanged(), 0);  // records what is in force
    ASSERT_EQ(*env->discovery->RescoreIfWeightsChanged(), 0);  // nothing changed
    std::map<std::int64_t, app::Lead> before;
    for (auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{200})) {
        if (l.queue == domain::Queue::kUnsigned && !l.is_closed) {
            before.emplace(l.user_id.Value(), l);
        }
    }
    ASSERT_GE(before.size(), 10U);

    app::QueueSettings changed = env->settings.Current();
    changed.scoring.unsigned_base += 40;
    env->settings.Set(changed);
    // The replica is not read: it is gone.
    env->OnReplica("DROP TABLE claim_requirements");
    env->OnReplica("DROP TABLE claims");
    env->OnReplica("DROP TABLE users");
    const auto written = env->discovery->RescoreIfWeightsChanged();
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_GE(*written, static_cast<long long>(before.size()));
    for (const auto& [id, was] : before) {
        const auto now = env->leads->FindLead(domain::UserId{id});
        EXPECT_EQ(now->score, was.score + 40) << id;
        int sum = 0;
        for (const auto& c : now->score_components) {
            sum += c.points;
        }
        EXPECT_EQ(sum, now->score) << id;  // the breakdown agrees with the total
    }
    EXPECT_EQ(*env->discovery->RescoreIfWeightsChanged(), 0);  // applied once
}

// Leads scored before score facts were kept get them at the next run, even when nothing else
// about them changed (so a later change of weights reaches them too).
TEST_P(QueueTest, LeadsScoredBeforeFactsWereKeptGetThemAtTheNextRun) {
    auto env = Make(100);
    env->db->Write([](soci::session& s) {
        s << "UPDATE leads SET score_components = '[{\"name\":\"queue\",\"points\":0}]'";
    });
    std::size_t without = 0;
    for (const auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{100})) {
        without += l.score_facts ? 0U : 1U;
    }
    ASSERT_EQ(without, 100U);
    clock_.Advance(minutes{1});
    ASSERT_TRUE(env->discovery->RunFull());
    for (const auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{100})) {
        if (l.queue) {
            EXPECT_TRUE(l.score_facts) << l.user_id.ToString();
        }
    }
}

TEST_P(QueueTest, AfterAnOutcomeTheBreakdownAddsUpToTheNewTotal) {
    auto env = Make(100);
    const domain::Agent agent = env->AddAgent("breakdown@test.local");
    auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead);
    const auto user = next->lead->lead.user_id;
    const int before = next->lead->lead.score;
    ASSERT_TRUE(
        env->queue->RecordOutcome(agent, user, {domain::Outcome::kMightComplete, "", {}}, kCtx)
    );
    const auto lead = env->leads->FindLead(user);
    EXPECT_GT(lead->score, before);  // +2 for the outcome, +2 for the attempt
    int sum = 0;
    bool has_attempts = false;
    for (const auto& c : lead->score_components) {
        sum += c.points;
        has_attempts = has_attempts || (c.name == "attempts" && c.points > 0);
    }
    EXPECT_EQ(sum, lead->score);
    EXPECT_TRUE(has_attempts);
}

// --- failure paths of the next-lead path ----------------------------------------------------

TEST_P(QueueTest, AReplicaFailureAfterAClaimReleasesTheLeadAndSaysUnavailable) {
    auto env = Make(100);
    const domain::Agent agent = env->AddAgent("unavailable@test.local");
    env->OnReplica("DROP TABLE claim_requirements");  // the claim works, the read after it fails
    const auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::kUnavailable);
    EXPECT_FALSE(env->leases->HeldBy(agent.id, clock_.Now()));
    for (const auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{100})) {
        EXPECT_FALSE(l.lease_agent_id) << l.user_id.ToString();
    }
}

TEST_P(QueueTest, HandsOutOwnCallbacksThenTheTeamsAfterGraceThenScoreThenLongestWaiting) {
    auto env = Make(200);
    const domain::Agent owner = env->AddAgent("order-owner@test.local");
    const domain::Agent other = env->AddAgent("order-other@test.local");
    const auto mine = BookCallback(*env, owner, hours{1});
    const auto theirs = BookCallback(*env, other, minutes{30});
    clock_.Advance(hours{1});  // both due; the other agent's is 30 min overdue (past the grace)

    auto first = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(first && first->lead);
    EXPECT_EQ(first->lead->lead.user_id, mine);        // own before the older team one
    ASSERT_TRUE(env->queue->Skip(owner, mine, kCtx));  // the callback moves 30 minutes
    auto second = env->queue->NextLead(owner, std::nullopt, kCtx);
    ASSERT_TRUE(second && second->lead);
    EXPECT_EQ(second->lead->lead.user_id, theirs);  // then the team's, past the grace
    ASSERT_TRUE(env->queue->Skip(owner, theirs, kCtx));

    // Then queue leads: lowest score first, the longest waiting on a tie.
    auto queue_lead = env->queue->NextLead(owner, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(queue_lead && queue_lead->lead);
    const app::Lead handed = queue_lead->lead->lead;
    for (const auto& l : env->leads->LeadsInRange(domain::UserId{1}, domain::UserId{200})) {
        const bool callable = l.queue == domain::Queue::kUnsigned && !l.is_closed &&
                              !l.is_given_up && !l.bad_number_e164 && !l.lease_agent_id &&
                              (!l.next_call_at || *l.next_call_at <= clock_.Now());
        if (!callable) {
            continue;
        }
        EXPECT_TRUE(
            handed.score < l.score ||
            (handed.score == l.score && handed.waiting_since <= l.waiting_since)
        ) << "handed "
          << handed.user_id.ToString() << " (" << handed.score << ") before "
          << l.user_id.ToString() << " (" << l.score << ")";
    }
}

// The audit entries of one action, newest first.
std::vector<app::AuditEntry> AuditOf(testing::QueueEnv& env, const std::string& action) {
    std::vector<app::AuditEntry> out;
    for (auto& e : env.audit->ListRecent(1000, 0)) {
        if (e.action == action) {
            out.push_back(std::move(e));
        }
    }
    return out;
}

TEST_P(QueueTest, RefusalsAreAuditedAndACustomerGoneFromTheReplicaLeavesTheQueue) {
    auto env = Make(150);
    const domain::Agent agent = env->AddAgent("refusals@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto best = first->lead->lead.user_id;
    ASSERT_TRUE(env->queue->Release(agent, best, kCtx));

    // Gone from the platform: the next request moves on and takes them out of the queue.
    env->OnReplica("DELETE FROM users WHERE id = " + best.ToString());
    auto next = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead);
    EXPECT_NE(next->lead->lead.user_id, best);
    EXPECT_FALSE(env->leads->FindLead(best)->queue);
    EXPECT_EQ(AuditOf(*env, "lead.missing_from_replica").size(), 1U);
    const auto second = next->lead->lead.user_id;
    ASSERT_TRUE(env->queue->Release(agent, second, kCtx));

    // No longer eligible (disabled): moved as discovery would, with the reasons audited.
    env->OnReplica("UPDATE users SET is_enabled = 0 WHERE id = " + second.ToString());
    auto third = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(third && third->lead);
    const auto moved = AuditOf(*env, "lead.revalidated_out");
    ASSERT_EQ(moved.size(), 1U);
    EXPECT_EQ(moved[0].subject_id, second.ToString());
    EXPECT_NE(
        std::find(
            moved[0].details.begin(),
            moved[0].details.end(),
            std::pair<std::string, std::string>{"reason", "user_disabled"}
        ),
        moved[0].details.end()
    );
    const auto third_user = third->lead->lead.user_id;
    ASSERT_TRUE(env->queue->Release(agent, third_user, kCtx));

    // The gate refuses (three calls today by others): parked until tomorrow, audited.
    for (int i = 0; i < 3; ++i) {
        env->contacts->Record(app::ContactAttempt{
            0, third_user, domain::Channel::kCall, std::nullopt, "+447400123456", kNow});
    }
    auto fourth = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(fourth && fourth->lead);
    EXPECT_NE(fourth->lead->lead.user_id, third_user);
    const auto denied = AuditOf(*env, "gate.denied");
    ASSERT_EQ(denied.size(), 1U);
    EXPECT_EQ(
        denied[0].details.at(0),
        (std::pair<std::string, std::string>{"denied", "daily_cap_reached"})
    );
    const auto parked = env->leads->FindLead(third_user);
    ASSERT_TRUE(parked->next_call_at);
    EXPECT_GT(*parked->next_call_at, kNow + hours{12});
}

TEST_P(QueueTest, AfterTheLeaseExpiredAndSomeoneElseClaimedTheFirstAgentChangesNothing) {
    auto env = Make(100);
    const domain::Agent first = env->AddAgent("late@test.local");
    const domain::Agent second = env->AddAgent("prompt@test.local");
    auto taken = env->queue->NextLead(first, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(taken && taken->lead);
    const auto user = taken->lead->lead.user_id;
    clock_.Advance(minutes{3});  // the first agent's lease (120 s) runs out
    auto retaken = env->queue->NextLead(second, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(retaken && retaken->lead);
    ASSERT_EQ(retaken->lead->lead.user_id, user);

    for (const auto& late : {
             env->queue->RecordOutcome(first, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx)
                 .has_value(),
             env->queue->Release(first, user, kCtx).has_value(),
             env->queue->Skip(first, user, kCtx).has_value(),
             env->queue->Heartbeat(first, user).has_value(),
             env->queue->RecordCallAttempt(first, user, kCtx).has_value(),
         }) {
        EXPECT_FALSE(late);
    }
    const auto lead = env->leads->FindLead(user);
    EXPECT_EQ(lead->lease_agent_id, second.id);
    EXPECT_EQ(lead->attempts, 0);
    EXPECT_TRUE(env->contacts->Since(user, kNow - hours{1}).empty());
    ASSERT_TRUE(env->queue->RecordOutcome(second, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx)
    );
}

TEST_P(QueueTest, AGivenUpLeadIsNeverHandedOut) {
    app::QueueSettings settings = app::QueueSettings::Defaults();
    settings.scoring.give_up_threshold = 12;  // every customer scoring 12 or more is given up
    const auto [replica, own] = Urls();
    testing::WriteTestReplica(replica, 200);
    testing::QueueEnv env(replica, own, clock_, true, settings);
    ASSERT_TRUE(env.discovery->RunFull());
    std::set<std::int64_t> given_up;
    for (const auto& l : env.leads->LeadsInRange(domain::UserId{1}, domain::UserId{200})) {
        if (l.is_given_up) {
            EXPECT_GE(l.score, 12);
            given_up.insert(l.user_id.Value());
        }
    }
    ASSERT_FALSE(given_up.empty());
    const domain::Agent agent = env.AddAgent("given-up@test.local");
    for (int i = 0; i < 300; ++i) {
        auto next = env.queue->NextLead(agent, std::nullopt, kCtx);
        ASSERT_TRUE(next);
        if (!next->lead) {
            break;
        }
        EXPECT_FALSE(given_up.contains(next->lead->lead.user_id.Value()));
        ASSERT_TRUE(env.queue->Skip(agent, next->lead->lead.user_id, kCtx));
    }
}

TEST_P(QueueTest, CallbacksCanBeRescheduledCancelledAndCompletedByTheirAgentOnly) {
    auto env = Make(100);
    const domain::Agent owner = env->AddAgent("cb-owner@test.local");
    const domain::Agent other = env->AddAgent("cb-other@test.local");
    const auto user = BookCallback(*env, owner, hours{2});
    auto pending = PendingCallbackFor(*env, user);
    ASSERT_TRUE(pending);
    const Timestamp thursday{std::chrono::sys_days{std::chrono::year{2026} / 11 / 5} + hours{10}};
    const auto not_theirs = env->callbacks->Reschedule(other, pending->id, thursday, kCtx);
    ASSERT_FALSE(not_theirs);
    EXPECT_EQ(not_theirs.error().code, ErrorCode::kPermissionDenied);
    const auto moved = env->callbacks->Reschedule(owner, pending->id, thursday, kCtx);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->scheduled_for, thursday);
    const auto sunday = env->callbacks->Reschedule(
        owner,
        pending->id,
        Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 8} + hours{10}},
        kCtx
    );
    ASSERT_FALSE(sunday);
    EXPECT_EQ(sunday.error().field, "scheduledFor");
    // A cancellation needs a reason, and changes nothing without one.
    const auto no_reason = env->callbacks->Cancel(owner, pending->id, "  ", kCtx);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().field, "reason");
    ASSERT_TRUE(PendingCallbackFor(*env, user));
    const auto not_theirs_to_cancel =
        env->callbacks->Cancel(other, pending->id, "customer asked", kCtx);
    ASSERT_FALSE(not_theirs_to_cancel);
    EXPECT_EQ(not_theirs_to_cancel.error().code, ErrorCode::kPermissionDenied);
    const auto cancelled = env->callbacks->Cancel(owner, pending->id, " customer asked ", kCtx);
    ASSERT_TRUE(cancelled);
    EXPECT_EQ(cancelled->status, app::CallbackStatus::kCancelled);
    EXPECT_EQ(cancelled->closed_reason, "customer asked");
    const auto again = env->callbacks->Complete(owner, pending->id, kCtx);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_FALSE(PendingCallbackFor(*env, user));
}

TEST_P(QueueTest, OnlyManagersReassignCallbacksAndOnlyToActiveFloorStaff) {
    auto env = Make(100);
    const domain::Agent owner = env->AddAgent("ra-owner@test.local");
    const domain::Agent other = env->AddAgent("ra-other@test.local");
    const domain::Agent boss = env->AddAgent("ra-boss@test.local", domain::Role::kSupervisor);
    const auto user = BookCallback(*env, owner, hours{2});
    const auto pending = PendingCallbackFor(*env, user);
    ASSERT_TRUE(pending);

    const auto by_agent = env->callbacks->Reassign(owner, pending->id, other.id, kCtx);
    ASSERT_FALSE(by_agent);
    EXPECT_EQ(by_agent.error().code, ErrorCode::kPermissionDenied);
    const auto to_nobody =
        env->callbacks->Reassign(boss, pending->id, domain::AgentId{999999}, kCtx);
    ASSERT_FALSE(to_nobody);
    EXPECT_EQ(to_nobody.error().field, "agentId");
    EXPECT_EQ(PendingCallbackFor(*env, user)->agent, owner.id);  // refusals change nothing

    const auto moved = env->callbacks->Reassign(boss, pending->id, other.id, kCtx);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->agent, other.id);
    // Now the other agent's: the first may no longer change it, the second may.
    EXPECT_FALSE(env->callbacks->Reschedule(owner, pending->id, kNow + hours{3}, kCtx));
    const auto to_team = env->callbacks->Reassign(boss, pending->id, std::nullopt, kCtx);
    ASSERT_TRUE(to_team);
    EXPECT_FALSE(to_team->agent);
    const auto team = env->callbacks->List(other, app::CallbackScope::kTeam);
    ASSERT_EQ(team.size(), 1U);
    EXPECT_EQ(team.front().callback.id, pending->id);
    EXPECT_TRUE(team.front().customer_name);  // named from the replica

    ASSERT_TRUE(env->callbacks->Cancel(boss, pending->id, "duplicate booking", kCtx));
    const auto closed = env->callbacks->Reassign(boss, pending->id, owner.id, kCtx);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().code, ErrorCode::kFailedPrecondition);
}

// Discovery runs while agents claim, with leases short enough to expire under them. Every
// outcome that was accepted is in the leads afterwards, exactly once: discovery never wrote over
// one, and a late outcome (the lease gone) changed nothing. (Simulated time jumps under the
// agents here, so "two agents at once" is judged by the database's single lease column, which
// the soak and the contract suites test without expiring leases.)
TEST_P(QueueTest, DiscoveryRunningDuringClaimsWithShortLeasesLosesNoOutcome) {
    const auto [replica, own] = Urls();
    testing::WriteTestReplica(replica, 300);
    app::QueueSettings settings = app::QueueSettings::Defaults();
    settings.lease_duration = seconds{30};
    testing::QueueEnv env(replica, own, clock_, true, settings);
    ASSERT_TRUE(env.discovery->RunFull());
    constexpr int kAgents = 10;
    std::vector<domain::Agent> agents;
    for (int i = 0; i < kAgents; ++i) {
        agents.push_back(env.AddAgent("short" + std::to_string(i) + "@test.local"));
    }
    std::atomic<int> accepted{0};
    std::atomic<int> errors{0};
    std::atomic<int> runs{0};
    std::atomic<bool> stop{false};
    std::thread discovery([&] {
        for (int i = 0; i < 6; ++i) {
            if (!env.discovery->RunFull()) {
                ++errors;
            }
            ++runs;
        }
        stop = true;
    });
    std::vector<std::thread> threads;
    for (int i = 0; i < kAgents; ++i) {
        threads.emplace_back([&, i] {
            const domain::Agent& agent = agents[static_cast<std::size_t>(i)];
            for (int round = 0; !stop; ++round) {
                auto next = env.queue->NextLead(agent, std::nullopt, kCtx);
                if (!next) {
                    ++errors;
                    return;
                }
                if (round % 5 == 0) {
                    clock_.Advance(seconds{7});  // leases (30 s) run out under the agents
                }
                if (!next->lead) {
                    continue;
                }
                const domain::UserId user = next->lead->lead.user_id;
                if (round % 2 == 0) {
                    accepted += env.queue
                                        ->RecordOutcome(
                                            agent, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx
                                        )
                                        .has_value()
                                    ? 1
                                    : 0;
                } else {
                    (void)env.queue->Release(agent, user, kCtx);
                }
            }
        });
    }
    discovery.join();
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(runs.load(), 6);
    EXPECT_EQ(errors.load(), 0);
    int attempts = 0;
    for (const auto& l : env.leads->LeadsInRange(domain::UserId{1}, domain::UserId{300})) {
        attempts += l.attempts;
    }
    EXPECT_GT(accepted.load(), 0);
    EXPECT_EQ(attempts, accepted.load());
}

// A queue change (signed, now owing documents) or a new requirement starts the calling history
// again: attempts, outcome points and the waiting time (product.md §5).
TEST_P(QueueTest, AQueueChangeOrANewRequirementResetsTheCallingHistory) {
    auto env = Make(100);
    const domain::Agent agent = env->AddAgent("reset@test.local");
    auto first = env->queue->NextLead(agent, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(first && first->lead);
    const auto user = first->lead->lead.user_id;
    ASSERT_TRUE(
        env->queue->RecordOutcome(agent, user, {domain::Outcome::kMightComplete, "", {}}, kCtx)
    );
    const auto called = env->leads->FindLead(user);
    ASSERT_EQ(called->attempts, 1);
    ASSERT_GT(called->outcome_points, 0);

    // They sign, and a document is still owed: the outstanding queue, history from zero.
    env->OnReplica(
        "INSERT INTO claims (id, user_id, type, status, lender, created_at, updated_at) VALUES "
        "(990101, " +
        user.ToString() +
        ", 'vehicle', 'active', 'motonovo', '2026-11-04 11:30:00', '2026-11-04 11:30:00')"
    );
    env->OnReplica(
        "INSERT INTO claim_requirements (id, claim_id, type, status, created_at, updated_at) "
        "VALUES ('req-reset-1', 990101, 'bank_statement', 'pending', '2026-11-04 11:30:00', "
        "'2026-11-04 11:30:00')"
    );
    env->OnReplica(
        "UPDATE users SET current_signature_file_id = 'sig-reset' WHERE id = " + user.ToString()
    );
    clock_.Advance(hours{1});
    ASSERT_TRUE(env->discovery->RunFull());
    const auto moved = env->leads->FindLead(user);
    ASSERT_EQ(moved->queue, domain::Queue::kOutstanding);
    EXPECT_EQ(moved->attempts, 0);
    EXPECT_EQ(moved->outcome_points, 0);
    EXPECT_NE(moved->waiting_since, called->waiting_since);

    // Called in the new queue (three attempts, as if), then the platform asks for one more
    // document: reset again.
    ASSERT_TRUE(env->db->Write([&](soci::session& s) {
        s << "UPDATE leads SET attempts = 3, outcome_points = 4 WHERE user_id = " + user.ToString();
        return true;
    }));
    env->OnReplica(
        "INSERT INTO claim_requirements (id, claim_id, type, status, created_at, updated_at) "
        "VALUES ('req-reset-2', 990101, 'payslip', 'pending', '2026-11-04 12:30:00', "
        "'2026-11-04 12:30:00')"
    );
    clock_.Advance(hours{1});
    ASSERT_TRUE(env->discovery->RunFull());
    const auto again = env->leads->FindLead(user);
    EXPECT_EQ(again->queue, domain::Queue::kOutstanding);
    EXPECT_EQ(again->attempts, 0);
    EXPECT_EQ(again->outcome_points, 0);
}

INSTANTIATE_TEST_SUITE_P(
    OwnDatabases,
    QueueTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
