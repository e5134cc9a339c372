import { describe, expect, it } from 'vitest';

import {
  formatUkClock,
  formatUkDateTime,
  formatUkDay,
  formatUkTimeShort,
  ukDayStartUtc,
  ukWallTimeToUtc,
  utcToUkWallTime,
} from '@/utils/uk-time';

describe('UK time', () => {
  it('reads a datetime-local value as UK wall time, in winter and in summer', () => {
    expect(ukWallTimeToUtc('2026-11-05T11:00')).toBe('2026-11-05T11:00:00Z');
    expect(ukWallTimeToUtc('2027-07-01T19:30')).toBe('2027-07-01T18:30:00Z');
    expect(ukWallTimeToUtc('')).toBeNull();
    expect(ukWallTimeToUtc('tomorrow')).toBeNull();
  });

  it('gives the instant a UK day begins, and the day after for the end of a range', () => {
    expect(ukDayStartUtc('2026-11-04')).toBe('2026-11-04T00:00:00Z');
    expect(ukDayStartUtc('2026-11-04', 1)).toBe('2026-11-05T00:00:00Z');
    // In summer the UK day begins at 23:00 UTC the evening before.
    expect(ukDayStartUtc('2027-07-02')).toBe('2027-07-01T23:00:00Z');
    // Across the month's end, and across the autumn clock change (a 25-hour day).
    expect(ukDayStartUtc('2026-11-30', 1)).toBe('2026-12-01T00:00:00Z');
    expect(ukDayStartUtc('2026-10-25')).toBe('2026-10-24T23:00:00Z');
    expect(ukDayStartUtc('2026-10-25', 1)).toBe('2026-10-26T00:00:00Z');
    expect(ukDayStartUtc('2026-11-31')).toBeNull();
    expect(ukDayStartUtc('4 Nov')).toBeNull();
    expect(ukDayStartUtc('')).toBeNull();
  });

  it('moves a time the spring clock change skips to the hour after', () => {
    // 01:30 on 29 Mar 2026 never happens in the UK: 01:00 GMT becomes 02:00 BST.
    expect(ukWallTimeToUtc('2026-03-29T01:30')).toBe('2026-03-29T01:30:00Z');
  });

  it('shows instants as UK wall time', () => {
    expect(utcToUkWallTime('2027-07-01T18:30:00Z')).toBe('2027-07-01T19:30');
    expect(formatUkDateTime('2026-11-12T10:02:00Z')).toBe('Thu 12 Nov, 10:02');
    expect(formatUkDateTime('2027-07-01T18:30:00Z')).toBe('Thu 1 Jul, 19:30');
  });

  it('names the zone next to a clock change, where the wall time alone is ambiguous', () => {
    // 25 Oct 2026: 01:30 happens twice (BST, then GMT).
    expect(formatUkDateTime('2026-10-25T00:30:00Z')).toBe('Sun 25 Oct, 01:30 BST');
    expect(formatUkDateTime('2026-10-25T01:30:00Z')).toBe('Sun 25 Oct, 01:30 GMT');
  });

  it('gives the weekday for the coming week and the date beyond it', () => {
    const sunday = new Date('2026-11-08T11:00:00Z');
    expect(formatUkTimeShort('2026-11-09T08:00:00Z', sunday)).toBe('08:00 Mon');
    expect(formatUkTimeShort('2026-11-20T08:00:00Z', sunday)).toBe('08:00 Fri 20 Nov');
  });

  it('names the UK day and the UK clock time of an instant', () => {
    expect(formatUkDay('2026-12-02T08:00:00Z')).toBe('Wed 2 Dec');
    // 23:30 UTC on 30 Jun is already 1 Jul in the UK.
    expect(formatUkDay('2027-06-30T23:30:00Z')).toBe('Thu 1 Jul');
    expect(formatUkClock('2026-12-02T08:05:00Z')).toBe('08:05');
    expect(formatUkClock('2027-07-01T18:30:00Z')).toBe('19:30');
    expect(formatUkClock('2026-10-25T01:30:00Z')).toBe('01:30 GMT');
  });
});
