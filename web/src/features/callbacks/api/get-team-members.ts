import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { callbackKeys } from './callback-keys';
import { teamMembersResponseSchema, type TeamMembersResponse } from './schemas';

/** `GET /api/agents`: everyone with an account, with their role and whether they may sign in. */
export function getTeamMembers(signal?: AbortSignal): Promise<TeamMembersResponse> {
  return apiClient.get('/api/agents', teamMembersResponseSchema, { signal });
}

export function teamMembersQueryOptions() {
  return queryOptions({
    queryKey: callbackKeys.team(),
    queryFn: ({ signal }) => getTeamMembers(signal),
    // People join and leave the floor rarely; names five minutes old are fine.
    staleTime: 5 * 60_000,
  });
}

export function useTeamMembers() {
  return useQuery(teamMembersQueryOptions());
}
