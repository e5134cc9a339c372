#include "dialler/app/audit_chain.hpp"

#include <algorithm>

namespace dialler::app {

namespace {

constexpr int kBatch = 1000;

void Field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += ';';
}

}  // namespace

std::string AuditRowText(const AuditRow& row) {
    std::string out;
    Field(out, std::to_string(row.id));
    Field(out, std::to_string(row.at_ms));
    Field(out, row.actor_kind);
    Field(out, row.actor_agent_id ? std::to_string(*row.actor_agent_id) : std::string("-"));
    Field(out, row.action);
    Field(out, row.subject_type);
    Field(out, row.subject_id);
    Field(out, row.details);
    Field(out, row.request_id);
    return out;
}

std::string NextAuditHash(TokenService& hasher, std::string_view previous, const AuditRow& row) {
    std::string input(previous);
    input += '\n';
    input += AuditRowText(row);
    return hasher.Fingerprint(input);
}

int AuditSealer::SealPending(bool everything) {
    const std::int64_t seen = store_.MaxRowId();
    const std::int64_t upto = everything ? seen : horizon_;
    horizon_ = seen;
    const auto last = store_.LastSeal();
    std::int64_t after = last ? last->audit_id : 0;
    std::string previous = last ? last->hash : std::string(kAuditChainStart);
    int sealed = 0;
    while (after < upto) {
        std::vector<AuditSeal> seals;
        for (const AuditRow& row : store_.RowsAfter(after, kBatch)) {
            if (row.id > upto) {
                break;
            }
            previous = NextAuditHash(hasher_, previous, row);
            seals.push_back(AuditSeal{row.id, previous});
        }
        if (seals.empty() || !store_.AddSeals(after, seals, clock_.Now())) {
            break;  // nothing more, or another instance sealed these meanwhile
        }
        after = seals.back().audit_id;
        sealed += static_cast<int>(seals.size());
    }
    return sealed;
}

AuditVerification AuditSealer::Verify() {
    AuditVerification v;
    std::string previous(kAuditChainStart);
    std::int64_t after_seal = 0;
    std::int64_t after_row = 0;
    std::vector<AuditRow> rows = store_.RowsAfter(0, kBatch);
    std::size_t r = 0;
    const auto broken = [&v](std::int64_t id, const char* problem) {
        v.intact = false;
        v.broken_at = id;
        v.problem = problem;
        return v;
    };
    while (true) {
        const std::vector<AuditSeal> seals = store_.SealsAfter(after_seal, kBatch);
        if (seals.empty()) {
            break;
        }
        for (const AuditSeal& seal : seals) {
            if (r == rows.size()) {
                rows = store_.RowsAfter(after_row, kBatch);
                r = 0;
            }
            if (r == rows.size() || rows[r].id > seal.audit_id) {
                return broken(seal.audit_id, "deleted");
            }
            if (rows[r].id < seal.audit_id) {
                return broken(rows[r].id, "inserted");
            }
            previous = NextAuditHash(hasher_, previous, rows[r]);
            if (previous != seal.hash) {
                return broken(seal.audit_id, "changed");
            }
            after_row = rows[r].id;
            ++r;
            ++v.sealed;
        }
        after_seal = seals.back().audit_id;
    }
    // What follows the last seal is not covered yet: counted, not judged.
    while (true) {
        v.unsealed += static_cast<std::int64_t>(rows.size() - r);
        if (!rows.empty()) {
            after_row = std::max(after_row, rows.back().id);
        }
        rows = store_.RowsAfter(after_row, kBatch);
        r = 0;
        if (rows.empty()) {
            break;
        }
    }
    return v;
}

}  // namespace dialler::app
