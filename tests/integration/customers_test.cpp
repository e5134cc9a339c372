// Finding customers and their page, on real databases: a phone in any format finds the customer
// stored in E.164, names and emails match as a person would expect (and a typed % is a percent
// sign, not "everyone"), every look is audited, and "call now" hands over one chosen customer
// only through the same checks and gate as the next-lead path.
#include <algorithm>
#include <cctype>
#include <string>

#include <gtest/gtest.h>

#include "dialler/adapters/sql/sql_follow_up_store.hpp"
#include "dialler/adapters/sql/sql_funnel_store.hpp"
#include "dialler/adapters/sql/sql_magic_link_store.hpp"
#include "dialler/adapters/sql/sql_sms_inbox.hpp"
#include "dialler/adapters/sql/sql_sms_outbox.hpp"
#include "dialler/app/customer_service.hpp"

#include "queue_env.hpp"
#include "test_databases.hpp"

namespace dialler {
namespace {

using std::chrono::hours;

const app::RequestContext kCtx{"test", "127.0.0.1"};
constexpr int kUsers = 120;

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return s;
}

bool StartsWith(const std::optional<std::string>& name, const std::string& word) {
    return name && Lower(*name).starts_with(Lower(word));
}

class CustomersTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const testing::DatabaseUrls db = testing::DatabasesFor(GetParam(), dir_);
        testing::WriteTestReplica(db.replica, kUsers);
        env_ = std::make_unique<testing::QueueEnv>(db.replica, db.own, clock_);
        ASSERT_TRUE(env_->discovery->RunFull());
        agent_ = env_->AddAgent("finder@test.local");
        other_ = env_->AddAgent("other@test.local");
        outbox_ = std::make_unique<adapters::sql::SqlSmsOutbox>(*env_->db);
        inbox_ = std::make_unique<adapters::sql::SqlSmsInbox>(*env_->db);
        links_ = std::make_unique<adapters::sql::SqlMagicLinkStore>(*env_->db);
        follow_ups_ = std::make_unique<adapters::sql::SqlFollowUpStore>(*env_->db);
        queue_entries_ = std::make_unique<adapters::sql::SqlFunnelStore>(*env_->db);
        customers_ = std::make_unique<app::CustomerService>(app::CustomerService::Ports{
            *env_->replica,
            *env_->leads,
            *env_->inspection,
            *env_->outcomes,
            *env_->contacts,
            *env_->call_sessions,
            *outbox_,
            *inbox_,
            *links_,
            *env_->suppressions,
            *env_->runs,
            *follow_ups_,
            *queue_entries_,
            *env_->audit,
            *env_->audit,
            env_->phones,
            clock_});
    }

    // A customer in a queue with a callable UK mobile: the one to look for.
    app::Lead CallableLead() {
        for (const auto& lead :
             env_->leads->LeadsInRange(domain::UserId{1}, domain::UserId{kUsers})) {
            if (lead.queue && !lead.is_closed && !lead.is_given_up && lead.phone &&
                lead.phone->e164.starts_with("+447")) {
                return lead;
            }
        }
        ADD_FAILURE() << "the test replica has no callable mobile";
        return {};
    }

    static std::vector<std::int64_t> Ids(const app::CustomerSearchPage& page) {
        std::vector<std::int64_t> ids;
        for (const auto& c : page.customers) {
            ids.push_back(c.user.id.Value());
        }
        return ids;
    }

    std::vector<app::AuditEntry> Audit(const std::string& action) {
        std::vector<app::AuditEntry> out;
        for (auto& e : env_->audit->ListRecent(500, 0)) {
            if (e.action == action) {
                out.push_back(std::move(e));
            }
        }
        return out;
    }

    testing::TempDir dir_;
    testing::ManualClock clock_{testing::QueueTestNow()};
    std::unique_ptr<testing::QueueEnv> env_;
    domain::Agent agent_;
    domain::Agent other_;
    std::unique_ptr<adapters::sql::SqlSmsOutbox> outbox_;
    std::unique_ptr<adapters::sql::SqlSmsInbox> inbox_;
    std::unique_ptr<adapters::sql::SqlMagicLinkStore> links_;
    std::unique_ptr<adapters::sql::SqlFollowUpStore> follow_ups_;
    std::unique_ptr<adapters::sql::SqlFunnelStore> queue_entries_;
    std::unique_ptr<app::CustomerService> customers_;
};

