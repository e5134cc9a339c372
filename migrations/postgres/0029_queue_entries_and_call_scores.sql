-- Analytics (docs/metrics.md "Conversion funnel and time to first call"): every queue episode a
-- lead starts, kept after the lead moves on (leads keep only their current queue). `episode` is
-- the lead's waiting_since (the key a conversion is recorded under); `entered_at` is when the
-- dialler wrote it (evaluated_at), from when the customer could be called.
CREATE TABLE queue_entries (
    user_id BIGINT NOT NULL,
    queue TEXT NOT NULL,
    episode BIGINT NOT NULL,
    entered_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, queue, episode)
);
CREATE INDEX queue_entries_entered ON queue_entries (entered_at);
CREATE INDEX queue_entries_user ON queue_entries (user_id, entered_at);
-- Leads already in a queue: entered at the later of when they were first seen and when their
-- episode began (the best that is known).
INSERT INTO queue_entries (user_id, queue, episode, entered_at)
    SELECT user_id, queue, waiting_since, GREATEST(first_seen_at, waiting_since)
    FROM leads WHERE queue IS NOT NULL;
-- Recorded by the database whatever writes the lead, so no writer can forget it. An upsert's
-- update path fires the update trigger; an unchanged episode records nothing (the WHEN clause
-- is checked without calling the function); a lead back in the queue and episode it left (a
-- suppression lifted) is not a new entry.
CREATE FUNCTION record_queue_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO queue_entries (user_id, queue, episode, entered_at)
        VALUES (NEW.user_id, NEW.queue, NEW.waiting_since, NEW.evaluated_at)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER leads_queue_entry_insert AFTER INSERT ON leads
    FOR EACH ROW WHEN (NEW.queue IS NOT NULL) EXECUTE FUNCTION record_queue_entry();
CREATE TRIGGER leads_queue_entry_update AFTER UPDATE OF queue, waiting_since ON leads
    FOR EACH ROW
    WHEN (NEW.queue IS NOT NULL
          AND (OLD.queue IS DISTINCT FROM NEW.queue OR OLD.waiting_since <> NEW.waiting_since))
    EXECUTE FUNCTION record_queue_entry();
-- The score-band mix: the lead's score when the call was placed (none for customers' calls).
ALTER TABLE call_sessions ADD COLUMN lead_score INTEGER;
