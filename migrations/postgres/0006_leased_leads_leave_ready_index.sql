-- Leased leads leave the ready index too: otherwise every held lead sits at the head of the
-- index walk and each claim steps over all of them (T2 in docs/benchmarks.md). An expired lease
-- is cleared by the same once-a-second sweep that unparks waiting leads.
DROP INDEX leads_ready;
CREATE INDEX leads_ready ON leads (queue, score, waiting_since, user_id)
    WHERE is_closed = 0 AND is_given_up = 0 AND parked = 0 AND bad_number_e164 IS NULL
    AND lease_agent_id IS NULL;
CREATE INDEX leads_lease_expiry ON leads (lease_expires_at) WHERE lease_agent_id IS NOT NULL;

-- Discovery runs count the customers whose lead did not change (and so was not written).
ALTER TABLE discovery_runs ADD COLUMN unchanged BIGINT NOT NULL DEFAULT 0;
