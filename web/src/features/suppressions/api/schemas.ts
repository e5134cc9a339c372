// Wire shapes of the do-not-contact list (docs/api.md "Suppression (do not contact)").
import { z } from 'zod';

/** What an entry bars: calls, texts, or both. */
export const suppressionChannelSchema = z.enum(['call', 'sms', 'all']);
export type SuppressionChannel = z.infer<typeof suppressionChannelSchema>;

/** Who added an entry: an agent (with their id), or the dialler itself, the command line … */
export const suppressionActorSchema = z.object({
  kind: z.string(),
  agentId: z.string().nullable(),
});

/**
 * One entry. It covers a customer (`userId`), a number (`phone`, masked), or both. A removed entry
 * is kept, with when and why it was lifted. `source` says how it came: `agent`, `outcome` (the Do
 * not contact outcome), `sms_stop` (the customer texted STOP), `admin`, `import`; a plain string,
 * so that a source added later still shows.
 */
export const suppressionSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  phone: z.string().nullable(),
  /** `call`, `sms` or `all`; a plain string, so that a channel added later still shows. */
  channel: z.string(),
  reason: z.string(),
  source: z.string(),
  createdBy: suppressionActorSchema,
  createdAt: z.iso.datetime(),
  removedAt: z.iso.datetime().nullable(),
  removedReason: z.string().nullable(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

export const suppressionsResponseSchema = z.object({ suppressions: z.array(suppressionSchema) });
export type SuppressionsResponse = z.infer<typeof suppressionsResponseSchema>;

export const suppressionResponseSchema = z.object({ suppression: suppressionSchema });
export type SuppressionResponse = z.infer<typeof suppressionResponseSchema>;

/** `POST /api/suppressions`: a customer or a number (as people write it), the channel, why. */
export type SuppressionInput = {
  userId?: string;
  phone?: string;
  channel: SuppressionChannel;
  reason: string;
};
