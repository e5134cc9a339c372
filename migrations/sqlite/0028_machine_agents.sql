-- Machine agents (product.md §2): external AI agents that work the queues through the API, as
-- agents of kind 'machine'. They never sign in with a password; they present an API key.
ALTER TABLE agents ADD COLUMN kind TEXT NOT NULL DEFAULT 'human';
-- A machine agent's API keys: only a hash of the key is kept (it is shown once, when created);
-- `prefix` (the key's first characters) tells keys apart in lists; `actions` is what the key
-- may do (a comma list of next_lead, outcome, link, sms) and `queues` where (empty: every
-- queue of the agent). Revoked, never deleted.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id BIGINT NOT NULL REFERENCES agents (id),
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    actions TEXT NOT NULL,
    queues TEXT NOT NULL DEFAULT '',
    created_by_agent_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    revoked_by_agent_id BIGINT
);
CREATE INDEX api_keys_agent ON api_keys (agent_id, created_at);
