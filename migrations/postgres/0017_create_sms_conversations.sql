-- Texts customers send us, one conversation per phone number (exact E.164); the customer is
-- known when exactly one customer in the queues has the number (product.md §7;
-- app/sms_inbox.hpp). Our side of a conversation is the outbox's texts to the same number.
CREATE TABLE sms_conversations (
    id BIGSERIAL PRIMARY KEY,
    phone_e164 TEXT NOT NULL UNIQUE,
    user_id BIGINT,
    assigned_agent_id BIGINT,
    is_open INTEGER NOT NULL DEFAULT 1,
    unread INTEGER NOT NULL DEFAULT 0,
    needs_attention INTEGER NOT NULL DEFAULT 0,
    last_message TEXT NOT NULL DEFAULT '',
    last_message_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX sms_conversations_list ON sms_conversations (is_open, last_message_at);
CREATE INDEX sms_conversations_user ON sms_conversations (user_id);

CREATE TABLE sms_inbound (
    id BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES sms_conversations (id),
    provider_sid TEXT NOT NULL UNIQUE,
    from_e164 TEXT NOT NULL,
    to_e164 TEXT NOT NULL,
    body TEXT NOT NULL,
    consent TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX sms_inbound_conversation ON sms_inbound (conversation_id, received_at);

-- A conversation shows the texts we sent to its number.
CREATE INDEX sms_outbox_to ON sms_outbox (to_e164, created_at);
