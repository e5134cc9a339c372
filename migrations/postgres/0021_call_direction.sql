-- Customers calling our number: an answered (or offered) inbound call is a call session like any
-- other (status callbacks, recording, outcome, the agent's day), told apart by its direction.
ALTER TABLE call_sessions ADD COLUMN direction TEXT NOT NULL DEFAULT 'outbound';
