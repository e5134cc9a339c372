#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/base/clock.hpp"
#include "dialler/domain/agent.hpp"
#include "dialler/domain/sms_template.hpp"

namespace dialler::app {

// One version of a text template. Every change is a new version; the versions are kept, and
// every text sent from a template records the version it used.
struct SmsTemplate {
    std::int64_t id = 0;
    int version = 1;
    std::string name;
    domain::TemplateKind kind = domain::TemplateKind::kService;
    std::string body;                           // checked by domain::CheckTemplateBody
    bool active = true;                         // a retired template is kept, but not offered
    std::optional<domain::AgentId> changed_by;  // nullopt: shipped with the dialler
    Timestamp changed_at;
};

// Templates in the own database. Implementations: SqlSmsTemplateStore,
// InMemorySmsTemplateStore; contract in tests/contract/queue_store_contracts_test.cpp.
// Thread-safe; faults are exceptions.
class SmsTemplateStore {
public:
    virtual ~SmsTemplateStore() = default;

    // Stores version 1 of a new template (id, version ignored) and returns it. nullopt when
    // another template has the name.
    virtual std::optional<SmsTemplate> Create(const SmsTemplate& t) = 0;
    // Stores the next version of template `t.id`, if its current version is still `t.version`
    // (someone else's change meanwhile wins; nullopt) and no other template has the name.
    // Returns the new version.
    virtual std::optional<SmsTemplate> Update(const SmsTemplate& t) = 0;
    // Retires or restores the template (who did, and when, is in the audit log). False when
    // there is no such template or it already was.
    virtual bool SetActive(std::int64_t id, bool active) = 0;

    virtual std::optional<SmsTemplate> Find(std::int64_t id) = 0;  // the current version
    virtual std::optional<SmsTemplate> FindVersion(std::int64_t id, int version) = 0;
    // The current versions, by name; retired ones only when asked.
    virtual std::vector<SmsTemplate> List(bool include_retired) = 0;
};

}  // namespace dialler::app
