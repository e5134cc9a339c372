#include "magic_link_fakes.hpp"

#include <algorithm>
#include <stdexcept>

namespace dialler::testing {

app::MagicLink InMemoryMagicLinkStore::Create(const app::MagicLink& link) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.token_hash == link.token_hash) {
            throw std::runtime_error("UNIQUE constraint failed: magic_links.token_hash");
        }
    }
    app::MagicLink stored = link;
    stored.id = next_id_++;
    stored.sms_id.reset();
    stored.revoked_at.reset();
    stored.revoked_by.reset();
    stored.click_count = 0;
    stored.first_opened_at.reset();
    stored.last_opened_at.reset();
    rows_[stored.id] = stored;
    return stored;
}

void InMemoryMagicLinkStore::AttachSms(std::int64_t id, std::int64_t sms_id) {
    const std::lock_guard lock(mutex_);
    if (const auto it = rows_.find(id); it != rows_.end()) {
        it->second.sms_id = sms_id;
    }
}

bool InMemoryMagicLinkStore::Revoke(
    std::int64_t id, std::optional<domain::AgentId> by, Timestamp at
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end() || it->second.revoked_at) {
        return false;
    }
    it->second.revoked_at = at;
    it->second.revoked_by = by;
    return true;
}

std::optional<app::MagicLink> InMemoryMagicLinkStore::Find(std::int64_t id) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    return it == rows_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<app::MagicLink> InMemoryMagicLinkStore::FindByTokenHash(const std::string& token_hash
) {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, row] : rows_) {
        if (row.token_hash == token_hash) {
            return row;
        }
    }
    return std::nullopt;
}

std::vector<app::MagicLink> InMemoryMagicLinkStore::ForUser(domain::UserId user, int limit) {
    const std::lock_guard lock(mutex_);
    std::vector<app::MagicLink> out;
    for (const auto& [id, row] : rows_) {
        if (row.user_id == user) {
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    out.resize(std::min(out.size(), static_cast<std::size_t>(std::max(limit, 0))));
    return out;
}

int InMemoryMagicLinkStore::CountSince(domain::UserId user, Timestamp since) {
    const std::lock_guard lock(mutex_);
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [&](const auto& entry) {
        return entry.second.user_id == user && entry.second.created_at >= since;
    }));
}

int InMemoryMagicLinkStore::CountSentBy(domain::AgentId agent, Timestamp since) {
    const std::lock_guard lock(mutex_);
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [&](const auto& entry) {
        return entry.second.created_by == agent && entry.second.created_at >= since;
    }));
}

app::LinkDayCounts InMemoryMagicLinkStore::CountDay(Timestamp since) {
    const std::lock_guard lock(mutex_);
    app::LinkDayCounts counts;
    for (const auto& [id, link] : rows_) {
        counts.sent += link.created_at >= since ? 1 : 0;
        counts.opened += link.first_opened_at && *link.first_opened_at >= since ? 1 : 0;
        if (link.created_by && link.created_at >= since) {
            ++counts.sent_by[link.created_by->Value()];
        }
    }
    return counts;
}

std::optional<app::MagicLink> InMemoryMagicLinkStore::RecordClick(
    std::int64_t id, Timestamp at, const std::string& /*user_agent*/, const std::string& jti
) {
    const std::lock_guard lock(mutex_);
    const auto it = rows_.find(id);
    if (it == rows_.end()) {
        return std::nullopt;
    }
    if (!assertion_ids_.insert(jti).second) {
        throw std::runtime_error("UNIQUE constraint failed: magic_link_clicks.assertion_id");
    }
    app::MagicLink& row = it->second;
    row.click_count += 1;
    if (!row.first_opened_at) {
        row.first_opened_at = at;
    }
    row.last_opened_at = at;
    return row;
}

}  // namespace dialler::testing
