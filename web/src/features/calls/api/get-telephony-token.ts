import { queryOptions } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { telephonyTokenSchema, type TelephonyToken } from '@/types/api';

import { callKeys } from './call-keys';

/** `POST /api/telephony/token`: a voice access token for the signed-in agent or supervisor. */
export function getTelephonyToken(): Promise<TelephonyToken> {
  return apiClient.post('/api/telephony/token', telephonyTokenSchema);
}

/** A token is renewed at 80% of its lifetime, well before the voice service would refuse it. */
export function tokenRefreshMs(token: TelephonyToken): number {
  return token.ttlSeconds * 800;
}

/**
 * The token as a query: cached while it is fresh (every call after the first reuses it) and asked
 * for again at 80% of its lifetime while something observes it (the voice device), which is what
 * the Voice SDK's `tokenWillExpire` asks of us.
 */
export function telephonyTokenQueryOptions() {
  return queryOptions({
    queryKey: callKeys.token(),
    queryFn: getTelephonyToken,
    staleTime: (query) => (query.state.data ? tokenRefreshMs(query.state.data) : 0),
    refetchInterval: (query) => (query.state.data ? tokenRefreshMs(query.state.data) : false),
    // A call can outlast the tab being in the background; the token must not.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
  });
}
