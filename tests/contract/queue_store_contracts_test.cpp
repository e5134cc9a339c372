// The contract every implementation of the queue engine's storage ports must meet: the in-memory
// fakes that unit tests use (tests/support/queue_fakes.hpp), and the SQL adapters on SQLite and
// PostgreSQL (adapters/sql/sql_queue_stores.hpp). A fake that passes here can be trusted in unit
// tests. One typed suite per port; the suites are named Queue* so `--gtest_filter='Queue*'` runs
// them all.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <latch>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "dialler/adapters/sql/migrator.hpp"
#include "dialler/adapters/sql/sql_agent_status_store.hpp"
#include "dialler/adapters/sql/sql_call_session_store.hpp"
#include "dialler/adapters/sql/sql_follow_up_store.hpp"
#include "dialler/adapters/sql/sql_magic_link_store.hpp"
#include "dialler/adapters/sql/sql_queue_stores.hpp"
#include "dialler/adapters/sql/sql_sms_inbox.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/adapters/sql/sql_sms_template_store.hpp"

#include "magic_link_fakes.hpp"
#include "queue_fakes.hpp"
#include "sms_fakes.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using domain::AgentId;
using domain::Queue;
using domain::UserId;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

// An odd millisecond, so a store that keeps seconds only (or rounds) fails.
const Timestamp kT0{milliseconds{1'800'000'000'123}};

// The lead columns that only the queue service writes (leases, outcomes, closures, bad numbers).
// The LeadStore port cannot set them, so the suite does through this hook: on the fake with
// InMemoryLeadStore::Update, on SQL with an UPDATE of the `leads` columns (migrations/*/0002).
struct HeldState {
    bool is_closed = false;
    std::string closed_reason;
    std::optional<std::string> bad_number_e164;
    std::optional<Timestamp> next_call_at;
    std::optional<AgentId> lease_agent_id;
    std::optional<Timestamp> lease_expires_at;
};

HeldState LeasedUntil(Timestamp until) {
    HeldState h;
    h.lease_agent_id = AgentId{7};
    h.lease_expires_at = until;
    return h;
}

HeldState WaitingUntil(Timestamp next_call_at) {
    HeldState h;
    h.next_call_at = next_call_at;
    return h;
}

struct QueueStores {
    virtual ~QueueStores() = default;
    virtual app::LeadStore& Leads() = 0;
    virtual app::SuppressionStore& Suppressions() = 0;
    virtual app::DiscoveryStore& Discovery() = 0;
    virtual app::ContactLog& Contacts() = 0;
    virtual app::JobLeaseStore& JobLeases() = 0;
    virtual app::LeadLeases& Leases() = 0;
    virtual app::OutcomeStore& Outcomes() = 0;
    virtual app::CallSessionStore& CallSessions() = 0;
    virtual app::AgentStatusStore& AgentStatuses() = 0;
    virtual app::SmsOutbox& Outbox() = 0;
    virtual app::MagicLinkStore& Links() = 0;
    virtual app::SmsInbox& Inbox() = 0;
    virtual app::SmsTemplateStore& Templates() = 0;
    virtual app::FollowUpStore& FollowUps() = 0;
    // Overwrites the held state of a stored lead; throws if there is no such lead.
    virtual void SetHeldState(UserId id, const HeldState& state) = 0;
    // What an outcome does to a lead's history (OutcomeStore::Record): one more attempt, and
    // the next history version.
    virtual void RecordAnOutcome(UserId id) = 0;
};

struct MemoryQueueStores final : QueueStores {
    testing::InMemoryLeadStore l;
    testing::InMemorySuppressionStore s;
    testing::InMemoryDiscoveryStore d;
    testing::InMemoryContactLog c;
    testing::InMemoryJobLeaseStore j;
    testing::InMemoryOutcomeStore o{l, c, s};
    testing::InMemoryLeadLeases k{l, o};
    testing::InMemoryCallSessionStore cs;
    testing::InMemoryAgentStatusStore as;
    testing::InMemorySmsOutbox so;
    testing::InMemoryMagicLinkStore ml;
    testing::InMemorySmsInbox si;
    testing::InMemorySmsTemplateStore tpl;
    testing::InMemoryFollowUpStore fu;
    app::FollowUpStore& FollowUps() override { return fu; }
    app::SmsTemplateStore& Templates() override { return tpl; }
    app::SmsOutbox& Outbox() override { return so; }
    app::MagicLinkStore& Links() override { return ml; }
    app::SmsInbox& Inbox() override { return si; }
    app::CallSessionStore& CallSessions() override { return cs; }
    app::AgentStatusStore& AgentStatuses() override { return as; }
    app::LeadLeases& Leases() override { return k; }
    app::OutcomeStore& Outcomes() override { return o; }
    app::LeadStore& Leads() override { return l; }
    app::SuppressionStore& Suppressions() override { return s; }
    app::DiscoveryStore& Discovery() override { return d; }
    app::ContactLog& Contacts() override { return c; }
    app::JobLeaseStore& JobLeases() override { return j; }
    void SetHeldState(UserId id, const HeldState& h) override {
        const bool found = l.Update(id, [&h](app::Lead& lead) {
            lead.is_closed = h.is_closed;
            lead.closed_reason = h.closed_reason;
            lead.bad_number_e164 = h.bad_number_e164;
            lead.next_call_at = h.next_call_at;
            lead.lease_agent_id = h.lease_agent_id;
            lead.lease_expires_at = h.lease_expires_at;
        });
        if (!found) {
            throw std::logic_error("no lead " + id.ToString());
        }
    }
    void RecordAnOutcome(UserId id) override {
        if (!l.Update(id, [](app::Lead& lead) {
                ++lead.attempts;
                ++lead.history_version;
            })) {
            throw std::logic_error("no lead " + id.ToString());
        }
    }
};

long long Ms(Timestamp t) {
    return t.time_since_epoch().count();
}

struct SqlQueueStores final : QueueStores {
    explicit SqlQueueStores(const std::string& url)
        : db(adapters::sql::SqlDatabase::Open(*platform::ParseDatabaseUrl(url, "url"), 2)),
          l(*db),
          s(*db),
          d(*db),
          c(*db),
          j(*db) {
        adapters::sql::Migrator(*db).Apply(kT0);
    }
    std::unique_ptr<adapters::sql::SqlDatabase> db;
    adapters::sql::SqlLeadStore l;
    adapters::sql::SqlSuppressionStore s;
    adapters::sql::SqlDiscoveryStore d;
    adapters::sql::SqlContactLog c;
    adapters::sql::SqlJobLeaseStore j;
    adapters::sql::SqlOutcomeStore o{*db};
    adapters::sql::SqlLeadLeases k{*db};
    adapters::sql::SqlCallSessionStore cs{*db};
    adapters::sql::SqlAgentStatusStore as{*db};
    adapters::sql::SqlSmsOutbox so{*db};
    adapters::sql::SqlMagicLinkStore ml{*db};
    adapters::sql::SqlSmsInbox si{*db};
    adapters::sql::SqlSmsTemplateStore tpl{*db};
    adapters::sql::SqlFollowUpStore fu{*db};
    app::FollowUpStore& FollowUps() override { return fu; }
    app::SmsTemplateStore& Templates() override { return tpl; }
    app::SmsOutbox& Outbox() override { return so; }
    app::MagicLinkStore& Links() override { return ml; }
    app::SmsInbox& Inbox() override { return si; }
    app::CallSessionStore& CallSessions() override { return cs; }
    app::AgentStatusStore& AgentStatuses() override { return as; }
    app::LeadLeases& Leases() override { return k; }
    app::OutcomeStore& Outcomes() override { return o; }
    app::LeadStore& Leads() override { return l; }
    app::SuppressionStore& Suppressions() override { return s; }
    app::DiscoveryStore& Discovery() override { return d; }
    app::ContactLog& Contacts() override { return c; }
    app::JobLeaseStore& JobLeases() override { return j; }
    void SetHeldState(UserId id, const HeldState& h) override {
        db->Write(
            [&](soci::session& session) {
                int closed = h.is_closed ? 1 : 0;
                std::string closed_reason = h.closed_reason;
                std::string bad = h.bad_number_e164.value_or("");
                soci::indicator bad_ind = h.bad_number_e164 ? soci::i_ok : soci::i_null;
                long long next = h.next_call_at ? Ms(*h.next_call_at) : 0;
                soci::indicator next_ind = h.next_call_at ? soci::i_ok : soci::i_null;
                long long agent = h.lease_agent_id ? h.lease_agent_id->Value() : 0;
                soci::indicator agent_ind = h.lease_agent_id ? soci::i_ok : soci::i_null;
                long long lease = h.lease_expires_at ? Ms(*h.lease_expires_at) : 0;
                soci::indicator lease_ind = h.lease_expires_at ? soci::i_ok : soci::i_null;
                long long user = id.Value();
                soci::statement st =
                    (session.prepare
                         << "UPDATE leads SET is_closed = :closed, closed_reason = :reason, "
                            "bad_number_e164 = :bad, next_call_at = :next, "
                            "lease_agent_id = :agent, lease_expires_at = :lease "
                            "WHERE user_id = :id",
                     soci::use(closed),
                     soci::use(closed_reason),
                     soci::use(bad, bad_ind),
                     soci::use(next, next_ind),
                     soci::use(agent, agent_ind),
                     soci::use(lease, lease_ind),
                     soci::use(user));
                st.execute(true);
                if (st.get_affected_rows() != 1) {
                    throw std::logic_error("no lead " + id.ToString());
                }
            }
        );
    }
    void RecordAnOutcome(UserId id) override {
        db->Write([&](soci::session& session) {
            const long long user = id.Value();
            session << "UPDATE leads SET attempts = attempts + 1, "
                       "history_version = history_version + 1 WHERE user_id = :id",
                soci::use(user);
        });
    }
};

struct InMemory {
    static std::unique_ptr<QueueStores> Make() { return std::make_unique<MemoryQueueStores>(); }
};
struct Sqlite {
    static std::unique_ptr<QueueStores> Make() {
        static testing::TempDir dir;
        static int n = 0;
        return std::make_unique<SqlQueueStores>(
            dir.SqliteUrl("queue-" + std::to_string(n++) + ".db")
        );
    }
};
struct Postgres {
    static std::unique_ptr<QueueStores> Make() {
        return std::make_unique<SqlQueueStores>(testing::NewPostgresDatabase());
    }
};

using Implementations = ::testing::Types<InMemory, Sqlite, Postgres>;
class ImplNames {
public:
    template <typename T>
    static std::string GetName(int) {
        if (std::is_same_v<T, InMemory>) {
            return "InMemory";
        }
        return std::is_same_v<T, Sqlite> ? "Sqlite" : "Postgres";
    }
};

template <typename Impl>
class QueueContract : public ::testing::Test {
protected:
    std::unique_ptr<QueueStores> stores_ = Impl::Make();
    app::LeadStore& Leads() { return stores_->Leads(); }
    app::SuppressionStore& Suppressions() { return stores_->Suppressions(); }
    app::DiscoveryStore& Discovery() { return stores_->Discovery(); }
    app::ContactLog& Contacts() { return stores_->Contacts(); }
    app::JobLeaseStore& JobLeases() { return stores_->JobLeases(); }
    app::LeadLeases& Leases() { return stores_->Leases(); }
    app::OutcomeStore& Outcomes() { return stores_->Outcomes(); }
    app::CallSessionStore& CallSessions() { return stores_->CallSessions(); }
    app::AgentStatusStore& AgentStatuses() { return stores_->AgentStatuses(); }
    app::SmsOutbox& Outbox() { return stores_->Outbox(); }
    app::MagicLinkStore& Links() { return stores_->Links(); }
    app::SmsInbox& Inbox() { return stores_->Inbox(); }
    app::SmsTemplateStore& Templates() { return stores_->Templates(); }
    app::FollowUpStore& FollowUps() { return stores_->FollowUps(); }
};

// ---------------------------------------------------------------------------------------------
// Helpers

std::vector<std::int64_t> Ids(const std::vector<UserId>& ids) {
    std::vector<std::int64_t> out;
    out.reserve(ids.size());
    for (const auto id : ids) {
        out.push_back(id.Value());
    }
    return out;
}

std::vector<std::int64_t> Ids(const std::vector<app::Lead>& leads) {
    std::vector<std::int64_t> out;
    out.reserve(leads.size());
    for (const auto& lead : leads) {
        out.push_back(lead.user_id.Value());
    }
    return out;
}

std::vector<std::int64_t> Ids(const std::vector<app::Suppression>& entries) {
    std::vector<std::int64_t> out;
    out.reserve(entries.size());
    for (const auto& e : entries) {
        out.push_back(e.id);
    }
    return out;
}

std::vector<std::int64_t> Ids(const std::vector<app::Callback>& callbacks) {
    std::vector<std::int64_t> out;
    out.reserve(callbacks.size());
    for (const auto& cb : callbacks) {
        out.push_back(cb.id);
    }
    return out;
}

std::vector<std::int64_t> Sorted(std::vector<std::int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// A small evaluation: queue, score and history; no phone.
app::LeadEvaluation Eval(
    std::int64_t id, std::optional<Queue> queue = Queue::kUnsigned, int score = 10
) {
    app::LeadEvaluation e;
    e.user_id = UserId{id};
    e.queue = queue;
    e.reasons = queue ? "eligible" : "not_enabled";
    e.score = score;
    e.score_components = {{"queue", score, "base"}};
    e.history_key = queue ? std::string(domain::QueueName(*queue)) : "none";
    e.waiting_since = kT0 - hours{48};
    return e;
}

// An evaluation with every field set to something a careless mapping would lose: negative
// points, punctuation and non-ASCII text in the components, an odd millisecond.
app::LeadEvaluation FullEval(std::int64_t id) {
    app::LeadEvaluation e;
    e.user_id = UserId{id};
    e.queue = Queue::kOutstanding;
    e.reasons = "enabled,has_active_claim,documents_outstanding";
    e.score = 37;
    e.score_components = {
        {"queue", 20, "Outstanding documents"},
        {"lender", -3, "Black Horse (priority lender), \"BH\" it's"},
        {"age", 0, "41 years"},
        {"waiting", 12, "12 days \xC2\xB7 \xC2\xA3 \xC3\xB6"},
        {"attempts", 8, ""},
    };
    e.is_given_up = false;
    e.phone_raw = " 07700 900123 ";
    e.phone = domain::PhoneNumber{"+447700900123", domain::PhoneType::kMobile, "GB"};
    e.history_key = "outstanding|req-1|req-2";
    e.waiting_since = kT0 - hours{24 * 12} + milliseconds{7};
    e.attempts = 4;
    e.outcome_points = -5;
    e.score_facts = domain::ScoreFacts{
        {"black_horse", "moneybarn", "black_horse"},
        std::chrono::year{1984} / std::chrono::February / std::chrono::day{29}};
    return e;
}

std::vector<UserId> Apply(
    app::LeadStore& store, const std::vector<app::LeadEvaluation>& evaluations, Timestamp now
) {
    return store.ApplyEvaluations(evaluations, now);
}

// Every field the evaluation decides.
void ExpectLeadFrom(const app::Lead& lead, const app::LeadEvaluation& e) {
    SCOPED_TRACE("lead " + lead.user_id.ToString());
    EXPECT_EQ(lead.user_id, e.user_id);
    EXPECT_EQ(lead.queue, e.queue);
    EXPECT_EQ(lead.reasons, e.reasons);
    EXPECT_EQ(lead.score, e.score);
    ASSERT_EQ(lead.score_components.size(), e.score_components.size());
    for (std::size_t i = 0; i < e.score_components.size(); ++i) {
        EXPECT_EQ(lead.score_components[i].name, e.score_components[i].name) << i;
        EXPECT_EQ(lead.score_components[i].points, e.score_components[i].points) << i;
        EXPECT_EQ(lead.score_components[i].detail, e.score_components[i].detail) << i;
    }
    EXPECT_EQ(lead.is_given_up, e.is_given_up);
    EXPECT_EQ(lead.phone_raw, e.phone_raw);
    ASSERT_EQ(lead.phone.has_value(), e.phone.has_value());
    if (e.phone) {
        EXPECT_EQ(lead.phone->e164, e.phone->e164);
        EXPECT_EQ(lead.phone->type, e.phone->type);
        EXPECT_EQ(lead.phone->region, e.phone->region);
    }
    EXPECT_EQ(lead.history_key, e.history_key);
    EXPECT_EQ(lead.waiting_since, e.waiting_since);
    EXPECT_EQ(lead.attempts, e.attempts);
    EXPECT_EQ(lead.outcome_points, e.outcome_points);
    EXPECT_EQ(lead.score_facts, e.score_facts);
}

void ExpectHeld(const app::Lead& lead, const HeldState& h) {
    SCOPED_TRACE("lead " + lead.user_id.ToString());
    EXPECT_EQ(lead.is_closed, h.is_closed);
    EXPECT_EQ(lead.closed_reason, h.closed_reason);
    EXPECT_EQ(lead.bad_number_e164, h.bad_number_e164);
    EXPECT_EQ(lead.next_call_at, h.next_call_at);
    EXPECT_EQ(lead.lease_agent_id, h.lease_agent_id);
    EXPECT_EQ(lead.lease_expires_at, h.lease_expires_at);
}

// =============================================================================================
// LeadStore

template <typename Impl>
class QueueLeadStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueLeadStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueLeadStoreContract, InsertRoundTripsEveryFieldThroughEveryRead) {
    const app::LeadEvaluation e = FullEval(42);
    EXPECT_TRUE(Apply(this->Leads(), {e}, kT0).empty());

