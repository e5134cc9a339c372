#include "dialler/app/sms_template_service.hpp"

#include <exception>

namespace dialler::app {

namespace {

std::vector<std::pair<std::string, std::string>> Describe(
    const std::string& prefix, const SmsTemplate& t
) {
    return {
        {prefix + "Version", std::to_string(t.version)},
        {prefix + "Name", t.name},
        {prefix + "Kind", std::string(domain::TemplateKindName(t.kind))},
        {prefix + "Body", t.body},
    };
}

// A template as submitted, checked by the domain's rules (fields named as the API names them).
Result<SmsTemplate> Checked(const TemplateInput& input) {
    SmsTemplate t;
    DIALLER_ASSIGN_OR_RETURN(t.name, domain::CheckTemplateName(input.name, "name"));
    const auto kind = domain::ParseTemplateKind(input.kind);
    if (!kind) {
        return InvalidField("kind", "kind must be service or marketing");
    }
    t.kind = *kind;
    DIALLER_ASSIGN_OR_RETURN(t.body, domain::CheckTemplateBody(input.body, t.kind, "body"));
    return t;
}

}  // namespace

std::vector<SmsTemplate> SmsTemplateService::List(bool include_retired) {
    return ports_.templates.List(include_retired);
}

Result<SmsTemplate> SmsTemplateService::Create(
    const domain::Agent& admin, const TemplateInput& input, const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(SmsTemplate t, Checked(input));
    t.changed_by = admin.id;
    t.changed_at = ports_.clock.Now();
    const auto created = ports_.templates.Create(t);
    if (!created) {
        return Fail(ErrorCode::kAlreadyExists, "another template has this name", "name");
    }
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::OfAgent(admin.id),
        "sms_template.created",
        "sms_template",
        std::to_string(created->id),
        ctx,
        Describe("after", *created)
    );
    return *created;
}

Result<SmsTemplate> SmsTemplateService::Update(
    const domain::Agent& admin,
    std::int64_t id,
    int expected_version,
    const TemplateInput& input,
    const RequestContext& ctx
) {
    DIALLER_ASSIGN_OR_RETURN(SmsTemplate t, Checked(input));
    const auto before = ports_.templates.Find(id);
    if (!before) {
        return Fail(ErrorCode::kNotFound, "no such template");
    }
    if (before->version != expected_version) {
        return Fail(
            ErrorCode::kFailedPrecondition,
            "someone else changed this template meanwhile: look at it again",
            "version"
        );
    }
    t.id = id;
    t.version = expected_version;
    t.changed_by = admin.id;
    t.changed_at = ports_.clock.Now();
    const auto after = ports_.templates.Update(t);
    if (!after) {
        // The version moved on between the read and the write, or the name was taken.
        const auto now = ports_.templates.Find(id);
        if (now && now->version == expected_version) {
            return Fail(ErrorCode::kAlreadyExists, "another template has this name", "name");
        }
        return Fail(
            ErrorCode::kFailedPrecondition,
            "someone else changed this template meanwhile: look at it again",
            "version"
        );
    }
    auto details = Describe("before", *before);
    for (auto& d : Describe("after", *after)) {
        details.push_back(std::move(d));
    }
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::OfAgent(admin.id),
        "sms_template.changed",
        "sms_template",
        std::to_string(id),
        ctx,
        std::move(details)
    );
    return *after;
}

Result<SmsTemplate> SmsTemplateService::SetActive(
    const domain::Agent& admin, std::int64_t id, bool active, const RequestContext& ctx
) {
    if (!ports_.templates.Find(id)) {
        return Fail(ErrorCode::kNotFound, "no such template");
    }
    if (ports_.templates.SetActive(id, active)) {
        AuditAction(
            ports_.audit,
            ports_.clock,
            Actor::OfAgent(admin.id),
            active ? "sms_template.restored" : "sms_template.retired",
            "sms_template",
            std::to_string(id),
            ctx
        );
    }
    return *ports_.templates.Find(id);
}

Result<ComposedText> SmsTemplateService::Compose(
    const TextToSend& text, domain::UserId user, const std::optional<domain::Agent>& sender
) {
    if (!text.template_id) {
        return ComposedText{text.body, std::nullopt, 0};
    }
    const auto t = ports_.templates.Find(*text.template_id);
    if (!t || !t->active) {
        return InvalidField("templateId", "templateId is not a template in use");
    }
    domain::TemplateValues values;
    values.agent_name = sender ? sender->display_name : std::string();
    try {
        values.first_name = FirstName(ports_.replica, user);
    } catch (const std::exception&) {
        return Fail(
            ErrorCode::kUnavailable, "The customer's name cannot be read just now. Try again."
        );
    }
    return ComposedText{domain::RenderTemplate(t->body, values), t->id, t->version};
}

}  // namespace dialler::app
