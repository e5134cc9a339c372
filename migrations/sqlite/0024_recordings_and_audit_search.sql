-- Searching recordings by outcome, and the audit log by customer or by who acted.
-- A call's outcome code is kept with the call when they are linked (the recordings search
-- filters on it); calls linked before are filled in from their outcome.
ALTER TABLE call_sessions ADD COLUMN outcome TEXT;
UPDATE call_sessions SET outcome =
    (SELECT o.outcome FROM lead_outcomes o WHERE o.id = call_sessions.outcome_id)
    WHERE outcome_id IS NOT NULL;
CREATE INDEX call_sessions_recorded ON call_sessions (created_at) WHERE recording_sid IS NOT NULL;

-- The customer an entry is about (its subject, or the userId in its details): derived, not part
-- of the entry as sealed (app/audit_chain.cpp), so filling it in for old entries changes no seal.
ALTER TABLE audit_log ADD COLUMN user_id BIGINT;
DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET user_id = CASE
    WHEN subject_type = 'customer' AND subject_id <> '' AND subject_id NOT GLOB '*[^0-9]*'
        THEN CAST(subject_id AS INTEGER)
    WHEN json_valid(details) AND CAST(json_extract(details, '$.userId') AS TEXT) <> ''
        AND CAST(json_extract(details, '$.userId') AS TEXT) NOT GLOB '*[^0-9]*'
        THEN CAST(json_extract(details, '$.userId') AS INTEGER)
    END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_agent_id, id);
