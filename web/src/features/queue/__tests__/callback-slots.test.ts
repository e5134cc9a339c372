import { describe, expect, it } from 'vitest';

import { callbackDays } from '@/features/queue/callback-slots';

const at = (iso: string) => Date.parse(iso);

describe('callback times', () => {
  it('offers each quarter hour from the opening to before the close, on the UK clock', () => {
    const [day, ...rest] = callbackDays(
      [{ opensAt: '2026-12-02T08:00:00Z', closesAt: '2026-12-02T20:00:00Z' }],
      at('2026-12-01T12:00:00Z'),
    );
    expect(rest).toEqual([]);
    expect(day?.key).toBe('2026-12-02');
    expect(day?.label).toBe('Wed 2 Dec');
    expect(day?.slots).toHaveLength(48);
    expect(day?.slots[0]).toEqual({ at: '2026-12-02T08:00:00Z', label: '08:00' });
    expect(day?.slots[1]).toEqual({ at: '2026-12-02T08:15:00Z', label: '08:15' });
    expect(day?.slots.at(-1)).toEqual({ at: '2026-12-02T19:45:00Z', label: '19:45' });
  });

  it('shows summer hours as UK wall time', () => {
    const [day] = callbackDays(
      [{ opensAt: '2027-07-01T07:00:00Z', closesAt: '2027-07-01T19:00:00Z' }],
      at('2027-06-30T12:00:00Z'),
    );
    expect(day?.slots[0]).toEqual({ at: '2027-07-01T07:00:00Z', label: '08:00' });
    expect(day?.slots.at(-1)).toEqual({ at: '2027-07-01T18:45:00Z', label: '19:45' });
  });

  it('starts today on the quarter hour more than five minutes ahead of now', () => {
    const hours = [{ opensAt: '2026-12-01T10:03:27Z', closesAt: '2026-12-01T20:00:00Z' }];
    const firstAt = (now: string) => callbackDays(hours, at(now))[0]?.slots[0]?.label;
    expect(firstAt('2026-12-01T10:03:27Z')).toBe('10:15');
    expect(firstAt('2026-12-01T10:09:59Z')).toBe('10:15');
    expect(firstAt('2026-12-01T10:10:00Z')).toBe('10:30');
  });

  it('leaves out a day with no time left, and keeps the days it has', () => {
    const days = callbackDays(
      [
        { opensAt: '2026-12-01T19:50:00Z', closesAt: '2026-12-01T20:00:00Z' },
        { opensAt: '2026-12-03T09:00:00Z', closesAt: '2026-12-03T09:30:00Z' },
      ],
      at('2026-12-01T19:50:00Z'),
    );
    expect(days.map((day) => day.label)).toEqual(['Thu 3 Dec']);
    expect(days[0]?.slots.map((slot) => slot.label)).toEqual(['09:00', '09:15']);
    expect(callbackDays([], at('2026-12-01T12:00:00Z'))).toEqual([]);
  });
});
