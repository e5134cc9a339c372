#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/base/strong_id.hpp"

namespace dialler::domain {

// A replica users.id. The replica's BIGINT UNSIGNED ids fit in int64 (the platform's ids are
// auto-increment counters far below 2^63).
using UserId = StrongId<struct UserIdTag>;

// The columns of the replica we decide on (the shared replica-schema.md). Every text column may be
// NULL, empty or oddly cased; nothing guarantees referential integrity.
struct ReplicaUser {
    UserId id;
    bool is_enabled = false;
    std::optional<std::string> status;
    std::optional<std::string> phone_number;  // free-form, as typed into the platform
    bool has_signature = false;               // current_signature_file_id IS NOT NULL
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::chrono::year_month_day> date_of_birth;
    std::optional<Timestamp> created_at;
    std::optional<Timestamp> updated_at;

    friend bool operator==(const ReplicaUser&, const ReplicaUser&) = default;
};

struct ReplicaClaim {
    std::int64_t id = 0;
    std::optional<std::string> status;
    std::optional<std::string> lender;
    std::optional<std::string> type;
    std::optional<Timestamp> created_at;
    std::optional<Timestamp> updated_at;

    friend bool operator==(const ReplicaClaim&, const ReplicaClaim&) = default;
};

struct ReplicaRequirement {
    std::string id;
    std::int64_t claim_id = 0;
    std::optional<std::string> type;
    std::optional<std::string> status;
    std::optional<std::string> reason;  // claim_requirement_reason
    std::optional<Timestamp> created_at;
    std::optional<Timestamp> updated_at;

    friend bool operator==(const ReplicaRequirement&, const ReplicaRequirement&) = default;
};

// One customer as the replica shows them: the user, their claims, and the requirements of those
// claims. The unit that eligibility and scoring decide on, in discovery and at call time alike.
struct CustomerRecord {
    ReplicaUser user;
    std::vector<ReplicaClaim> claims;
    std::vector<ReplicaRequirement> requirements;

    friend bool operator==(const CustomerRecord&, const CustomerRecord&) = default;
};

struct ReplicaAddress {
    std::string id;
    bool is_current = false;  // is_linked_address = 0
    std::optional<std::string> full_address;
    std::optional<std::string> line_1;
    std::optional<std::string> line_2;
    std::optional<std::string> town;
    std::optional<std::string> county;
    std::optional<std::string> post_code;

    friend bool operator==(const ReplicaAddress&, const ReplicaAddress&) = default;
};

struct ReplicaVehicle {
    std::int64_t claim_id = 0;
    std::optional<std::string> registration;
    std::optional<std::string> make;
    std::optional<std::string> model;
    std::optional<std::string> dealership;
    std::optional<std::string> monthly_payment;  // decimal text, "199.99": money is never a double
    std::optional<Timestamp> contract_start;

    friend bool operator==(const ReplicaVehicle&, const ReplicaVehicle&) = default;
};

// Everything an agent sees about a customer from the replica (product.md §4).
struct CustomerContextData {
    CustomerRecord record;
    std::optional<std::string> email;
    std::vector<ReplicaAddress> addresses;  // current first
    std::vector<ReplicaVehicle> vehicles;

    friend bool operator==(const CustomerContextData&, const CustomerContextData&) = default;
};

}  // namespace dialler::domain
