-- Bank holidays are computed by rule for any year now (window.bankHolidays); window.closedDays
-- holds only one-off closures. The seeded list of 2025-2027 holidays is dropped where no admin
-- has edited it; an edited list is kept (its holidays are closed by the rule anyway).
UPDATE settings SET value = '' WHERE key = 'window.closedDays' AND updated_by_kind = 'system';
