-- The next-lead pick walks an index of ready leads only: open, not given up, no bad number and
-- not parked (waiting for next_call_at). A lead is parked when an outcome, skip or gate refusal
-- sets a future next_call_at, and unparked by a sweep once that time has passed, so waiting
-- leads never sit in front of the callable ones (docs/benchmarks.md, first run).
ALTER TABLE leads ADD COLUMN parked INTEGER NOT NULL DEFAULT 0;
UPDATE leads SET parked = 1 WHERE next_call_at IS NOT NULL;
DROP INDEX leads_pick;
CREATE INDEX leads_ready ON leads (queue, score, waiting_since, user_id)
    WHERE is_closed = 0 AND is_given_up = 0 AND parked = 0 AND bad_number_e164 IS NULL;
CREATE INDEX leads_parked ON leads (next_call_at) WHERE parked = 1;
