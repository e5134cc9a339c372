// Wire shapes of the Callbacks page (docs/api.md "Callbacks"). They belong in types/api.ts with the
// others; they live here until the routes they describe (reassign, cancel with a reason, the
// customer's name, the agent list) are in docs/api.md and that file can take them.
import { z } from 'zod';

import { callbackSchema } from '@/types/api';

export const callbackScopeSchema = z.enum(['mine', 'team', 'overdue']);
/**
 * `mine`: my pending callbacks and my closed ones of the last 7 days; `team`: every pending one;
 * `overdue`: pending and due before now.
 */
export type CallbackScope = z.infer<typeof callbackScopeSchema>;

/** A callback as the callbacks routes answer it: the stored callback plus the customer's name. */
export const callbackRowSchema = callbackSchema.extend({
  /** The customer's name from the replica; null (or absent) when it has none. */
  customerName: z.string().nullish(),
});
export type CallbackRow = z.infer<typeof callbackRowSchema>;

/** `GET /api/callbacks?scope=`. `now`, the server's clock, is read when the server sends it. */
export const callbacksResponseSchema = z.object({
  callbacks: z.array(callbackRowSchema),
  now: z.iso.datetime().optional(),
});
export type CallbacksResponse = z.infer<typeof callbacksResponseSchema>;

/** What reschedule, reassign and cancel answer: the callback as it is now. */
export const callbackResponseSchema = z.object({ callback: callbackRowSchema });
export type CallbackResponse = z.infer<typeof callbackResponseSchema>;

/** One person of `GET /api/agents`: whom a callback can be given to, and whose name to show. */
export const teamMemberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  active: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamMembersResponseSchema = z.object({ agents: z.array(teamMemberSchema) });
export type TeamMembersResponse = z.infer<typeof teamMembersResponseSchema>;
