// Wire shapes of the Supervisor page's live floor board (`GET /api/floor`).
import { z } from 'zod';

import { agentStatusNameSchema, callDirectionSchema, roleSchema } from '@/types/api';

const timestampSchema = z.iso.datetime();
const countSchema = z.number().int();

/** Outcomes saved today, counted by outcome code (a code added on the server later still counts). */
const outcomeCountsSchema = z.record(z.string(), countSchema);

/** The call an agent is on (or that is ringing for them) at the snapshot. */
export const floorCallSchema = z.object({
  callId: z.string(),
  /**
   * The provider's call state ("ringing", "in-progress" …). A plain string rather than the call
   * states, so that a state added on the server later still shows (in words).
   */
  state: z.string(),
  direction: callDirectionSchema,
  startedAt: timestampSchema,
  answeredAt: timestampSchema.nullable(),
});
export type FloorCall = z.infer<typeof floorCallSchema>;

/** One agent's figures since the UK midnight the board's `since` names. */
export const floorAgentDaySchema = z.object({
  calls: countSchema,
  /** Calls that were answered. */
  contacts: countSchema,
  talkSeconds: countSchema,
  linksSent: countSchema,
  conversions: countSchema,
  outcomes: outcomeCountsSchema,
});
export type FloorAgentDay = z.infer<typeof floorAgentDaySchema>;

/** One person who takes calls, as the board shows them. */
export const floorAgentSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The team the admin put them in; empty: none. */
  team: z.string().default(''),
  kind: z.string(),
  status: agentStatusNameSchema,
  /** A break's reason; null for every other status. Plain string, as the status API keeps it. */
  reason: z.string().nullable(),
  /** When the status began; null when the agent has never had one recorded. */
  statusSince: timestampSchema.nullable(),
  call: floorCallSchema.nullable(),
  today: floorAgentDaySchema,
});
export type FloorAgent = z.infer<typeof floorAgentSchema>;

/** One queue's depth; `dueNow` and `laterToday` come only on the callbacks row. */
export const floorQueueSchema = z.object({
  /** "unsigned", "outstanding", "callbacks"; a queue added later shows its code in words. */
  queue: z.string(),
  total: countSchema,
  callableNow: countSchema,
  /** When someone in the queue can next be called, when nobody can now; null otherwise. */
  nextCallableAt: timestampSchema.nullable(),
  dueNow: countSchema.optional(),
  laterToday: countSchema.optional(),
});
export type FloorQueue = z.infer<typeof floorQueueSchema>;

/** The whole floor's figures since UK midnight. */
export const floorTodaySchema = z.object({
  calls: countSchema,
  contacts: countSchema,
  /** Contacts over calls (0-1); null before the first call. */
  contactRate: z.number().nullable(),
  talkSeconds: countSchema,
  conversions: countSchema,
  linksSent: countSchema,
  linksOpened: countSchema,
  unreadSms: countSchema,
  outcomes: outcomeCountsSchema,
});
export type FloorToday = z.infer<typeof floorTodaySchema>;

/** Something on the floor that needs a supervisor's eye; `message` is shown as it is. */
export const floorAlertSchema = z.object({
  /**
   * "queue_empty", "discovery_failing", "discovery_late", "replica_unreachable",
   * "call_ringing_long", "break_long". A plain string: an alert added on the server later still
   * shows its message.
   */
  code: z.string(),
  message: z.string(),
  /** For the per-agent alerts (`call_ringing_long`, `break_long`): the agent's id. */
  subjectId: z.string().nullable(),
  since: timestampSchema.nullable(),
});
export type FloorAlert = z.infer<typeof floorAlertSchema>;

/** The floor at one instant: `at` is the server's clock when it was taken. */
export const floorBoardSchema = z.object({
  at: timestampSchema,
  /** The UK midnight "today" starts at. */
  since: timestampSchema,
  thresholds: z.object({ ringingSeconds: countSchema, breakMinutes: countSchema }),
  agents: z.array(floorAgentSchema),
  queues: z.array(floorQueueSchema),
  today: floorTodaySchema,
  alerts: z.array(floorAlertSchema),
});
export type FloorBoard = z.infer<typeof floorBoardSchema>;

/** `GET /api/floor`. */
export const floorBoardResponseSchema = z.object({ board: floorBoardSchema });
export type FloorBoardResponse = z.infer<typeof floorBoardResponseSchema>;
