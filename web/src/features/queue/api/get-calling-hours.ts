import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { callingHoursResponseSchema, type CallingHoursResponse } from '@/types/api';

import { queueKeys } from './queue-keys';

/** `GET /api/calling-hours?days=N`: when customers may be called, from now through N UK days. */
export function getCallingHours(days: number, signal?: AbortSignal): Promise<CallingHoursResponse> {
  return apiClient.get(`/api/calling-hours?days=${days}`, callingHoursResponseSchema, { signal });
}

export function callingHoursQueryOptions(days: number) {
  return queryOptions({
    queryKey: queueKeys.callingHours(days),
    queryFn: ({ signal }) => getCallingHours(days, signal),
    // The hours change only when a supervisor edits them; a minute old is fresh enough, and the
    // times offered are cut against the server's clock as it moves on.
    staleTime: 60_000,
  });
}

/** `enabled` is false until the agent asks for a call back: most outcomes never need the hours. */
export function useCallingHours(days: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...callingHoursQueryOptions(days), enabled });
}
