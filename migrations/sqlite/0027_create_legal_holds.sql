-- Legal holds (product.md §11): while a customer has an active hold (released_at IS NULL), the
-- retention job keeps everything about them. Holds are released, never deleted, so the record of
-- who held what and why stays.
CREATE TABLE legal_holds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    placed_by_agent_id BIGINT NOT NULL,
    placed_at BIGINT NOT NULL,
    released_by_agent_id BIGINT,
    released_at BIGINT,
    release_reason TEXT NOT NULL DEFAULT ''
);
-- One active hold per customer: a second is refused, not stacked.
CREATE UNIQUE INDEX legal_holds_active ON legal_holds (user_id) WHERE released_at IS NULL;
CREATE INDEX legal_holds_placed ON legal_holds (placed_at);
