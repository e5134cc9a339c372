import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { settingsResponseSchema, type SettingsResponse } from './schemas';
import { settingsKeys } from './settings-keys';

/** `GET /api/settings` (supervisors, admins): every setting of the queue engine and its value. */
export function getSettings(signal?: AbortSignal): Promise<SettingsResponse> {
  return apiClient.get('/api/settings', settingsResponseSchema, { signal });
}

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: settingsKeys.current(),
    queryFn: ({ signal }) => getSettings(signal),
  });
}

export function useSettings() {
  return useQuery(settingsQueryOptions());
}
