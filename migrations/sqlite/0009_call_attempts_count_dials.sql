-- Caps count dials: a call attempt is written when a call is placed, and the outcome saved after
-- it is linked to that attempt (outcome_id) instead of writing a second one. leased_at marks the
-- start of a hold, so an outcome links only a dial of the same hold.
ALTER TABLE leads ADD COLUMN leased_at BIGINT;
ALTER TABLE contact_attempts ADD COLUMN outcome_id BIGINT;
