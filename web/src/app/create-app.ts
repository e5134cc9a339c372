import type { DefaultOptions, QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';

import { paths } from '@/config/paths';
import { clearSession, getSignedInSession } from '@/features/auth/api/session-cache';
import type { LoginRedirectState } from '@/features/auth/components/require-auth';
import { createQueryClient } from '@/lib/query-client';

import { createAppRouter } from './router';

export type App = { queryClient: QueryClient; router: DataRouter };

export type CreateAppOptions = {
  /** Use an in-memory history starting here (tests); the browser's history otherwise. */
  initialEntries?: string[];
  queryDefaults?: DefaultOptions;
};

/**
 * Builds the query client and router and wires the one rule that joins them: a 401 from any
 * request while signed in means the session is gone, so the user is sent to
 * `/login?expired=1` (remembering the page, to return there) and the cached user is cleared.
 */
export function createApp(options: CreateAppOptions = {}): App {
  let expiring = false;

  const queryClient = createQueryClient({
    defaultOptions: options.queryDefaults,
    onUnauthenticated: () => {
      if (expiring || getSignedInSession(queryClient) === null) return;
      expiring = true;
      const { pathname, search, hash } = router.state.location;
      const state: LoginRedirectState = { from: { pathname, search, hash } };
      // Navigate first (flushSync: the signed-in pages are unmounted when it resolves) and
      // clear afterwards; clearing first would let the route guard redirect to a plain /login.
      void router
        .navigate(`${paths.login}?expired=1`, { replace: true, state, flushSync: true })
        .finally(() => {
          clearSession(queryClient);
          expiring = false;
        });
    },
  });
  const router = createAppRouter(options.initialEntries);
  return { queryClient, router };
}
