#include "sms_fakes.hpp"

#include <algorithm>
#include <functional>

namespace dialler::testing {

using domain::SmsStatus;

app::OutboundSms* InMemorySmsOutbox::InStatus(std::int64_t id, SmsStatus from) {
    const auto it = rows_.find(id);
    return it != rows_.end() && it->second.status == from ? &it->second : nullptr;
}

app::SmsOutbox::Enqueued InMemorySmsOutbox::Enqueue(const app::OutboundSms& sms) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.idempotency_key == sms.idempotency_key) {
            return {row, false};
        }
    }
    app::OutboundSms stored = sms;
    stored.id = next_id_++;
    stored.status = SmsStatus::kQueued;
    stored.attempts = 0;
    stored.claimed_until.reset();
    stored.provider_sid.clear();
    stored.error_code = 0;
    stored.error_message.clear();
    stored.updated_at = sms.created_at;
    rows_[stored.id] = stored;
    return {stored, true};
}

std::vector<app::OutboundSms> InMemorySmsOutbox::ClaimDue(
    Timestamp now, Timestamp claim_until, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::OutboundSms*> due;
    for (auto& [id, row] : rows_) {
        if (row.status == SmsStatus::kQueued && row.next_attempt_at <= now) {
            due.push_back(&row);
        }
    }
    std::stable_sort(due.begin(), due.end(), [](const auto* a, const auto* b) {
        return a->next_attempt_at < b->next_attempt_at;
    });
    std::vector<app::OutboundSms> claimed;
    for (auto* row : due) {
        if (static_cast<int>(claimed.size()) >= limit) {
            break;
        }
        row->status = SmsStatus::kSending;
        row->claimed_until = claim_until;
        row->attempts += 1;
        row->updated_at = now;
        claimed.push_back(*row);
    }
    return claimed;
}

bool InMemorySmsOutbox::FromSending(
    std::int64_t id, Timestamp at, const std::function<void(app::OutboundSms&)>& change
) {
    const std::lock_guard lock(mutex_);
    auto* row = InStatus(id, SmsStatus::kSending);
    if (row == nullptr) {
        return false;
    }
    change(*row);
    row->claimed_until.reset();
    row->updated_at = at;
    return true;
}

bool InMemorySmsOutbox::MarkSent(std::int64_t id, const std::string& provider_sid, Timestamp at) {
    return FromSending(id, at, [&](app::OutboundSms& row) {
        row.status = SmsStatus::kSent;
        row.provider_sid = provider_sid;
    });
}

bool InMemorySmsOutbox::MarkRetry(
    std::int64_t id, Timestamp retry_at, const std::string& error_message, Timestamp at
) {
    return FromSending(id, at, [&](app::OutboundSms& row) {
        row.status = SmsStatus::kQueued;
        row.next_attempt_at = retry_at;
        row.error_message = error_message;
    });
}

bool InMemorySmsOutbox::MarkUnknown(
    std::int64_t id, const std::string& error_message, Timestamp at
) {
    return FromSending(id, at, [&](app::OutboundSms& row) {
        row.status = SmsStatus::kUnknown;
        row.error_message = error_message;
    });
}

bool InMemorySmsOutbox::MarkFailed(
    std::int64_t id, int error_code, const std::string& error_message, Timestamp at
) {
    return FromSending(id, at, [&](app::OutboundSms& row) {
        row.status = SmsStatus::kFailed;
        row.error_code = error_code;
        row.error_message = error_message;
    });
}

std::vector<app::OutboundSms> InMemorySmsOutbox::ExpireClaims(Timestamp now) {
    const std::lock_guard lock(mutex_);
    std::vector<app::OutboundSms> lost;
    for (auto& [id, row] : rows_) {
        if (row.status == SmsStatus::kSending && row.claimed_until && *row.claimed_until < now) {
            row.status = SmsStatus::kUnknown;
            row.error_message = "the sender stopped before recording the provider's answer";
            row.claimed_until.reset();
            row.updated_at = now;
            lost.push_back(row);
        }
    }
    return lost;
}

bool InMemorySmsOutbox::ApplyReport(
    std::int64_t id,
    SmsStatus expected,
    SmsStatus next,
    const std::string& provider_sid,
    int error_code,
    Timestamp at
) {
    const std::lock_guard lock(mutex_);
    auto* row = InStatus(id, expected);
    if (row == nullptr) {
        return false;
    }
    row->status = next;
    if (row->provider_sid.empty()) {
        row->provider_sid = provider_sid;
    }
    if (error_code != 0) {
        row->error_code = error_code;
    }
    row->claimed_until.reset();
    row->updated_at = at;
    return true;
}

std::optional<app::OutboundSms> InMemorySmsOutbox::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    return it == rows_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<app::OutboundSms> InMemorySmsOutbox::FindByKey(const std::string& idempotency_key) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.idempotency_key == idempotency_key) {
            return row;
        }
    }
    return std::nullopt;
}

