// Wire shapes of a machine agent's API keys (docs/api.md "Machine agents").
import { z } from 'zod';

import { queueNameSchema } from '@/types/api';

/** What a key may be used for; each opens a few routes of the API to the machine agent. */
export const machineActionSchema = z.enum(['next_lead', 'outcome', 'link', 'sms']);
export type MachineAction = z.infer<typeof machineActionSchema>;

/**
 * One key, revoked ones too. Only `prefix` (the first 12 characters) of the key itself is ever
 * listed. `queues` empty: every queue the machine agent works. `actions` is kept as plain strings
 * so that an action added on the server later still lists (by its code).
 */
export const apiKeySchema = z.object({
  id: z.string(),
  agentId: z.string(),
  prefix: z.string(),
  actions: z.array(z.string()),
  queues: z.array(queueNameSchema),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  /** To the minute; null until the key is first used. */
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** `GET /api/admin/agents/:id/api-keys`. */
export const apiKeysResponseSchema = z.object({ keys: z.array(apiKeySchema) });
export type ApiKeysResponse = z.infer<typeof apiKeysResponseSchema>;

/** `POST /api/admin/agents/:id/api-keys` (201): the only answer that carries the key itself. */
export const createdApiKeySchema = z.object({ key: apiKeySchema, secret: z.string().min(1) });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** `POST /api/admin/api-keys/:id/revoke`. */
export const revokedApiKeySchema = z.object({ key: apiKeySchema });
export type RevokedApiKey = z.infer<typeof revokedApiKeySchema>;

/** What an admin asks for: at least one action; no queues means every queue the agent works. */
export type NewApiKey = { actions: MachineAction[]; queues: z.infer<typeof queueNameSchema>[] };
