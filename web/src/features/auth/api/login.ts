import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { ignoreUnauthenticated } from '@/lib/query-client';
import { sessionSchema, type LoginRequest, type Session } from '@/types/api';

import { storeSession } from './session-cache';

/** `POST /api/auth/login`: sets the session cookie and returns the session. */
export function login(credentials: LoginRequest): Promise<Session> {
  return apiClient.post('/api/auth/login', sessionSchema, { body: credentials });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // A wrong password is a 401 too; it must not be mistaken for a lost session.
    meta: { [ignoreUnauthenticated]: true },
    onSuccess: (session) => {
      queryClient.removeQueries();
      storeSession(queryClient, session);
    },
  });
}