std::vector<app::OutboundSms> InMemorySmsOutbox::Newest(
    const std::function<bool(const app::OutboundSms&)>& keep, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::OutboundSms> out;
    for (const auto& [id, row] : rows_) {
        if (keep(row)) {
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    if (static_cast<int>(out.size()) > limit) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

std::vector<app::OutboundSms> InMemorySmsOutbox::ForUser(domain::UserId user, int limit) {
    return Newest([user](const app::OutboundSms& s) { return s.user_id == user; }, limit);
}

std::vector<app::OutboundSms> InMemorySmsOutbox::ToNumber(const std::string& e164, int limit) {
    return Newest([&e164](const app::OutboundSms& s) { return s.to_e164 == e164; }, limit);
}

namespace {

bool Shows(const app::ConversationFilter& filter, const app::SmsConversation& c) {
    return !filter.visible_to || !c.assigned_agent_id || c.assigned_agent_id == filter.visible_to;
}

}  // namespace

app::SmsInbox::Received InMemorySmsInbox::Receive(
    const app::InboundSms& message,
    std::optional<domain::UserId> user,
    std::optional<domain::AgentId> assign_to
) {
    const std::lock_guard lock(mutex_);
    auto conversation = std::find_if(conversations_.begin(), conversations_.end(), [&](auto& c) {
        return c.second.phone_e164 == message.from_e164;
    });
    if (conversation == conversations_.end()) {
        app::SmsConversation c;
        c.id = next_id_++;
        c.phone_e164 = message.from_e164;
        c.user_id = user;
        c.assigned_agent_id = assign_to;
        c.last_message_at = message.received_at;
        c.created_at = message.received_at;
        c.updated_at = message.received_at;
        conversation = conversations_.emplace(c.id, c).first;
    }
    app::SmsConversation& c = conversation->second;
    for (const auto& [id, stored] : messages_) {
        if (stored.provider_sid == message.provider_sid) {
            return {c, stored, false};
        }
    }
    app::InboundSms stored = message;
    stored.id = next_id_++;
    stored.conversation_id = c.id;
    messages_.emplace(stored.id, stored);
    c.open = true;
    ++c.unread;
    c.needs_attention =
        c.needs_attention || message.consent == domain::InboundConsent::kMentionsStop;
    c.last_message = message.body;
    c.last_message_at = message.received_at;
    if (!c.user_id) {
        c.user_id = user;
    }
    c.updated_at = message.received_at;
    return {c, stored, true};
}

std::optional<app::SmsConversation> InMemorySmsInbox::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const auto it = conversations_.find(id);
    return it == conversations_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<app::SmsConversation> InMemorySmsInbox::FindByPhone(const std::string& e164) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, c] : conversations_) {
        if (c.phone_e164 == e164) {
            return c;
        }
    }
    return std::nullopt;
}

std::vector<app::SmsConversation> InMemorySmsInbox::List(
    const app::ConversationFilter& filter, int limit
) {
    const std::lock_guard lock(mutex_);
    std::vector<app::SmsConversation> out;
    for (const auto& [id, c] : conversations_) {
        if (c.open == filter.open && Shows(filter, c)) {
            out.push_back(c);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if ((a.unread > 0) != (b.unread > 0)) {
            return a.unread > 0;
        }
        return a.last_message_at != b.last_message_at ? a.last_message_at > b.last_message_at
                                                      : a.id > b.id;
    });
    if (static_cast<int>(out.size()) > limit) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

int InMemorySmsInbox::UnreadTotal(const app::ConversationFilter& filter) {
    const std::lock_guard lock(mutex_);
    int total = 0;
    for (const auto& [id, c] : conversations_) {
        total += c.open && Shows(filter, c) ? c.unread : 0;
    }
    return total;
}

std::vector<app::InboundSms> InMemorySmsInbox::Messages(std::int64_t conversation_id, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::InboundSms> out;
    for (const auto& [id, m] : messages_) {
        if (m.conversation_id == conversation_id) {
            out.push_back(m);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.received_at != b.received_at ? a.received_at < b.received_at : a.id < b.id;
    });
    if (static_cast<int>(out.size()) > limit) {
        out.erase(out.begin(), out.end() - std::max(limit, 0));
    }
    return out;
}

bool InMemorySmsInbox::MarkRead(std::int64_t id, Timestamp at) {
    const std::lock_guard lock(mutex_);
    const auto it = conversations_.find(id);
    if (it == conversations_.end() || it->second.unread == 0) {
        return false;
    }
    it->second.unread = 0;
    it->second.updated_at = at;
    return true;
}

bool InMemorySmsInbox::Assign(
    std::int64_t id,
    std::optional<domain::AgentId> expected,
    std::optional<domain::AgentId> agent,
    Timestamp at
) {
    const std::lock_guard lock(mutex_);
    const auto it = conversations_.find(id);
    if (it == conversations_.end() || it->second.assigned_agent_id != expected) {
        return false;
    }
    it->second.assigned_agent_id = agent;
    it->second.updated_at = at;
    return true;
}

bool InMemorySmsInbox::SetOpen(std::int64_t id, bool open, Timestamp at) {
    const std::lock_guard lock(mutex_);
    const auto it = conversations_.find(id);
    if (it == conversations_.end() || it->second.open == open) {
        return false;
    }
    it->second.open = open;
    if (!open) {
        it->second.needs_attention = false;
    }
    it->second.updated_at = at;
    return true;
}

bool InMemorySmsTemplateStore::NameTaken(const std::string& name, std::int64_t except) const {
    return std::any_of(versions_.begin(), versions_.end(), [&](const auto& entry) {
        return entry.first != except && entry.second.back().name == name;
    });
}

std::optional<app::SmsTemplate> InMemorySmsTemplateStore::Create(const app::SmsTemplate& t) {
    const std::lock_guard lock(mutex_);
    if (NameTaken(t.name, 0)) {
        return std::nullopt;
    }
    app::SmsTemplate stored = t;
    stored.id = next_id_++;
    stored.version = 1;
    versions_[stored.id] = {stored};
    active_[stored.id] = t.active;
    return stored;
}

std::optional<app::SmsTemplate> InMemorySmsTemplateStore::Update(const app::SmsTemplate& t) {
    const std::lock_guard lock(mutex_);
    const auto it = versions_.find(t.id);
    if (it == versions_.end() || it->second.back().version != t.version ||
        NameTaken(t.name, t.id)) {
        return std::nullopt;
    }
    app::SmsTemplate next = t;
    next.version = t.version + 1;
    next.active = active_[t.id];
    it->second.push_back(next);
    return next;
}

bool InMemorySmsTemplateStore::SetActive(std::int64_t id, bool active) {
    const std::lock_guard lock(mutex_);
    const auto it = active_.find(id);
    if (it == active_.end() || it->second == active) {
        return false;
    }
    it->second = active;
    return true;
}

std::optional<app::SmsTemplate> InMemorySmsTemplateStore::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const auto it = versions_.find(id);
    if (it == versions_.end()) {
        return std::nullopt;
    }
    app::SmsTemplate current = it->second.back();
    current.active = active_.at(id);
    return current;
}

