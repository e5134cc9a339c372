import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { configWarningsResponseSchema, type ConfigWarningsResponse } from '@/types/api';

/** `GET /api/admin/warnings`: the server's settings an admin should change (fixed while it runs). */
export function getConfigWarnings(signal?: AbortSignal): Promise<ConfigWarningsResponse> {
  return apiClient.get('/api/admin/warnings', configWarningsResponseSchema, { signal });
}

export function configWarningsQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'warnings'] as const,
    queryFn: ({ signal }) => getConfigWarnings(signal),
    // Read from the server's configuration at start-up: it does not change while it runs.
    staleTime: Infinity,
  });
}

export function useConfigWarnings() {
  return useQuery(configWarningsQueryOptions());
}