    const auto found = this->Leads().FindLead(UserId{42});
    ASSERT_TRUE(found);
    ExpectLeadFrom(*found, e);
    ExpectHeld(*found, HeldState{});  // a new lead: open, no bad number, no next call, no lease
    EXPECT_EQ(found->first_seen_at, kT0);
    EXPECT_EQ(found->evaluated_at, kT0);

    const auto in_range = this->Leads().LeadsInRange(UserId{42}, UserId{42});
    ASSERT_EQ(in_range.size(), 1U);
    ExpectLeadFrom(in_range[0], e);
    EXPECT_EQ(in_range[0].first_seen_at, kT0);

    const std::vector<UserId> ids{UserId{42}};
    const auto by_id = this->Leads().LeadsById(ids);
    ASSERT_EQ(by_id.size(), 1U);
    ExpectLeadFrom(by_id[0], e);
    EXPECT_EQ(by_id[0].evaluated_at, kT0);
}

TYPED_TEST(QueueLeadStoreContract, EmptyAndUnusualOptionalFieldsRoundTrip) {
    app::LeadEvaluation no_queue = Eval(1, std::nullopt);
    no_queue.reasons = "";
    no_queue.score_components.clear();
    no_queue.is_given_up = true;
    no_queue.phone_raw = "not a number";  // the replica's text, which did not parse
    no_queue.history_key = "";
    app::LeadEvaluation no_phone = Eval(2, Queue::kUnsigned);
    no_phone.phone_raw = std::nullopt;
    app::LeadEvaluation island = Eval(3, Queue::kOutstanding);
    island.phone_raw = "01481 123456";
    island.phone =
        domain::PhoneNumber{"+441481123456", domain::PhoneType::kFixedLineOrMobile, "GG"};
    const std::int64_t big = std::int64_t{1} << 40;
    app::LeadEvaluation big_id = Eval(big, Queue::kUnsigned, 250);
    big_id.is_given_up = true;

    Apply(this->Leads(), {no_queue, no_phone, island, big_id}, kT0);

    for (const auto& e : {no_queue, no_phone, island, big_id}) {
        const auto found = this->Leads().FindLead(e.user_id);
        ASSERT_TRUE(found) << e.user_id.Value();
        ExpectLeadFrom(*found, e);
    }
}

TYPED_TEST(QueueLeadStoreContract, FindLeadReturnsNothingForAnUnknownUser) {
    Apply(this->Leads(), {Eval(1)}, kT0);
    EXPECT_TRUE(this->Leads().FindLead(UserId{1}));
    EXPECT_FALSE(this->Leads().FindLead(UserId{2}));
}

TYPED_TEST(QueueLeadStoreContract, LeadsInRangeIsInclusiveAndOrderedByUserId) {
    Apply(this->Leads(), {Eval(30), Eval(10), Eval(40), Eval(20), Eval(9)}, kT0);
    EXPECT_EQ(
        Ids(this->Leads().LeadsInRange(UserId{10}, UserId{30})),
        (std::vector<std::int64_t>{10, 20, 30})
    );
    EXPECT_EQ(
        Ids(this->Leads().LeadsInRange(UserId{0}, UserId{100})),
        (std::vector<std::int64_t>{9, 10, 20, 30, 40})
    );
    EXPECT_TRUE(this->Leads().LeadsInRange(UserId{41}, UserId{50}).empty());
}

TYPED_TEST(QueueLeadStoreContract, LeadsByIdReturnsOnlyStoredLeads) {
    Apply(this->Leads(), {Eval(10), Eval(20), Eval(30)}, kT0);
    const std::vector<UserId> ids{UserId{30}, UserId{99}, UserId{10}};
    EXPECT_EQ(Sorted(Ids(this->Leads().LeadsById(ids))), (std::vector<std::int64_t>{10, 30}));
    EXPECT_TRUE(this->Leads().LeadsById({}).empty());
}

TYPED_TEST(QueueLeadStoreContract, UpdateTakesTheEvaluationAndKeepsTheQueueServiceState) {
    Apply(this->Leads(), {FullEval(5)}, kT0);
    HeldState held;
    held.is_closed = true;
    held.closed_reason = "no_claim";
    held.bad_number_e164 = "+447700900123";
    held.next_call_at = kT0 + hours{4} + milliseconds{1};
    held.lease_agent_id = AgentId{9};
    held.lease_expires_at = kT0 + minutes{1};  // expired by the update below
    this->stores_->SetHeldState(UserId{5}, held);

    app::LeadEvaluation update = Eval(5, Queue::kUnsigned, 3);
    update.reasons = "eligible,signature_missing";
    update.score_components = {{"queue", 0, "Unsigned"}, {"age", 3, "60 years"}};
    update.is_given_up = true;
    update.phone_raw = "+44 7700 900999";
    update.phone = domain::PhoneNumber{"+447700900999", domain::PhoneType::kVoip, "GB"};
    update.history_key = "unsigned";
    update.waiting_since = kT0 - hours{1};
    update.attempts = 0;
    update.outcome_points = 6;
    const Timestamp later = kT0 + minutes{2} + milliseconds{5};
    EXPECT_TRUE(Apply(this->Leads(), {update}, later).empty());

    const auto lead = this->Leads().FindLead(UserId{5});
    ASSERT_TRUE(lead);
    ExpectLeadFrom(*lead, update);
    ExpectHeld(*lead, held);
    EXPECT_EQ(lead->first_seen_at, kT0);
    EXPECT_EQ(lead->evaluated_at, later);
}

TYPED_TEST(QueueLeadStoreContract, ClearBadNumberClearsOnlyTheFlag) {
    Apply(this->Leads(), {FullEval(5), FullEval(6)}, kT0);
    HeldState held;
    held.bad_number_e164 = "+447700900123";
    held.next_call_at = kT0 + hours{1};
    this->stores_->SetHeldState(UserId{5}, held);
    this->stores_->SetHeldState(UserId{6}, held);

    app::LeadEvaluation clear = FullEval(5);
    clear.clear_bad_number = true;
    app::LeadEvaluation keep = FullEval(6);
    keep.clear_bad_number = false;
    Apply(this->Leads(), {clear, keep}, kT0 + minutes{1});

    HeldState cleared = held;
    cleared.bad_number_e164 = std::nullopt;
    ExpectHeld(*this->Leads().FindLead(UserId{5}), cleared);
    ExpectHeld(*this->Leads().FindLead(UserId{6}), held);
}

TYPED_TEST(QueueLeadStoreContract, ReopenClearsOnlyANoClaimClosure) {
    Apply(this->Leads(), {FullEval(5), FullEval(6)}, kT0);
    HeldState no_claim;
    no_claim.is_closed = true;
    no_claim.closed_reason = "no_claim";
    HeldState dnc;
    dnc.is_closed = true;
    dnc.closed_reason = "do_not_contact";
    this->stores_->SetHeldState(UserId{5}, no_claim);
    this->stores_->SetHeldState(UserId{6}, dnc);
    app::LeadEvaluation a = FullEval(5);
    a.reopen_no_claim = true;
    app::LeadEvaluation b = FullEval(6);
    b.reopen_no_claim = true;
    Apply(this->Leads(), {a, b}, kT0 + minutes{1});
    EXPECT_FALSE(this->Leads().FindLead(UserId{5})->is_closed);
    EXPECT_EQ(this->Leads().FindLead(UserId{5})->closed_reason, "");
    ExpectHeld(*this->Leads().FindLead(UserId{6}), dnc);
}

TYPED_TEST(QueueLeadStoreContract, ApplyEvaluationsSkipsLeadsLeasedAtNow) {
    Apply(
        this->Leads(), {Eval(1, Queue::kUnsigned, 1), Eval(2, Queue::kUnsigned, 2), Eval(3)}, kT0
    );
    const Timestamp now = kT0 + minutes{5};
    this->stores_->SetHeldState(UserId{1}, LeasedUntil(now + milliseconds{1}));
    this->stores_->SetHeldState(UserId{2}, LeasedUntil(now));  // expires at `now`: free again

    const auto skipped = Apply(
        this->Leads(),
        {Eval(1, Queue::kOutstanding, 50),
         Eval(2, Queue::kOutstanding, 50),
         Eval(3, Queue::kOutstanding, 50),
         Eval(4, Queue::kOutstanding, 50)},
        now
    );

    EXPECT_EQ(Ids(skipped), (std::vector<std::int64_t>{1}));
    const auto held = this->Leads().FindLead(UserId{1});
    ASSERT_TRUE(held);
    ExpectLeadFrom(*held, Eval(1, Queue::kUnsigned, 1));
    EXPECT_EQ(held->evaluated_at, kT0);
    ExpectHeld(*held, LeasedUntil(now + milliseconds{1}));
    for (const std::int64_t id : {2, 3, 4}) {
        const auto lead = this->Leads().FindLead(UserId{id});
        ASSERT_TRUE(lead) << id;
        ExpectLeadFrom(*lead, Eval(id, Queue::kOutstanding, 50));
        EXPECT_EQ(lead->evaluated_at, now) << id;
    }
    EXPECT_EQ(this->Leads().FindLead(UserId{2})->lease_agent_id, AgentId{7});  // kept, expired
}

// Discovery read the lead, an outcome changed it, then discovery's write arrives: the outcome's
// history wins, and the write is reported skipped (the next run re-reads the lead).
TYPED_TEST(QueueLeadStoreContract, ApplyEvaluationsNeverOverwritesAnOutcomeSinceTheRead) {
    Apply(this->Leads(), {Eval(1, Queue::kUnsigned, 10)}, kT0);
    const app::Lead read = *this->Leads().FindLead(UserId{1});
    EXPECT_EQ(read.history_version, 0);
    this->stores_->RecordAnOutcome(UserId{1});

    app::LeadEvaluation stale = Eval(1, Queue::kUnsigned, 11);
    stale.based_on_version = read.history_version;
    stale.attempts = read.attempts;
    const auto skipped = Apply(this->Leads(), {stale}, kT0 + minutes{1});
    EXPECT_EQ(Ids(skipped), (std::vector<std::int64_t>{1}));
    const app::Lead after = *this->Leads().FindLead(UserId{1});
    EXPECT_EQ(after.attempts, read.attempts + 1);
    EXPECT_EQ(after.history_version, 1);
    EXPECT_EQ(after.score, 10);

    app::LeadEvaluation fresh = Eval(1, Queue::kUnsigned, 12);
    fresh.based_on_version = after.history_version;
    fresh.attempts = after.attempts;
    EXPECT_TRUE(Apply(this->Leads(), {fresh}, kT0 + minutes{2}).empty());
    EXPECT_EQ(this->Leads().FindLead(UserId{1})->score, 12);
    EXPECT_EQ(this->Leads().FindLead(UserId{1})->history_version, 1);
}

TYPED_TEST(QueueLeadStoreContract, ApplyEvaluationsIsAllOrNothing) {
    Apply(this->Leads(), {Eval(5, Queue::kUnsigned, 1)}, kT0);
    // Callbacks are not leads: the store refuses the batch, and nothing of it is written.
    EXPECT_ANY_THROW(Apply(
        this->Leads(),
        {Eval(5, Queue::kUnsigned, 99), Eval(6), Eval(7, Queue::kCallbacks)},
        kT0 + minutes{1}
    ));
    EXPECT_EQ(this->Leads().FindLead(UserId{5})->score, 1);
    EXPECT_EQ(this->Leads().FindLead(UserId{5})->evaluated_at, kT0);
    EXPECT_FALSE(this->Leads().FindLead(UserId{6}));
    EXPECT_FALSE(this->Leads().FindLead(UserId{7}));
}

TYPED_TEST(QueueLeadStoreContract, EmptyBatchesChangeNothing) {
    Apply(this->Leads(), {Eval(1)}, kT0);
    EXPECT_TRUE(Apply(this->Leads(), {}, kT0).empty());
    EXPECT_TRUE(this->Leads().LeadsById({}).empty());
    EXPECT_EQ(Ids(this->Leads().LeadsInRange(UserId{0}, UserId{10})), std::vector<std::int64_t>{1});
}

TYPED_TEST(QueueLeadStoreContract, LargeBatchesAreWrittenAndReadWhole) {
    std::vector<app::LeadEvaluation> batch;
    std::vector<UserId> ids;
    for (std::int64_t id = 1; id <= 1500; ++id) {
        batch.push_back(Eval(id, Queue::kUnsigned, static_cast<int>(id % 97)));
        ids.emplace_back(id);
    }
    EXPECT_TRUE(this->Leads().ApplyEvaluations(batch, kT0).empty());
    EXPECT_EQ(this->Leads().LeadsInRange(UserId{1}, UserId{1500}).size(), 1500U);
    EXPECT_EQ(this->Leads().LeadsById(ids).size(), 1500U);
    ids.erase(ids.begin() + 700);  // user 701 is gone
    EXPECT_EQ(this->Leads().RemoveMissing(UserId{1}, UserId{1500}, ids, kT0), 1);
    EXPECT_FALSE(this->Leads().FindLead(UserId{701})->queue);
    EXPECT_EQ(this->Leads().FindLead(UserId{1500})->score, 1500 % 97);
}

TYPED_TEST(QueueLeadStoreContract, RemoveMissingTakesAbsentUnleasedLeadsOutOfTheirQueue) {
    app::LeadEvaluation disabled = Eval(5, std::nullopt);
    disabled.reasons = "not_enabled";
    Apply(
        this->Leads(),
        {FullEval(1), Eval(2), Eval(3), Eval(4), disabled, Eval(6), Eval(7), Eval(8)},
        kT0
    );
    const Timestamp now = kT0 + minutes{1};
    this->stores_->SetHeldState(UserId{3}, LeasedUntil(now + minutes{1}));
    this->stores_->SetHeldState(UserId{7}, LeasedUntil(now));  // expired at `now`
    const std::vector<UserId> present{UserId{2}, UserId{4}, UserId{6}};

    // In [1, 7] and absent: 1, 3 (leased: kept), 5 (no queue, other reason), 7. 8 is out of range.
    EXPECT_EQ(this->Leads().RemoveMissing(UserId{1}, UserId{7}, present, now), 3);

    for (const std::int64_t id : {1, 5, 7}) {
        const auto lead = this->Leads().FindLead(UserId{id});
        EXPECT_FALSE(lead->queue) << id;
        EXPECT_EQ(lead->reasons, "user_missing") << id;
    }
    const auto one = this->Leads().FindLead(UserId{1});
    EXPECT_EQ(one->score, FullEval(1).score);  // only the queue and reasons change
    EXPECT_EQ(one->phone_raw, FullEval(1).phone_raw);
    EXPECT_EQ(one->history_key, FullEval(1).history_key);
    for (const std::int64_t id : {2, 3, 4, 6, 8}) {
        const auto lead = this->Leads().FindLead(UserId{id});
        EXPECT_EQ(lead->queue, Queue::kUnsigned) << id;
        EXPECT_EQ(lead->reasons, "eligible") << id;
    }
    // Already removed: nothing changes the second time.
    EXPECT_EQ(this->Leads().RemoveMissing(UserId{1}, UserId{7}, present, now), 0);
}

TYPED_TEST(QueueLeadStoreContract, RemoveMissingWithNobodyPresentEmptiesTheRange) {
    Apply(this->Leads(), {Eval(1), Eval(2), Eval(3)}, kT0);
    EXPECT_EQ(this->Leads().RemoveMissing(UserId{1}, UserId{2}, {}, kT0), 2);
    EXPECT_FALSE(this->Leads().FindLead(UserId{1})->queue);
    EXPECT_FALSE(this->Leads().FindLead(UserId{2})->queue);
    EXPECT_TRUE(this->Leads().FindLead(UserId{3})->queue);
}

// Counts always lists the two lead queues, unsigned then outstanding, zeros included (callbacks
// are not leads).
TYPED_TEST(QueueLeadStoreContract, FindsEveryCustomerWithANumber) {
    const domain::PhoneNumber shared{"+447700900123", domain::PhoneType::kMobile, "GB"};
    app::LeadEvaluation first = Eval(30);
    first.phone_raw = "07700 900123";
    first.phone = shared;
    app::LeadEvaluation second = Eval(4, std::nullopt);  // out of the queues: still reached
    second.phone_raw = "+44 7700 900123";
    second.phone = shared;
    app::LeadEvaluation other = Eval(5);
    other.phone_raw = "07700 900124";
    other.phone = domain::PhoneNumber{"+447700900124", domain::PhoneType::kMobile, "GB"};
    app::LeadEvaluation none = Eval(6);
    none.phone_raw = "+447700900123x";  // did not parse: no number stored
    Apply(this->Leads(), {first, second, other, none}, kT0);

    EXPECT_EQ(
        Ids(this->Leads().UsersWithPhone("+447700900123")), (std::vector<std::int64_t>{4, 30})
    );
    EXPECT_EQ(Ids(this->Leads().UsersWithPhone("+447700900124")), (std::vector<std::int64_t>{5}));
    EXPECT_TRUE(this->Leads().UsersWithPhone("+447700900999").empty());
}

