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
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;

export const analyticsResponseSchema = z.object({ analytics: analyticsReportSchema });

/** The UK days asked for ("2026-11-02"), both included. */
export type AnalyticsRange = { from: string; to: string };

/** The tables the server also writes as CSV (`GET /api/analytics/<table>.csv`). */
export type AnalyticsTable = 'days' | 'hours' | 'outcomes' | 'agents' | 'status-time';
