-- Callbacks are kept: an unanswered try (no answer, voicemail, hung up) leaves the callback
-- pending and counts here; after the configured number it goes to the team. A callback the
-- system had to close (the customer can no longer be called) keeps why, for its agent to see.
ALTER TABLE callbacks ADD COLUMN failed_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE callbacks ADD COLUMN closed_reason TEXT;
CREATE INDEX callbacks_agent ON callbacks (agent_id, updated_at);