TYPED_TEST(QueueLeadStoreContract, CountsListsBothQueuesEvenWhenEmpty) {
    const auto counts = this->Leads().Counts(kT0);
    ASSERT_EQ(counts.size(), 2U);
    EXPECT_EQ(counts[0].queue, Queue::kUnsigned);
    EXPECT_EQ(counts[1].queue, Queue::kOutstanding);
    for (const auto& c : counts) {
        EXPECT_EQ(c.total, 0);
        EXPECT_EQ(c.callable_now, 0);
        EXPECT_FALSE(c.next_callable_at);
    }
}

TYPED_TEST(QueueLeadStoreContract, CountsSeparatesTheQueueFromWhatIsCallableNow) {
    const Timestamp now = kT0 + hours{1};
    std::vector<app::LeadEvaluation> batch;
    for (std::int64_t id = 1; id <= 8; ++id) {
        batch.push_back(Eval(id, Queue::kUnsigned));
    }
    app::LeadEvaluation given_up = Eval(9, Queue::kUnsigned);
    given_up.is_given_up = true;
    batch.push_back(given_up);
    batch.push_back(Eval(10, std::nullopt));
    batch.push_back(Eval(11, Queue::kOutstanding));
    batch.push_back(Eval(12, Queue::kOutstanding));
    Apply(this->Leads(), batch, kT0);

    // 1: callable.
    this->stores_->SetHeldState(UserId{2}, LeasedUntil(now + minutes{1}));  // leased
    this->stores_->SetHeldState(UserId{3}, LeasedUntil(now));               // lease over: callable
    this->stores_->SetHeldState(UserId{4}, WaitingUntil(now + hours{3}));   // waiting
    this->stores_->SetHeldState(UserId{5}, WaitingUntil(now));              // due: callable
    this->stores_->SetHeldState(UserId{6}, WaitingUntil(now - hours{1}));   // due: callable
    HeldState bad;
    bad.bad_number_e164 = "+447700900123";
    this->stores_->SetHeldState(UserId{7}, bad);
    HeldState closed = WaitingUntil(now + minutes{1});
    closed.is_closed = true;
    closed.closed_reason = "do_not_contact";
    this->stores_->SetHeldState(UserId{8}, closed);                          // not in the queue
    this->stores_->SetHeldState(UserId{9}, WaitingUntil(now + minutes{2}));  // given up: not either
    this->stores_->SetHeldState(UserId{12}, WaitingUntil(now + hours{2} + milliseconds{3}));

    const auto counts = this->Leads().Counts(now);
    ASSERT_EQ(counts.size(), 2U);
    EXPECT_EQ(counts[0].queue, Queue::kUnsigned);
    EXPECT_EQ(counts[0].total, 7);
    EXPECT_EQ(counts[0].callable_now, 4);
    EXPECT_EQ(counts[0].next_callable_at, now + hours{3});
    EXPECT_EQ(counts[1].queue, Queue::kOutstanding);
    EXPECT_EQ(counts[1].total, 2);
    EXPECT_EQ(counts[1].callable_now, 1);
    EXPECT_EQ(counts[1].next_callable_at, now + hours{2} + milliseconds{3});
}

// =============================================================================================
// SuppressionStore

app::Suppression Entry(
    std::optional<std::int64_t> user,
    std::optional<std::string> phone,
    app::SuppressionChannel channel,
    Timestamp at = kT0
) {
    app::Suppression s;
    s.user_id = user ? std::optional(UserId{*user}) : std::nullopt;
    s.phone_e164 = std::move(phone);
    s.channel = channel;
    s.reason = "asked not to be called";
    s.source = "agent";
    s.created_by = app::Actor::OfAgent(AgentId{3});
    s.created_at = at;
    return s;
}

app::SuppressionSubject Subject(
    std::int64_t user, std::optional<std::string> phone = std::nullopt
) {
    return app::SuppressionSubject{UserId{user}, std::move(phone)};
}

std::vector<std::int64_t> SuppressedIds(
    app::SuppressionStore& store,
    const std::vector<app::SuppressionSubject>& subjects,
    app::SuppressionChannel channel
) {
    return Ids(store.Suppressed(subjects, channel));
}

template <typename Impl>
class QueueSuppressionStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueSuppressionStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueSuppressionStoreContract, AddAssignsIdsAndRoundTripsEveryField) {
    app::Suppression both = Entry(5, "+447700900123", app::SuppressionChannel::kSms);
    both.reason = "STOP \"texted\", it's final \xC2\xA3";
    both.source = "sms_stop";
    both.created_by = app::Actor::OfAgent(AgentId{42});
    both.created_at = kT0 + milliseconds{1};
    app::Suppression phone_only =
        Entry(std::nullopt, "+441481123456", app::SuppressionChannel::kAll);
    phone_only.source = "import";
    phone_only.created_by = app::Actor::Cli();
    app::Suppression user_only = Entry(6, std::nullopt, app::SuppressionChannel::kCall);
    user_only.created_by = app::Actor::System();

    const auto a = this->Suppressions().Add(both);
    const auto b = this->Suppressions().Add(phone_only);
    const auto c = this->Suppressions().Add(user_only);
    EXPECT_GT(a.id, 0);
    EXPECT_NE(a.id, b.id);
    EXPECT_NE(b.id, c.id);
    EXPECT_NE(a.id, c.id);

    const auto got = this->Suppressions().Find(a.id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->id, a.id);
    EXPECT_EQ(got->user_id, UserId{5});
    EXPECT_EQ(got->phone_e164, "+447700900123");
    EXPECT_EQ(got->channel, app::SuppressionChannel::kSms);
    EXPECT_EQ(got->reason, both.reason);
    EXPECT_EQ(got->source, "sms_stop");
    EXPECT_EQ(got->created_by.kind, app::Actor::Kind::kAgent);
    EXPECT_EQ(got->created_by.agent_id, AgentId{42});
    EXPECT_EQ(got->created_at, kT0 + milliseconds{1});
    EXPECT_FALSE(got->removed_at);
    EXPECT_FALSE(got->removed_by);
    EXPECT_EQ(got->removed_reason, "");

    const auto phone_got = this->Suppressions().Find(b.id);
    ASSERT_TRUE(phone_got);
    EXPECT_FALSE(phone_got->user_id);
    EXPECT_EQ(phone_got->phone_e164, "+441481123456");
    EXPECT_EQ(phone_got->channel, app::SuppressionChannel::kAll);
    EXPECT_EQ(phone_got->source, "import");
    EXPECT_EQ(phone_got->created_by.kind, app::Actor::Kind::kCli);
    EXPECT_FALSE(phone_got->created_by.agent_id);

    const auto user_got = this->Suppressions().Find(c.id);
    ASSERT_TRUE(user_got);
    EXPECT_EQ(user_got->user_id, UserId{6});
    EXPECT_FALSE(user_got->phone_e164);
    EXPECT_EQ(user_got->channel, app::SuppressionChannel::kCall);
    EXPECT_EQ(user_got->created_by.kind, app::Actor::Kind::kSystem);

    EXPECT_FALSE(this->Suppressions().Find(a.id + b.id + c.id + 100));
}

TYPED_TEST(QueueSuppressionStoreContract, AddStoresAnActiveEntry) {
    app::Suppression entry = Entry(5, std::nullopt, app::SuppressionChannel::kAll);
    entry.removed_at = kT0;
    entry.removed_by = app::Actor::Cli();
    entry.removed_reason = "ignored";
    const auto added = this->Suppressions().Add(entry);
    EXPECT_FALSE(added.removed_at);
    const auto got = this->Suppressions().Find(added.id);
    ASSERT_TRUE(got);
    EXPECT_FALSE(got->removed_at);
    EXPECT_FALSE(got->removed_by);
    EXPECT_EQ(
        SuppressedIds(this->Suppressions(), {Subject(5)}, app::SuppressionChannel::kCall),
        std::vector<std::int64_t>{5}
    );
}

TYPED_TEST(QueueSuppressionStoreContract, AddRefusesAnEntryForNobody) {
    EXPECT_ANY_THROW(
        this->Suppressions().Add(Entry(std::nullopt, std::nullopt, app::SuppressionChannel::kAll))
    );
    EXPECT_TRUE(this->Suppressions().List(std::nullopt, std::nullopt, true, 10).empty());
}

TYPED_TEST(QueueSuppressionStoreContract, RemoveRecordsWhoWhyAndWhenOnce) {
    const auto a = this->Suppressions().Add(Entry(5, std::nullopt, app::SuppressionChannel::kCall));
    const Timestamp at = kT0 + minutes{3} + milliseconds{9};
    EXPECT_TRUE(this->Suppressions().Remove(a.id, app::Actor::OfAgent(AgentId{8}), "mistake", at));
    EXPECT_FALSE(this->Suppressions().Remove(a.id, app::Actor::Cli(), "again", at + minutes{1}));
    EXPECT_FALSE(this->Suppressions().Remove(a.id + 100, app::Actor::Cli(), "none", at));

    const auto got = this->Suppressions().Find(a.id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->removed_at, at);
    ASSERT_TRUE(got->removed_by);
    EXPECT_EQ(got->removed_by->kind, app::Actor::Kind::kAgent);
    EXPECT_EQ(got->removed_by->agent_id, AgentId{8});
    EXPECT_EQ(got->removed_reason, "mistake");
    EXPECT_EQ(got->reason, "asked not to be called");  // the entry itself is kept
}

// Both filters nullopt lists every entry.
TYPED_TEST(QueueSuppressionStoreContract, ListIsNewestFirstAndFiltersByUserOrPhone) {
    auto& s = this->Suppressions();
    const auto a = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall, kT0));
    const auto b =
        s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kAll, kT0 + minutes{1})
        );
    const auto c =
        s.Add(Entry(1, "+447700900002", app::SuppressionChannel::kSms, kT0 + minutes{2}));
    const auto d = s.Add(Entry(2, std::nullopt, app::SuppressionChannel::kAll, kT0 + minutes{3}));
    const auto e = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kAll, kT0 + minutes{2}));
    // An entry created earlier but added later sorts by its time.
    const auto f = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kAll, kT0 - minutes{1}));

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(Ids(s.List(UserId{1}, std::nullopt, false, 10)), (V{e.id, c.id, a.id, f.id}));
    EXPECT_EQ(Ids(s.List(std::nullopt, "+447700900001", false, 10)), (V{b.id}));
    EXPECT_EQ(Ids(s.List(std::nullopt, "+447700900002", false, 10)), (V{c.id}));
    EXPECT_EQ(
        Ids(s.List(std::nullopt, std::nullopt, false, 10)), (V{d.id, e.id, c.id, b.id, a.id, f.id})
    );
    EXPECT_EQ(Ids(s.List(std::nullopt, std::nullopt, false, 2)), (V{d.id, e.id}));
    EXPECT_EQ(Ids(s.List(UserId{1}, std::nullopt, false, 3)), (V{e.id, c.id, a.id}));
    EXPECT_TRUE(s.List(UserId{3}, std::nullopt, false, 10).empty());
    EXPECT_TRUE(s.List(std::nullopt, "+447700900003", false, 10).empty());
}

// List(user, phone) with both shows the entries for that user OR that number: everything that
// covers a customer with that id and that number (what Suppressed checks).
TYPED_TEST(QueueSuppressionStoreContract, ListWithUserAndPhoneShowsTheEntriesForEither) {
    auto& s = this->Suppressions();
    const auto a = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall, kT0));
    const auto b =
        s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kAll, kT0 + minutes{1})
        );
    const auto c =
        s.Add(Entry(1, "+447700900001", app::SuppressionChannel::kSms, kT0 + minutes{2}));
    s.Add(Entry(2, "+447700900002", app::SuppressionChannel::kAll, kT0 + minutes{3}));

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(Ids(s.List(UserId{1}, "+447700900001", false, 10)), (V{c.id, b.id, a.id}));
    EXPECT_TRUE(s.List(UserId{3}, "+447700900003", false, 10).empty());
}

TYPED_TEST(QueueSuppressionStoreContract, ListShowsRemovedEntriesOnlyWhenAsked) {
    auto& s = this->Suppressions();
    const auto a = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall, kT0));
    const auto b = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kSms, kT0 + minutes{1}));
    ASSERT_TRUE(s.Remove(b.id, app::Actor::Cli(), "mistake", kT0 + minutes{2}));

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(Ids(s.List(UserId{1}, std::nullopt, false, 10)), (V{a.id}));
    EXPECT_EQ(Ids(s.List(UserId{1}, std::nullopt, true, 10)), (V{b.id, a.id}));
    EXPECT_EQ(Ids(s.List(std::nullopt, std::nullopt, false, 10)), (V{a.id}));
    EXPECT_EQ(Ids(s.List(std::nullopt, std::nullopt, true, 10)), (V{b.id, a.id}));
}

TYPED_TEST(QueueSuppressionStoreContract, SuppressedCoversByUserOrByPhoneInInputOrder) {
    auto& s = this->Suppressions();
    s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall));
    s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kAll));
    s.Add(Entry(9, "+447700900002", app::SuppressionChannel::kCall));
    s.Add(Entry(5, std::nullopt, app::SuppressionChannel::kAll));  // no phone: covers only user 5

    const std::vector<app::SuppressionSubject> subjects{
        Subject(9),                   // by user (the entry also has a phone)
        Subject(4, "+447700900009"),  // nothing
        Subject(2, "+447700900001"),  // by a phone-only entry
        Subject(1, "+447700900009"),  // by user, whatever the number
        Subject(3, "+447700900002"),  // by the phone of another customer's entry
        Subject(6),                   // no number: a NULL phone matches no NULL phone
    };
    EXPECT_EQ(
        SuppressedIds(s, subjects, app::SuppressionChannel::kCall),
        (std::vector<std::int64_t>{9, 2, 1, 3})
    );
    EXPECT_TRUE(SuppressedIds(s, {}, app::SuppressionChannel::kCall).empty());
}

// An entry for a channel covers that channel; an entry for kAll covers every channel. Asking for
// kAll asks "suppressed for everything", which only kAll entries cover.
TYPED_TEST(QueueSuppressionStoreContract, SuppressedMatchesTheChannel) {
    auto& s = this->Suppressions();
    s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall));
    s.Add(Entry(2, std::nullopt, app::SuppressionChannel::kSms));
    s.Add(Entry(3, std::nullopt, app::SuppressionChannel::kAll));
    s.Add(Entry(std::nullopt, "+447700900004", app::SuppressionChannel::kSms));
    const std::vector<app::SuppressionSubject> subjects{
        Subject(1), Subject(2), Subject(3), Subject(4, "+447700900004")};

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(SuppressedIds(s, subjects, app::SuppressionChannel::kCall), (V{1, 3}));
    EXPECT_EQ(SuppressedIds(s, subjects, app::SuppressionChannel::kSms), (V{2, 3, 4}));
    EXPECT_EQ(SuppressedIds(s, subjects, app::SuppressionChannel::kAll), (V{3}));
}

TYPED_TEST(QueueSuppressionStoreContract, RemovedEntriesNoLongerSuppress) {
    auto& s = this->Suppressions();
    const auto by_user = s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kAll));
    const auto by_phone =
        s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kAll));
    const std::vector<app::SuppressionSubject> subjects{Subject(1), Subject(2, "+447700900001")};
    ASSERT_EQ(SuppressedIds(s, subjects, app::SuppressionChannel::kCall).size(), 2U);

    ASSERT_TRUE(s.Remove(by_user.id, app::Actor::Cli(), "mistake", kT0 + minutes{1}));
    ASSERT_TRUE(s.Remove(by_phone.id, app::Actor::Cli(), "mistake", kT0 + minutes{1}));
    EXPECT_TRUE(SuppressedIds(s, subjects, app::SuppressionChannel::kCall).empty());

    s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kCall, kT0 + minutes{2}));
    EXPECT_EQ(
        SuppressedIds(s, subjects, app::SuppressionChannel::kCall), std::vector<std::int64_t>{2}
    );
}

TYPED_TEST(QueueSuppressionStoreContract, SuppressedListsEachCustomerOnce) {
    auto& s = this->Suppressions();
    s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kCall));
    s.Add(Entry(1, std::nullopt, app::SuppressionChannel::kAll));
    s.Add(Entry(std::nullopt, "+447700900001", app::SuppressionChannel::kCall));
    EXPECT_EQ(
        SuppressedIds(
            s,
            {Subject(1, "+447700900001"), Subject(1, "+447700900001")},
            app::SuppressionChannel::kCall
        ),
        std::vector<std::int64_t>{1}
    );
}

// =============================================================================================
// DiscoveryStore

template <typename Impl>
class QueueDiscoveryStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueDiscoveryStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueDiscoveryStoreContract, StartRunAssignsAnIdAndRunningStatus) {
    const auto run = this->Discovery().StartRun("full", kT0);
    const auto other = this->Discovery().StartRun("incremental", kT0 + minutes{1});
    EXPECT_GT(run.id, 0);
    EXPECT_NE(run.id, other.id);
    EXPECT_EQ(run.kind, "full");
    EXPECT_EQ(run.status, "running");
    EXPECT_EQ(run.started_at, kT0);

