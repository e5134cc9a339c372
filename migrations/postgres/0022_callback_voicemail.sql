-- A missed call's voicemail, kept with the callback it became (played through the audited proxy,
-- fetched by SID; the URL is only what the provider said).
ALTER TABLE callbacks ADD COLUMN voicemail_sid TEXT;
ALTER TABLE callbacks ADD COLUMN voicemail_url TEXT;
ALTER TABLE callbacks ADD COLUMN voicemail_seconds INTEGER;
