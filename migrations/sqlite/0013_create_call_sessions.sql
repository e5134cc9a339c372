-- Calls to customers. A session is created when the gate allows the call, before anything is
-- dialled; only Twilio's signed status callbacks move it (matched by CallSid: the browser's leg,
-- and the customer's leg it dials).
CREATE TABLE call_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    phone_e164 TEXT NOT NULL,
    caller_id TEXT NOT NULL,
    status TEXT NOT NULL,
    last_sequence BIGINT NOT NULL DEFAULT -1,
    call_sid TEXT UNIQUE,
    dialled_call_sid TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    ringing_at BIGINT,
    answered_at BIGINT,
    ended_at BIGINT,
    recording_sid TEXT,
    recording_url TEXT,
    recording_seconds INTEGER,
    outcome_id BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX call_sessions_user ON call_sessions (user_id, created_at);
CREATE INDEX call_sessions_agent ON call_sessions (agent_id, created_at);
CREATE INDEX call_sessions_open ON call_sessions (created_at) WHERE ended_at IS NULL;
