// Wire DTOs of the customer search and the customer page (`GET /api/customers`,
// `GET /api/customers/:id`, `POST /api/queue/leads/:userId/take`, `GET /api/agents`), as zod
// schemas with the types inferred from them. They reuse the shared schemas of types/api.ts for
// every part the other routes already send (the lead, calls, outcomes, texts, links), so one
// definition of each shape is checked everywhere.
import { z } from 'zod';

import {
  callDirectionSchema,
  callStatusSchema,
  leadSchema,
  magicLinkSchema,
  maskedPhoneSchema,
  queueNameSchema,
  scoreComponentSchema,
  smsStatusSchema,
  storedOutcomeSchema,
} from '@/types/api';

const timestampSchema = z.iso.datetime();

/**
 * Where the customer stands with the dialler: `callable`, `waiting`, `held`, `closed`, `given_up`,
 * `not_in_queue` or `not_discovered`. Kept a plain string (as `NoLead.reason` is) so that a state
 * added on the server later still reads in words rather than breaking the page.
 */
export const customerStatusSchema = z.string();
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

/** One row of `GET /api/customers?q=`: only ever the masked number. */
export const customerSearchResultSchema = z.object({
  userId: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: maskedPhoneSchema.nullable(),
  queue: queueNameSchema.nullable(),
  status: customerStatusSchema,
  /** When a waiting customer may next be called. */
  nextCallAt: timestampSchema.nullable(),
});
export type CustomerSearchResult = z.infer<typeof customerSearchResultSchema>;

/** `GET /api/customers?q=&page=`: one page of matches; `hasMore` when a next page exists. */
export const customerSearchResponseSchema = z.object({
  customers: z.array(customerSearchResultSchema),
  page: z.number().int(),
  hasMore: z.boolean(),
});
export type CustomerSearchResponse = z.infer<typeof customerSearchResponseSchema>;

/** The contact gate's decision: may the customer be called now, and if not why and until when. */
export const gateDecisionSchema = z.object({
  allowed: z.boolean(),
  denials: z.array(z.object({ code: z.string(), message: z.string().nullish() })),
  retryAt: timestampSchema.nullable(),
});
export type GateDecision = z.infer<typeof gateDecisionSchema>;

/**
 * The same answer as `GET /api/customers/:id/eligibility` (and `dialler queue show ID --json`):
 * which queue the customer belongs in and why, what the contact gate says now, the score, and
 * the dialler's stored lead. `lease` and `stored` are only read in part.
 */
export const customerEligibilitySchema = z.object({
  queue: queueNameSchema.nullable(),
  eligibility: z.object({
    queue: queueNameSchema.nullable(),
    reasons: z.array(z.object({ code: z.string(), text: z.string() })),
    activeClaims: z.number().int(),
    outstandingRequirements: z.number().int(),
    suppressed: z.boolean(),
  }),
  gate: gateDecisionSchema,
  score: z.object({
    total: z.number(),
    givenUp: z.boolean(),
    components: z.array(scoreComponentSchema),
  }),
  phone: maskedPhoneSchema.nullable(),
  lease: z.object({ agentId: z.string(), expiresAt: timestampSchema.nullable() }).nullable(),
  stored: z
    .object({
      attempts: z.number().int().optional(),
      nextCallAt: timestampSchema.nullish(),
    })
    .nullable(),
});
export type CustomerEligibility = z.infer<typeof customerEligibilitySchema>;

const callEntrySchema = z.object({
  kind: z.literal('call'),
  at: timestampSchema,
  call: z.object({
    id: z.string(),
    direction: callDirectionSchema,
    userId: z.string(),
    agentId: z.string(),
    status: callStatusSchema,
    createdAt: timestampSchema,
    answeredAt: timestampSchema.nullable(),
    endedAt: timestampSchema.nullable(),
    ringSeconds: z.number().int().nullable(),
    talkSeconds: z.number().int().nullable(),
    recording: z.object({ seconds: z.number().int(), url: z.string() }).nullable(),
    outcomeId: z.string().nullable(),
  }),
});

const outcomeEntrySchema = z.object({
  kind: z.literal('outcome'),
  at: timestampSchema,
  outcome: storedOutcomeSchema,
});