    const auto runs = this->Discovery().RecentRuns(10);
    ASSERT_EQ(runs.size(), 2U);
    const auto& stored = runs[1];
    EXPECT_EQ(stored.id, run.id);
    EXPECT_EQ(stored.kind, "full");
    EXPECT_EQ(stored.status, "running");
    EXPECT_EQ(stored.started_at, kT0);
    EXPECT_FALSE(stored.finished_at);
    EXPECT_EQ(stored.customers_read, 0);
    EXPECT_EQ(stored.leads_written, 0);
    EXPECT_EQ(stored.leads_in_queue, 0);
    EXPECT_EQ(stored.skipped_leased, 0);
    EXPECT_EQ(stored.removed, 0);
    EXPECT_EQ(stored.conversions, 0);
    EXPECT_EQ(stored.error, "");
}

TYPED_TEST(QueueDiscoveryStoreContract, FinishRunOverwritesTheRunById) {
    auto first = this->Discovery().StartRun("full", kT0);
    const auto second = this->Discovery().StartRun("incremental", kT0 + minutes{1});
    first.status = "failed";
    first.finished_at = kT0 + minutes{2} + milliseconds{3};
    first.customers_read = 5'000'000'001;  // beyond 32 bits
    first.leads_written = 4'000'000'002;
    first.leads_in_queue = 3'000'000'003;
    first.skipped_leased = 11;
    first.removed = 12;
    first.conversions = 13;
    first.error = "replica: lost connection 'x' \"y\"";
    this->Discovery().FinishRun(first);

    const auto runs = this->Discovery().RecentRuns(10);
    ASSERT_EQ(runs.size(), 2U);
    const auto& got = runs[1];
    EXPECT_EQ(got.id, first.id);
    EXPECT_EQ(got.kind, "full");
    EXPECT_EQ(got.status, "failed");
    EXPECT_EQ(got.started_at, kT0);
    EXPECT_EQ(got.finished_at, kT0 + minutes{2} + milliseconds{3});
    EXPECT_EQ(got.customers_read, 5'000'000'001);
    EXPECT_EQ(got.leads_written, 4'000'000'002);
    EXPECT_EQ(got.leads_in_queue, 3'000'000'003);
    EXPECT_EQ(got.skipped_leased, 11);
    EXPECT_EQ(got.removed, 12);
    EXPECT_EQ(got.conversions, 13);
    EXPECT_EQ(got.error, first.error);
    EXPECT_EQ(runs[0].id, second.id);  // the other run is untouched
    EXPECT_EQ(runs[0].status, "running");
    EXPECT_FALSE(runs[0].finished_at);
}

TYPED_TEST(QueueDiscoveryStoreContract, RecentRunsAreNewestFirstAndLimited) {
    const auto a = this->Discovery().StartRun("full", kT0);
    const auto b = this->Discovery().StartRun("incremental", kT0 + minutes{1});
    const auto c = this->Discovery().StartRun("incremental", kT0 + minutes{2});
    const auto two = this->Discovery().RecentRuns(2);
    ASSERT_EQ(two.size(), 2U);
    EXPECT_EQ(two[0].id, c.id);
    EXPECT_EQ(two[1].id, b.id);
    const auto all = this->Discovery().RecentRuns(10);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[2].id, a.id);
}

TYPED_TEST(QueueDiscoveryStoreContract, WatermarkIsUnsetUntilSet) {
    EXPECT_FALSE(this->Discovery().Watermark());
    this->Discovery().SetWatermark(kT0 + milliseconds{1});
    EXPECT_EQ(this->Discovery().Watermark(), kT0 + milliseconds{1});
    this->Discovery().SetWatermark(kT0 + hours{1} + milliseconds{2});
    EXPECT_EQ(this->Discovery().Watermark(), kT0 + hours{1} + milliseconds{2});
}

// Discovery's job lease and its watermark may share storage: neither disturbs the other.
TYPED_TEST(QueueDiscoveryStoreContract, WatermarkAndTheDiscoveryJobLeaseAreIndependent) {
    auto& leases = this->JobLeases();
    ASSERT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    this->Discovery().SetWatermark(kT0 - minutes{5});
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{1}, kT0 + minutes{16}));
    leases.Release("discovery", "host-a");
    EXPECT_EQ(this->Discovery().Watermark(), kT0 - minutes{5});
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{1}, kT0 + minutes{16}));
    EXPECT_EQ(this->Discovery().Watermark(), kT0 - minutes{5});
}

app::Conversion MakeConversion(
    std::int64_t user,
    const std::string& kind,
    Queue from,
    Timestamp at,
    std::vector<AgentId> agents
) {
    return app::Conversion{UserId{user}, kind, from, at, std::move(agents), at - hours{24}};
}

TYPED_TEST(QueueDiscoveryStoreContract, ConversionsRoundTripWithTheirAgents) {
    const std::vector<app::Conversion> batch{
        MakeConversion(
            1, "signed", Queue::kUnsigned, kT0 + milliseconds{1}, {AgentId{7}, AgentId{3}}
        ),
        MakeConversion(2, "documents_completed", Queue::kOutstanding, kT0 + minutes{1}, {}),
        MakeConversion(
            3, "signed", Queue::kUnsigned, kT0 + minutes{2}, {AgentId{1'000'000'000'000}}
        ),
    };
    this->Discovery().RecordConversions(batch);

    const auto got = this->Discovery().ConversionsSince(kT0, 10);
    ASSERT_EQ(got.size(), 3U);
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(got[i].user_id, batch[i].user_id);
        EXPECT_EQ(got[i].kind, batch[i].kind);
        EXPECT_EQ(got[i].from_queue, batch[i].from_queue);
        EXPECT_EQ(got[i].at, batch[i].at);
        EXPECT_EQ(got[i].agents, batch[i].agents);  // as recorded, in order
        EXPECT_EQ(got[i].episode, batch[i].episode);
    }
}

// Seen twice (two instances, a retry, discovery and pre-call validation both): recorded once. A
// later episode of the same customer (they came back to the queue and left again) is new.
TYPED_TEST(QueueDiscoveryStoreContract, ConversionsAreRecordedOncePerCustomerQueueAndEpisode) {
    const app::Conversion first = MakeConversion(1, "signed", Queue::kUnsigned, kT0, {});
    EXPECT_EQ(this->Discovery().RecordConversions(std::vector{first}), 1U);
    app::Conversion again = first;
    again.at = kT0 + minutes{5};
    EXPECT_EQ(this->Discovery().RecordConversions(std::vector{again, again}), 0U);
    app::Conversion other_queue = first;
    other_queue.from_queue = Queue::kOutstanding;
    other_queue.kind = "documents_completed";
    app::Conversion later_episode = first;
    later_episode.episode = kT0 + hours{48};
    later_episode.at = kT0 + hours{72};
    EXPECT_EQ(this->Discovery().RecordConversions(std::vector{other_queue, later_episode}), 2U);
    EXPECT_EQ(this->Discovery().ConversionsSince(kT0, 10).size(), 3U);
}

TYPED_TEST(QueueDiscoveryStoreContract, ConversionsSinceIsOldestFirstFromSinceAndLimited) {
    this->Discovery().RecordConversions(std::vector<app::Conversion>{
        MakeConversion(3, "signed", Queue::kUnsigned, kT0 + minutes{3}, {}),
        MakeConversion(1, "signed", Queue::kUnsigned, kT0 + minutes{1}, {}),
    });
    this->Discovery().RecordConversions(std::vector<app::Conversion>{
        MakeConversion(0, "signed", Queue::kUnsigned, kT0, {}),
        MakeConversion(2, "documents_completed", Queue::kOutstanding, kT0 + minutes{2}, {}),
    });
    this->Discovery().RecordConversions({});

    const auto since = [this](Timestamp at, int limit) {
        std::vector<std::int64_t> ids;
        for (const auto& c : this->Discovery().ConversionsSince(at, limit)) {
            ids.push_back(c.user_id.Value());
        }
        return ids;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(since(kT0, 10), (V{0, 1, 2, 3}));
    EXPECT_EQ(since(kT0 + minutes{1}, 10), (V{1, 2, 3}));  // at == since is included
    EXPECT_EQ(since(kT0 + minutes{1} + milliseconds{1}, 10), (V{2, 3}));
    EXPECT_EQ(since(kT0, 2), (V{0, 1}));
    EXPECT_TRUE(since(kT0 + minutes{4}, 10).empty());
}

TYPED_TEST(QueueDiscoveryStoreContract, ConversionsForAreOneCustomersOldestFirst) {
    this->Discovery().RecordConversions(std::vector<app::Conversion>{
        MakeConversion(7, "documents_completed", Queue::kOutstanding, kT0 + minutes{5}, {}),
        MakeConversion(8, "signed", Queue::kUnsigned, kT0 + minutes{1}, {}),
        MakeConversion(7, "signed", Queue::kUnsigned, kT0 + minutes{2}, {}),
    });
    const auto mine = this->Discovery().ConversionsFor(UserId{7}, 10);
    ASSERT_EQ(mine.size(), 2U);
    EXPECT_EQ(mine[0].kind, "signed");
    EXPECT_EQ(mine[1].from_queue, Queue::kOutstanding);
    EXPECT_EQ(this->Discovery().ConversionsFor(UserId{7}, 1).size(), 1U);
    EXPECT_TRUE(this->Discovery().ConversionsFor(UserId{9}, 10).empty());
}

// =============================================================================================
// ContactLog

app::ContactAttempt Contact(
    std::int64_t user, domain::Channel channel, std::optional<std::int64_t> agent, Timestamp at
) {
    app::ContactAttempt a;
    a.user_id = UserId{user};
    a.channel = channel;
    a.agent_id = agent ? std::optional(AgentId{*agent}) : std::nullopt;
    a.phone_e164 = "+44770090" + std::to_string(1000 + user);
    a.at = at;
    return a;
}

template <typename Impl>
class QueueContactLogContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueContactLogContract, Implementations, ImplNames);

TYPED_TEST(QueueContactLogContract, RecordAssignsIdsAndRoundTripsEveryField) {
    const auto call =
        this->Contacts().Record(Contact(1, domain::Channel::kCall, 5, kT0 + milliseconds{1}));
    const auto sms =
        this->Contacts().Record(Contact(1, domain::Channel::kSms, std::nullopt, kT0 + minutes{1}));
    EXPECT_GT(call.id, 0);
    EXPECT_NE(call.id, sms.id);

    const auto got = this->Contacts().Since(UserId{1}, kT0);
    ASSERT_EQ(got.size(), 2U);
    EXPECT_EQ(got[0].id, call.id);
    EXPECT_EQ(got[0].user_id, UserId{1});
    EXPECT_EQ(got[0].channel, domain::Channel::kCall);
    EXPECT_EQ(got[0].agent_id, AgentId{5});
    EXPECT_EQ(got[0].phone_e164, "+447700901001");
    EXPECT_EQ(got[0].at, kT0 + milliseconds{1});
    EXPECT_EQ(got[1].id, sms.id);
    EXPECT_EQ(got[1].channel, domain::Channel::kSms);
    EXPECT_FALSE(got[1].agent_id);
    EXPECT_EQ(got[1].at, kT0 + minutes{1});
}

TYPED_TEST(QueueContactLogContract, SinceIsOldestFirstFromSinceForOneCustomer) {
    auto& log = this->Contacts();
    log.Record(Contact(1, domain::Channel::kCall, 5, kT0 + minutes{3}));
    log.Record(Contact(1, domain::Channel::kCall, 5, kT0 + minutes{1}));
    log.Record(Contact(2, domain::Channel::kCall, 5, kT0 + minutes{2}));
    log.Record(Contact(1, domain::Channel::kSms, 5, kT0 + minutes{2}));
    log.Record(Contact(1, domain::Channel::kCall, 5, kT0 - minutes{1}));

    const auto got = log.Since(UserId{1}, kT0 + minutes{1});
    ASSERT_EQ(got.size(), 3U);  // at == since is included; user 2 and the older call are not
    EXPECT_EQ(got[0].at, kT0 + minutes{1});
    EXPECT_EQ(got[1].at, kT0 + minutes{2});
    EXPECT_EQ(got[1].channel, domain::Channel::kSms);
    EXPECT_EQ(got[2].at, kT0 + minutes{3});
    EXPECT_TRUE(log.Since(UserId{3}, kT0).empty());
}

TYPED_TEST(QueueContactLogContract, CallersSinceListsEachAgentWhoCalledOncePerCustomer) {
    auto& log = this->Contacts();
    const Timestamp since = kT0 + hours{1};
    log.Record(Contact(1, domain::Channel::kCall, 5, since + minutes{1}));
    log.Record(Contact(1, domain::Channel::kCall, 5, since + minutes{2}));  // again: once
    log.Record(Contact(1, domain::Channel::kCall, 3, since));               // at == since
    log.Record(Contact(2, domain::Channel::kCall, 5, since + minutes{1}));
    log.Record(Contact(1, domain::Channel::kSms, 8, since + minutes{1}));        // a text
    log.Record(Contact(1, domain::Channel::kCall, std::nullopt, since));         // no agent
    log.Record(Contact(1, domain::Channel::kCall, 9, since - milliseconds{1}));  // too early
    log.Record(Contact(3, domain::Channel::kCall, 4, since + minutes{1}));       // not asked

    const std::vector<UserId> asked{UserId{2}, UserId{1}, UserId{4}};
    std::vector<std::pair<std::int64_t, std::int64_t>> got;
    for (const auto& [user, agent] : log.CallersSince(asked, since)) {
        got.emplace_back(user.Value(), agent.Value());
    }
    EXPECT_EQ(got, (std::vector<std::pair<std::int64_t, std::int64_t>>{{1, 3}, {1, 5}, {2, 5}}));
    EXPECT_TRUE(log.CallersSince({}, since).empty());
}

// Re-scoring walks the open leads page by page and writes only where no outcome intervened.
TYPED_TEST(QueueLeadStoreContract, OpenLeadsAfterPagesOverCallableLeadsInIdOrder) {
    Apply(
        this->Leads(),
        {Eval(1), Eval(2, std::nullopt), Eval(3, Queue::kOutstanding), Eval(4), Eval(5)},
        kT0
    );
    this->stores_->SetHeldState(UserId{4}, HeldState{true, "no_claim", {}, {}, {}, {}});
    const auto ids = [this](std::int64_t after, int limit) {
        std::vector<std::int64_t> out;
        for (const auto& l : this->Leads().OpenLeadsAfter(UserId{after}, limit)) {
            out.push_back(l.user_id.Value());
        }
        return out;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(ids(0, 10), (V{1, 3, 5}));
    EXPECT_EQ(ids(0, 2), (V{1, 3}));
    EXPECT_EQ(ids(3, 2), (V{5}));
    EXPECT_TRUE(ids(5, 10).empty());
    EXPECT_TRUE(ids(0, 0).empty());
}

TYPED_TEST(QueueLeadStoreContract, UnreachableAfterListsLeadsLeftOutForTheirPhone) {
    app::LeadEvaluation no_phone = Eval(2, std::nullopt);
    no_phone.reasons = "no_valid_phone";
    app::LeadEvaluation foreign = Eval(4, std::nullopt);
    foreign.reasons = "not_uk_dialable,no_active_claim";
    app::LeadEvaluation lookalike = Eval(5, std::nullopt);
    lookalike.reasons = "not_uk_dialable_soon,no_valid_phone_x";  // not the codes
    app::LeadEvaluation last = Eval(6, std::nullopt);
    last.reasons = "disabled,no_valid_phone";
    Apply(this->Leads(), {Eval(1), no_phone, Eval(3), foreign, lookalike, last}, kT0);
    const auto ids = [this](std::int64_t after, int limit) {
        std::vector<std::int64_t> out;
        for (const auto& l : this->Leads().UnreachableAfter(UserId{after}, limit)) {
            out.push_back(l.user_id.Value());
        }
        return out;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(ids(0, 10), (V{2, 4, 6}));
    EXPECT_EQ(ids(2, 1), (V{4}));
    EXPECT_TRUE(ids(6, 10).empty());
}

TYPED_TEST(QueueLeadStoreContract, UpdateScoresWritesOnlyLeadsStillAtTheirVersion) {
    Apply(this->Leads(), {FullEval(1), Eval(2)}, kT0);
    this->stores_->RecordAnOutcome(UserId{2});
    const std::vector<app::ScoreUpdate> updates{
        {UserId{1}, 90, {{"queue", 90, "rescored"}}, FullEval(1).score_facts, true, 0},
        {UserId{2}, 91, {{"queue", 91, "stale"}}, std::nullopt, false, 0},
        {UserId{3}, 92, {}, std::nullopt, false, 0},  // no such lead
    };
    EXPECT_EQ(this->Leads().UpdateScores(updates), 1U);
    const auto one = this->Leads().FindLead(UserId{1});
    EXPECT_EQ(one->score, 90);
    EXPECT_TRUE(one->is_given_up);
    ASSERT_EQ(one->score_components.size(), 1U);
    EXPECT_EQ(one->score_components[0].detail, "rescored");
    EXPECT_EQ(one->score_facts, FullEval(1).score_facts);
    EXPECT_EQ(this->Leads().FindLead(UserId{2})->score, 10);
    EXPECT_EQ(this->Leads().UpdateScores({}), 0U);
}

// =============================================================================================
// JobLeaseStore

template <typename Impl>
class QueueJobLeaseStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueJobLeaseStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueJobLeaseStoreContract, MarkersAreKeptPerJobAndIndependentOfTheLease) {
    auto& leases = this->JobLeases();
    EXPECT_FALSE(leases.Marker("rescore"));
    leases.SetMarker("rescore", "abc");
    EXPECT_EQ(leases.Marker("rescore"), "abc");
    ASSERT_TRUE(leases.TryAcquire("rescore", "a", kT0, kT0 + minutes{1}));
    leases.SetMarker("rescore", "def");
    leases.Release("rescore", "a");
    EXPECT_EQ(leases.Marker("rescore"), "def");
    EXPECT_FALSE(leases.Marker("other"));
    EXPECT_TRUE(leases.TryAcquire("rescore", "b", kT0, kT0 + minutes{1}));
}

TYPED_TEST(QueueJobLeaseStoreContract, TryAcquireTakesAFreeLeaseForOneHolder) {
    auto& leases = this->JobLeases();
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{1}, kT0 + minutes{16}));
    EXPECT_FALSE(leases.TryAcquire(
        "discovery", "host-b", kT0 + minutes{15} - milliseconds{1}, kT0 + minutes{30}
    ));
}

