-- What a job last did, for jobs that act on a change: the re-scoring job keeps the fingerprint
-- of the score weights it last applied, so every instance knows whether a change is pending.
ALTER TABLE job_state ADD COLUMN marker TEXT;
