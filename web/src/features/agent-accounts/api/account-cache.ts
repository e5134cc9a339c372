import type { QueryClient } from '@tanstack/react-query';

import { agentAccountKeys } from './agent-account-keys';

/**
 * After any change to an account the admin's list is read again. (The names other pages show come
 * from `GET /api/agents`, which is for the floor, not admins: nothing of theirs to refresh here.)
 */
export function accountsChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: agentAccountKeys.all });
}