TYPED_TEST(QueueJobLeaseStoreContract, AnExpiredLeaseGoesToTheNextHolder) {
    auto& leases = this->JobLeases();
    ASSERT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{15}, kT0 + minutes{30}));
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-a", kT0 + minutes{16}, kT0 + minutes{31}));
}

TYPED_TEST(QueueJobLeaseStoreContract, TheHolderExtendsItsOwnLease) {
    auto& leases = this->JobLeases();
    ASSERT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-a", kT0 + minutes{10}, kT0 + minutes{25}));
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{20}, kT0 + minutes{35}));
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{25}, kT0 + minutes{40}));
}

TYPED_TEST(QueueJobLeaseStoreContract, OnlyTheHolderReleases) {
    auto& leases = this->JobLeases();
    ASSERT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    leases.Release("discovery", "host-b");
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-c", kT0 + minutes{1}, kT0 + minutes{16}));
    leases.Release("discovery", "host-a");
    EXPECT_TRUE(leases.TryAcquire("discovery", "host-c", kT0 + minutes{1}, kT0 + minutes{16}));
    leases.Release("never-taken", "host-a");  // a no-op, not an error
    EXPECT_TRUE(leases.TryAcquire("never-taken", "host-b", kT0, kT0 + minutes{1}));
}

TYPED_TEST(QueueJobLeaseStoreContract, LeasesAreIndependentByName) {
    auto& leases = this->JobLeases();
    ASSERT_TRUE(leases.TryAcquire("discovery", "host-a", kT0, kT0 + minutes{15}));
    EXPECT_TRUE(leases.TryAcquire("reconcile", "host-b", kT0, kT0 + minutes{15}));
    leases.Release("reconcile", "host-b");
    EXPECT_FALSE(leases.TryAcquire("discovery", "host-b", kT0 + minutes{1}, kT0 + minutes{16}));
}

TYPED_TEST(QueueJobLeaseStoreContract, ConcurrentAcquirersGetOneWinner) {
    constexpr int kThreads = 6;
    for (int round = 0; round < 3; ++round) {
        const std::string name = "job-" + std::to_string(round);
        std::latch start(kThreads);
        std::atomic<int> winners = 0;
        std::atomic<int> failures = 0;
        std::vector<std::thread> threads;
        threads.reserve(kThreads);
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                try {
                    if (this->JobLeases().TryAcquire(
                            name, "host-" + std::to_string(t), kT0, kT0 + minutes{15}
                        )) {
                        ++winners;
                    }
                } catch (...) {
                    ++failures;
                }
            });
        }
        for (auto& th : threads) {
            th.join();
        }
        EXPECT_EQ(failures.load(), 0) << name;
        EXPECT_EQ(winners.load(), 1) << name;
    }
}

// =============================================================================================
// LeadLeases

const AgentId kAgentA{11};
const AgentId kAgentB{12};

app::ClaimRequest Claim(
    AgentId agent,
    std::vector<Queue> queues,
    Timestamp now,
    std::chrono::seconds grace = std::chrono::minutes{15}
) {
    return app::ClaimRequest{agent, std::move(queues), now, now + minutes{2}, grace};
}

app::LeadEvaluation Waiting(std::int64_t id, Queue queue, int score, Timestamp since) {
    app::LeadEvaluation e = Eval(id, queue, score);
    e.waiting_since = since;
    return e;
}

app::Callback DueCallback(std::int64_t user, std::optional<AgentId> agent, Timestamp at) {
    app::Callback cb;
    cb.user_id = UserId{user};
    cb.agent = agent;
    cb.scheduled_for = at;
    cb.created_by = app::Actor::Cli();
    cb.created_at = at - hours{1};
    return cb;
}

template <typename Impl>
class QueueLeadLeasesContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueLeadLeasesContract, Implementations, ImplNames);

TYPED_TEST(QueueLeadLeasesContract, ClaimsTheLowestScoreThenTheLongestWaitingOfTheAskedQueues) {
    Apply(
        this->Leads(),
        {Waiting(1, Queue::kUnsigned, 20, kT0 - hours{10}),
         Waiting(2, Queue::kUnsigned, 5, kT0 - hours{1}),
         Waiting(3, Queue::kUnsigned, 5, kT0 - hours{5}),
         Waiting(4, Queue::kOutstanding, 1, kT0 - hours{5})},
        kT0
    );
    const Timestamp now = kT0 + minutes{1};
    std::vector<std::int64_t> order;
    for (int i = 0; i < 4; ++i) {
        const auto c = this->Leases().ClaimNext(Claim(AgentId{100 + i}, {Queue::kUnsigned}, now));
        if (c) {
            EXPECT_FALSE(c->callback_id);
            EXPECT_EQ(c->lead.lease_agent_id, AgentId{100 + i});
            EXPECT_EQ(c->lead.lease_expires_at, now + minutes{2});
            order.push_back(c->lead.user_id.Value());
        }
    }
    EXPECT_EQ(order, (std::vector<std::int64_t>{3, 2, 1}));  // 4 is in the other queue
    const auto other = this->Leases().ClaimNext(Claim(kAgentA, {Queue::kOutstanding}, now));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->lead.user_id, UserId{4});
    EXPECT_FALSE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kOutstanding}, now)));
}

TYPED_TEST(QueueLeadLeasesContract, NeverClaimsALeadThatMayNotBeCalledNow) {
    app::LeadEvaluation given_up = Eval(2, Queue::kUnsigned, 1);
    given_up.is_given_up = true;
    Apply(
        this->Leads(),
        {Eval(1, Queue::kUnsigned, 1),
         given_up,
         Eval(3, Queue::kUnsigned, 1),
         Eval(4, Queue::kUnsigned, 1),
         Eval(5, Queue::kUnsigned, 1),
         Eval(6, std::nullopt, 0),
         Eval(7, Queue::kUnsigned, 9)},
        kT0
    );
    const Timestamp now = kT0 + minutes{1};
    this->stores_->SetHeldState(UserId{1}, LeasedUntil(now + minutes{1}));
    this->stores_->SetHeldState(UserId{3}, HeldState{true, "no_claim", {}, {}, {}, {}});
    HeldState bad;
    bad.bad_number_e164 = "+447400123456";
    this->stores_->SetHeldState(UserId{4}, bad);
    this->stores_->SetHeldState(UserId{5}, WaitingUntil(now + minutes{1}));
    const auto c = this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->lead.user_id, UserId{7});
    EXPECT_FALSE(this->Leases().ClaimNext(Claim(kAgentB, {Queue::kUnsigned}, now)));
}

TYPED_TEST(QueueLeadLeasesContract, ClaimLeadTakesOneOpenFreeLeadWhateverItsTurn) {
    Apply(
        this->Leads(),
        {Eval(1, Queue::kUnsigned, 1), Eval(2, Queue::kUnsigned, 50), Eval(3, Queue::kUnsigned, 1)},
        kT0
    );
    const Timestamp now = kT0 + minutes{1};
    this->stores_->SetHeldState(UserId{3}, HeldState{true, "no_claim", {}, {}, {}, {}});
    // Not the best lead, and waiting: chosen by a person, the gate judges it, not the store.
    this->stores_->SetHeldState(UserId{2}, WaitingUntil(now + hours{1}));
    const auto taken = this->Leases().ClaimLead(UserId{2}, kAgentA, now, now + minutes{2});
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->lease_agent_id, kAgentA);
    EXPECT_EQ(taken->lease_expires_at, now + minutes{2});
    EXPECT_EQ(this->Leases().HeldBy(kAgentA, now)->user_id, UserId{2});
    EXPECT_FALSE(this->Leases().ClaimLead(UserId{2}, kAgentB, now, now + minutes{2}));   // held
    EXPECT_FALSE(this->Leases().ClaimLead(UserId{3}, kAgentB, now, now + minutes{2}));   // closed
    EXPECT_FALSE(this->Leases().ClaimLead(UserId{99}, kAgentB, now, now + minutes{2}));  // none
    // Once the hold has run out, another may take them.
    const Timestamp later = now + minutes{3};
    EXPECT_TRUE(this->Leases().ClaimLead(UserId{2}, kAgentB, later, later + minutes{2}));
}

TYPED_TEST(QueueLeadLeasesContract, OwnDueCallbacksFirstThenTheTeamsAfterTheGrace) {
    Apply(
        this->Leads(),
        {Eval(1, Queue::kUnsigned, 1),
         Eval(2, Queue::kOutstanding, 50),
         Eval(3, std::nullopt, 0),
         Eval(4, Queue::kUnsigned, 60)},
        kT0
    );
    const Timestamp now = kT0 + hours{1};
    const auto mine = this->Outcomes().CreateCallback(DueCallback(2, kAgentA, now - minutes{1}));
    const auto theirs = this->Outcomes().CreateCallback(DueCallback(3, kAgentB, now - minutes{30}));
    this->Outcomes().CreateCallback(DueCallback(4, kAgentB, now - minutes{5}));  // within grace

    // Own first whatever queue was asked, even without the callbacks queue.
    const auto first = this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->lead.user_id, UserId{2});
    EXPECT_EQ(first->callback_id, mine.id);
    // Others' callbacks only for an agent on the callbacks queue, and only past the grace.
    const auto second = this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->lead.user_id, UserId{1});
    EXPECT_FALSE(second->callback_id);
    const AgentId agent_c{13};
    const auto team =
        this->Leases().ClaimNext(Claim(agent_c, {Queue::kCallbacks, Queue::kUnsigned}, now));
    ASSERT_TRUE(team);
    EXPECT_EQ(team->lead.user_id, UserId{3});
    EXPECT_EQ(team->callback_id, theirs.id);
    const auto none = this->Leases().ClaimNext(Claim(agent_c, {Queue::kCallbacks}, now));
    EXPECT_FALSE(none);  // 4's callback is still within its agent's grace period
}

// The promise the whole floor rests on: however many claim at once, no lead twice.
TYPED_TEST(QueueLeadLeasesContract, NoTwoCallersEverGetTheSameLead) {
    std::vector<app::LeadEvaluation> evals;
    for (int i = 1; i <= 60; ++i) {
        evals.push_back(Eval(i, i % 2 == 0 ? Queue::kUnsigned : Queue::kOutstanding, i % 7));
    }
    Apply(this->Leads(), evals, kT0);
    const Timestamp now = kT0 + minutes{1};
    std::mutex mutex;
    std::vector<std::int64_t> claimed;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            while (true) {
                const auto c = this->Leases().ClaimNext(
                    Claim(AgentId{200 + t}, {Queue::kUnsigned, Queue::kOutstanding}, now)
                );
                if (!c) {
                    return;
                }
                const std::lock_guard lock(mutex);
                claimed.push_back(c->lead.user_id.Value());
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    std::vector<std::int64_t> all(60);
    std::iota(all.begin(), all.end(), 1);
    EXPECT_EQ(Sorted(claimed), all);  // each exactly once
}

TYPED_TEST(QueueLeadLeasesContract, OnlyTheHolderExtendsOrReleasesAndReleaseCanPark) {
    Apply(this->Leads(), {Eval(1, Queue::kUnsigned, 1), Eval(2, Queue::kUnsigned, 2)}, kT0);
    const Timestamp now = kT0 + minutes{1};
    ASSERT_TRUE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now)));
    const auto held = this->Leases().HeldBy(kAgentA, now);
    ASSERT_TRUE(held);
    EXPECT_EQ(held->user_id, UserId{1});
    EXPECT_FALSE(this->Leases().HeldBy(kAgentB, now));
    EXPECT_FALSE(this->Leases().HeldBy(kAgentA, now + minutes{3}));  // expired

    EXPECT_FALSE(this->Leases().ExtendLease(UserId{1}, kAgentB, now, now + minutes{5}));
    EXPECT_TRUE(this->Leases().ExtendLease(UserId{1}, kAgentA, now, now + minutes{5}));
    EXPECT_EQ(this->Leads().FindLead(UserId{1})->lease_expires_at, now + minutes{5});
    EXPECT_FALSE(this->Leases().ReleaseLease(UserId{1}, kAgentB, std::nullopt));
    EXPECT_TRUE(this->Leases().ReleaseLease(UserId{1}, kAgentA, now + hours{1}));
    const auto released = this->Leads().FindLead(UserId{1});
    EXPECT_FALSE(released->lease_agent_id);
    EXPECT_EQ(released->next_call_at, now + hours{1});
    // Parked until then: the next claim gets the other lead.
    const auto next = this->Leases().ClaimNext(Claim(kAgentB, {Queue::kUnsigned}, now));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->lead.user_id, UserId{2});
}

// Two claimers on one lead, made to meet deterministically on PostgreSQL: one transaction has
// leased the only lead and not committed; a claim meanwhile must neither wait for it nor take
// the lead, and once it commits the lead stays with it.
TEST(PostgresClaim, TwoClaimersMeetingOnOneLeadLeaveItWithOne) {
    const std::string url = testing::NewPostgresDatabase();
    SqlQueueStores stores(url);
    Apply(stores.Leads(), {Eval(1, Queue::kUnsigned, 1)}, kT0);
    const Timestamp now = kT0 + minutes{1};
    soci::session first(
        soci::postgresql,
        adapters::sql::PostgresConnectString(*platform::ParseDatabaseUrl(url, "url"))
    );
    first.begin();
    const long long until = Ms(now + minutes{2});
    first << "UPDATE leads SET lease_agent_id = 99, lease_expires_at = :t WHERE user_id = 1",
        soci::use(until);

    EXPECT_FALSE(stores.Leases().ClaimNext(Claim(kAgentB, {Queue::kUnsigned}, now)));
    first.commit();
    EXPECT_FALSE(stores.Leases().ClaimNext(Claim(kAgentB, {Queue::kUnsigned}, now)));
    EXPECT_EQ(stores.Leads().FindLead(UserId{1})->lease_agent_id, AgentId{99});
}

// =============================================================================================
// OutcomeStore

app::OutcomeRecord Outcome(
    std::int64_t user, AgentId agent, domain::Outcome outcome, Timestamp at, Timestamp next
) {
    app::OutcomeRecord r;
    r.user_id = UserId{user};
    r.agent = agent;
    r.outcome = outcome;
    r.notes = "called";
    r.effects.score_adjustment = 1;
    r.effects.next_call_at = std::chrono::floor<std::chrono::seconds>(next);
    r.effects.reached_customer = outcome != domain::Outcome::kNoAnswer;
    r.phone_e164 = "+447400123456";
    r.score_after = 33;
    r.components_after = {{"queue", 33, "rescored"}};
    r.at = at;
    return r;
}

template <typename Impl>
class QueueOutcomeStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueOutcomeStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueOutcomeStoreContract, RecordsOnlyForTheHolderAndAppliesTheEffectsOnce) {
    Apply(this->Leads(), {Eval(1, Queue::kUnsigned, 10)}, kT0);
    const Timestamp now = kT0 + minutes{1};
    const Timestamp later = now + hours{4};
    EXPECT_FALSE(this->Outcomes().Record(Outcome(1, kAgentA, domain::Outcome::kNoAnswer, now, later)
    ));  // nobody holds it
    ASSERT_TRUE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now)));
    EXPECT_FALSE(this->Outcomes().Record(Outcome(1, kAgentB, domain::Outcome::kNoAnswer, now, later)
    ));  // someone else holds it
    EXPECT_EQ(this->Leads().FindLead(UserId{1})->attempts, 0);

    const auto stored =
        this->Outcomes().Record(Outcome(1, kAgentA, domain::Outcome::kNoAnswer, now, later));
    ASSERT_TRUE(stored);
    const auto lead = this->Leads().FindLead(UserId{1});
    EXPECT_EQ(lead->attempts, 1);
    EXPECT_EQ(lead->outcome_points, 1);
    EXPECT_EQ(lead->score, 33);
    ASSERT_EQ(lead->score_components.size(), 1U);
    EXPECT_EQ(lead->score_components[0].detail, "rescored");
    EXPECT_EQ(lead->history_version, 1);
    EXPECT_EQ(lead->next_call_at, Timestamp{std::chrono::floor<std::chrono::seconds>(later)});
    EXPECT_FALSE(lead->lease_agent_id);
    EXPECT_EQ(this->Contacts().Since(UserId{1}, kT0).size(), 1U);
    const auto history = this->Outcomes().OutcomesFor(UserId{1}, 10);
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].id, stored->id);
    EXPECT_EQ(history[0].outcome, domain::Outcome::kNoAnswer);
    // The lease is gone: the same outcome again changes nothing.
    EXPECT_FALSE(this->Outcomes().Record(Outcome(1, kAgentA, domain::Outcome::kNoAnswer, now, later)
    ));
    EXPECT_EQ(this->Leads().FindLead(UserId{1})->attempts, 1);
}

