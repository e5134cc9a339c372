-- Dispositions recorded by agents, and the callbacks customers asked for.

CREATE TABLE lead_outcomes (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    score_adjustment INTEGER NOT NULL,
    queue TEXT,
    next_call_at BIGINT,
    callback_id BIGINT,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX lead_outcomes_user ON lead_outcomes (user_id, recorded_at);
CREATE INDEX lead_outcomes_agent ON lead_outcomes (agent_id, recorded_at);

CREATE TABLE callbacks (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    agent_id BIGINT,
    scheduled_for BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'cancelled')),
    notes TEXT NOT NULL DEFAULT '',
    created_by_kind TEXT NOT NULL,
    created_by_agent_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX callbacks_due ON callbacks (scheduled_for) WHERE status = 'pending';
CREATE INDEX callbacks_user ON callbacks (user_id);
