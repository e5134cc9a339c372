// Wire shapes of legal holds (src/dialler/adapters/http/routes_legal_holds.cpp).
import { z } from 'zod';

/**
 * One hold on a customer: while it is active the retention job leaves all of that customer's
 * records alone. A released hold is kept, with who released it, when and why; `placedBy` and
 * `releasedBy` are agent ids (names come from `GET /api/agents`).
 */
export const legalHoldSchema = z.object({
  id: z.string(),
  userId: z.string(),
  reason: z.string(),
  active: z.boolean(),
  placedBy: z.string(),
  placedAt: z.iso.datetime(),
  releasedBy: z.string().nullable(),
  releasedAt: z.iso.datetime().nullable(),
  releaseReason: z.string(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;

export const legalHoldsResponseSchema = z.object({ holds: z.array(legalHoldSchema) });
export type LegalHoldsResponse = z.infer<typeof legalHoldsResponseSchema>;

export const legalHoldResponseSchema = z.object({ hold: legalHoldSchema });
export type LegalHoldResponse = z.infer<typeof legalHoldResponseSchema>;

/** `POST /api/admin/legal-holds`: the customer (digits, as a string) and why. */
export type PlaceLegalHoldInput = { userId: string; reason: string };
