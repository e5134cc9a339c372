import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { apiClient } from '@/lib/api-client';
import { okResponseSchema, type OkResponse } from '@/types/api';

import { clearSession } from './session-cache';

/** `POST /api/auth/logout`: revokes the session and clears the cookie (needs the CSRF token). */
export function logout(): Promise<OkResponse> {
  return apiClient.post('/api/auth/logout', okResponseSchema);
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      // Leave the signed-in pages first (flushSync: they are unmounted when this resolves), then
      // forget the user; the other order would make the route guard redirect to /login itself,
      // remembering this page as "where to return".
      await navigate(paths.login, { replace: true, flushSync: true });
      clearSession(queryClient);
    },
  });
}
