// The words and number formats of the Analytics page. The definitions are the short form of
// docs/metrics.md "Analytics", where each figure is defined once: change them together.
import { codeInWords } from '@/features/calls/labels';
import { outcomeLabels, queueLabels } from '@/features/queue/labels';
import { queueNameSchema } from '@/types/api';
import { formatElapsed } from '@/utils/duration';

import type { AnalyticsTable } from './api/schemas';

/** Each table's name: its heading, its caption, and the end of its "Download CSV" link's name. */
export const tableTitles: Record<AnalyticsTable, string> = {
  days: 'Calls by day',
  hours: 'Calls by hour',
  outcomes: 'Outcomes',
  agents: 'Agents',
  'status-time': 'Time in each status',
  funnel: 'Conversion funnel',
  'first-call': 'Time to first call',
  'score-bands': 'Score-band mix',
};

/** A figure's name and its definition (docs/metrics.md "Analytics"). */
export type Definition = { term: string; definition: string };

const calls: Definition = {
  term: 'Calls',
  definition:
    'Call sessions started in the period (UK time): every dial attempt the contact rules ' +
    'allowed, answered or not, and the customers’ calls to us an agent answered. A customer’s ' +
    'call nobody took is not a call.',
};
const contacts: Definition = {
  term: 'Contacts',
  definition: 'Of those calls, the ones answered.',
};
const contactRate: Definition = {
  term: 'Contact rate',
  definition: 'Contacts ÷ calls of the same period; “—” when there were no calls.',
};
const talkTime: Definition = {
  term: 'Talk time',
  definition: 'The sum, over the answered calls, of the time from answer to the end of the call.',
};
const conversions: Definition = {
  term: 'Conversions',
  definition:
    'Conversions recorded in the range: per day, by the UK day they were recorded; per agent, ' +
    'those that credit the agent.',
};
const hour: Definition = {
  term: 'Hour',
  definition:
    'The UK local hour (0–23, GMT or BST) in which the call started, summed over every day of ' +
    'the range.',
};
const outcome: Definition = {
  term: 'Outcome mix',
  definition:
    'The calls in the range by the outcome linked to them; every outcome is listed, zeros too.',
};
const agentsListed: Definition = {
  term: 'Who is listed',
  definition:
    'Every active agent and supervisor (admins are not on the floor), and anyone with calls in ' +
    'the range, by name.',
};
const signedIn: Definition = {
  term: 'Signed in',
  definition: 'Available + on a call + wrap-up + break (offline is not signed in).',
};
const busy: Definition = { term: 'Busy', definition: 'On a call + wrap-up.' };
const callsPerHour: Definition = {
  term: 'Calls per hour',
  definition: 'The agent’s calls ÷ their signed-in hours; “—” when they were never signed in.',
};
const talkPercent: Definition = {
  term: 'Talk %',
  definition: 'Talk time ÷ signed-in time; “—” when they were never signed in.',
};
const utilisation: Definition = {
  term: 'Utilisation',
  definition: 'Busy time ÷ signed-in time; “—” when they were never signed in.',
};
const averageGap: Definition = {
  term: 'Average gap',
  definition:
    'The mean, over each of the agent’s calls after their first of a UK day, of the time from ' +
    'the previous call’s end to its start (0 when they overlap); “—” with fewer than two calls ' +
    'in a day.',
};
const statusTime: Definition = {
  term: 'Time in each status',
  definition:
    'From each agent’s status changes: each status lasts until the next change, counted within ' +
    'the range and up to now; the status at the start is the last change in the 24 hours ' +
    'before it. Logins counts the sign-ins in the range.',
};

const everyCall: Definition = {
  term: 'Every call (CSV)',
  definition:
    'One row per call session started in the range, newest first, a customer’s call nobody ' +
    'took included (marked as not counted as a call), so that each figure can be worked out ' +
    'again from it. No phone numbers.',
};
// Conversion funnel and time to first call (per queue).
const entered: Definition = {
  term: 'In queue',
  definition:
    'Customers who entered a queue in the range (joined it, or started again after a new ' +
    'requirement), by the queue entered; a customer entering twice counts twice. Each entry is ' +
    'followed until the customer’s next entry, or now.',
};
const newLeads: Definition = { term: 'New leads', definition: entered.definition };
const called: Definition = {
  term: 'Called',
  definition:
    'Of those entries, the ones with at least one call (as counted in Calls) before the ' +
    'customer’s next entry.',
};
const contacted: Definition = {
  term: 'Contacted',
  definition: 'The entries with an answered call.',
};
const linkSent: Definition = {
  term: 'Link sent',
  definition: 'The entries with a link sent to the customer, by an agent or a rule.',
};
const linkOpened: Definition = {
  term: 'Link opened',
  definition: 'The entries with such a link opened (at any time up to now).',
};
const converted: Definition = {
  term: 'Converted',
  definition: 'The entries whose time in the queue ended in a conversion.',
};
const stepsApart: Definition = {
  term: 'Steps',
  definition:
    'Each step is counted on its own, not within the one before: a rule can send a link to a ' +
    'customer nobody has called, and a customer can convert without a call.',
};
const calledWithinDay: Definition = {
  term: 'Called within a day',
  definition:
    'The entries first called less than 24 hours after they entered (the % is of new leads); ' +
    'an entry in the last day of the range may not have had its day yet.',
};
const medianToFirstCall: Definition = {
  term: 'Median time to first call',
  definition:
    'Over the entries called, the middle of their times from entering to the first call (the ' +
    'mean of the middle two when even); “—” when none was called.',
};
// Score-band mix.
const scoreBand: Definition = {
  term: 'Score band',
  definition:
    'The customer’s score when the call was placed (lower is hotter, 0 the hottest), in bands: ' +
    '0–19, 20–39, 40–59, 60–79, 80–99, 100 and over.',
};
const noScore: Definition = {
  term: 'No score',
  definition:
    'Calls without a score: customers’ calls to us, and calls placed before scores were kept.',
};

