import { describe, expect, it } from 'vitest';

import { buildMagicLink } from '@/testing/data';

import { formatAgo, formatSentAt, magicLinkState, smsStatusLabel } from '../labels';

const now = Date.parse('2026-11-24T11:00:00Z');

describe('formatAgo', () => {
  it.each([
    ['2026-11-24T11:00:30Z', 'just now'],
    ['2026-11-24T10:59:30Z', 'just now'],
    ['2026-11-24T10:59:00Z', '1 min ago'],
    ['2026-11-24T10:01:00Z', '59 min ago'],
    ['2026-11-24T10:00:00Z', '1 h ago'],
    ['2026-11-23T11:00:01Z', '23 h ago'],
    ['2026-11-23T11:00:00Z', 'Mon 23 Nov, 11:00'],
  ])('%s is %s', (at, words) => {
    expect(formatAgo(at, now)).toBe(words);
  });
});

describe('formatSentAt', () => {
  it('gives the time alone for today (UK) and the date before', () => {
    // Summer time: 23:30 UTC is already the next UK day.
    expect(formatSentAt('2027-07-01T23:30:00Z', Date.parse('2027-07-02T08:00:00Z'))).toBe('00:30');
    expect(formatSentAt('2026-11-23T23:30:00Z', now)).toBe('Mon 23 Nov, 23:30');
  });
});

describe('magicLinkState', () => {
  it('calls a live link past its expiry expired, whatever the status said', () => {
    const link = buildMagicLink({ expiresAt: '2026-11-24T10:59:00Z' });
    expect(magicLinkState(link, now)).toBe('Expired');
  });

  it('counts the opens from the last one', () => {
    const link = buildMagicLink({
      clickCount: 2,
      firstOpenedAt: '2026-11-24T09:00:00Z',
      lastOpenedAt: '2026-11-24T10:45:00Z',
    });
    expect(magicLinkState(link, now)).toBe('Opened 2 times, last 15 min ago');
  });
});

describe('smsStatusLabel', () => {
  it('adds the provider code only when there is one', () => {
    expect(smsStatusLabel({ status: 'failed', errorCode: 21610 })).toBe('Failed (code 21610)');
    expect(smsStatusLabel({ status: 'failed', errorCode: null })).toBe('Failed');
  });
});
