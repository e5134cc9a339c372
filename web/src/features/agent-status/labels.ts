// The words (and colours, always paired with them) the agent sees for their status.
import type { AgentStatus, AgentStatusName, BreakReason } from '@/types/api';

/** In the order the status menu lists them. */
export const breakReasonLabels: ReadonlyArray<readonly [BreakReason, string]> = [
  ['break', 'Break'],
  ['lunch', 'Lunch'],
  ['training', 'Training'],
  ['meeting', 'Meeting'],
  ['admin', 'Admin'],
  ['comfort', 'Comfort break'],
];

const breakReasonLabelMap = new Map<string, string>(breakReasonLabels);

/** "Lunch", "Comfort break" …; a reason added on the server later in plain words. */
export function breakReasonLabel(reason: string): string {
  return breakReasonLabelMap.get(reason) ?? reason.replaceAll('_', ' ');
}

const statusLabels: Record<AgentStatusName, string> = {
  offline: 'Offline',
  available: 'Available',
  on_call: 'On a call',
  wrap_up: 'Wrap-up',
  break: 'On a break',
};

/** "Available", "On a call", "On a break — Lunch" … */
export function statusText({ status, reason }: Pick<AgentStatus, 'status' | 'reason'>): string {
  const label = statusLabels[status];
  if (status !== 'break' || !reason) return label;
  return `${label} — ${breakReasonLabel(reason)}`;
}

export const statusDotClasses: Record<AgentStatusName, string> = {
  offline: 'bg-slate-400',
  available: 'bg-emerald-500',
  on_call: 'bg-sky-500',
  wrap_up: 'bg-violet-500',
  break: 'bg-amber-500',
};

/**
 * Why the agent cannot change their status just now, in words; null when they can. The server
 * moves them on itself: the call's end leads to wrap-up, the saved outcome to Available.
 */
export function lockedReason(status: AgentStatusName): string | null {
  switch (status) {
    case 'on_call':
      return 'You are on a call: finish it and save its outcome first.';
    case 'wrap_up':
      return "Save the call's outcome first: that makes you Available again.";
    default:
      return null;
  }
}
