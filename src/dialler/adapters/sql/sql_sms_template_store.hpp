#pragma once

#include "dialler/adapters/sql/sql_database.hpp"
#include "dialler/app/sms_template_store.hpp"

namespace dialler::adapters::sql {

class SqlSmsTemplateStore final : public app::SmsTemplateStore {
public:
    explicit SqlSmsTemplateStore(SqlDatabase& db) : db_(db) {}
    std::optional<app::SmsTemplate> Create(const app::SmsTemplate& t) override;
    std::optional<app::SmsTemplate> Update(const app::SmsTemplate& t) override;
    bool SetActive(std::int64_t id, bool active) override;
    std::optional<app::SmsTemplate> Find(std::int64_t id) override;
    std::optional<app::SmsTemplate> FindVersion(std::int64_t id, int version) override;
    std::vector<app::SmsTemplate> List(bool include_retired) override;

private:
    SqlDatabase& db_;
};

}  // namespace dialler::adapters::sql