/** The definitions each chart (and the totals) offers under "What is this?". */
export const definitions = {
  totals: [calls, contacts, contactRate, talkTime, conversions, everyCall],
  callsByDay: [calls, contacts, talkTime, conversions],
  contactRateByDay: [contactRate, contacts, calls],
  callsByHour: [hour, calls, contacts, contactRate],
  outcomes: [outcome],
  agents: [callsPerHour, talkPercent, utilisation, signedIn, busy, averageGap, agentsListed],
  statusTime: [statusTime, signedIn, agentsListed],
  funnel: [entered, called, contacted, linkSent, linkOpened, converted, stepsApart],
  firstCall: [newLeads, called, calledWithinDay, medianToFirstCall],
  scoreBands: [scoreBand, noScore, calls, contacts, contactRate],
} satisfies Record<string, Definition[]>;

const counts = new Intl.NumberFormat('en-GB');
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const rates = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "1,204". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** A fraction as a percentage ("37.5%", "30%"); "—" when there is none. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : percents.format(value);
}

/** Calls per hour ("2.5"); "—" when there is none. */
export function formatRate(value: number | null): string {
  return value === null ? '—' : rates.format(value);
}

/** Talk and status time: m:ss, h:mm:ss from the first hour on. */
export function formatTime(seconds: number): string {
  return formatElapsed(seconds);
}

/** The average gap to the nearest second ("1:36", "3:58:45"); "—" when there is none. */
export function formatGap(seconds: number | null): string {
  return seconds === null ? '—' : formatElapsed(Math.round(seconds));
}

const dayLabels = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "Mon 2 Nov" for the UK day "2026-11-02". */
export function formatDay(day: string): string {
  return dayLabels.format(new Date(`${day}T12:00:00Z`));
}

/** "09:00" for the hour 9 of the UK clock. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "2 Nov 2026 to 8 Nov 2026" (charts' names say which days they show). */
export function formatRange(from: string, to: string): string {
  const long = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const day = (date: string) => long.format(new Date(`${date}T12:00:00Z`));
  return `${day(from)} to ${day(to)}`;
}

const outcomeWords = new Map<string, string>(outcomeLabels);

/** "Going to complete"; a code this page does not know, in words. */
export function outcomeLabel(code: string): string {
  return outcomeWords.get(code) ?? codeInWords(code);
}

/** "Unsigned", "Outstanding documents" (in full: there is room here); a new queue in words. */
export function queueLabel(queue: string): string {
  if (queue === 'outstanding') return 'Outstanding documents';
  const known = queueNameSchema.safeParse(queue);
  return known.success ? queueLabels[known.data] : codeInWords(queue);
}

/** The steps of the conversion funnel, in order: a funnel row's field and its words. */
export const funnelSteps = [
  ['entered', 'In queue'],
  ['called', 'Called'],
  ['contacted', 'Contacted'],
  ['linkSent', 'Link sent'],
  ['linkOpened', 'Link opened'],
  ['converted', 'Converted'],
] as const;

/**
 * "0–19", "100 and over", "No score (customers’ calls to us)" for the bands "0-19", "100+" and
 * "none"; a band this page does not know in the same words.
 */
export function scoreBandLabel(band: string): string {
  if (band === 'none') return 'No score (customers’ calls to us)';
  return scoreBandShortLabel(band);
}

/** A band's words where room is short (a chart's axis): "No score" for "none". */
export function scoreBandShortLabel(band: string): string {
  if (band === 'none') return 'No score';
  const range = /^(\d+)-(\d+)$/.exec(band);
  if (range) return `${range[1]}–${range[2]}`;
  const over = /^(\d+)\+$/.exec(band);
  if (over) return `${over[1]} and over`;
  return codeInWords(band);
}
