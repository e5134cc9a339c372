import { describe, expect, it } from 'vitest';

import { msUntilCountsChange } from '@/features/queue/api/get-queue-counts';
import type { QueueCount } from '@/types/api';

function counts(...nextCallableAt: Array<string | null>) {
  return {
    queues: nextCallableAt.map(
      (at): QueueCount => ({ queue: 'unsigned', total: 1, callableNow: 0, nextCallableAt: at }),
    ),
  };
}

const now = Date.parse('2026-11-24T07:59:00Z');

describe('when the queue counts change by themselves', () => {
  it('is just after the earliest time still ahead', () => {
    const answer = counts(null, '2026-11-24T08:00:00Z', '2026-11-24T09:00:00Z');
    expect(msUntilCountsChange(answer, now)).toBe(61_000);
  });

  it('is never, when nothing is waiting for a time or every time has passed', () => {
    expect(msUntilCountsChange(counts(null, null), now)).toBe(false);
    expect(msUntilCountsChange(counts('2026-11-24T07:00:00Z'), now)).toBe(false);
  });

  it('is looked at again within the hour when the time is far off', () => {
    expect(msUntilCountsChange(counts('2026-11-30T08:00:00Z'), now)).toBe(3_600_000);
  });
});
