// Wire shapes of the Audit log page (`GET /api/audit`).
import { z } from 'zod';

/**
 * Who did it: `agent` (with their id), `system` (the dialler's own jobs and rules), `cli` (the
 * command line) or `anonymous` (someone not signed in, e.g. a failed sign-in). A plain string, so
 * that a kind added on the server later still shows rather than breaking the page.
 */
export const auditActorSchema = z.object({
  kind: z.string(),
  agentId: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/** One line of the audit trail. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: auditActorSchema,
  /** A dotted code: `call.recording_played`, `auth.login` … */
  action: z.string(),
  /** What it was done to: `call_session` 12, `customer` 96, `agent` 3 … */
  subjectType: z.string(),
  subjectId: z.string(),
  /** The customer it was about, when it was about one. */
  userId: z.string().nullable(),
  /** Flat key/value pairs; the server writes strings, anything else is shown as it comes. */
  details: z.record(z.string(), z.unknown()),
  /** Ties the entry to the server's access log; empty (or absent) outside a request. */
  requestId: z.string().nullish(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** One page, newest first; `hasMore` when older entries remain (ask with `before`). */
export const auditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  hasMore: z.boolean(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;

/**
 * What the entries are filtered by; '' for a filter not set. `action` is a whole code or a prefix
 * ending in a dot (`call.`); `from` and `to` are UK calendar days ("2026-11-04"), both included.
 */
export type AuditFilters = {
  agentId: string;
  action: string;
  userId: string;
  from: string;
  to: string;
};
