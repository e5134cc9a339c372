-- Queue engine settings, one row per key (app/settings_codec.hpp defines keys and formats).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by_kind TEXT NOT NULL,
    updated_by_agent_id BIGINT
);
