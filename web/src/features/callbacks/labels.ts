// The words the Callbacks page uses for what the callbacks API sends.
import { formatUkDateTime } from '@/utils/uk-time';

import type { CallbackRow, CallbackScope, TeamMember } from './api/schemas';

export const scopeLabels: Record<CallbackScope, string> = {
  mine: 'Mine',
  team: 'Team',
  overdue: 'Overdue',
};

/** What an empty list says, by tab. */
export const emptyLabels: Record<CallbackScope, string> = {
  mine: 'No callbacks booked',
  team: 'No callbacks booked',
  overdue: 'Nothing overdue',
};

/** Who makes a callback nobody in particular was given. */
export const teamLabel = 'Anyone on the team';

/** "Jane Smith"; "Customer 1940" when the replica has no name. */
export function callbackCustomerName(
  callback: Pick<CallbackRow, 'customerName' | 'userId'>,
): string {
  const name = callback.customerName?.trim();
  return name ? name : `Customer ${callback.userId}`;
}

/** "Alice Agent", "Anyone on the team", or "Agent 3" when the name is not known. */
export function agentName(agentId: string | null, names: ReadonlyMap<string, string>): string {
  if (agentId === null) return teamLabel;
  return names.get(agentId) ?? `Agent ${agentId}`;
}

/** The names of everyone in `GET /api/agents`, by id. */
export function namesById(members: readonly TeamMember[] | undefined): Map<string, string> {
  return new Map((members ?? []).map((member) => [member.id, member.displayName]));
}

/** Whom a callback may be given to: active people on the floor (admins take no calls), by name. */
export function assignableMembers(members: readonly TeamMember[] | undefined): TeamMember[] {
  return (members ?? [])
    .filter((member) => member.active && (member.role === 'agent' || member.role === 'supervisor'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A pending callback due before `now` (the server's clock). */
export function isOverdue(
  callback: Pick<CallbackRow, 'status' | 'scheduledFor'>,
  now: number,
): boolean {
  return callback.status === 'pending' && Date.parse(callback.scheduledFor) < now;
}

export type StatusLabel = { text: string; tone: 'overdue' | 'pending' | 'completed' | 'cancelled' };

/** The status in words, with its colour's meaning (never the colour alone). */
export function statusLabel(
  callback: Pick<CallbackRow, 'status' | 'scheduledFor'>,
  now: number,
): StatusLabel {
  if (callback.status === 'completed') return { text: 'Completed', tone: 'completed' };
  if (callback.status === 'cancelled') return { text: 'Cancelled', tone: 'cancelled' };
  return isOverdue(callback, now)
    ? { text: 'Overdue', tone: 'overdue' }
    : { text: 'Pending', tone: 'pending' };
}

/** The reasons the server closes a callback by itself (docs/api.md "Queues"). */
const closedReasonLabels: Record<string, string> = {
  customer_missing: 'The customer is no longer on the platform',
  customer_ineligible: 'The customer is no longer in a queue',
  suppressed: 'The customer must not be contacted',
  max_failed_tries: 'Too many tries without reaching the customer',
};

/** Why a callback was closed: the server's code in words, or the reason an agent gave. */
export function closedReasonLabel(reason: string): string {
  const known = closedReasonLabels[reason];
  if (known) return known;
  // Other codes (the contact rules' reasons) read well enough once the underscores go.
  return /^[a-z0-9_]+$/.test(reason) ? reason.replaceAll('_', ' ') : reason;
}

/** "Callback for Jane Smith moved to Thu 3 Dec, 10:00". */
export function rescheduledMessage(name: string, at: string): string {
  return `Callback for ${name} moved to ${formatUkDateTime(at)}`;
}
