-- Magic links (product.md §7). Only the token's SHA-256 fingerprint is stored. Each click is kept
-- (time, user agent, the assertion's id); the link row carries the counts the screens show.
CREATE TABLE magic_links (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    link_type TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT,
    call_session_id BIGINT,
    sms_id BIGINT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_by BIGINT,
    click_count INTEGER NOT NULL DEFAULT 0,
    first_opened_at BIGINT,
    last_opened_at BIGINT
);
CREATE INDEX magic_links_user ON magic_links (user_id, created_at);
CREATE TABLE magic_link_clicks (
    id BIGSERIAL PRIMARY KEY,
    link_id BIGINT NOT NULL REFERENCES magic_links (id),
    clicked_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL,
    assertion_id TEXT NOT NULL UNIQUE
);
CREATE INDEX magic_link_clicks_link ON magic_link_clicks (link_id, clicked_at);
