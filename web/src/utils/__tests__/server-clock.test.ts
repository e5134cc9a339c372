import { describe, expect, it } from 'vitest';

import { serverSkewMs } from '../server-clock';

describe('serverSkewMs', () => {
  it('is how far the server was ahead when its answer arrived', () => {
    const arrived = Date.parse('2026-11-04T11:00:00Z');
    expect(serverSkewMs('2026-11-04T11:00:05Z', arrived)).toBe(5_000);
    expect(serverSkewMs('2026-11-04T10:59:58Z', arrived)).toBe(-2_000);
  });

  it('is nothing until there is an answer', () => {
    expect(serverSkewMs(undefined, 0)).toBe(0);
  });
});
