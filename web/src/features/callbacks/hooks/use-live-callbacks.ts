import { useQueryClient } from '@tanstack/react-query';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { useThrottledCallback } from '@/hooks/use-throttled-callback';
import type { LiveEvent } from '@/types/api';

import { refreshCallbackLists } from '../api/callback-cache';

/** However many events arrive, the lists are read at most once in this long. */
export const callbacksRefreshGapMs = 2_000;

/**
 * Keeps the callbacks lists current from the live socket, never by polling: a callback coming due
 * (`callback.due`) or a customer finished (`lead` `done`: an outcome may have booked, completed or
 * moved a callback) marks them stale, and so does a reconnect, after which events may have been
 * missed. Only the lists on screen are read again. `onDue` hears of every callback coming due.
 */
export function useLiveCallbacks(enabled: boolean, onDue: (event: LiveEvent) => void): void {
  const queryClient = useQueryClient();
  const refresh = useThrottledCallback(() => {
    void refreshCallbackLists(queryClient);
  }, callbacksRefreshGapMs);

  useLiveEvents(
    (event) => {
      if (!enabled) return;
      if (event.type === 'callback.due') {
        refresh();
        onDue(event);
      } else if (event.type === 'lead' && event.state === 'done') {
        refresh();
      }
    },
    () => {
      if (enabled) refresh();
    },
  );
}
