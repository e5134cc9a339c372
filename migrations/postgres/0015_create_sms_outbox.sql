-- Outgoing texts. A row is written when the gate allows the text; the sender claims it (status
-- 'sending'), asks the provider once and records the answer. A sender that stops in between
-- leaves it 'unknown', never sent again (product.md §7; app/sms_outbox.hpp).
CREATE TABLE sms_outbox (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    agent_id BIGINT,
    to_e164 TEXT NOT NULL,
    from_e164 TEXT NOT NULL,
    body TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    provider_sid TEXT UNIQUE,
    error_code INTEGER NOT NULL DEFAULT 0,
    error_message TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX sms_outbox_user ON sms_outbox (user_id, created_at);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX sms_outbox_sending ON sms_outbox (claimed_until) WHERE status = 'sending';