TEST_P(CustomersTest, APhoneWrittenAnyWayFindsTheCustomerStoredInE164) {
    const app::Lead lead = CallableLead();
    const std::string e164 = lead.phone->e164;  // +447400123456
    const std::string national = "0" + e164.substr(3, 4) + " " + e164.substr(7);
    const std::string spaced = "+44 (0)" + e164.substr(3, 4) + "-" + e164.substr(7);
    for (const std::string& written : {e164, national, spaced, e164.substr(1)}) {
        const auto found = customers_->Search(agent_, written, 1, kCtx);
        ASSERT_TRUE(found) << written;
        const auto ids = Ids(*found);
        EXPECT_NE(std::find(ids.begin(), ids.end(), lead.user_id.Value()), ids.end()) << written;
        for (const auto& c : found->customers) {
            // Only the number's owners (and a customer whose number is these digits, if any).
            ASSERT_TRUE(c.lead);
            EXPECT_TRUE(
                (c.lead->phone && c.lead->phone->e164 == e164) ||
                std::to_string(c.user.id.Value()) == written
            );
        }
    }
    // A number nobody has finds nobody (not "the last ten digits LIKE").
    const std::string near = e164.substr(0, e164.size() - 1) + (e164.back() == '9' ? "8" : "9");
    const auto none = customers_->Search(agent_, near, 1, kCtx);
    ASSERT_TRUE(none);
    for (const auto& c : none->customers) {
        EXPECT_NE(c.lead->phone->e164, e164);
    }
}

TEST_P(CustomersTest, NamesMatchAtTheStartOfEitherNameAnyCaseAndPagesFollow) {
    const auto everyone =
        env_->replica->ReadCustomerRange(domain::UserId{1}, domain::UserId{kUsers});
    // The commonest first letter of a first name: enough people for more than one page.
    std::map<char, int> letters;
    for (const auto& r : everyone) {
        if (r.user.first_name && !r.user.first_name->empty()) {
            ++letters[static_cast<char>(std::tolower(r.user.first_name->front()))];
        }
    }
    const auto common = std::max_element(letters.begin(), letters.end(), [](auto a, auto b) {
        return a.second < b.second;
    });
    ASSERT_NE(common, letters.end());
    const std::string word(1, static_cast<char>(std::toupper(common->first)));
    std::vector<std::int64_t> expected;
    for (const auto& r : everyone) {
        if (StartsWith(r.user.first_name, word) || StartsWith(r.user.last_name, word)) {
            expected.push_back(r.user.id.Value());
        }
    }
    ASSERT_GT(expected.size(), static_cast<std::size_t>(app::CustomerService::kPageSize));
    std::vector<std::int64_t> seen;
    for (int page = 1;; ++page) {
        const auto found = customers_->Search(agent_, word, page, kCtx);
        ASSERT_TRUE(found);
        for (const auto id : Ids(*found)) {
            seen.push_back(id);
        }
        if (!found->has_more) {
            break;
        }
        ASSERT_EQ(
            found->customers.size(), static_cast<std::size_t>(app::CustomerService::kPageSize)
        );
    }
    EXPECT_EQ(seen, expected);

    // Two words: both must match (first and last name of one person).
    const auto& someone = *std::find_if(everyone.begin(), everyone.end(), [](const auto& r) {
        return r.user.first_name && !r.user.first_name->empty() && r.user.last_name &&
               !r.user.last_name->empty();
    });
    const auto both = customers_->Search(
        agent_, Lower(*someone.user.first_name) + "  " + *someone.user.last_name, 1, kCtx
    );
    ASSERT_TRUE(both);
    const auto ids = Ids(*both);
    EXPECT_NE(std::find(ids.begin(), ids.end(), someone.user.id.Value()), ids.end());
    for (const auto& c : both->customers) {
        EXPECT_TRUE(
            StartsWith(c.user.first_name, *someone.user.first_name) ||
            StartsWith(c.user.last_name, *someone.user.first_name)
        );
    }

    // A typed wildcard is only itself.
    for (const char* wild : {"%", "_", "%a", "!"}) {
        const auto found = customers_->Search(agent_, wild, 1, kCtx);
        ASSERT_TRUE(found) << wild;
        EXPECT_TRUE(found->customers.empty()) << wild;
    }
}

