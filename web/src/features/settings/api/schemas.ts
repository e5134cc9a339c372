// Wire shapes of the queue engine's settings (docs/api.md "Settings (queue engine)").
import { z } from 'zod';

/**
 * `GET /api/settings` and the answer to `PUT /api/settings`: every key with its current value,
 * all as strings. The keys are the server's (src/dialler/app/settings_codec.hpp): a plain record,
 * so that a key added there later still arrives and shows.
 */
export const settingsResponseSchema = z.object({
  settings: z.record(z.string(), z.string()),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** Key → value, as the server holds them. */
export type SettingsMap = SettingsResponse['settings'];
