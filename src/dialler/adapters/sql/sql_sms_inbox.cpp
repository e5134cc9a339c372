#include "dialler/adapters/sql/sql_sms_inbox.hpp"

#include "dialler/adapters/sql/sql_time.hpp"
#include "dialler/adapters/sql/statement.hpp"

namespace dialler::adapters::sql {

namespace {

constexpr const char* kConversationColumns =
    "id, phone_e164, user_id, assigned_agent_id, is_open, unread, needs_attention, last_message, "
    "last_message_at, created_at, updated_at";

// One `sms_conversations` row, bound column by column in kConversationColumns order.
struct ConversationRow {
    long long id = 0;
    long long user_id = 0;
    long long agent_id = 0;
    long long last_at = 0;
    long long created_at = 0;
    long long updated_at = 0;
    int is_open = 0;
    int unread = 0;
    int needs_attention = 0;
    std::string phone;
    std::string last_message;
    soci::indicator user_i{};
    soci::indicator agent_i{};

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(phone));
        st.exchange(soci::into(user_id, user_i));
        st.exchange(soci::into(agent_id, agent_i));
        st.exchange(soci::into(is_open));
        st.exchange(soci::into(unread));
        st.exchange(soci::into(needs_attention));
        st.exchange(soci::into(last_message));
        st.exchange(soci::into(last_at));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }

    app::SmsConversation ToConversation() const {
        app::SmsConversation c;
        c.id = id;
        c.phone_e164 = phone;
        if (user_i == soci::i_ok) {
            c.user_id = domain::UserId{user_id};
        }
        if (agent_i == soci::i_ok) {
            c.assigned_agent_id = domain::AgentId{agent_id};
        }
        c.open = is_open != 0;
        c.unread = unread;
        c.needs_attention = needs_attention != 0;
        c.last_message = last_message;
        c.last_message_at = FromMs(last_at);
        c.created_at = FromMs(created_at);
        c.updated_at = FromMs(updated_at);
        return c;
    }
};

constexpr const char* kMessageColumns =
    "id, conversation_id, provider_sid, from_e164, to_e164, body, consent, received_at";

// One `sms_inbound` row, bound column by column in kMessageColumns order.
struct MessageRow {
    long long id = 0;
    long long conversation_id = 0;
    long long received_at = 0;
    std::string sid;
    std::string from;
    std::string to;
    std::string body;
    std::string consent;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(conversation_id));
        st.exchange(soci::into(sid));
        st.exchange(soci::into(from));
        st.exchange(soci::into(to));
        st.exchange(soci::into(body));
        st.exchange(soci::into(consent));
        st.exchange(soci::into(received_at));
    }

    app::InboundSms ToMessage() const {
        app::InboundSms m;
        m.id = id;
        m.conversation_id = conversation_id;
        m.provider_sid = sid;
        m.from_e164 = from;
        m.to_e164 = to;
        m.body = body;
        m.consent = domain::ParseInboundConsent(consent).value_or(domain::InboundConsent::kNone);
        m.received_at = FromMs(received_at);
        return m;
    }
};

std::vector<app::SmsConversation> ConversationRows(
    soci::session& s,
    const std::string& where,
    const std::string& order,
    int limit,
    const std::string* text = nullptr
) {
    return SelectFrom<ConversationRow>(
        s,
        kConversationColumns,
        "sms_conversations",
        where,
        order,
        limit,
        text,
        [](const ConversationRow& r) { return r.ToConversation(); }
    );
}

std::vector<app::InboundSms> InboundRows(
    soci::session& s,
    const std::string& where,
    const std::string& order,
    int limit,
    const std::string* text = nullptr
) {
    return SelectFrom<MessageRow>(
        s,
        kMessageColumns,
        "sms_inbound",
        where,
        order,
        limit,
        text,
        [](const MessageRow& r) { return r.ToMessage(); }
    );
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
    return rows.empty() ? std::nullopt : std::optional<T>(std::move(rows.front()));
}

std::string ById(std::int64_t id) {
    return "id = " + std::to_string(id);
}

// The SQL condition for what a filter shows (its `open` only when `with_open`).
std::string Visible(const app::ConversationFilter& filter, bool with_open) {
    std::string where = with_open ? (filter.open ? "is_open = 1" : "is_open = 0") : "1 = 1";
    if (filter.visible_to) {
        where += " AND (assigned_agent_id IS NULL OR assigned_agent_id = " +
                 std::to_string(filter.visible_to->Value()) + ")";
    }
    return where;
}

}  // namespace

