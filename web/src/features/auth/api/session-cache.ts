import type { QueryClient } from '@tanstack/react-query';

import { setCsrfToken } from '@/lib/api-client';
import type { Session } from '@/types/api';

import { authKeys } from './auth-keys';

/**
 * The cached `/me` answer: a Session when signed in, null once we know nobody is (after logout
 * or an expired session), undefined before the first answer.
 */
export type MeData = Session | null;

export function getSignedInSession(queryClient: QueryClient): Session | null {
  return queryClient.getQueryData<MeData>(authKeys.me()) ?? null;
}

export function storeSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData<MeData>(authKeys.me(), session);
}

/** Forgets the user and everything fetched on their behalf. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries();
  queryClient.setQueryData<MeData>(authKeys.me(), null);
}
