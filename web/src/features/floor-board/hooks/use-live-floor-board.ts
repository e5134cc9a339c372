import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';

import { useLiveEvents } from '@/features/calls/live/live-events';

import { floorKeys } from '../api/floor-keys';

/**
 * Reads the board again on every live event (supervisors and admins hear about the whole floor:
 * statuses, calls, customers handed out, links, texts, `floor.alerts`), on the socket's greeting,
 * and after a reconnect, when some may have been missed.
 *
 * A burst costs at most two reads: one at once, and, when more events arrive while it is on its
 * way, one more after it (which sees them all). No timer holds back the first read, so a change
 * shows as soon as the server has answered. Rejected: a throttle with a fixed gap (as the queue
 * counts use), which would delay a second change by up to the gap for no gain here.
 */
export function useLiveFloorBoard(): void {
  const queryClient = useQueryClient();
  const state = useRef({ reading: false, again: false, mounted: false });

  useEffect(() => {
    const current = state.current;
    current.mounted = true;
    return () => {
      current.mounted = false;
      current.again = false;
    };
  }, []);

  const refresh = useCallback(() => {
    const current = state.current;
    if (current.reading) {
      current.again = true;
      return;
    }
    current.reading = true;
    void (async () => {
      try {
        let more = true;
        while (more && current.mounted) {
          // A read someone else started (the first one, Retry) may have been answered before
          // this change: it is waited for rather than cancelled, then followed by one more.
          const joined = queryClient.isFetching({ queryKey: floorKeys.board() }) > 0;
          current.again = false;
          await queryClient.invalidateQueries(
            { queryKey: floorKeys.board() },
            { cancelRefetch: false },
          );
          more = joined || current.again;
        }
      } finally {
        current.reading = false;
      }
    })();
  }, [queryClient]);

  // The greeting too: a change made after the first read but before the socket opened (a page
  // opened straight at this address) reaches the board only through the read after it.
  useLiveEvents(refresh, refresh);
}