std::optional<app::SmsTemplate> InMemorySmsTemplateStore::FindVersion(
    std::int64_t id, int version
) {
    const std::lock_guard lock(mutex_);
    const auto it = versions_.find(id);
    if (it == versions_.end()) {
        return std::nullopt;
    }
    for (app::SmsTemplate v : it->second) {
        if (v.version == version) {
            v.active = active_.at(id);
            return v;
        }
    }
    return std::nullopt;
}

std::vector<app::SmsTemplate> InMemorySmsTemplateStore::List(bool include_retired) {
    const std::lock_guard lock(mutex_);
    std::vector<app::SmsTemplate> out;
    for (const auto& [id, versions] : versions_) {
        if (include_retired || active_.at(id)) {
            out.push_back(versions.back());
            out.back().active = active_.at(id);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    return out;
}

app::FollowUp InMemoryFollowUpStore::Schedule(const app::FollowUp& follow_up) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.outcome_id == follow_up.outcome_id) {
            return row;
        }
    }
    app::FollowUp stored = follow_up;
    stored.id = next_id_++;
    stored.status = app::FollowUpStatus::kScheduled;
    stored.updated_at = stored.created_at;
    rows_.emplace(stored.id, stored);
    return stored;
}

std::vector<app::FollowUp> InMemoryFollowUpStore::ClaimDue(Timestamp now, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::FollowUp*> due;
    for (auto& [id, row] : rows_) {
        if (row.status == app::FollowUpStatus::kScheduled && row.due_at <= now) {
            due.push_back(&row);
        }
    }
    std::sort(due.begin(), due.end(), [](const auto* a, const auto* b) {
        return a->due_at != b->due_at ? a->due_at < b->due_at : a->id < b->id;
    });
    std::vector<app::FollowUp> out;
    for (auto* row : due) {
        if (static_cast<int>(out.size()) >= limit) {
            break;
        }
        row->status = app::FollowUpStatus::kSending;
        row->updated_at = now;
        out.push_back(*row);
    }
    return out;
}

bool InMemoryFollowUpStore::Finish(
    std::int64_t id,
    app::FollowUpStatus to,
    const std::string& reason,
    std::optional<std::int64_t> sms_id,
    Timestamp at
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end() || it->second.status != app::FollowUpStatus::kSending) {
        return false;
    }
    it->second.status = to;
    it->second.reason = reason;
    it->second.sms_id = sms_id;
    it->second.updated_at = at;
    return true;
}

bool InMemoryFollowUpStore::Defer(
    std::int64_t id, Timestamp due, const std::string& reason, Timestamp at
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end() || it->second.status != app::FollowUpStatus::kSending) {
        return false;
    }
    it->second.status = app::FollowUpStatus::kScheduled;
    it->second.due_at = due;
    it->second.reason = reason;
    it->second.updated_at = at;
    return true;
}

std::vector<app::FollowUp> InMemoryFollowUpStore::ForUser(domain::UserId user, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::FollowUp> out;
    for (const auto& [id, row] : rows_) {
        if (row.user_id == user) {
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    if (static_cast<int>(out.size()) > limit) {
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    }
    return out;
}

}  // namespace dialler::testing
