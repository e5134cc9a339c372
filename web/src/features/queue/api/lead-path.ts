export type LeadAction = 'heartbeat' | 'release' | 'skip' | 'outcome';

/** `/api/queue/leads/:userId/<action>`. */
export function leadPath(userId: string, action: LeadAction): string {
  return `/api/queue/leads/${encodeURIComponent(userId)}/${action}`;
}
