import { useMemo } from 'react';

import { useNow } from '@/hooks/use-now';
import { serverSkewMs } from '@/utils/server-clock';

import { useCallingHours } from '../api/get-calling-hours';
import { callbackDays, callbackDaysAhead } from '../callback-slots';

/**
 * The days and times a callback may be booked for (inside the calling hours), cut against the
 * server's clock and read again every 30 s while `enabled`, so times that have come too close
 * drop out. The outcome form and the callbacks page's Reschedule both offer exactly these.
 */
export function useCallbackDays(enabled = true) {
  const hours = useCallingHours(callbackDaysAhead, { enabled });
  const now = useNow(enabled ? 30_000 : null);
  const skew = serverSkewMs(hours.data?.now, hours.dataUpdatedAt);
  const days = useMemo(
    () => (hours.data ? callbackDays(hours.data.hours, now + skew) : []),
    [hours.data, now, skew],
  );
  return { hours, days };
}
