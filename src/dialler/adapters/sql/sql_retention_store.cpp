#include "dialler/adapters/sql/sql_retention_store.hpp"

#include <algorithm>

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

// Customers under an active hold: every statement below leaves their rows alone.
constexpr const char* kHeld = "(SELECT user_id FROM legal_holds WHERE released_at IS NULL)";

struct HoldRow {
    long long id = 0;
    long long user_id = 0;
    std::string reason;
    long long placed_by = 0;
    long long placed_at = 0;
    long long released_by = 0;
    soci::indicator released_by_i{};
    long long released_at = 0;
    soci::indicator released_at_i{};
    std::string release_reason;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(reason));
        st.exchange(soci::into(placed_by));
        st.exchange(soci::into(placed_at));
        st.exchange(soci::into(released_by, released_by_i));
        st.exchange(soci::into(released_at, released_at_i));
        st.exchange(soci::into(release_reason));
    }

    app::LegalHold ToHold() const {
        app::LegalHold h;
        h.id = id;
        h.user_id = domain::UserId{user_id};
        h.reason = reason;
        h.placed_by = domain::AgentId{placed_by};
        h.placed_at = FromMs(placed_at);
        if (released_by_i == soci::i_ok) {
            h.released_by = domain::AgentId{released_by};
        }
        if (released_at_i == soci::i_ok) {
            h.released_at = FromMs(released_at);
        }
        h.release_reason = release_reason;
        return h;
    }
};

constexpr const char* kHoldColumns =
    "id, user_id, reason, placed_by_agent_id, placed_at, released_by_agent_id, released_at, "
    "release_reason";

std::vector<app::LegalHold> SelectHolds(soci::session& s, const std::string& where, int limit) {
    return SelectFrom<HoldRow>(
        s,
        kHoldColumns,
        "legal_holds",
        where,
        "placed_at DESC, id DESC",
        limit,
        nullptr,
        [](const HoldRow& r) { return r.ToHold(); }
    );
}

std::optional<app::LegalHold> FirstHold(soci::session& s, const std::string& where) {
    auto found = SelectHolds(s, where, 1);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

// One UPDATE or DELETE of the retention run, with the class's cutoff bound as :c.
long long Clear(soci::session& s, const std::string& sql, long long cutoff) {
    return Execute(s, sql, soci::use(cutoff, "c"));
}

}  // namespace

app::RetentionCounts SqlRetentionStore::Apply(const app::RetentionCutoffs& cutoffs) {
    const long long calls = Ms(cutoffs.calls);
    const long long texts = Ms(cutoffs.texts);
    const long long notes = Ms(cutoffs.notes);
    const long long clicks = Ms(cutoffs.link_clicks);
    const std::string held(kHeld);
    // Each statement only touches rows that still hold something, so a second run counts 0
    // and the counts say what this run cleared.
    return db_.Write([&](soci::session& s) {
        app::RetentionCounts c;
        c.calls = Clear(
            s,
            "UPDATE call_sessions SET phone_e164 = '', recording_sid = NULL, recording_url = NULL "
            "WHERE created_at < :c AND ended_at IS NOT NULL AND (phone_e164 <> '' OR "
            "recording_sid IS NOT NULL OR recording_url IS NOT NULL) AND user_id NOT IN " +
                held,
            calls
        );
        c.voicemails = Clear(
            s,
            "UPDATE callbacks SET voicemail_sid = NULL, voicemail_url = NULL WHERE created_at < :c "
            "AND status <> 'pending' AND (voicemail_sid IS NOT NULL OR voicemail_url IS NOT "
            "NULL) AND user_id NOT IN " +
                held,
            calls
        );
        c.contact_attempts = Clear(
            s,
            "UPDATE contact_attempts SET phone_e164 = '' WHERE at < :c AND phone_e164 <> '' AND "
            "user_id NOT IN " +
                held,
            calls
        );
        c.texts_sent = Clear(
            s,
            "UPDATE sms_outbox SET body = '', to_e164 = '', error_message = '' WHERE created_at < "
            ":c AND status NOT IN ('queued', 'sending') AND (body <> '' OR to_e164 <> '') AND "
            "user_id NOT IN " +
                held,
            texts
        );
        c.texts_received = Clear(
            s,
            "UPDATE sms_inbound SET body = '', from_e164 = '' WHERE received_at < :c AND (body <> "
            "'' OR from_e164 <> '') AND conversation_id NOT IN (SELECT id FROM sms_conversations "
            "WHERE user_id IN " +
                held + ")",
            texts
        );
        c.conversations = Clear(
            s,
            "UPDATE sms_conversations SET last_message = '' WHERE last_message_at < :c AND "
            "last_message <> '' AND (user_id IS NULL OR user_id NOT IN " +
                held + ")",
            texts
        );
        c.outcome_notes = Clear(
            s,
            "UPDATE lead_outcomes SET notes = '' WHERE recorded_at < :c AND notes <> '' AND "
            "user_id NOT IN " +
                held,
            notes
        );
        c.callback_notes = Clear(
            s,
            "UPDATE callbacks SET notes = '' WHERE updated_at < :c AND status <> 'pending' AND "
            "notes <> '' AND user_id NOT IN " +
                held,
            notes
        );
        c.link_clicks = Clear(
            s,
            "DELETE FROM magic_link_clicks WHERE clicked_at < :c AND link_id NOT IN (SELECT id "
            "FROM magic_links WHERE user_id IN " +
                held + ")",
            clicks
        );
        return c;
    });
}