TYPED_TEST(QueueOutcomeStoreContract, LinksTheDialOfTheSameHoldInsteadOfCountingTwice) {
    Apply(this->Leads(), {Eval(1, Queue::kUnsigned, 10)}, kT0);
    const Timestamp now = kT0 + minutes{1};
    this->Contacts().Record(app::ContactAttempt{
        0, UserId{1}, domain::Channel::kCall, kAgentA, "+447400123456", kT0});  // earlier hold
    ASSERT_TRUE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now)));
    this->Contacts().Record(app::ContactAttempt{
        0,
        UserId{1},
        domain::Channel::kCall,
        kAgentA,
        "+447400123456",
        now + std::chrono::seconds{5}});
    ASSERT_TRUE(this->Outcomes().Record(Outcome(
        1, kAgentA, domain::Outcome::kHungUp, now + std::chrono::seconds{30}, now + hours{4}
    )));
    EXPECT_EQ(this->Contacts().Since(UserId{1}, kT0 - minutes{1}).size(), 2U);
}

TYPED_TEST(
    QueueOutcomeStoreContract, CreatesTheCallbackAndTheSuppressionAndKeepsOrCompletesTheAnswered
) {
    Apply(this->Leads(), {Eval(1, Queue::kUnsigned, 10), Eval(2, Queue::kUnsigned, 20)}, kT0);
    const Timestamp now = kT0 + minutes{1};
    const auto answered = this->Outcomes().CreateCallback(DueCallback(1, kAgentA, now));
    ASSERT_TRUE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now)));
    app::OutcomeRecord no_answer =
        Outcome(1, kAgentA, domain::Outcome::kNoAnswer, now, now + hours{4});
    no_answer.callback_id = answered.id;
    no_answer.callback_max_failed_tries = 1;
    ASSERT_TRUE(this->Outcomes().Record(no_answer));
    const auto kept = this->Outcomes().FindCallback(answered.id);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->status, app::CallbackStatus::kPending);
    EXPECT_EQ(kept->failed_tries, 1);
    EXPECT_FALSE(kept->agent);  // the limit (1) was reached: the team's now
    EXPECT_EQ(
        kept->scheduled_for, Timestamp{std::chrono::floor<std::chrono::seconds>(now + hours{4})}
    );

    ASSERT_TRUE(this->Leases().ClaimNext(Claim(kAgentA, {Queue::kUnsigned}, now)));  // lead 2
    app::OutcomeRecord dnc = Outcome(2, kAgentA, domain::Outcome::kDoNotContact, now, now);
    dnc.effects.next_call_at.reset();
    dnc.effects.closes_lead = true;
    dnc.effects.suppresses = true;
    dnc.effects.callback_at = std::chrono::floor<std::chrono::seconds>(now + hours{24});
    ASSERT_TRUE(this->Outcomes().Record(dnc));
    const auto closed = this->Leads().FindLead(UserId{2});
    EXPECT_TRUE(closed->is_closed);
    EXPECT_EQ(closed->closed_reason, "do_not_contact");
    EXPECT_EQ(this->Suppressions().List(UserId{2}, std::nullopt, false, 10).size(), 1U);
    const auto booked = this->Outcomes().CallbacksFor(UserId{2});
    ASSERT_EQ(booked.size(), 1U);
    EXPECT_EQ(booked[0].agent, kAgentA);
    EXPECT_EQ(booked[0].status, app::CallbackStatus::kPending);
}

TYPED_TEST(QueueOutcomeStoreContract, ListsPendingCallbacksDueInAHalfOpenRange) {
    auto& o = this->Outcomes();
    const auto at = [](int m) { return kT0 + minutes{m}; };
    const auto before = o.CreateCallback(DueCallback(1, kAgentA, at(-1)));
    const auto first = o.CreateCallback(DueCallback(2, kAgentA, at(0)));
    const auto team = o.CreateCallback(DueCallback(3, std::nullopt, at(4)));
    const auto at_end = o.CreateCallback(DueCallback(4, kAgentB, at(5)));
    const auto done = o.CreateCallback(DueCallback(5, kAgentB, at(2)));
    ASSERT_TRUE(o.SetCallbackStatus(done.id, app::CallbackStatus::kCompleted, kT0));
    const auto ids = [](const std::vector<app::Callback>& cbs) {
        std::vector<std::int64_t> out;
        for (const auto& cb : cbs) {
            out.push_back(cb.id);
        }
        return out;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(ids(o.PendingCallbacksDue(at(0), at(5), 10)), (V{first.id, team.id}));
    EXPECT_EQ(ids(o.PendingCallbacksDue(at(-5), at(6), 1)), (V{before.id}));
    EXPECT_EQ(ids(o.PendingCallbacksDue(at(5), at(6), 10)), (V{at_end.id}));
    EXPECT_TRUE(o.PendingCallbacksDue(at(6), at(60), 10).empty());
}

TYPED_TEST(QueueOutcomeStoreContract, KeepsACallbacksFirstVoicemailOnly) {
    auto& o = this->Outcomes();
    const auto cb = o.CreateCallback(DueCallback(1, kAgentA, kT0));
    EXPECT_FALSE(o.FindCallback(cb.id)->voicemail);
    EXPECT_TRUE(o.SetCallbackVoicemail(cb.id, {"RE1", "https://api.example/RE1", 14}, kT0));
    EXPECT_FALSE(o.SetCallbackVoicemail(cb.id, {"RE2", "https://api.example/RE2", 3}, kT0));
    EXPECT_FALSE(o.SetCallbackVoicemail(cb.id + 100, {"RE3", "u", 3}, kT0));
    const auto kept = o.FindCallback(cb.id)->voicemail;
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->sid, "RE1");
    EXPECT_EQ(kept->url, "https://api.example/RE1");
    EXPECT_EQ(kept->seconds, 14);
    EXPECT_EQ(o.CallbacksFor(UserId{1}).front().voicemail->sid, "RE1");
}

TYPED_TEST(QueueOutcomeStoreContract, CallbacksChangeOnlyWhilePendingAndListByScope) {
    const Timestamp now = kT0 + hours{2};
    auto& o = this->Outcomes();
    const auto a = o.CreateCallback(DueCallback(1, kAgentA, now - hours{1}));   // overdue
    const auto b = o.CreateCallback(DueCallback(2, kAgentA, now + hours{1}));   // later today
    const auto c = o.CreateCallback(DueCallback(3, kAgentB, now + hours{30}));  // tomorrow
    EXPECT_EQ(
        Ids(o.ListCallbacks(app::CallbackScope::kMine, kAgentA, now, 10)),
        (std::vector<std::int64_t>{1, 2})
    );
    EXPECT_EQ(o.ListCallbacks(app::CallbackScope::kTeam, kAgentA, now, 10).size(), 3U);
    EXPECT_EQ(o.ListCallbacks(app::CallbackScope::kOverdue, kAgentA, now, 10).size(), 1U);
    const auto counts = o.CountCallbacks(now, now + hours{5});
    EXPECT_EQ(counts.due_now, 1);
    EXPECT_EQ(counts.later_today, 1);
    EXPECT_EQ(counts.next_due, now + hours{1});

    EXPECT_TRUE(o.CloseCallback(a.id, "suppressed", now));
    EXPECT_FALSE(o.CloseCallback(a.id, "again", now));
    EXPECT_FALSE(o.RescheduleCallback(a.id, now + hours{2}, now));
    EXPECT_TRUE(o.RescheduleCallback(b.id, now + hours{2}, now));
    EXPECT_TRUE(o.ReassignCallback(b.id, kAgentB, now));
    EXPECT_EQ(o.FindCallback(b.id)->agent, kAgentB);
    EXPECT_TRUE(o.ReassignCallback(b.id, std::nullopt, now));
    EXPECT_FALSE(o.FindCallback(b.id)->agent);
    EXPECT_FALSE(o.ReassignCallback(a.id, kAgentB, now));  // closed above
    EXPECT_TRUE(o.ReassignCallback(b.id, kAgentA, now));
    EXPECT_TRUE(o.SetCallbackStatus(c.id, app::CallbackStatus::kCompleted, now));
    EXPECT_FALSE(o.SetCallbackStatus(c.id, app::CallbackStatus::kCancelled, now));
    const auto closed = o.FindCallback(a.id);
    EXPECT_EQ(closed->status, app::CallbackStatus::kCancelled);
    EXPECT_EQ(closed->closed_reason, "suppressed");
    EXPECT_EQ(o.FindCallback(b.id)->scheduled_for, now + hours{2});
    // "Mine" keeps showing the agent a callback the system closed, for a while.
    const auto mine = o.ListCallbacks(app::CallbackScope::kMine, kAgentA, now, 10);
    EXPECT_EQ(mine.size(), 2U);
    EXPECT_TRUE(
        o.ListCallbacks(app::CallbackScope::kMine, kAgentA, now + std::chrono::days{8}, 10)
            .size() == 1U
    );
    EXPECT_FALSE(o.FindCallback(999));
}

// =============================================================================================
// CallSessionStore

app::CallSession NewCall(std::int64_t user, AgentId agent, Timestamp at) {
    app::CallSession c;
    c.user_id = UserId{user};
    c.agent_id = agent;
    c.phone_e164 = "+447400123" + std::to_string(100 + user);
    c.caller_id = "+441134960000";
    c.state.created_at = at;
    return c;
}

template <typename Impl>
class QueueCallSessionStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueCallSessionStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueCallSessionStoreContract, CreatesAndFindsByIdAndByEitherLegsCallSid) {
    auto& calls = this->CallSessions();
    const auto a = calls.Create(NewCall(1, kAgentA, kT0));
    const auto b = calls.Create(NewCall(2, kAgentB, kT0 + minutes{1}));
    EXPECT_NE(a.id, b.id);
    const auto found = calls.Find(a.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, UserId{1});
    EXPECT_EQ(found->agent_id, kAgentA);
    EXPECT_EQ(found->phone_e164, "+447400123101");
    EXPECT_EQ(found->state.status, domain::CallStatus::kCreated);
    EXPECT_EQ(found->state.created_at, kT0);
    EXPECT_FALSE(calls.Find(999));
    EXPECT_FALSE(found->lead_score);  // none given, none kept
    app::CallSession scored = NewCall(3, kAgentA, kT0);
    scored.lead_score = 42;
    EXPECT_EQ(calls.Find(calls.Create(scored).id)->lead_score, 42);

    EXPECT_TRUE(calls.AttachCallSid(a.id, "CA-parent-a"));
    EXPECT_FALSE(calls.AttachCallSid(a.id, "CA-other"));     // once
    EXPECT_FALSE(calls.AttachCallSid(b.id, "CA-parent-a"));  // another session's
    EXPECT_EQ(calls.FindByCallSid("CA-parent-a")->id, a.id);
    EXPECT_FALSE(calls.FindByCallSid("CA-unknown"));

    domain::CallState ringing = found->state;
    ringing.status = domain::CallStatus::kRinging;
    ringing.last_sequence = 1;
    ringing.ringing_at = kT0 + std::chrono::seconds{3};
    ASSERT_TRUE(calls.UpdateState(a.id, found->state, ringing, "CA-child-a", kT0));
    EXPECT_EQ(calls.FindByCallSid("CA-child-a")->id, a.id);
}

TYPED_TEST(QueueCallSessionStoreContract, KeepsAnInboundCallsDirectionAndItsCustomersCallSid) {
    auto& calls = this->CallSessions();
    const auto outbound = calls.Create(NewCall(1, kAgentA, kT0));
    app::CallSession in = NewCall(2, kAgentB, kT0);
    in.direction = app::CallDirection::kInbound;
    in.call_sid = "CA-customer-rang";
    const auto inbound = calls.Create(in);
    EXPECT_EQ(calls.Find(outbound.id)->direction, app::CallDirection::kOutbound);
    EXPECT_FALSE(calls.Find(outbound.id)->call_sid);
    const auto found = calls.FindByCallSid("CA-customer-rang");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, inbound.id);
    EXPECT_EQ(found->direction, app::CallDirection::kInbound);
    // Its CallSid is taken: no other session can claim the customer's call.
    EXPECT_FALSE(calls.AttachCallSid(outbound.id, "CA-customer-rang"));
    EXPECT_EQ(calls.List({}).front().direction, app::CallDirection::kInbound);
}

TYPED_TEST(QueueCallSessionStoreContract, UpdatesStateOnlyFromTheExpectedOne) {
    auto& calls = this->CallSessions();
    const auto a = calls.Create(NewCall(1, kAgentA, kT0));
    domain::CallState answered = a.state;
    answered.status = domain::CallStatus::kInProgress;
    answered.last_sequence = 2;
    answered.answered_at = kT0 + std::chrono::seconds{9};
    EXPECT_TRUE(calls.UpdateState(a.id, a.state, answered, std::nullopt, kT0));
    EXPECT_FALSE(calls.UpdateState(a.id, a.state, answered, std::nullopt, kT0));  // moved on
    domain::CallState done = answered;
    done.status = domain::CallStatus::kCompleted;
    done.last_sequence = 3;
    done.ended_at = kT0 + std::chrono::seconds{70};
    EXPECT_TRUE(calls.UpdateState(a.id, answered, done, "CA-child", kT0));
    const auto stored = calls.Find(a.id);
    EXPECT_EQ(stored->state.status, domain::CallStatus::kCompleted);
    EXPECT_EQ(stored->state.last_sequence, 3);
    EXPECT_EQ(stored->state.answered_at, kT0 + std::chrono::seconds{9});
    EXPECT_EQ(stored->state.ended_at, kT0 + std::chrono::seconds{70});
    EXPECT_FALSE(stored->state.ringing_at);
    EXPECT_EQ(stored->dialled_call_sid, "CA-child");
}