TEST_P(CustomersTest, EmailsMatchWhateverTheCaseAndIdsExactly) {
    const app::Lead lead = CallableLead();
    const auto context = env_->replica->ReadCustomerContext(lead.user_id);
    ASSERT_TRUE(context);
    std::optional<domain::UserId> with_email;
    std::string email;
    for (const auto& r :
         env_->replica->ReadCustomerRange(domain::UserId{1}, domain::UserId{kUsers})) {
        const auto c = env_->replica->ReadCustomerContext(r.user.id);
        if (c && c->email && c->email->find('@') != std::string::npos) {
            with_email = r.user.id;
            email = *c->email;
            break;
        }
    }
    ASSERT_TRUE(with_email);
    std::string shouted = email;
    std::transform(shouted.begin(), shouted.end(), shouted.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    const auto by_email = customers_->Search(agent_, shouted, 1, kCtx);
    ASSERT_TRUE(by_email);
    const auto ids = Ids(*by_email);
    EXPECT_NE(std::find(ids.begin(), ids.end(), with_email->Value()), ids.end());

    const auto by_id = customers_->Search(agent_, " " + lead.user_id.ToString() + " ", 1, kCtx);
    ASSERT_TRUE(by_id);
    ASSERT_EQ(by_id->customers.size(), 1U);
    EXPECT_EQ(by_id->customers.front().user.id, lead.user_id);
    EXPECT_EQ(
        app::StatusOf(by_id->customers.front().lead, clock_.Now()), app::CustomerStatus::kCallable
    );
    EXPECT_TRUE(customers_->Search(agent_, "99999999", 1, kCtx)->customers.empty());

    // Searches are audited by kind, never with what was typed.
    const auto searched = Audit("customer.searched");
    ASSERT_FALSE(searched.empty());
    for (const auto& e : searched) {
        EXPECT_TRUE(e.subject_id == "email" || e.subject_id == "number") << e.subject_id;
        for (const auto& [key, value] : e.details) {
            EXPECT_EQ(value.find('@'), std::string::npos);
        }
    }
}

TEST_P(CustomersTest, BadSearchesAreRefusedNamingTheField) {
    for (const std::string& q :
         {std::string(),
          std::string("   "),
          std::string(201, 'a'),
          "someone " + std::string(65, 'b')}) {
        const auto refused = customers_->Search(agent_, q, 1, kCtx);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().field, "q");
    }
    for (const int page : {0, -1, app::CustomerService::kMaxPage + 1}) {
        const auto refused = customers_->Search(agent_, "smith", page, kCtx);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().field, "page");
    }
    EXPECT_TRUE(Audit("customer.searched").empty());  // a refusal looked at nobody
}

TEST_P(CustomersTest, TheRecordHoldsTheHistoryAndEveryLookIsAudited) {
    auto next = env_->queue->NextLead(agent_, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead);
    const domain::UserId user = next->lead->lead.user_id;
    const auto due = std::chrono::floor<std::chrono::seconds>(clock_.Now() + hours{2});
    ASSERT_TRUE(env_->queue->RecordOutcome(
        agent_, user, {domain::Outcome::kCallBack, "after school run", due}, kCtx
    ));

    const auto record = customers_->Record(other_, user, kCtx);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->context.customer.record.user.id, user);
    ASSERT_EQ(record->context.outcomes.size(), 1U);
    EXPECT_EQ(record->context.outcomes.front().outcome, domain::Outcome::kCallBack);
    ASSERT_EQ(record->context.callbacks.size(), 1U);
    EXPECT_EQ(record->context.callbacks.front().scheduled_for, due);
    EXPECT_EQ(record->inspection.user_id, user);
    ASSERT_TRUE(record->inspection.stored);
    EXPECT_EQ(
        app::StatusOf(record->inspection.stored, clock_.Now()), app::CustomerStatus::kWaiting
    );

    const auto viewed = Audit("customer.viewed");
    ASSERT_EQ(viewed.size(), 1U);
    EXPECT_EQ(viewed.front().subject_id, user.ToString());
    EXPECT_EQ(viewed.front().actor.agent_id, other_.id);

    const auto missing = customers_->Record(agent_, domain::UserId{kUsers + 1000}, kCtx);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Audit("customer.viewed").size(), 1U);
}

