#pragma once

#include <map>
#include <mutex>
#include <set>

#include "dialler/app/magic_link_store.hpp"

namespace dialler::testing {

class InMemoryMagicLinkStore final : public app::MagicLinkStore {
public:
    app::MagicLink Create(const app::MagicLink& link) override;
    void AttachSms(std::int64_t id, std::int64_t sms_id) override;
    bool Revoke(std::int64_t id, std::optional<domain::AgentId> by, Timestamp at) override;
    std::optional<app::MagicLink> Find(std::int64_t id) override;
    std::optional<app::MagicLink> FindByTokenHash(const std::string& token_hash) override;
    std::vector<app::MagicLink> ForUser(domain::UserId user, int limit) override;
    int CountSince(domain::UserId user, Timestamp since) override;
    int CountSentBy(domain::AgentId agent, Timestamp since) override;
    app::LinkDayCounts CountDay(Timestamp since) override;
    std::optional<app::MagicLink> RecordClick(
        std::int64_t id, Timestamp at, const std::string& user_agent, const std::string& jti
    ) override;

private:
    std::mutex mutex_;
    std::map<std::int64_t, app::MagicLink> rows_;
    std::set<std::string> assertion_ids_;
    std::int64_t next_id_ = 1;
};

}  // namespace dialler::testing
