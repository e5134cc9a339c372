import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { isUnauthenticated } from '@/lib/api-error';

import { useMe } from '../api/get-me';

/** Router state passed to /login so that signing in returns to the page that was asked for. */
export type LoginRedirectState = { from?: { pathname: string; search: string; hash: string } };

/** Renders its children only for a signed-in user; sends everyone else to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.data) return children;
  if (me.data === null || isUnauthenticated(me.error)) {
    const state: LoginRedirectState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    };
    return <Navigate to={paths.login} replace state={state} />;
  }
  if (me.isError) {
    return (
      <div className="mx-auto mt-24 max-w-md space-y-4 px-4">
        <Alert>{me.error.message || 'Could not check your session.'}</Alert>
        <Button variant="secondary" onClick={() => void me.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  return <Spinner label="Checking your session" className="mt-24 justify-center" />;
}
