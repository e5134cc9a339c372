import { useRouteError } from 'react-router';

import { isApiError } from '@/lib/api-error';

/** Last-resort boundary for render bugs and contract violations (a response that fails zod). */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <main className="mx-auto mt-24 max-w-lg space-y-3 px-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">Reload the page to try again. If it keeps happening, tell support.</p>
      {requestId ? <p className="text-sm text-slate-500">Reference: {requestId}</p> : null}
    </main>
  );
}
