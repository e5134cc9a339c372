// Every time on screen is UK time (Europe/London), whatever zone the agent's computer is set to:
// the calling window, callbacks and the caps are all defined on the UK clock.

const ukZone = 'Europe/London';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ukZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const labelParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ukZone,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(format: Intl.DateTimeFormat, ms: number): Parts {
  const parts: Parts = {};
  for (const part of format.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return parts;
}

/** Minutes the UK clock is ahead of UTC at the instant `ms` (0 in winter, 60 in summer). */
function ukOffsetMinutes(ms: number): number {
  const p = partsOf(wallClock, ms);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const hourMs = 3_600_000;

/** Near a clock change the same wall time happens twice (or not at all): then name the zone. */
function nearClockChange(ms: number): boolean {
  const offset = ukOffsetMinutes(ms);
  return ukOffsetMinutes(ms - hourMs) !== offset || ukOffsetMinutes(ms + hourMs) !== offset;
}

function toMs(at: string | Date): number {
  return typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/** "08:00 Mon"; with the date ("08:00 Mon 16 Nov") when it is not within the coming week. */
export function formatUkTimeShort(at: string | Date, now: Date = new Date()): string {
  const ms = toMs(at);
  const p = partsOf(labelParts, ms);
  const soon = ms >= now.getTime() && ms - now.getTime() < 6 * 24 * hourMs;
  const zone = nearClockChange(ms) ? ` ${p.timeZoneName}` : '';
  return soon
    ? `${p.hour}:${p.minute}${zone} ${p.weekday}`
    : `${p.hour}:${p.minute}${zone} ${p.weekday} ${p.day} ${p.month}`;
}

/** "Wed 4 Nov, 11:00" (with the zone near a clock change: "Sun 25 Oct, 01:30 GMT"). */
export function formatUkDateTime(at: string | Date): string {
  const ms = toMs(at);
  const p = partsOf(labelParts, ms);
  const zone = nearClockChange(ms) ? ` ${p.timeZoneName}` : '';
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}${zone}`;
}

/** "Wed 4 Nov 2026" for dates where the time of day means nothing (a contract start). */
export function formatUkDate(at: string | Date): string {
  const p = partsOf(labelParts, toMs(at));
  const year = partsOf(wallClock, toMs(at)).year;
  return `${p.weekday} ${p.day} ${p.month} ${year}`;
}

/** "Wed 2 Dec": the UK calendar day an instant falls on. */
export function formatUkDay(at: string | Date): string {
  const p = partsOf(labelParts, toMs(at));
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "08:15" on the UK clock (with the zone near a clock change: "01:30 BST"). */
export function formatUkClock(at: string | Date): string {
  const ms = toMs(at);
  const p = partsOf(labelParts, ms);
  const zone = nearClockChange(ms) ? ` ${p.timeZoneName}` : '';
  return `${p.hour}:${p.minute}${zone}`;
}

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a `datetime-local` value ("2026-11-05T11:00") as UK wall time and returns the instant as
 * RFC 3339 UTC without fractions ("2026-11-05T11:00:00Z"); null for anything else. A time that
 * does not exist (the hour skipped in March) comes out an hour later, as a clock would show it.
 */
export function ukWallTimeToUtc(value: string): string | null {
  const match = wallTimePattern.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  if (Number.isNaN(wall)) return null;
  // The offset depends on the instant we are looking for; two tries settle it either side of a change.
  let instant = wall - ukOffsetMinutes(wall) * 60_000;
  instant = wall - ukOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UK wall time of an instant in `datetime-local` form ("2026-11-05T11:00"). */
export function utcToUkWallTime(at: string | Date): string {
  const p = partsOf(wallClock, toMs(at));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 24 * hourMs;

/**
 * When a UK calendar day ("2026-11-04", as a date input gives it) begins, as RFC 3339 UTC:
 * "2026-11-04T00:00:00Z", but "2027-07-01T23:00:00Z" for 2 July (BST). `daysLater` moves to a
 * later day first: 1 gives the end of the day, where a date range that includes it stops. Null
 * for anything that is not a real date.
 */
export function ukDayStartUtc(date: string, daysLater = 0): string | null {
  const match = datePattern.exec(date);
  if (!match) return null;
  const [, y, m, d] = match;
  const day = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC rolls 31 November over to 1 December; such a date is not a date at all.
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) return null;
  const ymd = new Date(day + daysLater * dayMs).toISOString().slice(0, 10);
  return ukWallTimeToUtc(`${ymd}T00:00`);
}
