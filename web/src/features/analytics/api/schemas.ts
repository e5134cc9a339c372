// Wire shapes of the Analytics page (`GET /api/analytics`), each figure as docs/metrics.md
// "Analytics" defines it.
import { z } from 'zod';

const countSchema = z.number().int();
/** A share as a fraction (0-1); null when there is nothing to share (no calls, never signed in). */
const shareSchema = z.number().nullable();
/** A UK calendar day, as the server writes it ("2026-11-02"). */
const daySchema = z.iso.date();

/** The whole range's figures. */
export const analyticsTotalsSchema = z.object({
  calls: countSchema,
  contacts: countSchema,
  contactRate: shareSchema,
  talkSeconds: countSchema,
  conversions: countSchema,
});
export type AnalyticsTotals = z.infer<typeof analyticsTotalsSchema>;

/** One UK day of the range (every day is listed, zeros included). */
export const analyticsDaySchema = z.object({
  day: daySchema,
  calls: countSchema,
  contacts: countSchema,
  contactRate: shareSchema,
  talkSeconds: countSchema,
  conversions: countSchema,
});
export type AnalyticsDay = z.infer<typeof analyticsDaySchema>;

/** One hour of the UK clock (0-23), the hour the calls started in, over the whole range. */
export const analyticsHourSchema = z.object({
  hour: z.number().int().min(0).max(23),
  calls: countSchema,
  contacts: countSchema,
  contactRate: shareSchema,
});
export type AnalyticsHour = z.infer<typeof analyticsHourSchema>;

/**
 * Calls by the outcome saved for them (every outcome code, zeros included). A plain string, so
 * that a code added on the server later still shows (in words) rather than breaking the page.
 */
export const analyticsOutcomeSchema = z.object({
  outcome: z.string(),
  calls: countSchema,
});
export type AnalyticsOutcome = z.infer<typeof analyticsOutcomeSchema>;

/** One person's calls and time over the range. */
export const analyticsAgentSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  calls: countSchema,
  contacts: countSchema,
  talkSeconds: countSchema,
  signedInSeconds: countSchema,
  busySeconds: countSchema,
  /** Calls per hour signed in; null when never signed in. */
  callsPerHour: z.number().nullable(),
  /** Talk time over signed-in time (0-1). */
  talkPercent: shareSchema,
  /** Between one call's end and their next call, in seconds; null with fewer than two calls. */
  averageGapSeconds: z.number().nullable(),
  /** Busy (on a call or in wrap-up) over signed-in time (0-1). */
  utilisation: shareSchema,
  conversions: countSchema,
});
export type AnalyticsAgent = z.infer<typeof analyticsAgentSchema>;

/** One person's time in each status over the range, in seconds, and how often they signed in. */
export const analyticsStatusTimeSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  logins: countSchema,
  availableSeconds: countSchema,
  onCallSeconds: countSchema,
  wrapUpSeconds: countSchema,
  breakSeconds: countSchema,
});
export type AnalyticsStatusTime = z.infer<typeof analyticsStatusTimeSchema>;

/**
 * One queue's conversion funnel: the queue entries of the range and what happened to those
 * customers afterwards (docs/metrics.md "Conversion funnel and time to first call"). Each step is
 * counted on its own, not within the one before. The queue is a plain string ("unsigned",
 * "outstanding"), so that a queue added on the server later still shows (in words).
 */
export const analyticsFunnelSchema = z.object({
  queue: z.string(),
  entered: countSchema,
  called: countSchema,
  contacted: countSchema,
  linkSent: countSchema,
  linkOpened: countSchema,
  converted: countSchema,
});
export type AnalyticsFunnel = z.infer<typeof analyticsFunnelSchema>;

/** How soon one queue's new entries of the range were first called. */
export const analyticsFirstCallSchema = z.object({
  queue: z.string(),
  entered: countSchema,
  called: countSchema,
  calledWithinDay: countSchema,
  /** Called within a day over entered (0-1); null when none entered. */
  calledWithinDayShare: shareSchema,
  /** The median of first call − entry, in seconds; null when none was called. */
  medianSecondsToFirstCall: z.number().nullable(),
});
export type AnalyticsFirstCall = z.infer<typeof analyticsFirstCallSchema>;

/**
 * The calls of the range by the lead's score when the call was placed: "0-19" … "100+", and
 * "none" (every band listed, in that order). A plain string, like the queue above.
 */
export const analyticsScoreBandSchema = z.object({
  band: z.string(),
  calls: countSchema,
  contacts: countSchema,
  contactRate: shareSchema,
});
export type AnalyticsScoreBand = z.infer<typeof analyticsScoreBandSchema>;

export const analyticsReportSchema = z.object({
  from: daySchema,
  to: daySchema,
  timeZone: z.string(),
  totals: analyticsTotalsSchema,
  days: z.array(analyticsDaySchema),
  hours: z.array(analyticsHourSchema),
  outcomes: z.array(analyticsOutcomeSchema),
  agents: z.array(analyticsAgentSchema),
  statusTime: z.array(analyticsStatusTimeSchema),
  /** Both queues, unsigned first. */
  funnel: z.array(analyticsFunnelSchema),
  /** Both queues, unsigned first. */
  firstCall: z.array(analyticsFirstCallSchema),
  scoreBands: z.array(analyticsScoreBandSchema),
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;

export const analyticsResponseSchema = z.object({ analytics: analyticsReportSchema });

/** The UK days asked for ("2026-11-02"), both included. */
export type AnalyticsRange = { from: string; to: string };

/** The tables the server also writes as CSV (`GET /api/analytics/<table>.csv`). */
export type AnalyticsTable =
  | 'days'
  | 'hours'
  | 'outcomes'
  | 'agents'
  | 'status-time'
  | 'funnel'
  | 'first-call'
  | 'score-bands';
