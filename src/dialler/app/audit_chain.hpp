#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialler/app/crypto.hpp"
#include "dialler/base/clock.hpp"

namespace dialler::app {

// One audit row exactly as stored: every column the chain covers, `details` as its stored text
// (never re-serialised, so the hash is of what is on disk).
struct AuditRow {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;
    std::string actor_kind;
    std::optional<std::int64_t> actor_agent_id;
    std::string action;
    std::string subject_type;
    std::string subject_id;
    std::string details;
    std::string request_id;
};

// The chain's link for one row: hash = SHA-256(previous link's hash, the row's text).
struct AuditSeal {
    std::int64_t audit_id = 0;
    std::string hash;  // hex
};

// The first link's "previous hash".
inline constexpr std::string_view kAuditChainStart =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The row as the chain hashes it: each column length-prefixed, so no two rows share a text.
std::string AuditRowText(const AuditRow& row);
std::string NextAuditHash(TokenService& hasher, std::string_view previous, const AuditRow& row);

// The audit rows and their seals (a table as append-only as the audit log). Thread-safe; faults
// are exceptions.
class AuditChainStore {
public:
    virtual ~AuditChainStore() = default;
    virtual std::optional<AuditSeal> LastSeal() = 0;
    // In id order, ids > after_id, at most limit.
    virtual std::vector<AuditRow> RowsAfter(std::int64_t after_id, int limit) = 0;
    virtual std::vector<AuditSeal> SealsAfter(std::int64_t after_id, int limit) = 0;
    virtual std::int64_t MaxRowId() = 0;
    // Appends the seals (in id order) if the last seal is still `after` (0: none yet), in one
    // transaction; false when another sealer got there first.
    virtual bool AddSeals(
        std::int64_t after, const std::vector<AuditSeal>& seals, Timestamp now
    ) = 0;
};

// What `dialler audit verify` found: intact, or the first entry that is not as it was sealed.
struct AuditVerification {
    bool intact = true;
    std::int64_t sealed = 0;    // entries checked against their seals
    std::int64_t unsealed = 0;  // entries newer than the last seal (not covered yet)
    std::optional<std::int64_t> broken_at;
    std::string problem;  // "changed", "deleted", "inserted"
};

// Seals the audit log into a hash chain and checks it (product.md §11): an entry edited or
// deleted after it was sealed, or one slipped in among sealed ones, breaks the chain at that
// entry. The database already refuses updates and deletes by trigger; the chain is the evidence
// that nobody with the power to lift the trigger used it. Entries are sealed a run after they
// are first seen, so an insert still in flight with a lower id is never passed over. One caller
// at a time per object (the periodic job, or a command); several instances may seal at once (one
// wins each round).
class AuditSealer {
public:
    AuditSealer(AuditChainStore& store, TokenService& hasher, const Clock& clock)
        : store_(store), hasher_(hasher), clock_(clock) {}

    // Seals the entries up to the highest id the previous call saw (`everything`: up to the
    // highest now, for a command run by hand with the service stopped). Returns how many.
    int SealPending(bool everything = false);
    AuditVerification Verify();

private:
    AuditChainStore& store_;
    TokenService& hasher_;
    const Clock& clock_;
    std::int64_t horizon_ = 0;  // the highest id seen by the previous call
};

}  // namespace dialler::app
