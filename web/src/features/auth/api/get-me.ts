import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient, setCsrfToken } from '@/lib/api-client';
import { sessionSchema, type Session } from '@/types/api';

import { authKeys } from './auth-keys';
import type { MeData } from './session-cache';

/** `GET /api/auth/me`: the signed-in user; throws ApiError 401 when there is no session. */
export async function getMe(signal?: AbortSignal): Promise<Session> {
  const session = await apiClient.get('/api/auth/me', sessionSchema, { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

export function meQueryOptions() {
  return queryOptions<MeData>({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // /me also refreshes the idle expiry; once a minute while someone is looking is plenty.
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/**
 * The signed-in session. Only for components rendered under RequireAuth, which guarantees it.
 */
export function useSession(): Session {
  const { data } = useMe();
  if (!data) {
    throw new Error('useSession() used outside RequireAuth: there is no signed-in user');
  }
  return data;
}
