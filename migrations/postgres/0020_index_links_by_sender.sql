-- An agent's day on screen counts the links they sent today: by sender and time, not a scan.
CREATE INDEX magic_links_creator ON magic_links (created_by, created_at);
