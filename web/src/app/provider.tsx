import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider, type DataRouter } from 'react-router';

function flushRouterUpdate(update: () => unknown): undefined {
  flushSync(update);
  return undefined;
}

type AppProviderProps = { queryClient: QueryClient; router: DataRouter };

/** Everything the app needs around it: server-state cache and router. */
export function AppProvider({ queryClient, router }: AppProviderProps) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {/* What react-router/dom's RouterProvider adds: lets navigate({ flushSync: true }) work.
            Importing react-router/dom instead loads a second copy of the router under Vitest. */}
        <RouterProvider router={router} flushSync={flushRouterUpdate} />
      </QueryClientProvider>
    </StrictMode>
  );
}
