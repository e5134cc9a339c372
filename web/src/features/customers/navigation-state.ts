// What the customer pages hand each other through the router's location state.
import { z } from 'zod';

import { paths } from '@/config/paths';

const fromSearchSchema = z.object({ fromSearch: z.string() });

/** The state a result link carries: the search it was found with (`?q=smith&page=2`). */
export function fromSearchState(search: string): z.infer<typeof fromSearchSchema> {
  return { fromSearch: search };
}

/** Back to the search the customer was opened from, or to an empty search. */
export function backToSearchPath(state: unknown): string {
  const parsed = fromSearchSchema.safeParse(state);
  return parsed.success && parsed.data.fromSearch.startsWith('?')
    ? `${paths.customers}${parsed.data.fromSearch}`
    : paths.customers;
}