// A subject access request: every row about the customer (not a page's worth), the numbers held
// in full, and the audit entries about them (the looks at their record among them); the export
// is itself audited, and an unknown customer exports nothing and is not audited.
TEST_P(CustomersTest, AnExportHoldsEverythingAboutTheCustomerAndIsAudited) {
    auto next = env_->queue->NextLead(agent_, domain::Queue::kUnsigned, kCtx);
    ASSERT_TRUE(next && next->lead);
    const domain::UserId user = next->lead->lead.user_id;
    ASSERT_TRUE(env_->queue->RecordOutcome(agent_, user, {domain::Outcome::kNoAnswer, "", {}}, kCtx)
    );
    app::MagicLink link;
    link.user_id = user;
    link.token_hash = "export-test-hash";
    link.created_by = agent_.id;
    link.created_at = clock_.Now();
    link.expires_at = clock_.Now() + hours{48};
    const app::MagicLink stored = links_->Create(link);
    ASSERT_TRUE(customers_->Record(other_, user, kCtx));

    const auto exported = customers_->Export(app::Actor::OfAgent(other_.id), user, kCtx);
    ASSERT_TRUE(exported);
    EXPECT_EQ(exported->exported_at, clock_.Now());
    EXPECT_EQ(exported->record.context.customer.record.user.id, user);
    ASSERT_EQ(exported->record.context.outcomes.size(), 1U);
    ASSERT_EQ(exported->record.links.size(), 1U);
    EXPECT_EQ(exported->record.links.front().id, stored.id);
    ASSERT_TRUE(next->lead->lead.phone);
    EXPECT_EQ(exported->phone_numbers, std::vector<std::string>{next->lead->lead.phone->e164});
    // The queue they entered when discovery first wrote them.
    ASSERT_EQ(exported->queue_entries.size(), 1U);
    EXPECT_EQ(exported->queue_entries.front().user_id, user);
    EXPECT_EQ(exported->queue_entries.front().queue, next->lead->lead.queue);
    EXPECT_EQ(exported->queue_entries.front().episode, next->lead->lead.waiting_since);
    // The hand-out, the outcome and the look at the record, all about this customer.
    std::vector<std::string> actions;
    for (const auto& v : exported->audit) {
        EXPECT_EQ(v.user_id, user) << v.entry.action;
        actions.push_back(v.entry.action);
    }
    EXPECT_NE(std::find(actions.begin(), actions.end(), "customer.viewed"), actions.end());
    EXPECT_EQ(std::find(actions.begin(), actions.end(), "customer.exported"), actions.end());
    const auto audited = Audit("customer.exported");
    ASSERT_EQ(audited.size(), 1U);
    EXPECT_EQ(audited.front().subject_id, user.ToString());
    EXPECT_EQ(audited.front().actor.agent_id, other_.id);

    const auto missing =
        customers_->Export(app::Actor::OfAgent(other_.id), domain::UserId{kUsers + 1000}, kCtx);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Audit("customer.exported").size(), 1U);
}

TEST_P(CustomersTest, CallNowHandsOverOneChosenCustomerOnlyThroughTheGate) {
    const app::Lead lead = CallableLead();
    const auto taken = env_->queue->Take(agent_, lead.user_id, kCtx);
    ASSERT_TRUE(taken) << taken.error().message;
    EXPECT_EQ(taken->lead.user_id, lead.user_id);
    EXPECT_EQ(env_->leases->HeldBy(agent_.id, clock_.Now())->user_id, lead.user_id);
    // Asking again is the same customer; Next customer returns them too.
    EXPECT_TRUE(env_->queue->Take(agent_, lead.user_id, kCtx));
    const auto next = env_->queue->NextLead(agent_, std::nullopt, kCtx);
    ASSERT_TRUE(next && next->lead);
    EXPECT_EQ(next->lead->lead.user_id, lead.user_id);

    // Nobody else gets them, and the holder cannot take a second.
    const auto theirs = env_->queue->Take(other_, lead.user_id, kCtx);
    ASSERT_FALSE(theirs);
    EXPECT_EQ(theirs.error().code, ErrorCode::kFailedPrecondition);
    domain::UserId second{0};
    for (const auto& l : env_->leads->LeadsInRange(domain::UserId{1}, domain::UserId{kUsers})) {
        if (l.user_id != lead.user_id && l.queue && !l.is_closed && !l.is_given_up) {
            second = l.user_id;
            break;
        }
    }
    const auto two = env_->queue->Take(agent_, second, kCtx);
    ASSERT_FALSE(two);
    EXPECT_EQ(two.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(env_->leases->HeldBy(agent_.id, clock_.Now())->user_id, lead.user_id);
    ASSERT_TRUE(env_->queue->Release(agent_, lead.user_id, kCtx));

    // The gate says no (a do-not-call entry): refused, and nobody holds them afterwards.
    env_->suppressions->Add(
        testing::DoNotCall(lead.user_id, std::nullopt, app::SuppressionChannel::kCall, clock_.Now())
    );
    const auto refused = env_->queue->Take(other_, lead.user_id, kCtx);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_FALSE(env_->leases->HeldBy(other_.id, clock_.Now()));

    const auto unknown = env_->queue->Take(agent_, domain::UserId{kUsers + 1000}, kCtx);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    for (const auto& l : env_->leads->LeadsInRange(domain::UserId{1}, domain::UserId{kUsers})) {
        if (!l.queue) {
            const auto outside = env_->queue->Take(agent_, l.user_id, kCtx);
            ASSERT_FALSE(outside);
            EXPECT_EQ(outside.error().code, ErrorCode::kFailedPrecondition);
            EXPECT_FALSE(env_->leases->HeldBy(agent_.id, clock_.Now()));
            break;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Databases,
    CustomersTest,
    ::testing::Values("Sqlite", "Postgres"),
    [](const auto& param_info) { return param_info.param; }
);

}  // namespace
}  // namespace dialler
