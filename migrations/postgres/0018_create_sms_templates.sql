-- Text templates (product.md §7): every change is a new version, every version is kept, and a text
-- sent from a template records the version it used (app/sms_template_store.hpp). A template's
-- row points at its current version; retiring it keeps every version.
CREATE TABLE sms_templates (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sms_template_versions (
    template_id BIGINT NOT NULL REFERENCES sms_templates (id),
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    changed_by BIGINT,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (template_id, version)
);

ALTER TABLE sms_outbox ADD COLUMN template_id BIGINT;
ALTER TABLE sms_outbox ADD COLUMN template_version INTEGER;

-- Two service texts to start with; admins change them or add their own.
INSERT INTO sms_templates (name, version) VALUES ('Missed call', 1), ('Documents waiting', 1);
INSERT INTO sms_template_versions (template_id, version, name, kind, body, changed_by, changed_at)
SELECT id, 1, name, 'service',
       CASE name
           WHEN 'Missed call' THEN 'Hi {firstName}, this is {agentName} from the claims team. We tried to call you about your claim. Reply to this text and we will call you back.'
           ELSE 'Hi {firstName}, this is {agentName} from the claims team. Your claim documents are waiting for you; we will text you a secure link to finish them.'
       END,
       NULL, 0
FROM sms_templates;
