import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { callSessionResponseSchema, type CallSessionResponse } from '@/types/api';

import { callKeys } from './call-keys';

/** `GET /api/call-sessions/:id`: the server's view of one call, which is the truth about it. */
export function getCallSession(id: string, signal?: AbortSignal): Promise<CallSessionResponse> {
  return apiClient.get(`/api/call-sessions/${encodeURIComponent(id)}`, callSessionResponseSchema, {
    signal,
  });
}

export function callSessionQueryOptions(id: string) {
  return queryOptions({
    queryKey: callKeys.session(id),
    queryFn: ({ signal }) => getCallSession(id, signal),
    // Never polled: the live socket says when the call changed and the query is invalidated then.
    staleTime: Infinity,
  });
}

export function useCallSession(id: string | null) {
  return useQuery({ ...callSessionQueryOptions(id ?? ''), enabled: id !== null });
}
