-- Texts an outcome schedules (product.md §6, §7; app/follow_up_store.hpp): a reminder, a check-in
-- or a callback confirmation, re-checked when due and sent at most once, or cancelled with the
-- reason.
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL,
    outcome_id BIGINT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    callback_at BIGINT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    sms_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX follow_ups_due ON follow_ups (due_at) WHERE status = 'scheduled';
CREATE INDEX follow_ups_user ON follow_ups (user_id, created_at);
