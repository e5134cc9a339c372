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

std::vector<app::OutboundSms> InMemorySmsOutbox::ForUser(domain::UserId user, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::OutboundSms> out;
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
