import type { FloorAgent } from './api/schemas';
import { statusOrder } from './labels';

export type SortKey = 'name' | 'status';
export type AgentSort = { key: SortKey; direction: 'ascending' | 'descending' };

export const defaultAgentSort: AgentSort = { key: 'name', direction: 'ascending' };

/** The sort after a column's header is pressed: the same column turns round, another starts A-Z. */
export function nextAgentSort(current: AgentSort, key: SortKey): AgentSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

const byName = (a: FloorAgent, b: FloorAgent) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) ||
  a.agentId.localeCompare(b.agentId);

/**
 * The agents in `sort`'s order, the offline ones always after everyone else (in the same order
 * among themselves): the board is about who is working. By status, ties go by name A-Z.
 */
export function sortAgents(agents: readonly FloorAgent[], sort: AgentSort): FloorAgent[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare =
    sort.key === 'name'
      ? (a: FloorAgent, b: FloorAgent) => sign * byName(a, b)
      : (a: FloorAgent, b: FloorAgent) =>
          sign * (statusOrder[a.status] - statusOrder[b.status]) || byName(a, b);
  const offlineLast = (a: FloorAgent, b: FloorAgent) =>
    Number(a.status === 'offline') - Number(b.status === 'offline');
  return [...agents].sort((a, b) => offlineLast(a, b) || compare(a, b));
}