app::SmsInbox::Received SqlSmsInbox::Receive(
    const app::InboundSms& message,
    std::optional<domain::UserId> user,
    std::optional<domain::AgentId> assign_to
) {
    long long user_id = user ? user->Value() : 0;
    soci::indicator user_i = user ? soci::i_ok : soci::i_null;
    long long agent_id = assign_to ? assign_to->Value() : 0;
    soci::indicator agent_i = assign_to ? soci::i_ok : soci::i_null;
    const long long at = Ms(message.received_at);
    const std::string consent(domain::InboundConsentName(message.consent));
    const int attention = message.consent == domain::InboundConsent::kMentionsStop ? 1 : 0;
    return db_.Write([&](soci::session& s) {
        Execute(
            s,
            "INSERT INTO sms_conversations (phone_e164, user_id, assigned_agent_id, "
            "last_message_at, created_at, updated_at) VALUES (:p, :u, :a, :l, :c, :up) "
            "ON CONFLICT (phone_e164) DO NOTHING",
            soci::use(message.from_e164),
            soci::use(user_id, user_i),
            soci::use(agent_id, agent_i),
            soci::use(at),
            soci::use(at),
            soci::use(at)
        );
        const app::SmsConversation before =
            ConversationRows(s, "phone_e164 = :p", "id", 1, &message.from_e164).front();
        const long long conversation = before.id;
        long long new_id = 0;
        soci::indicator new_i = soci::i_null;
        Once(
            s,
            "INSERT INTO sms_inbound (conversation_id, provider_sid, from_e164, to_e164, body, "
            "consent, received_at) VALUES (:c, :s, :f, :t, :b, :k, :r) "
            "ON CONFLICT (provider_sid) DO NOTHING RETURNING id",
            soci::use(conversation),
            soci::use(message.provider_sid),
            soci::use(message.from_e164),
            soci::use(message.to_e164),
            soci::use(message.body),
            soci::use(consent),
            soci::use(at),
            soci::into(new_id, new_i)
        )
            .execute(true);
        const bool created = new_i == soci::i_ok && new_id > 0;
        if (!created) {
            return Received{
                before,
                InboundRows(s, "provider_sid = :s", "id", 1, &message.provider_sid).front(),
                false};
        }
        Execute(
            s,
            "UPDATE sms_conversations SET is_open = 1, unread = unread + 1, needs_attention = "
            "CASE WHEN :n = 1 THEN 1 ELSE needs_attention END, last_message = :b, "
            "last_message_at = :l, user_id = COALESCE(user_id, :u), updated_at = :up WHERE id = "
            ":id",
            soci::use(attention),
            soci::use(message.body),
            soci::use(at),
            soci::use(user_id, user_i),
            soci::use(at),
            soci::use(conversation)
        );
        return Received{
            ConversationRows(s, ById(conversation), "id", 1).front(),
            InboundRows(s, ById(new_id), "id", 1).front(),
            true};
    });
}

std::optional<app::SmsConversation> SqlSmsInbox::Find(std::int64_t id) {
    return db_.Read([&](soci::session& s) { return First(ConversationRows(s, ById(id), "id", 1)); }
    );
}

std::optional<app::SmsConversation> SqlSmsInbox::FindByPhone(const std::string& e164) {
    return db_.Read([&](soci::session& s) {
        return First(ConversationRows(s, "phone_e164 = :p", "id", 1, &e164));
    });
}

std::vector<app::SmsConversation> SqlSmsInbox::List(
    const app::ConversationFilter& filter, int limit
) {
    return db_.Read([&](soci::session& s) {
        return ConversationRows(
            s,
            Visible(filter, true),
            "CASE WHEN unread > 0 THEN 0 ELSE 1 END, last_message_at DESC, id DESC",
            limit
        );
    });
}

int SqlSmsInbox::UnreadTotal(const app::ConversationFilter& filter) {
    return db_.Read([&](soci::session& s) {
        long long total = 0;
        soci::indicator total_i = soci::i_null;
        Once(
            s,
            "SELECT SUM(unread) FROM sms_conversations WHERE is_open = 1 AND " +
                Visible(filter, false),
            soci::into(total, total_i)
        )
            .execute(true);
        return total_i == soci::i_ok ? static_cast<int>(total) : 0;
    });
}

std::vector<app::InboundSms> SqlSmsInbox::Messages(std::int64_t conversation_id, int limit) {
    auto newest_first = db_.Read([&](soci::session& s) {
        return InboundRows(
            s,
            "conversation_id = " + std::to_string(conversation_id),
            "received_at DESC, id DESC",
            limit
        );
    });
    return {newest_first.rbegin(), newest_first.rend()};
}

bool SqlSmsInbox::MarkRead(std::int64_t id, Timestamp at) {
    const long long key = id;
    const long long when = Ms(at);
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE sms_conversations SET unread = 0, updated_at = :at WHERE id = :id AND "
                   "unread > 0",
                   soci::use(when),
                   soci::use(key)
               ) == 1;
    });
}

bool SqlSmsInbox::Assign(
    std::int64_t id,
    std::optional<domain::AgentId> expected,
    std::optional<domain::AgentId> agent,
    Timestamp at
) {
    const long long key = id;
    const long long when = Ms(at);
    long long to = agent ? agent->Value() : 0;
    soci::indicator to_i = agent ? soci::i_ok : soci::i_null;
    const std::string was = expected ? "assigned_agent_id = " + std::to_string(expected->Value())
                                     : std::string("assigned_agent_id IS NULL");
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE sms_conversations SET assigned_agent_id = :a, updated_at = :at WHERE "
                   "id = :id AND " +
                       was,
                   soci::use(to, to_i),
                   soci::use(when),
                   soci::use(key)
               ) == 1;
    });
}

bool SqlSmsInbox::SetOpen(std::int64_t id, bool open, Timestamp at) {
    const long long key = id;
    const long long when = Ms(at);
    const std::string change = open ? "is_open = 1" : "is_open = 0, needs_attention = 0";
    const std::string from = open ? "is_open = 0" : "is_open = 1";
    return db_.AutoCommit([&](soci::session& s) {
        return Execute(
                   s,
                   "UPDATE sms_conversations SET " + change +
                       ", updated_at = :at WHERE id = :id AND " + from,
                   soci::use(when),
                   soci::use(key)
               ) == 1;
    });
}

}  // namespace dialler::adapters::sql
