-- A conversion is recorded once per customer and queue episode: the episode is when the lead
-- entered the queue it left (its waiting_since then). Rows from before carry no episode.
ALTER TABLE conversions ADD COLUMN episode BIGINT;
CREATE UNIQUE INDEX conversions_once ON conversions (user_id, from_queue, episode);
