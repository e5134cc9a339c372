import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { myDayResponseSchema, type MyDayResponse } from '@/types/api';

import { dayKeys } from './day-keys';

/**
 * `GET /api/agents/me/day` (agent, supervisor): the signed-in agent's calls, contacts, talk time
 * and links since UK midnight, with auto mode's settings and the reasons a pause may give.
 */
export function getMyDay(signal?: AbortSignal): Promise<MyDayResponse> {
  return apiClient.get('/api/agents/me/day', myDayResponseSchema, { signal });
}

/**
 * Not polled: it is read again when a call of the agent's ends, an outcome is saved or a link is
 * sent (see useLiveDayCounters and useRecordOutcome), and after the live socket reconnects.
 */
export function myDayQueryOptions() {
  return queryOptions({
    queryKey: dayKeys.mine(),
    queryFn: ({ signal }) => getMyDay(signal),
  });
}

/** `enabled` is false for roles without a day of calls (admins): the server would answer 403. */
export function useMyDay({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myDayQueryOptions(), enabled });
}
