import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { incomingCallsResponseSchema, type IncomingCallsResponse } from '@/types/api';

import { callKeys } from './call-keys';

/** `GET /api/calls/incoming`: the customers' calls ringing for the signed-in agent now. */
export function getIncomingCalls(signal?: AbortSignal): Promise<IncomingCallsResponse> {
  return apiClient.get('/api/calls/incoming', incomingCallsResponseSchema, { signal });
}

/**
 * Never polled: the live socket says when a call starts ringing for me, or one that rang moved on
 * (see useLiveIncomingCalls). Always stale, so that every screen that shows it reads it afresh
 * when it opens: a call may have started ringing while nothing was listening.
 */
export function incomingCallsQueryOptions() {
  return queryOptions({
    queryKey: callKeys.incoming(),
    queryFn: ({ signal }) => getIncomingCalls(signal),
    staleTime: 0,
  });
}

/** `enabled` is false for roles that take no calls (admins): the server would answer 403. */
export function useIncomingCalls({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...incomingCallsQueryOptions(), enabled });
}
