#include "dialler/domain/eligibility.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

const PhoneNumber kMobile{"+447400123456", PhoneType::kMobile, "GB"};

// A contactable, unsigned customer with one active claim; tests change one thing at a time.
CustomerRecord Unsigned() {
    CustomerRecord r;
    r.user.id = UserId{1};
    r.user.is_enabled = true;
    r.user.status = "active";
    r.user.phone_number = "07400 123456";
    r.claims.push_back(ReplicaClaim{10, "active", "black_horse", "vehicle", {}, {}});
    return r;
}

CustomerRecord SignedWithRequirement(
    std::string type, std::string status, std::optional<std::string> reason = {}
) {
    CustomerRecord r = Unsigned();
    r.user.has_signature = true;
    r.requirements.push_back(ReplicaRequirement{
        "req-1", 10, std::move(type), std::move(status), std::move(reason), {}, {}});
    return r;
}

bool Has(const EligibilityDecision& d, EligibilityReason reason) {
    return std::find(d.reasons.begin(), d.reasons.end(), reason) != d.reasons.end();
}

const EligibilityRules kRules;

TEST(StatusIn, IgnoresCaseAndSurroundingSpaceButNotNull) {
    EXPECT_TRUE(StatusIn(std::string("CANCELLED"), {"cancelled"}));
    EXPECT_TRUE(StatusIn(std::string(" Complete "), {"cancelled", "complete"}));
    EXPECT_FALSE(StatusIn(std::nullopt, {"cancelled"}));
    EXPECT_FALSE(StatusIn(std::string("cancel"), {"cancelled"}));
}

TEST(DecideEligibility, PutsAnUnsignedContactableCustomerInTheUnsignedQueue) {
    const auto d = DecideEligibility(Unsigned(), kMobile, false, kRules);
    EXPECT_EQ(d.queue, Queue::kUnsigned);
    EXPECT_TRUE(Has(d, EligibilityReason::kUnsigned));
    EXPECT_EQ(d.active_claims, 1);
}

TEST(DecideEligibility, AcceptsANullUserStatus) {
    CustomerRecord r = Unsigned();
    r.user.status.reset();
    EXPECT_EQ(DecideEligibility(r, kMobile, false, kRules).queue, Queue::kUnsigned);
}

TEST(DecideEligibility, PutsASignedCustomerWithAPendingDocumentInOutstanding) {
    for (const char* status : {"pending", "PENDING", "Pending"}) {
        const auto d = DecideEligibility(
            SignedWithRequirement("proof_of_address", status), kMobile, false, kRules
        );
        EXPECT_EQ(d.queue, Queue::kOutstanding) << status;
        EXPECT_EQ(d.outstanding_requirements, 1);
    }
}

TEST(DecideEligibility, IgnoresExcludedRequirementTypesInAnyCase) {
    for (const char* type :
         {"signature",
          "vehicle_registration",
          "CFA",
          "solicitor_letter_of_authority",
          "letter_of_authority"}) {
        const auto d =
            DecideEligibility(SignedWithRequirement(type, "pending"), kMobile, false, kRules);
        EXPECT_FALSE(d.queue) << type;
        EXPECT_TRUE(Has(d, EligibilityReason::kNothingOutstanding)) << type;
    }
}

TEST(DecideEligibility, ExcludesTheBaseIdDocumentOnlyWithItsExactReason) {
    EXPECT_FALSE(DecideEligibility(
                     SignedWithRequirement("id_document", "pending", "base requirement for claim."),
                     kMobile,
                     false,
                     kRules
    )
                     .queue);
    EXPECT_EQ(
        DecideEligibility(
            SignedWithRequirement("id_document", "pending", "Lender requested ID"),
            kMobile,
            false,
            kRules
        )
            .queue,
        Queue::kOutstanding
    );
    EXPECT_EQ(
        DecideEligibility(
            SignedWithRequirement("id_document", "pending", "base requirement for claim"),
            kMobile,
            false,
            kRules
        )
            .queue,
        Queue::kOutstanding
    );
    EXPECT_EQ(
        DecideEligibility(SignedWithRequirement("id_document", "pending"), kMobile, false, kRules)
            .queue,
        Queue::kOutstanding
    );
}

