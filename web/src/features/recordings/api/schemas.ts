// Wire shapes of the Recordings page (`GET /api/recordings`).
import { z } from 'zod';

import { callDirectionSchema } from '@/types/api';

/** One call that has a recording, as `GET /api/recordings` lists it. */
export const recordedCallSchema = z.object({
  callSessionId: z.string(),
  /** When the call was made (or came in). */
  at: z.iso.datetime(),
  agentId: z.string(),
  userId: z.string(),
  /** The customer's name from the replica; null when it has none. */
  customerName: z.string().nullable(),
  direction: callDirectionSchema,
  /**
   * The outcome saved for the call, null when none was. A plain string rather than the outcome
   * codes, so that a code added on the server later still shows (in words) rather than breaking
   * the page.
   */
  outcome: z.string().nullable(),
  talkSeconds: z.number().int().nullable(),
  /** Played through the server, which audits every play (`call.recording_played`). */
  recording: z.object({ seconds: z.number().int(), url: z.string() }),
});
export type RecordedCall = z.infer<typeof recordedCallSchema>;

/** One page, newest first; `hasMore` when older ones remain (ask with `before`). */
export const recordingsResponseSchema = z.object({
  recordings: z.array(recordedCallSchema),
  hasMore: z.boolean(),
});
export type RecordingsResponse = z.infer<typeof recordingsResponseSchema>;

/**
 * What the calls are filtered by; '' for a filter not set. `from` and `to` are UK calendar days
 * ("2026-11-04"), both included.
 */
export type RecordingFilters = {
  agentId: string;
  userId: string;
  outcome: string;
  from: string;
  to: string;
};
