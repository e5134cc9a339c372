-- The audit log as a hash chain (app/audit_chain.hpp): one seal per entry, each hash covering the
-- entry and the seal before it, so `dialler audit verify` finds an entry edited or deleted after
-- it was sealed. Append-only like the log itself.
CREATE TABLE audit_seals (
    audit_id BIGINT PRIMARY KEY,
    hash TEXT NOT NULL,
    sealed_at BIGINT NOT NULL
);
CREATE FUNCTION audit_seals_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_seals is append-only';
END;
$$;
CREATE TRIGGER audit_seals_no_update BEFORE UPDATE OR DELETE ON audit_seals
    FOR EACH ROW EXECUTE FUNCTION audit_seals_refuse_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seals_refuse_change();