std::optional<app::LegalHold> SqlRetentionStore::PlaceHold(const app::LegalHold& hold) {
    const long long user = hold.user_id.Value();
    const long long by = hold.placed_by.Value();
    const long long at = Ms(hold.placed_at);
    return db_.Write([&](soci::session& s) -> std::optional<app::LegalHold> {
        // Checked in the same transaction as the insert; the unique index on active holds is the
        // last word if two admins press at the same instant (the loser gets a fault, not a
        // second hold).
        if (FirstHold(s, "user_id = " + std::to_string(user) + " AND released_at IS NULL")) {
            return std::nullopt;
        }
        long long id = 0;
        s << "INSERT INTO legal_holds (user_id, reason, placed_by_agent_id, placed_at) VALUES "
             "(:u, :r, :b, :t) RETURNING id",
            soci::use(user), soci::use(hold.reason), soci::use(by), soci::use(at), soci::into(id);
        return FirstHold(s, "id = " + std::to_string(id));
    });
}

std::optional<app::LegalHold> SqlRetentionStore::ReleaseHold(
    std::int64_t id, domain::AgentId by, const std::string& reason, Timestamp at
) {
    const long long hold = id;
    const long long agent = by.Value();
    const long long when = Ms(at);
    return db_.Write([&](soci::session& s) -> std::optional<app::LegalHold> {
        const long long changed = Execute(
            s,
            "UPDATE legal_holds SET released_by_agent_id = :b, released_at = :t, release_reason = "
            ":r WHERE id = :id AND released_at IS NULL",
            soci::use(agent),
            soci::use(when),
            soci::use(reason),
            soci::use(hold)
        );
        if (changed == 0) {
            return std::nullopt;
        }
        return FirstHold(s, "id = " + std::to_string(hold));
    });
}

std::optional<app::LegalHold> SqlRetentionStore::FindHold(std::int64_t id) {
    return db_.Read([&](soci::session& s) { return FirstHold(s, "id = " + std::to_string(id)); });
}

std::vector<app::LegalHold> SqlRetentionStore::Holds(bool include_released, int limit) {
    return db_.Read([&](soci::session& s) {
        return SelectHolds(s, include_released ? "1 = 1" : "released_at IS NULL", limit);
    });
}

std::optional<app::LegalHold> SqlRetentionStore::ActiveHold(domain::UserId user) {
    return db_.Read([&](soci::session& s) {
        return FirstHold(
            s, "user_id = " + std::to_string(user.Value()) + " AND released_at IS NULL"
        );
    });
}

}  // namespace dialler::adapters::sql