TYPED_TEST(QueueCallSessionStoreContract, KeepsTheFirstRecordingAndOutcomeAndListsNewestFirst) {
    auto& calls = this->CallSessions();
    const auto a = calls.Create(NewCall(1, kAgentA, kT0));
    const auto b = calls.Create(NewCall(1, kAgentB, kT0 + minutes{5}));
    const auto c = calls.Create(NewCall(2, kAgentA, kT0 + minutes{10}));
    EXPECT_TRUE(calls.SetRecording(a.id, {"RE1", "https://api.example/RE1", 61}, kT0));
    EXPECT_FALSE(calls.SetRecording(a.id, {"RE2", "https://api.example/RE2", 5}, kT0));
    EXPECT_EQ(calls.Find(a.id)->recording->sid, "RE1");
    EXPECT_EQ(calls.Find(a.id)->recording->seconds, 61);
    EXPECT_TRUE(calls.LinkOutcome(a.id, 77, "no_answer", kT0));
    EXPECT_FALSE(calls.LinkOutcome(a.id, 78, "call_back", kT0));
    EXPECT_EQ(calls.Find(a.id)->outcome_id, 77);
    EXPECT_EQ(calls.Find(a.id)->outcome_code, "no_answer");

    const auto ids = [](const std::vector<app::CallSession>& list) {
        std::vector<std::int64_t> out;
        for (const auto& s : list) {
            out.push_back(s.id);
        }
        return out;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(ids(calls.List({})), (V{c.id, b.id, a.id}));
    // One filter at a time, as a search sets them.
    const auto list = [&calls](const std::function<void(app::CallSessionFilter&)>& set) {
        app::CallSessionFilter f;
        set(f);
        return calls.List(f);
    };
    EXPECT_EQ(ids(list([](auto& f) { f.user_id = UserId{1}; })), (V{b.id, a.id}));
    EXPECT_EQ(ids(list([](auto& f) { f.agent_id = kAgentA; })), (V{c.id, a.id}));
    EXPECT_EQ(
        ids(list([](auto& f) {
            f.from = kT0 + minutes{1};
            f.to = kT0 + minutes{10};
        })),
        (V{b.id})
    );
    EXPECT_EQ(ids(list([](auto& f) { f.limit = 1; })), (V{c.id}));
    // The recordings search: recorded calls only, by outcome, a page before an id.
    EXPECT_EQ(ids(list([](auto& f) { f.recorded_only = true; })), (V{a.id}));
    EXPECT_EQ(ids(list([](auto& f) { f.outcome = "no_answer"; })), (V{a.id}));
    EXPECT_TRUE(list([](auto& f) { f.outcome = "call_back"; }).empty());
    EXPECT_EQ(ids(list([&c](auto& f) { f.before_id = c.id; })), (V{b.id, a.id}));
    // A walk through a range by (start, id): the next page after b is a, whatever the ids.
    EXPECT_EQ(
        ids(list([&b](auto& f) {
            f.before = app::CallSessionFilter::Key{b.state.created_at, b.id};
        })),
        (V{a.id})
    );

    domain::CallState done = b.state;
    done.status = domain::CallStatus::kBusy;
    done.ended_at = kT0 + minutes{6};
    ASSERT_TRUE(calls.UpdateState(b.id, b.state, done, std::nullopt, kT0));
    EXPECT_EQ(ids(calls.Unfinished(kT0 + minutes{11}, 10)), (V{a.id, c.id}));
    EXPECT_EQ(ids(calls.Unfinished(kT0 + minutes{1}, 10)), (V{a.id}));
}

// ---------------------------------------------------------------------------------------------
// AgentStatusStore

template <typename Impl>
class QueueAgentStatusStoreContract : public QueueContract<Impl> {};
TYPED_TEST_SUITE(QueueAgentStatusStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueAgentStatusStoreContract, RecordsFromTheExpectedStatusOnlyAndKeepsATimeline) {
    using domain::AgentStatus;
    auto& statuses = this->AgentStatuses();
    EXPECT_FALSE(statuses.Current(kAgentA));
    // Never recorded is offline.
    EXPECT_FALSE(
        statuses.Record({kAgentA, AgentStatus::kAvailable, "", "agent", kT0}, AgentStatus::kBreak)
    );
    ASSERT_TRUE(
        statuses.Record({kAgentA, AgentStatus::kAvailable, "", "agent", kT0}, AgentStatus::kOffline)
    );
    // Two changes from the same status: only the first lands.
    ASSERT_TRUE(statuses.Record(
        {kAgentA, AgentStatus::kOnCall, "", "call_started", kT0 + minutes{1}},
        AgentStatus::kAvailable
    ));
    EXPECT_FALSE(statuses.Record(
        {kAgentA, AgentStatus::kBreak, "lunch", "agent", kT0 + minutes{1}}, AgentStatus::kAvailable
    ));
    ASSERT_TRUE(statuses.Record(
        {kAgentB, AgentStatus::kBreak, "lunch", "agent", kT0 + minutes{2}}, AgentStatus::kOffline
    ));

    const auto a = statuses.Current(kAgentA);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->status, AgentStatus::kOnCall);
    EXPECT_EQ(a->at, kT0 + minutes{1});
    const auto all = statuses.AllCurrent();
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[1].agent_id, kAgentB);
    EXPECT_EQ(all[1].reason, "lunch");

    const auto timeline = statuses.Timeline(kAgentA, kT0, kT0 + minutes{10});
    ASSERT_EQ(timeline.size(), 2U);
    EXPECT_EQ(timeline[0].status, AgentStatus::kAvailable);
    EXPECT_EQ(timeline[0].cause, "agent");
    EXPECT_EQ(timeline[1].cause, "call_started");
    EXPECT_EQ(statuses.Timeline(kAgentA, kT0 + minutes{1}, kT0 + minutes{10}).size(), 1U);
    EXPECT_TRUE(statuses.Timeline(kAgentA, kT0 + minutes{2}, kT0 + minutes{10}).empty());
}

// ---------------------------------------------------------------------------------------------
// SmsOutbox

template <typename Impl>
class QueueSmsOutboxContract : public QueueContract<Impl> {
protected:
    app::OutboundSms Text(const std::string& key, Timestamp due = kT0) {
        app::OutboundSms s;
        s.user_id = UserId{42};
        s.agent_id = kAgentA;
        s.to_e164 = "+447700900123";
        s.from_e164 = "+441134960000";
        s.body = "Hello £ ✓";
        s.idempotency_key = key;
        s.next_attempt_at = due;
        s.created_at = due;
        s.updated_at = due;
        return s;
    }
};
TYPED_TEST_SUITE(QueueSmsOutboxContract, Implementations, ImplNames);

TYPED_TEST(QueueSmsOutboxContract, EnqueuesOncePerKeyAndRoundTrips) {
    auto& outbox = this->Outbox();
    const auto first = outbox.Enqueue(this->Text("key-1"));
    ASSERT_TRUE(first.created);
    EXPECT_GT(first.sms.id, 0);
    EXPECT_EQ(first.sms.status, domain::SmsStatus::kQueued);
    const auto again = outbox.Enqueue(this->Text("key-1"));
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.sms.id, first.sms.id);

    const auto found = outbox.Find(first.sms.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, UserId{42});
    EXPECT_EQ(found->agent_id, kAgentA);
    EXPECT_EQ(found->body, "Hello £ ✓");
    EXPECT_EQ(found->to_e164, "+447700900123");
    EXPECT_EQ(found->next_attempt_at, kT0);
    EXPECT_EQ(found->attempts, 0);
    EXPECT_TRUE(found->provider_sid.empty());
    EXPECT_EQ(outbox.FindByKey("key-1")->id, first.sms.id);
    EXPECT_FALSE(outbox.FindByKey("key-2"));
    EXPECT_FALSE(outbox.Find(first.sms.id + 100));

    app::OutboundSms by_rule = this->Text("key-2", kT0 + minutes{1});
    by_rule.agent_id.reset();
    outbox.Enqueue(by_rule);
    const auto listed = outbox.ForUser(UserId{42}, 10);
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].idempotency_key, "key-2");  // newest first
    EXPECT_FALSE(listed[0].agent_id);
    EXPECT_EQ(outbox.ForUser(UserId{42}, 1).size(), 1U);
    EXPECT_TRUE(outbox.ForUser(UserId{43}, 10).empty());
}

TYPED_TEST(QueueSmsOutboxContract, ClaimsOnlyDueQueuedTextsOnceOldestFirst) {
    auto& outbox = this->Outbox();
    const auto later = outbox.Enqueue(this->Text("later", kT0 + minutes{5})).sms;
    const auto first = outbox.Enqueue(this->Text("first", kT0 - minutes{2})).sms;
    const auto second = outbox.Enqueue(this->Text("second", kT0 - minutes{1})).sms;

    const auto claimed = outbox.ClaimDue(kT0, kT0 + minutes{1}, 1);
    ASSERT_EQ(claimed.size(), 1U);
    EXPECT_EQ(claimed[0].id, first.id);
    EXPECT_EQ(claimed[0].status, domain::SmsStatus::kSending);
    EXPECT_EQ(claimed[0].attempts, 1);
    EXPECT_EQ(claimed[0].claimed_until, kT0 + minutes{1});
    const auto rest = outbox.ClaimDue(kT0, kT0 + minutes{1}, 10);
    ASSERT_EQ(rest.size(), 1U);
    EXPECT_EQ(rest[0].id, second.id);
    EXPECT_TRUE(outbox.ClaimDue(kT0, kT0 + minutes{1}, 10).empty());
    EXPECT_EQ(outbox.Find(later.id)->status, domain::SmsStatus::kQueued);
}

TYPED_TEST(QueueSmsOutboxContract, EachOutcomeMovesOnlyASendingText) {
    auto& outbox = this->Outbox();
    for (const char* key : {"a", "b", "c", "d"}) {
        outbox.Enqueue(this->Text(key));
    }
    const auto claimed = outbox.ClaimDue(kT0, kT0 + minutes{1}, 10);
    ASSERT_EQ(claimed.size(), 4U);
    const Timestamp at = kT0 + minutes{1};

    ASSERT_TRUE(outbox.MarkSent(claimed[0].id, "SM0001", at));
    EXPECT_FALSE(outbox.MarkSent(claimed[0].id, "SM0002", at));  // not sending any more
    EXPECT_FALSE(outbox.MarkFailed(claimed[0].id, 30003, "x", at));
    const auto sent = outbox.Find(claimed[0].id);
    EXPECT_EQ(sent->status, domain::SmsStatus::kSent);
    EXPECT_EQ(sent->provider_sid, "SM0001");
    EXPECT_FALSE(sent->claimed_until);

    ASSERT_TRUE(outbox.MarkRetry(claimed[1].id, kT0 + minutes{10}, "unreachable", at));
    const auto retry = outbox.Find(claimed[1].id);
    EXPECT_EQ(retry->status, domain::SmsStatus::kQueued);
    EXPECT_EQ(retry->next_attempt_at, kT0 + minutes{10});
    EXPECT_EQ(retry->error_message, "unreachable");
    EXPECT_TRUE(outbox.ClaimDue(kT0 + minutes{9}, kT0 + minutes{11}, 10).empty());
    const auto reclaimed = outbox.ClaimDue(kT0 + minutes{10}, kT0 + minutes{11}, 10);
    ASSERT_EQ(reclaimed.size(), 1U);
    EXPECT_EQ(reclaimed[0].attempts, 2);

    ASSERT_TRUE(outbox.MarkFailed(claimed[2].id, 21610, "unsubscribed", at));
    EXPECT_EQ(outbox.Find(claimed[2].id)->status, domain::SmsStatus::kFailed);
    EXPECT_EQ(outbox.Find(claimed[2].id)->error_code, 21610);

    ASSERT_TRUE(outbox.MarkUnknown(claimed[3].id, "no answer", at));
    EXPECT_EQ(outbox.Find(claimed[3].id)->status, domain::SmsStatus::kUnknown);
    EXPECT_FALSE(outbox.MarkRetry(claimed[3].id, at, "x", at));
}

TYPED_TEST(QueueSmsOutboxContract, ExpiredClaimsBecomeUnknownAndReportsMoveFromTheExpectedStatus) {
    auto& outbox = this->Outbox();
    const auto text = outbox.Enqueue(this->Text("lost")).sms;
    const auto other = outbox.Enqueue(this->Text("other")).sms;
    ASSERT_EQ(outbox.ClaimDue(kT0, kT0 + minutes{1}, 1).size(), 1U);
    EXPECT_TRUE(outbox.ExpireClaims(kT0 + minutes{1}).empty());  // not yet past
    const auto lost = outbox.ExpireClaims(kT0 + minutes{1} + milliseconds{1});
    ASSERT_EQ(lost.size(), 1U);
    EXPECT_EQ(lost[0].id, text.id);
    EXPECT_EQ(lost[0].status, domain::SmsStatus::kUnknown);
    EXPECT_EQ(outbox.Find(other.id)->status, domain::SmsStatus::kQueued);

    // A report settles it, recording the SID it never had; a second report from the same status
    // loses; an error code is kept, zero leaves it.
    EXPECT_FALSE(outbox.ApplyReport(
        text.id, domain::SmsStatus::kSent, domain::SmsStatus::kDelivered, "SM1", 0, kT0
    ));
    ASSERT_TRUE(outbox.ApplyReport(
        text.id, domain::SmsStatus::kUnknown, domain::SmsStatus::kSent, "SM1", 0, kT0
    ));
    ASSERT_TRUE(outbox.ApplyReport(
        text.id, domain::SmsStatus::kSent, domain::SmsStatus::kUndelivered, "", 30003, kT0
    ));
    const auto settled = outbox.Find(text.id);
    EXPECT_EQ(settled->status, domain::SmsStatus::kUndelivered);
    EXPECT_EQ(settled->provider_sid, "SM1");
    EXPECT_EQ(settled->error_code, 30003);
}

// ---------------------------------------------------------------------------------------------
// MagicLinkStore

template <typename Impl>
class QueueMagicLinkStoreContract : public QueueContract<Impl> {
protected:
    app::MagicLink Link(const std::string& hash, Timestamp at = kT0) {
        app::MagicLink l;
        l.user_id = UserId{42};
        l.type = domain::LinkType::kDocumentUpload;
        l.token_hash = hash;
        l.created_by = kAgentA;
        l.call_session_id = 7;
        l.created_at = at;
        l.expires_at = at + hours{48};
        return l;
    }
};
TYPED_TEST_SUITE(QueueMagicLinkStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueMagicLinkStoreContract, StoresFindsByFingerprintAndCountsPerCustomer) {
    auto& links = this->Links();
    const auto first = links.Create(this->Link("hash-1"));
    EXPECT_GT(first.id, 0);
    app::MagicLink by_rule = this->Link("hash-2", kT0 + minutes{5});
    by_rule.created_by.reset();
    by_rule.call_session_id.reset();
    const auto second = links.Create(by_rule);
    EXPECT_THROW(links.Create(this->Link("hash-1")), std::exception);  // one link per token

    const auto found = links.FindByTokenHash("hash-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, first.id);
    EXPECT_EQ(found->type, domain::LinkType::kDocumentUpload);
    EXPECT_EQ(found->created_by, kAgentA);
    EXPECT_EQ(found->call_session_id, 7);
    EXPECT_FALSE(found->sms_id);
    EXPECT_EQ(found->expires_at, kT0 + hours{48});
    EXPECT_EQ(found->click_count, 0);
    EXPECT_FALSE(links.FindByTokenHash("hash-3"));
    EXPECT_FALSE(links.Find(second.id)->created_by);

    links.AttachSms(first.id, 99);
    EXPECT_EQ(links.Find(first.id)->sms_id, 99);
    const auto listed = links.ForUser(UserId{42}, 10);
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].id, second.id);  // newest first
    EXPECT_EQ(links.ForUser(UserId{42}, 1).size(), 1U);
    EXPECT_TRUE(links.ForUser(UserId{43}, 10).empty());
    EXPECT_EQ(links.CountSince(UserId{42}, kT0), 2);
    EXPECT_EQ(links.CountSince(UserId{42}, kT0 + minutes{1}), 1);
    EXPECT_EQ(links.CountSince(UserId{43}, kT0), 0);
    // By sender: the rule's link is nobody's.
    links.Create(this->Link("hash-4", kT0 + minutes{9}));
    EXPECT_EQ(links.CountSentBy(kAgentA, kT0), 2);
    EXPECT_EQ(links.CountSentBy(kAgentA, kT0 + minutes{1}), 1);
    EXPECT_EQ(links.CountSentBy(kAgentB, kT0), 0);
}

TYPED_TEST(QueueMagicLinkStoreContract, RevokesOnceAndCountsClicks) {
    auto& links = this->Links();
    const auto link = links.Create(this->Link("hash-1"));
    const auto c1 = links.RecordClick(link.id, kT0 + minutes{1}, "Mozilla", "jti-1");
    ASSERT_TRUE(c1);
    EXPECT_EQ(c1->click_count, 1);
    EXPECT_EQ(c1->first_opened_at, kT0 + minutes{1});
    const auto c2 = links.RecordClick(link.id, kT0 + minutes{2}, "Mozilla", "jti-2");
    ASSERT_TRUE(c2);
    EXPECT_EQ(c2->click_count, 2);
    EXPECT_EQ(c2->first_opened_at, kT0 + minutes{1});
    EXPECT_EQ(c2->last_opened_at, kT0 + minutes{2});
    EXPECT_FALSE(links.RecordClick(link.id + 100, kT0, "Mozilla", "jti-3"));
    // An assertion id is never issued twice.
    EXPECT_THROW(links.RecordClick(link.id, kT0, "Mozilla", "jti-1"), std::exception);
    // The floor's day counts a link once as sent and once as opened, however often clicked.
    links.Create(this->Link("hash-2", kT0 + minutes{3}));
    EXPECT_EQ(links.CountDay(kT0).sent, 2);
    EXPECT_EQ(links.CountDay(kT0).opened, 1);
    EXPECT_EQ(links.CountDay(kT0 + minutes{2}).sent, 1);
    EXPECT_EQ(links.CountDay(kT0 + minutes{2}).opened, 0);  // first opened before then
    EXPECT_EQ(links.CountDay(kT0).sent_by, (std::map<std::int64_t, int>{{kAgentA.Value(), 2}}));
    EXPECT_TRUE(links.CountDay(kT0 + minutes{4}).sent_by.empty());

    ASSERT_TRUE(links.Revoke(link.id, kAgentA, kT0 + minutes{3}));
    EXPECT_FALSE(links.Revoke(link.id, std::nullopt, kT0 + minutes{4}));
    EXPECT_FALSE(links.Revoke(link.id + 100, std::nullopt, kT0));
    const auto revoked = links.Find(link.id);
    EXPECT_EQ(revoked->revoked_at, kT0 + minutes{3});
    EXPECT_EQ(revoked->revoked_by, kAgentA);
}

// ---------------------------------------------------------------------------------------------
// SmsInbox

template <typename Impl>
class QueueSmsInboxContract : public QueueContract<Impl> {
protected:
    static app::InboundSms Text(
        const std::string& sid,
        const std::string& body,
        Timestamp at = kT0,
        const std::string& from = "+447700900123"
    ) {
        app::InboundSms m;
        m.provider_sid = sid;
        m.from_e164 = from;
        m.to_e164 = "+441134960000";
        m.body = body;
        m.consent = domain::ClassifyInbound(body);
        m.received_at = at;
        return m;
    }
};
TYPED_TEST_SUITE(QueueSmsInboxContract, Implementations, ImplNames);

