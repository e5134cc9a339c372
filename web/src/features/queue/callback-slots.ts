import type { CallingHoursInterval } from '@/types/api';
import { formatUkClock, formatUkDay, utcToUkWallTime } from '@/utils/uk-time';

/** Callbacks are booked on the quarter hour: easy to say to a customer, easy to pick. */
export const callbackSlotMinutes = 15;

/**
 * A callback is offered only this far ahead of now, so that it is still in the future by the
 * time the agent has finished the form and the server has it.
 */
export const callbackLeadMinutes = 5;

/** How many UK days ahead a callback may be booked. */
export const callbackDaysAhead = 14;

export type CallbackSlot = {
  /** The instant as the server takes it: RFC 3339 UTC, no fractions ("2027-07-01T18:30:00Z"). */
  at: string;
  /** "19:30" on the UK clock. */
  label: string;
};

export type CallbackDay = {
  /**
   * The UK date ("2026-12-02"): unlike the opening, which is the server's now on the first day,
   * it stays the same when the hours are read again.
   */
  key: string;
  /** "Thu 1 Jul". */
  label: string;
  slots: CallbackSlot[];
};

const minuteMs = 60_000;
const slotMs = callbackSlotMinutes * minuteMs;

function toStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The days and times a callback can be booked for: every quarter hour inside each open stretch
 * (from its opening, before its close) and more than `callbackLeadMinutes` after `now`. A day with
 * no such time left (today, late in the afternoon) is left out.
 */
export function callbackDays(
  hours: readonly CallingHoursInterval[],
  now: number = Date.now(),
): CallbackDay[] {
  // The UK clock is UTC or one hour ahead of it, so a quarter hour in UTC is a quarter hour on
  // the UK clock as well: the grid can be laid in plain milliseconds.
  const afterLead = (Math.floor((now + callbackLeadMinutes * minuteMs) / slotMs) + 1) * slotMs;
  const days: CallbackDay[] = [];
  for (const interval of hours) {
    const opens = Date.parse(interval.opensAt);
    const closes = Date.parse(interval.closesAt);
    if (Number.isNaN(opens) || Number.isNaN(closes)) continue;
    const slots: CallbackSlot[] = [];
    const first = Math.max(Math.ceil(opens / slotMs) * slotMs, afterLead);
    for (let at = first; at < closes; at += slotMs) {
      slots.push({ at: toStamp(at), label: formatUkClock(new Date(at)) });
    }
    if (slots.length > 0) {
      days.push({
        key: utcToUkWallTime(interval.opensAt).slice(0, 10),
        label: formatUkDay(interval.opensAt),
        slots,
      });
    }
  }
  return days;
}