const smsEntrySchema = z.object({
  kind: z.literal('sms'),
  at: timestampSchema,
  sms: z.object({
    id: z.string(),
    direction: z.enum(['outbound', 'inbound']),
    body: z.string(),
    at: timestampSchema,
    /** How far an outbound text got; null for inbound ones. */
    status: smsStatusSchema.nullable(),
    /** Who sent an outbound text; null for inbound and automatic ones. */
    agentId: z.string().nullable(),
  }),
});

const linkEntrySchema = z.object({
  kind: z.literal('link'),
  at: timestampSchema,
  link: magicLinkSchema.pick({
    id: true,
    type: true,
    status: true,
    createdBy: true,
    sentAt: true,
    expiresAt: true,
    clickCount: true,
    firstOpenedAt: true,
    lastOpenedAt: true,
  }),
});

const callbackEntrySchema = z.object({
  kind: z.literal('callback'),
  at: timestampSchema,
  callback: z.object({
    id: z.string(),
    agentId: z.string().nullable(),
    scheduledFor: timestampSchema,
    status: z.enum(['pending', 'completed', 'cancelled']),
    notes: z.string(),
    closedReason: z.string().nullable(),
  }),
});

const suppressionEntrySchema = z.object({
  kind: z.literal('suppression'),
  at: timestampSchema,
  suppression: z.object({
    id: z.string(),
    channel: z.enum(['call', 'sms', 'all']),
    reason: z.string(),
    source: z.string(),
    createdAt: timestampSchema,
    removedAt: timestampSchema.nullable(),
  }),
});

const conversionEntrySchema = z.object({
  kind: z.literal('conversion'),
  at: timestampSchema,
  conversion: z.object({
    /** What moved them: `signed`, `documents_completed` …; absent from some servers. */
    kind: z.string().optional(),
    fromQueue: queueNameSchema,
    /** The queue they moved to; absent or null when they left the queues. */
    toQueue: queueNameSchema.nullish(),
  }),
});

const followUpEntrySchema = z.object({
  kind: z.literal('follow_up'),
  at: timestampSchema,
  followUp: z.object({
    /** `reminder`, `check_in`, `callback_confirmation`; plain strings so new ones still show. */
    kind: z.string(),
    /** `scheduled`, `sending`, `sent`, `cancelled` … */
    status: z.string(),
    dueAt: timestampSchema,
  }),
});

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  callEntrySchema,
  outcomeEntrySchema,
  smsEntrySchema,
  linkEntrySchema,
  callbackEntrySchema,
  suppressionEntrySchema,
  conversionEntrySchema,
  followUpEntrySchema,
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelineKind = TimelineEntry['kind'];

const timelineKinds: ReadonlySet<unknown> = new Set<TimelineKind>([
  'call',
  'outcome',
  'sms',
  'link',
  'callback',
  'suppression',
  'conversion',
  'follow_up',
]);

function hasKnownKind(entry: unknown): boolean {
  return (
    typeof entry === 'object' && entry !== null && 'kind' in entry && timelineKinds.has(entry.kind)
  );
}

/**
 * The timeline, newest first. An entry of a kind this page does not know (added on the server
 * later) is dropped; an entry of a known kind that does not parse is still a contract bug.
 */
export const timelineSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter(hasKnownKind) : value),
  z.array(timelineEntrySchema),
);

/** `GET /api/customers/:id`: everything the customer page shows (each view is audited). */
export const customerRecordSchema = z.object({
  lead: leadSchema,
  status: customerStatusSchema,
  /** The agent holding the customer now, if anyone is. */
  heldBy: z.string().nullable(),
  eligibility: customerEligibilitySchema,
  timeline: timelineSchema,
  /**
   * An active legal hold (the retention job keeps everything about the customer); shown to
   * supervisors and admins only, null for agents and when there is none.
   */
  legalHold: z
    .object({ id: z.string(), reason: z.string(), placedAt: z.string() })
    .nullable()
    .default(null),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/** `POST /api/queue/leads/:userId/take`: the customer, now held by the caller. */
export const takeLeadResponseSchema = z.object({ lead: leadSchema });
export type TakeLeadResponse = z.infer<typeof takeLeadResponseSchema>;

/** `GET /api/agents`: everyone who works the floor, for showing names instead of ids. */
export const agentDirectorySchema = z.object({
  agents: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      role: z.string(),
      active: z.boolean(),
    }),
  ),
});
export type AgentDirectory = z.infer<typeof agentDirectorySchema>;
