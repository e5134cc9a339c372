#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/api_keys.hpp"

namespace dialler::adapters::sql {

class SqlApiKeyStore final : public app::ApiKeyStore {
public:
    explicit SqlApiKeyStore(SqlDatabase& db) : db_(db) {}
    app::ApiKey Create(const app::ApiKey& key, const std::string& key_hash) override;
    std::optional<app::ApiKey> FindByHash(const std::string& key_hash) override;
    std::optional<app::ApiKey> Find(std::int64_t id) override;
    std::vector<app::ApiKey> ForAgent(domain::AgentId agent) override;
    bool Revoke(std::int64_t id, domain::AgentId by, Timestamp at) override;
    void Touch(std::int64_t id, Timestamp at) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
