-- The floor board reads the whole floor's day: every call since UK midnight, and the links sent
-- and opened since then.
CREATE INDEX call_sessions_created ON call_sessions (created_at);
CREATE INDEX magic_links_created ON magic_links (created_at);
CREATE INDEX magic_links_first_opened ON magic_links (first_opened_at);
