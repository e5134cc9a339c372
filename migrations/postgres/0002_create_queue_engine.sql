-- The queue engine: leads, outcomes, contacts, callbacks, suppression, conversions, discovery
-- runs, job leases, settings. Times are BIGINT epoch milliseconds, UTC.

CREATE TABLE leads (
    user_id BIGINT PRIMARY KEY,
    queue TEXT CHECK (queue IN ('unsigned', 'outstanding')),
    reasons TEXT NOT NULL DEFAULT '',
    is_closed INTEGER NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1)),
    closed_reason TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0,
    score_components TEXT NOT NULL DEFAULT '[]',
    is_given_up INTEGER NOT NULL DEFAULT 0 CHECK (is_given_up IN (0, 1)),
    phone_raw TEXT,
    phone_e164 TEXT,
    phone_type TEXT,
    phone_region TEXT,
    bad_number_e164 TEXT,
    history_key TEXT NOT NULL DEFAULT '',
    waiting_since BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    outcome_points INTEGER NOT NULL DEFAULT 0,
    next_call_at BIGINT,
    lease_agent_id BIGINT,
    lease_expires_at BIGINT,
    first_seen_at BIGINT NOT NULL,
    evaluated_at BIGINT NOT NULL
);
-- The next-lead pick: the best score among open leads of a queue.
CREATE INDEX leads_pick ON leads (queue, score, waiting_since)
    WHERE queue IS NOT NULL AND is_closed = 0 AND is_given_up = 0;
CREATE INDEX leads_phone ON leads (phone_e164);
CREATE INDEX leads_lease_agent ON leads (lease_agent_id) WHERE lease_agent_id IS NOT NULL;

CREATE TABLE contact_attempts (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('call', 'sms')),
    agent_id BIGINT,
    phone_e164 TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX contact_attempts_user ON contact_attempts (user_id, at);

CREATE TABLE suppressions (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT,
    phone_e164 TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('call', 'sms', 'all')),
    reason TEXT NOT NULL,
    source TEXT NOT NULL,
    created_by_kind TEXT NOT NULL,
    created_by_agent_id BIGINT,
    created_at BIGINT NOT NULL,
    removed_at BIGINT,
    removed_by_kind TEXT,
    removed_by_agent_id BIGINT,
    removed_reason TEXT NOT NULL DEFAULT '',
    CHECK (user_id IS NOT NULL OR phone_e164 IS NOT NULL)
);
CREATE INDEX suppressions_user ON suppressions (user_id) WHERE removed_at IS NULL;
CREATE INDEX suppressions_phone ON suppressions (phone_e164) WHERE removed_at IS NULL;

CREATE TABLE conversions (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    from_queue TEXT NOT NULL,
    at BIGINT NOT NULL,
    agent_ids TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conversions_at ON conversions (at);

CREATE TABLE discovery_runs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    customers_read BIGINT NOT NULL DEFAULT 0,
    leads_written BIGINT NOT NULL DEFAULT 0,
    leads_in_queue BIGINT NOT NULL DEFAULT 0,
    skipped_leased BIGINT NOT NULL DEFAULT 0,
    removed BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT ''
);

CREATE TABLE job_state (
    name TEXT PRIMARY KEY,
    lease_holder TEXT,
    lease_expires_at BIGINT,
    watermark BIGINT
);
