import type { QueryClient } from '@tanstack/react-query';

import { isApiError } from '@/lib/api-error';

import { callbackKeys } from './callback-keys';
import type { CallbackRow, CallbacksResponse } from './schemas';

/** Marks every callbacks list stale; the ones on screen are read again. */
export function refreshCallbackLists(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: callbackKeys.lists() });
}

/**
 * Puts a callback as a change answered it (rescheduled, reassigned, cancelled) into every list
 * that shows it at once, then has the lists read again: the change may move it into or out of a
 * list (a cancelled one leaves Team), which only the server can say.
 */
export function callbackChanged(queryClient: QueryClient, changed: CallbackRow): Promise<void> {
  queryClient.setQueriesData<CallbacksResponse>({ queryKey: callbackKeys.lists() }, (current) =>
    current
      ? {
          ...current,
          callbacks: current.callbacks.map((row) =>
            row.id === changed.id
              ? { ...changed, customerName: changed.customerName ?? row.customerName }
              : row,
          ),
        }
      : current,
  );
  return refreshCallbackLists(queryClient);
}

/**
 * After a refused change the lists may be out of date: someone else moved, closed or took the
 * callback (409, 403, 404). They are read again so the page shows what is true now.
 */
export function refreshAfterRefusal(queryClient: QueryClient, error: unknown): void {
  if (isApiError(error) && [403, 404, 409].includes(error.status)) {
    void refreshCallbackLists(queryClient);
  }
}