TYPED_TEST(QueueSmsInboxContract, KeepsOneConversationPerNumberAndEachTextOnce) {
    auto& inbox = this->Inbox();
    const auto first = inbox.Receive(this->Text("SM1", "Hello £ ✓"), UserId{42}, kAgentA);
    ASSERT_TRUE(first.created);
    EXPECT_GT(first.conversation.id, 0);
    EXPECT_EQ(first.conversation.phone_e164, "+447700900123");
    EXPECT_EQ(first.conversation.user_id, UserId{42});
    EXPECT_EQ(first.conversation.assigned_agent_id, kAgentA);
    EXPECT_TRUE(first.conversation.open);
    EXPECT_EQ(first.conversation.unread, 1);
    EXPECT_EQ(first.conversation.last_message, "Hello £ ✓");
    EXPECT_EQ(first.message.conversation_id, first.conversation.id);
    EXPECT_EQ(first.message.body, "Hello £ ✓");

    // The provider retrying its webhook: the same text, nothing counted again.
    const auto retried = inbox.Receive(this->Text("SM1", "Hello £ ✓"), UserId{42}, kAgentA);
    EXPECT_FALSE(retried.created);
    EXPECT_EQ(retried.message.id, first.message.id);
    EXPECT_EQ(inbox.Find(first.conversation.id)->unread, 1);

    // A second text joins the conversation; who it was created for and with stays.
    const auto second =
        inbox.Receive(this->Text("SM2", "please stop", kT0 + minutes{1}), UserId{43}, kAgentB);
    ASSERT_TRUE(second.created);
    EXPECT_EQ(second.conversation.id, first.conversation.id);
    EXPECT_EQ(second.conversation.user_id, UserId{42});
    EXPECT_EQ(second.conversation.assigned_agent_id, kAgentA);
    EXPECT_EQ(second.conversation.unread, 2);
    EXPECT_TRUE(second.conversation.needs_attention);
    EXPECT_EQ(second.conversation.last_message_at, kT0 + minutes{1});
    EXPECT_EQ(second.message.consent, domain::InboundConsent::kMentionsStop);

    const auto texts = inbox.Messages(first.conversation.id, 10);
    ASSERT_EQ(texts.size(), 2U);
    EXPECT_EQ(texts[0].provider_sid, "SM1");  // oldest first
    EXPECT_EQ(texts[1].provider_sid, "SM2");
    const auto newest = inbox.Messages(first.conversation.id, 1);
    ASSERT_EQ(newest.size(), 1U);
    EXPECT_EQ(newest[0].provider_sid, "SM2");
    EXPECT_TRUE(inbox.Messages(first.conversation.id + 100, 10).empty());
    EXPECT_EQ(inbox.FindByPhone("+447700900123")->id, first.conversation.id);
    EXPECT_FALSE(inbox.FindByPhone("+447700900999"));
    EXPECT_FALSE(inbox.Find(first.conversation.id + 100));
}

TYPED_TEST(QueueSmsInboxContract, AnUnknownNumberIsKeptAndTakesItsCustomerLater) {
    auto& inbox = this->Inbox();
    const auto unknown =
        inbox.Receive(this->Text("SM1", "who is this?"), std::nullopt, std::nullopt);
    EXPECT_FALSE(unknown.conversation.user_id);
    EXPECT_FALSE(unknown.conversation.assigned_agent_id);
    const auto known =
        inbox.Receive(this->Text("SM2", "it is Jane", kT0 + minutes{1}), UserId{42}, kAgentA);
    EXPECT_EQ(known.conversation.user_id, UserId{42});
    EXPECT_FALSE(known.conversation.assigned_agent_id);  // assignment is only for a new one
}

TYPED_TEST(QueueSmsInboxContract, ListsUnreadFirstThenNewestAndShowsAgentsTheirsAndNobodys) {
    auto& inbox = this->Inbox();
    const auto a =
        inbox.Receive(this->Text("SM1", "a", kT0, "+447700900001"), UserId{1}, std::nullopt);
    const auto b = inbox.Receive(
        this->Text("SM2", "b", kT0 + minutes{1}, "+447700900002"), UserId{2}, kAgentA
    );
    const auto c = inbox.Receive(
        this->Text("SM3", "c", kT0 + minutes{2}, "+447700900003"), UserId{3}, kAgentB
    );
    ASSERT_TRUE(inbox.MarkRead(c.conversation.id, kT0 + minutes{3}));
    EXPECT_FALSE(inbox.MarkRead(c.conversation.id, kT0 + minutes{3}));  // nothing unread

    const auto ids = [](const std::vector<app::SmsConversation>& list) {
        std::vector<std::int64_t> out;
        for (const auto& x : list) {
            out.push_back(x.id);
        }
        return out;
    };
    const auto all = inbox.List({true, std::nullopt}, 10);
    EXPECT_EQ(
        ids(all),
        (std::vector<std::int64_t>{b.conversation.id, a.conversation.id, c.conversation.id})
    );
    EXPECT_EQ(inbox.List({true, std::nullopt}, 1).size(), 1U);
    EXPECT_EQ(
        ids(inbox.List({true, kAgentA}, 10)),
        (std::vector<std::int64_t>{b.conversation.id, a.conversation.id})
    );
    EXPECT_EQ(inbox.UnreadTotal({true, std::nullopt}), 2);
    EXPECT_EQ(inbox.UnreadTotal({true, kAgentA}), 2);
    EXPECT_EQ(inbox.UnreadTotal({true, kAgentB}), 1);

    // Closed ones are listed apart and their texts are not counted as waiting.
    ASSERT_TRUE(inbox.SetOpen(a.conversation.id, false, kT0 + minutes{4}));
    EXPECT_FALSE(inbox.SetOpen(a.conversation.id, false, kT0 + minutes{4}));
    EXPECT_EQ(
        ids(inbox.List({false, std::nullopt}, 10)), (std::vector<std::int64_t>{a.conversation.id})
    );
    EXPECT_EQ(inbox.UnreadTotal({true, std::nullopt}), 1);
    // A new text reopens it.
    const auto again = inbox.Receive(
        this->Text("SM4", "hello?", kT0 + minutes{5}, "+447700900001"), UserId{1}, std::nullopt
    );
    EXPECT_TRUE(again.conversation.open);
    EXPECT_EQ(again.conversation.unread, 2);
}

TYPED_TEST(QueueSmsInboxContract, AssignsOnlyFromWhatTheCallerSawAndClosingSettlesAttention) {
    auto& inbox = this->Inbox();
    const auto c = inbox.Receive(this->Text("SM1", "please stop"), UserId{42}, std::nullopt);
    ASSERT_TRUE(c.conversation.needs_attention);
    const auto id = c.conversation.id;
    ASSERT_TRUE(inbox.Assign(id, std::nullopt, kAgentA, kT0 + minutes{1}));
    // Someone else took it meanwhile: refused, unchanged.
    EXPECT_FALSE(inbox.Assign(id, std::nullopt, kAgentB, kT0 + minutes{2}));
    EXPECT_EQ(inbox.Find(id)->assigned_agent_id, kAgentA);
    ASSERT_TRUE(inbox.Assign(id, kAgentA, std::nullopt, kT0 + minutes{3}));
    EXPECT_FALSE(inbox.Find(id)->assigned_agent_id);
    EXPECT_FALSE(inbox.Assign(id + 100, std::nullopt, kAgentA, kT0));

    ASSERT_TRUE(inbox.SetOpen(id, false, kT0 + minutes{4}));
    const auto closed = inbox.Find(id);
    EXPECT_FALSE(closed->open);
    EXPECT_FALSE(closed->needs_attention);
    EXPECT_EQ(closed->updated_at, kT0 + minutes{4});
    ASSERT_TRUE(inbox.SetOpen(id, true, kT0 + minutes{5}));
    EXPECT_FALSE(inbox.SetOpen(id, true, kT0 + minutes{5}));
    EXPECT_FALSE(inbox.SetOpen(id + 100, false, kT0));
}

TYPED_TEST(QueueSmsInboxContract, TextsFromANewNumberAtOnceMakeOneConversation) {
    auto& inbox = this->Inbox();
    constexpr int kSenders = 4;
    std::latch start(kSenders);
    std::vector<std::thread> threads;
    for (int i = 0; i < kSenders; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            inbox.Receive(this->Text("SM" + std::to_string(i), "hi"), UserId{42}, std::nullopt);
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const auto list = inbox.List({true, std::nullopt}, 10);
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0].unread, kSenders);
    EXPECT_EQ(inbox.Messages(list[0].id, 10).size(), static_cast<std::size_t>(kSenders));
}

TYPED_TEST(QueueSmsOutboxContract, ListsTheTextsToANumberNewestFirst) {
    auto& outbox = this->Outbox();
    outbox.Enqueue(this->Text("key-1"));
    app::OutboundSms later = this->Text("key-2", kT0 + minutes{1});
    outbox.Enqueue(later);
    app::OutboundSms elsewhere = this->Text("key-3");
    elsewhere.to_e164 = "+447700900999";
    outbox.Enqueue(elsewhere);
    const auto texts = outbox.ToNumber("+447700900123", 10);
    ASSERT_EQ(texts.size(), 2U);
    EXPECT_EQ(texts[0].idempotency_key, "key-2");
    EXPECT_EQ(outbox.ToNumber("+447700900123", 1).size(), 1U);
    EXPECT_TRUE(outbox.ToNumber("+447700900000", 10).empty());
}

// ---------------------------------------------------------------------------------------------
// SmsTemplateStore (the SQL store starts with the templates shipped with the dialler: each test
// looks only at its own)

template <typename Impl>
class QueueSmsTemplateStoreContract : public QueueContract<Impl> {
protected:
    static app::SmsTemplate Template(const std::string& name, const std::string& body) {
        app::SmsTemplate t;
        t.name = name;
        t.kind = domain::TemplateKind::kMarketing;
        t.body = body;
        t.changed_by = kAgentA;
        t.changed_at = kT0;
        return t;
    }
    std::optional<app::SmsTemplate> Listed(std::int64_t id, bool include_retired) {
        for (auto& t : this->Templates().List(include_retired)) {
            if (t.id == id) {
                return t;
            }
        }
        return std::nullopt;
    }
};
TYPED_TEST_SUITE(QueueSmsTemplateStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueSmsTemplateStoreContract, KeepsEveryVersionAndRefusesAStaleChangeOrATakenName) {
    auto& templates = this->Templates();
    const auto created =
        templates.Create(this->Template("Contract offer £", "Hi {firstName} ✓ STOP"));
    ASSERT_TRUE(created);
    EXPECT_EQ(created->version, 1);
    EXPECT_EQ(created->kind, domain::TemplateKind::kMarketing);
    EXPECT_EQ(created->body, "Hi {firstName} ✓ STOP");
    EXPECT_EQ(created->changed_by, kAgentA);
    EXPECT_TRUE(created->active);
    EXPECT_FALSE(templates.Create(this->Template("Contract offer £", "again")));

    app::SmsTemplate change = *created;
    change.name = "Contract offer, v2";
    change.body = "Hello {firstName}. Reply STOP to opt out";
    change.kind = domain::TemplateKind::kService;
    change.changed_at = kT0 + minutes{1};
    const auto second = templates.Update(change);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->version, 2);
    EXPECT_EQ(second->name, "Contract offer, v2");
    // Someone else's change from version 1 meanwhile: refused.
    change.body = "stale";
    EXPECT_FALSE(templates.Update(change));
    EXPECT_EQ(templates.Find(created->id)->body, "Hello {firstName}. Reply STOP to opt out");
    EXPECT_EQ(templates.FindVersion(created->id, 1)->body, "Hi {firstName} ✓ STOP");
    EXPECT_EQ(templates.FindVersion(created->id, 2)->kind, domain::TemplateKind::kService);
    EXPECT_FALSE(templates.FindVersion(created->id, 3));
    EXPECT_FALSE(templates.Find(created->id + 100));

    const auto other = templates.Create(this->Template("Contract other", "b STOP"));
    ASSERT_TRUE(other);
    app::SmsTemplate clash = *other;
    clash.name = "Contract offer, v2";
    EXPECT_FALSE(templates.Update(clash));
    app::SmsTemplate missing = *other;
    missing.id = other->id + 100;
    EXPECT_FALSE(templates.Update(missing));
}

TYPED_TEST(QueueSmsTemplateStoreContract, RetiredTemplatesAreKeptButNotOffered) {
    auto& templates = this->Templates();
    const auto t = templates.Create(this->Template("Contract retire", "x STOP"));
    ASSERT_TRUE(t);
    ASSERT_TRUE(this->Listed(t->id, false));
    ASSERT_TRUE(templates.SetActive(t->id, false));
    EXPECT_FALSE(templates.SetActive(t->id, false));
    EXPECT_FALSE(this->Listed(t->id, false));
    const auto retired = this->Listed(t->id, true);
    ASSERT_TRUE(retired);
    EXPECT_FALSE(retired->active);
    EXPECT_FALSE(templates.Find(t->id)->active);
    ASSERT_TRUE(templates.SetActive(t->id, true));
    EXPECT_TRUE(this->Listed(t->id, false));
    EXPECT_FALSE(templates.SetActive(t->id + 100, true));
}

TYPED_TEST(QueueSmsOutboxContract, KeepsTheTemplateVersionATextWasWrittenFrom) {
    auto& outbox = this->Outbox();
    app::OutboundSms from_template = this->Text("key-t");
    from_template.template_id = 7;
    from_template.template_version = 3;
    const auto stored = outbox.Enqueue(from_template).sms;
    EXPECT_EQ(stored.template_id, 7);
    EXPECT_EQ(stored.template_version, 3);
    const auto typed = outbox.Enqueue(this->Text("key-typed")).sms;
    EXPECT_FALSE(outbox.Find(typed.id)->template_id);
    EXPECT_EQ(outbox.Find(stored.id)->template_version, 3);
}

// ---------------------------------------------------------------------------------------------
// FollowUpStore

template <typename Impl>
class QueueFollowUpStoreContract : public QueueContract<Impl> {
protected:
    static app::FollowUp Planned(std::int64_t outcome, Timestamp due, std::int64_t user = 42) {
        app::FollowUp f;
        f.user_id = UserId{user};
        f.outcome_id = outcome;
        f.kind = domain::FollowUpKind::kCallbackConfirmation;
        f.due_at = due;
        f.callback_at = due + hours{24};
        f.created_at = kT0;
        return f;
    }
};
TYPED_TEST_SUITE(QueueFollowUpStoreContract, Implementations, ImplNames);

TYPED_TEST(QueueFollowUpStoreContract, SchedulesOncePerOutcomeAndClaimsDueOnesOnceEarliestFirst) {
    auto& store = this->FollowUps();
    const auto later = store.Schedule(this->Planned(1, kT0 + minutes{30}));
    EXPECT_GT(later.id, 0);
    EXPECT_EQ(later.status, app::FollowUpStatus::kScheduled);
    EXPECT_EQ(later.callback_at, kT0 + minutes{30} + hours{24});
    EXPECT_EQ(store.Schedule(this->Planned(1, kT0)).id, later.id);  // one per outcome
    const auto first = store.Schedule(this->Planned(2, kT0 - minutes{5}));
    const auto second = store.Schedule(this->Planned(3, kT0));

    const auto claimed = store.ClaimDue(kT0, 1);
    ASSERT_EQ(claimed.size(), 1U);
    EXPECT_EQ(claimed[0].id, first.id);
    EXPECT_EQ(claimed[0].status, app::FollowUpStatus::kSending);
    const auto rest = store.ClaimDue(kT0, 10);
    ASSERT_EQ(rest.size(), 1U);
    EXPECT_EQ(rest[0].id, second.id);
    EXPECT_TRUE(store.ClaimDue(kT0, 10).empty());

    ASSERT_TRUE(store.Finish(first.id, app::FollowUpStatus::kSent, "", 77, kT0 + minutes{1}));
    EXPECT_FALSE(store.Finish(first.id, app::FollowUpStatus::kCancelled, "late", std::nullopt, kT0)
    );
    ASSERT_TRUE(store.Defer(second.id, kT0 + hours{20}, "outside the calling window", kT0));
    EXPECT_FALSE(store.Defer(second.id, kT0, "again", kT0));  // scheduled, not sending
    EXPECT_FALSE(store.Finish(later.id, app::FollowUpStatus::kSent, "", 1, kT0));

    const auto listed = store.ForUser(UserId{42}, 10);
    ASSERT_EQ(listed.size(), 3U);
    const auto find = [&](std::int64_t id) {
        return *std::find_if(listed.begin(), listed.end(), [id](const auto& f) {
            return f.id == id;
        });
    };
    EXPECT_EQ(find(first.id).status, app::FollowUpStatus::kSent);
    EXPECT_EQ(find(first.id).sms_id, 77);
    EXPECT_EQ(find(second.id).status, app::FollowUpStatus::kScheduled);
    EXPECT_EQ(find(second.id).due_at, kT0 + hours{20});
    EXPECT_EQ(find(second.id).reason, "outside the calling window");
    EXPECT_TRUE(store.ForUser(UserId{43}, 10).empty());
    EXPECT_EQ(store.ClaimDue(kT0 + hours{20}, 10).size(), 2U);  // the deferred one and `later`
}

}  // namespace
}  // namespace dialler
