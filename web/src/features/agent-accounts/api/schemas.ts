// Wire shapes of the admin's agent accounts (docs/api.md "Agent accounts (admins)").
import { z } from 'zod';

import { queueNameSchema, roleSchema, type QueueName, type Role } from '@/types/api';

/** A person signs in with a password; a machine agent (an external AI agent) uses API keys. */
export const agentKindSchema = z.enum(['human', 'machine']);
export type AgentKind = z.infer<typeof agentKindSchema>;

/**
 * One account, deactivated ones too. `queues` lists every queue the agent may work (the server
 * spells out "every queue" as all three); `team` is "" for none. The password is never sent.
 */
export const agentAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  kind: agentKindSchema,
  queues: z.array(queueNameSchema),
  team: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  passwordChangedAt: z.iso.datetime().nullable(),
});
export type AgentAccount = z.infer<typeof agentAccountSchema>;

/** `GET /api/admin/agents`: by id. */
export const agentAccountsResponseSchema = z.object({ agents: z.array(agentAccountSchema) });
export type AgentAccountsResponse = z.infer<typeof agentAccountsResponseSchema>;

/** `POST /api/admin/agents` (201) and `PATCH /api/admin/agents/:id` (200). */
export const agentAccountResponseSchema = z.object({ agent: agentAccountSchema });
export type AgentAccountResponse = z.infer<typeof agentAccountResponseSchema>;

/** `POST /api/admin/agents/:id/password`. */
export const okResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponseSchema>;

/**
 * `POST /api/admin/agents`: `queues` empty means every queue; `team` "" for none. A person has a
 * password and no `kind` (the server's default); a machine agent is always an agent, without one.
 */
export type NewAgentAccount = {
  email: string;
  displayName: string;
  role: Role;
  queues: QueueName[];
  team: string;
} & ({ password: string } | { kind: 'machine' });

/** `PATCH /api/admin/agents/:id`: only what is sent changes. */
export type AgentAccountChanges = {
  displayName?: string;
  role?: Role;
  queues?: QueueName[];
  team?: string;
  active?: boolean;
};
