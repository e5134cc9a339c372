import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queueKeys } from '@/features/queue/api/queue-keys';
import { apiClient } from '@/lib/api-client';

import { settingsResponseSchema, type SettingsMap, type SettingsResponse } from './schemas';
import { settingsKeys } from './settings-keys';

/**
 * `PUT /api/settings` (admins; CSRF) with the changed keys only: answers every setting as it now
 * is. The change is checked as a whole: 400 `invalid_argument` naming the key in `field` (an
 * unknown key, a value that does not parse or is out of range), and then nothing has changed.
 */
export function updateSettings(changes: SettingsMap): Promise<SettingsResponse> {
  return apiClient.put('/api/settings', settingsResponseSchema, { body: { settings: changes } });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsKeys.current(), saved);
      // The calling hours and the queues' counts follow the settings: read them again.
      await queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}
