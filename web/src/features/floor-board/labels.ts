// The words (and colours, always paired with them) the floor board uses for what the floor API
// sends.
import { breakReasonLabel, statusDotClasses } from '@/features/agent-status/labels';
import { callStatusLabel, codeInWords } from '@/features/calls/labels';
import { queueLabels } from '@/features/queue/labels';
import { callStatusSchema, queueNameSchema, type AgentStatusName } from '@/types/api';

import type { FloorAgent, FloorCall } from './api/schemas';

const statusWords: Record<AgentStatusName, string> = {
  available: 'Available',
  on_call: 'On a call',
  wrap_up: 'Wrap-up',
  break: 'Break',
  offline: 'Offline',
};

/** "Available", "On a call", "Break (lunch)", "Break" when no reason was given … */
export function floorStatusText({ status, reason }: Pick<FloorAgent, 'status' | 'reason'>): string {
  const words = statusWords[status];
  if (status !== 'break' || !reason) return words;
  return `${words} (${breakReasonLabel(reason).toLowerCase()})`;
}

/** The status's colour, beside its words (never alone). */
export function floorStatusDotClass(status: AgentStatusName): string {
  return statusDotClasses[status];
}

/**
 * The order "sort by status" lists them in: those working first, then wrap-up, breaks, and the
 * offline last.
 */
export const statusOrder: Record<AgentStatusName, number> = {
  on_call: 0,
  wrap_up: 1,
  available: 2,
  break: 3,
  offline: 4,
};

/** A queue's name on the board ("Outstanding documents" in full: there is room for it here). */
export function floorQueueLabel(queue: string): string {
  if (queue === 'outstanding') return 'Outstanding documents';
  const known = queueNameSchema.safeParse(queue);
  return known.success ? queueLabels[known.data] : codeInWords(queue);
}

const boardCallWords: Partial<Record<string, string>> = {
  'in-progress': 'Talking',
};

/** "Ringing", "Talking" …; a state added on the server later in plain words. */
export function floorCallStateText(call: Pick<FloorCall, 'state'>): string {
  const known = callStatusSchema.safeParse(call.state);
  return (
    boardCallWords[call.state] ??
    (known.success ? callStatusLabel(known.data) : codeInWords(call.state))
  );
}

/** A share as a whole percent ("42%"); "—" when there is nothing to share yet. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * The per-agent alerts that also mark the agent's row, with the words a screen reader hears at
 * the time that is too long (sighted people see the row tinted and a warning sign by the time).
 */
export const rowAlertWords: Readonly<Record<string, string>> = {
  call_ringing_long: 'ringing too long',
  break_long: 'break too long',
};
