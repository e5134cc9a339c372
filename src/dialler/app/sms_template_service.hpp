#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/sms_template_store.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// A template as an admin submits it, unchecked.
struct TemplateInput {
    std::string name;
    std::string kind;  // "service" | "marketing"
    std::string body;
};

// What a person asked to send: their own words, or a template's.
struct TextToSend {
    std::string body;
    std::optional<std::int64_t> template_id;
};

// The words to send, and the template version they came from (if any).
struct ComposedText {
    std::string body;
    std::optional<std::int64_t> template_id;
    int template_version = 0;

    // As SmsService::Send takes it: the template's id and version, if any.
    std::optional<std::pair<std::int64_t, int>> FromTemplate() const {
        return template_id ? std::optional(std::pair(*template_id, template_version))
                           : std::nullopt;
    }
};

// Text templates (product.md §7): versioned, with placeholders filled per customer and sender
// (domain::RenderTemplate), service or marketing (a marketing one carries an opt-out line).
// Admins create, change (a new version each time, never overwriting one that texts refer to),
// retire and restore them; every change is audited with what it was before and after.
// Thread-safe; blocking.
class SmsTemplateService {
public:
    struct Ports {
        SmsTemplateStore& templates;
        Replica& replica;  // the customer's first name
        AuditLog& audit;
        const Clock& clock;
    };
    explicit SmsTemplateService(Ports ports) : ports_(ports) {}

    std::vector<SmsTemplate> List(bool include_retired);

    // Errors: kInvalidArgument naming "name", "kind" or "body"; kAlreadyExists (the name is
    // another template's).
    Result<SmsTemplate> Create(
        const domain::Agent& admin, const TemplateInput& input, const RequestContext& ctx
    );
    // Stores the next version, if `expected_version` is still the current one. Errors: Create's;
    // kNotFound; kFailedPrecondition (someone else changed it meanwhile).
    Result<SmsTemplate> Update(
        const domain::Agent& admin,
        std::int64_t id,
        int expected_version,
        const TemplateInput& input,
        const RequestContext& ctx
    );
    // Errors: kNotFound.
    Result<SmsTemplate> SetActive(
        const domain::Agent& admin, std::int64_t id, bool active, const RequestContext& ctx
    );

    // The words for `user` from `sender` (nullopt: a rule of the system): a template's filled
    // in, or the person's own as they are. Errors: kInvalidArgument "templateId" (no such
    // template in use); kUnavailable (the customer's name cannot be read just now).
    Result<ComposedText> Compose(
        const TextToSend& text, domain::UserId user, const std::optional<domain::Agent>& sender
    );

private:
    Ports ports_;
};

}  // namespace dialler::app
