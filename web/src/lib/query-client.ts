import {
  MutationCache,
  QueryCache,
  QueryClient,
  type DefaultOptions,
  type Mutation,
  type Query,
} from '@tanstack/react-query';

import { isApiError, isUnauthenticated, type ApiError } from '@/lib/api-error';

/**
 * Set `meta: { [ignoreUnauthenticated]: true }` on a query or mutation whose 401 is an expected
 * answer rather than a lost session (the login form's wrong password).
 */
export const ignoreUnauthenticated = 'ignoreUnauthenticated';

export type CreateQueryClientOptions = {
  /** Called for every 401 from any query or mutation not marked `ignoreUnauthenticated`. */
  onUnauthenticated?: (error: ApiError) => void;
  defaultOptions?: DefaultOptions;
};

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change by asking again; 5xx and network failures might.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** Creates the app's QueryClient; 401 handling lives here, in one place, for every request. */
export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const handle = (
    error: unknown,
    owner: Query<unknown, unknown, unknown> | Mutation<unknown, unknown, unknown>,
  ) => {
    if (!isUnauthenticated(error)) return;
    if (owner.meta?.[ignoreUnauthenticated] === true) return;
    options.onUnauthenticated?.(error as ApiError);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handle(error, mutation),
    }),
    defaultOptions: {
      ...options.defaultOptions,
      queries: { retry: shouldRetry, staleTime: 30_000, ...options.defaultOptions?.queries },
      mutations: { retry: false, ...options.defaultOptions?.mutations },
    },
  });
}
