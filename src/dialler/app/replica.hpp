#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialler/app/probe.hpp"
#include "dialler/base/clock.hpp"
#include "dialler/domain/customer.hpp"

namespace dialler::app {

// What a customer search asks of the replica: users who match any of the three.
struct UserSearch {
    std::vector<domain::UserId> ids;      // exactly these ids (a customer number, a phone's owners)
    std::optional<std::string> email;     // this email address, case-insensitively
    std::vector<std::string> name_words;  // every word starts the first or the last name
};

// A user found by a search: enough to tell them apart in a list.
struct UserMatch {
    domain::UserId id;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::string> email;

    friend bool operator==(const UserMatch&, const UserMatch&) = default;
};

// The main platform's claims database (the shared replica-schema.md), read-only by construction:
// this port has no write methods, and the adapters open read-only connections. Implementations:
// SociReplica (MySQL/MariaDB, SQLite demo). Thread-safe; faults are exceptions.
class Replica : public Probe {
public:
    // Returns whether this is a generated demo replica (it carries a `demo_marker` table). Real
    // telephony is refused against one: its phone numbers may belong to real people.
    virtual bool IsDemo() = 0;

    // Returns the customers with first <= id <= last, ordered by id, each with their claims and
    // the requirements of those claims. Three queries whatever the range.
    virtual std::vector<domain::CustomerRecord> ReadCustomerRange(
        domain::UserId first, domain::UserId last
    ) = 0;

    // Returns the customers with these ids (missing ids are left out), ordered by id. Three
    // queries whatever the number of ids.
    virtual std::vector<domain::CustomerRecord> ReadCustomers(std::span<const domain::UserId> ids
    ) = 0;
    // The same customers' own rows only (names, number, status), without claims: one query, for
    // what needs a name, not the eligibility facts.
    virtual std::vector<domain::ReplicaUser> ReadUsersOnly(std::span<const domain::UserId> ids) = 0;

    // Reads one customer with everything the agent sees (record, email, addresses, vehicle
    // packages): three queries, the pre-call validation and the context in one go. nullopt if the
    // user does not exist.
    virtual std::optional<domain::CustomerContextData> ReadCustomerContext(domain::UserId id) = 0;

    // The highest users.id (nullopt for an empty replica): the end of a full reconcile.
    virtual std::optional<domain::UserId> MaxUserId() = 0;

    // The users matching `search`, ordered by id, skipping `offset`, at most `limit`: one query.
    // Name words match case-insensitively at the start of a name (no wildcards of their own).
    virtual std::vector<UserMatch> SearchUsers(const UserSearch& search, int offset, int limit) = 0;

    // Returns the users touched at or after `since` (their row, a claim, or a requirement of a
    // claim has updated_at >= since), with the newest change time seen, for an incremental run.
    struct Changes {
        std::vector<domain::UserId> users;
        std::optional<Timestamp> newest;
    };
    virtual Changes ChangedSince(Timestamp since) = 0;

    // The newest updated_at in users, claims and requirements (nullopt if empty): the watermark
    // a full reconcile leaves for the next incremental run.
    virtual std::optional<Timestamp> NewestChange() = 0;

    // The indexes the dialler needs on the replica (docs/replica-indexes.md), each with whether
    // the replica has it, how many rows its table holds (what a scan without it reads), what it
    // serves and the DDL that adds it. Reads the catalogue, not the data.
    struct IndexCheck {
        std::string table;
        std::string column;
        std::string serves;
        bool present = false;
        std::optional<long long> table_rows;
        std::string ddl;
    };
    virtual std::vector<IndexCheck> CheckIndexes() = 0;
};

// "First Last" as the platform has it ("" when it has neither).
std::string FullName(
    const std::optional<std::string>& first_name, const std::optional<std::string>& last_name
);

// The full names of these customers (one query), by user id; those without a name are left
// out. Empty while the replica cannot be read: a list of callbacks or conversations still works
// without names (readiness and the floor board report the replica's health).
std::map<std::int64_t, std::string> CustomerNames(
    Replica& replica, std::span<const domain::UserId> ids
);

// The customer's first name as the platform has it ("" when it has none or no such customer):
// one query. Throws as the replica does.
inline std::string FirstName(Replica& replica, domain::UserId user) {
    const std::array<domain::UserId, 1> ids{user};
    const auto users = replica.ReadUsersOnly(ids);
    return users.empty() ? std::string() : users.front().first_name.value_or("");
}

}  // namespace dialler::app
