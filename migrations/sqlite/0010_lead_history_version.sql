-- Discovery never overwrites an outcome: every outcome bumps history_version, and discovery
-- writes a lead only if the version it read is still the stored one (else the lead waits for the
-- next run, re-read with the outcome in it).
ALTER TABLE leads ADD COLUMN history_version BIGINT NOT NULL DEFAULT 0;
