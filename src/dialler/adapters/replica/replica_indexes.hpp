#pragma once

#include <array>
#include <string>
#include <string_view>

namespace dialler::adapters::replica {

// The indexes the dialler needs on the replica beyond primary keys, each on one column: what
// docs/replica-indexes.md asks the platform team for, what `dialler replica check` looks for,
// and the only ones the demo generator creates (so the demo costs what production would).
struct ReplicaIndex {
    std::string_view table;
    std::string_view column;
    std::string_view serves;  // the read it keeps off a full scan
};

inline constexpr std::array kReplicaIndexes{
    ReplicaIndex{
        "claims", "user_id", "a customer's claims (every next lead, every discovery batch)"},
    ReplicaIndex{
        "claim_requirements",
        "claim_id",
        "the requirements of those claims (every next lead, every discovery batch)"},
    ReplicaIndex{
        "claim_vehicle_packages", "claim_id", "vehicle details shown with each claim (next lead)"},
    ReplicaIndex{"user_addresses", "user_id", "a customer's addresses (next lead)"},
    ReplicaIndex{"users", "updated_at", "incremental discovery: customers changed since"},
    ReplicaIndex{"claims", "updated_at", "incremental discovery: claims changed since"},
    ReplicaIndex{
        "claim_requirements", "updated_at", "incremental discovery: requirements changed since"},
};

// "CREATE INDEX claims_user_id_index ON claims (user_id)": one naming for the generator, the
// check and the document.
inline std::string ReplicaIndexDdl(const ReplicaIndex& index) {
    return "CREATE INDEX " + std::string(index.table) + "_" + std::string(index.column) +
           "_index ON " + std::string(index.table) + " (" + std::string(index.column) + ")";
}

}  // namespace dialler::adapters::replica
