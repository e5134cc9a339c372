import { callbackDaysAhead } from '@/features/queue/callback-slots';
import { useCallingHours } from '@/features/queue/api/get-calling-hours';
import { useNow } from '@/hooks/use-now';
import { serverSkewMs } from '@/utils/server-clock';

/** How often "overdue" is judged again while the page is open. */
export const overdueTickMs = 30_000;

/**
 * Now on the server's clock, not the PC's (which may be wrong): the last answer's `now`, moved on
 * by the time passed since it came. The callbacks list's own `now` when the server sends one,
 * else the calling hours' (read anyway to offer times for Reschedule); the PC's clock until
 * either is known.
 */
export function useServerNow(listNow: { now: string | undefined; at: number } | null): number {
  const hours = useCallingHours(callbackDaysAhead);
  const pcNow = useNow(overdueTickMs);
  const skew =
    listNow?.now !== undefined
      ? serverSkewMs(listNow.now, listNow.at)
      : serverSkewMs(hours.data?.now, hours.dataUpdatedAt);
  return pcNow + skew;
}
