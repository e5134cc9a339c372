import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { callbackKeys } from './callback-keys';
import { callbacksResponseSchema, type CallbackScope, type CallbacksResponse } from './schemas';

/**
 * `GET /api/callbacks?scope=`: `mine` (my pending callbacks and my closed ones of the last 7
 * days), `team` (every pending one) or `overdue` (pending and due before now).
 */
export function getCallbacks(
  scope: CallbackScope,
  signal?: AbortSignal,
): Promise<CallbacksResponse> {
  const query = new URLSearchParams({ scope });
  return apiClient.get(`/api/callbacks?${query.toString()}`, callbacksResponseSchema, { signal });
}

export function callbacksQueryOptions(scope: CallbackScope) {
  return queryOptions({
    queryKey: callbackKeys.list(scope),
    queryFn: ({ signal }) => getCallbacks(scope, signal),
  });
}

export function useCallbacks(scope: CallbackScope, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...callbacksQueryOptions(scope), enabled });
}
