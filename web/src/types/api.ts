// Wire DTOs as zod schemas, with the TypeScript types inferred from them. The contract is
// docs/api.md; a response that does not parse is a bug (client or server), never a user error.
import { z } from 'zod';

/** Keep in sync with ErrorCode in src/dialler/base/error.hpp and the table in docs/api.md. */
export const errorCodeSchema = z.enum([
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'already_exists',
  'failed_precondition',
  'payload_too_large',
  'resource_exhausted',
  'internal',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * The one failure shape of every route. Parsed leniently (unknown codes and missing fields are
 * tolerated) because it is read on the failure path, where throwing a parse error would hide
 * the real problem.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().nullish(),
    field: z.string().nullish(),
    requestId: z.string().nullish(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const queueNameSchema = z.enum(['unsigned', 'outstanding', 'callbacks']);
export type QueueName = z.infer<typeof queueNameSchema>;

export const agentSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  queues: z.array(queueNameSchema),
});
export type Agent = z.infer<typeof agentSchema>;

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
export const sessionSchema = z.object({
  agent: agentSchema,
  csrfToken: z.string().min(1),
  expiresAt: z.iso.datetime(),
  idleExpiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const loginRequestSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponseSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof healthSchema>;