TEST(DecideEligibility, CountsOnlyRequirementsOnActiveClaims) {
    CustomerRecord r = SignedWithRequirement("bank_statement", "pending");
    r.claims.push_back(ReplicaClaim{11, "Cancelled", "motonovo", "vehicle", {}, {}});
    r.requirements[0].claim_id = 11;
    EXPECT_FALSE(DecideEligibility(r, kMobile, false, kRules).queue);
    r.requirements[0].claim_id = 999;  // orphan
    EXPECT_FALSE(DecideEligibility(r, kMobile, false, kRules).queue);
}

TEST(DecideEligibility, IgnoresRequirementsThatAreNotPending) {
    for (const char* status : {"completed", "in_progress", "rejected", ""}) {
        EXPECT_FALSE(DecideEligibility(
                         SignedWithRequirement("bank_statement", status), kMobile, false, kRules
        )
                         .queue
        ) << status;
    }
    CustomerRecord null_status = SignedWithRequirement("bank_statement", "x");
    null_status.requirements[0].status.reset();
    EXPECT_FALSE(DecideEligibility(null_status, kMobile, false, kRules).queue);
}

TEST(DecideEligibility, RefusesCustomersWithOnlyClosedClaims) {
    CustomerRecord r = Unsigned();
    r.claims = {
        ReplicaClaim{10, "COMPLETE", {}, {}, {}, {}},
        ReplicaClaim{11, "completed", {}, {}, {}, {}},
        ReplicaClaim{12, "cancelled", {}, {}, {}, {}}};
    const auto d = DecideEligibility(r, kMobile, false, kRules);
    EXPECT_FALSE(d.queue);
    EXPECT_TRUE(Has(d, EligibilityReason::kNoActiveClaim));
    r.claims.clear();
    EXPECT_TRUE(Has(DecideEligibility(r, kMobile, false, kRules), EligibilityReason::kNoActiveClaim)
    );
}

TEST(DecideEligibility, CountsAClaimWithNullStatusAsActive) {
    CustomerRecord r = Unsigned();
    r.claims[0].status.reset();
    EXPECT_EQ(DecideEligibility(r, kMobile, false, kRules).queue, Queue::kUnsigned);
}

TEST(DecideEligibility, ListsEveryReasonAnIneligibleCustomerIsOut) {
    CustomerRecord r = Unsigned();
    r.user.is_enabled = false;
    r.user.status = "Inactive";
    r.claims.clear();
    const auto d = DecideEligibility(r, std::nullopt, true, kRules);
    EXPECT_FALSE(d.queue);
    for (auto reason :
         {EligibilityReason::kDisabled,
          EligibilityReason::kInactiveStatus,
          EligibilityReason::kNoValidPhone,
          EligibilityReason::kSuppressed,
          EligibilityReason::kNoActiveClaim}) {
        EXPECT_TRUE(Has(d, reason)) << EligibilityReasonCode(reason);
    }
    EXPECT_FALSE(Has(d, EligibilityReason::kUnsigned));
}

TEST(DecideEligibility, RefusesCancelledUsersInAnyCase) {
    CustomerRecord r = Unsigned();
    r.user.status = "CANCELLED";
    EXPECT_TRUE(
        Has(DecideEligibility(r, kMobile, false, kRules), EligibilityReason::kInactiveStatus)
    );
}

TEST(DecideEligibility, RefusesNumbersWeMayNotCall) {
    const PhoneNumber french{"+33612345678", PhoneType::kMobile, "FR"};
    const PhoneNumber premium{"+449012345678", PhoneType::kPremiumRate, "GB"};
    for (const auto& phone : {french, premium}) {
        const auto d = DecideEligibility(Unsigned(), phone, false, kRules);
        EXPECT_FALSE(d.queue);
        EXPECT_TRUE(Has(d, EligibilityReason::kNotUkDialable));
    }
    const PhoneNumber guernsey{"+447781123456", PhoneType::kMobile, "GG"};
    EXPECT_EQ(DecideEligibility(Unsigned(), guernsey, false, kRules).queue, Queue::kUnsigned);
}

TEST(DecideEligibility, FollowsConfiguredLists) {
    EligibilityRules rules;
    rules.closed_claim_statuses.push_back("approved");
    CustomerRecord r = Unsigned();
    r.claims[0].status = "Approved";
    EXPECT_FALSE(DecideEligibility(r, kMobile, false, rules).queue);
    EXPECT_EQ(DecideEligibility(r, kMobile, false, kRules).queue, Queue::kUnsigned);
}

}  // namespace
}  // namespace dialler::domain
