// The words the agent sees for the customer states, queues and timeline entries the API sends.
import { codeInWords } from '@/features/calls/labels';
import { queueLabels } from '@/features/queue/labels';
import type { QueueName } from '@/types/api';
import { formatUkDateTime } from '@/utils/uk-time';

import type { CustomerStatus, TimelineEntry } from './api/schemas';

/** "Jane Smith"; "Customer 42" when the replica has no name. */
export function personName(person: {
  userId: string;
  firstName: string | null;
  lastName: string | null;
}): string {
  const name = [person.firstName, person.lastName]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' ');
  return name === '' ? `Customer ${person.userId}` : name;
}

/** "Unsigned", "Outstanding", or "Not in a queue". */
export function queueLabel(queue: QueueName | null): string {
  return queue === null ? 'Not in a queue' : queueLabels[queue];
}

const statusLabels: Record<string, string> = {
  callable: 'Ready to call',
  waiting: 'Waiting',
  held: 'With an agent now',
  closed: 'Closed',
  given_up: 'Given up',
  not_in_queue: 'Not in a queue',
  not_discovered: 'Not yet checked by the dialler',
};

/** Where the customer stands in words: "Ready to call", "Waiting until Wed 2 Dec, 10:00" … */
/**
 * Whether the dialler calls this customer at all (in a queue, not closed or given up): only then
 * does the contact rules' answer decide, and only then is Call now offered.
 */
export function isInAQueue(status: CustomerStatus): boolean {
  return status === 'callable' || status === 'waiting' || status === 'held';
}

export function customerStatusLabel(status: CustomerStatus, nextCallAt: string | null): string {
  if (status === 'waiting' && nextCallAt !== null) {
    return `Waiting until ${formatUkDateTime(nextCallAt)}`;
  }
  return statusLabels[status] ?? codeInWords(status);
}

/** An agent's display name; "Agent 3" when the agent list does not name them. */
export function agentLabel(agentId: string, agent?: { displayName: string }): string {
  const name = agent?.displayName.trim();
  return name ? name : `Agent ${agentId}`;
}

/** The text label of a timeline entry ("Call", "Text sent" …): the list shows no icons. */
export function timelineKindLabel(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'call':
      return entry.call.direction === 'inbound' ? 'Call from the customer' : 'Call';
    case 'outcome':
      return 'Outcome';
    case 'sms':
      return entry.sms.direction === 'inbound' ? 'Text received' : 'Text sent';
    case 'link':
      return 'Magic link';
    case 'callback':
      return 'Callback';
    case 'suppression':
      return 'Suppression';
    case 'conversion':
      return 'Moved queue';
    case 'follow_up':
      return 'Follow-up text';
  }
}

export const suppressionChannelLabels: Record<'call' | 'sms' | 'all', string> = {
  call: 'No calls',
  sms: 'No texts',
  all: 'No calls or texts',
};

const followUpKindLabels: Record<string, string> = {
  reminder: 'Reminder',
  check_in: 'Check-in',
  callback_confirmation: 'Callback confirmation',
};

export function followUpKindLabel(kind: string): string {
  return followUpKindLabels[kind] ?? codeInWords(kind);
}

const followUpStatusLabels: Record<string, string> = {
  scheduled: 'Scheduled',
  pending: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
  failed: 'Failed',
  skipped: 'Not sent',
};

export function followUpStatusLabel(status: string): string {
  return followUpStatusLabels[status] ?? codeInWords(status);
}

const callbackStatusLabels: Record<'pending' | 'completed' | 'cancelled', string> = {
  pending: 'Booked',
  completed: 'Done',
  cancelled: 'Cancelled',
};

export function callbackStatusLabel(status: 'pending' | 'completed' | 'cancelled'): string {
  return callbackStatusLabels[status];
}

const conversionKindLabels: Record<string, string> = {
  signed: 'Signed the claim documents',
  documents_completed: 'Completed the documents',
};

/**
 * "Moved from Unsigned to Outstanding"; "Signed the claim documents · left the Unsigned queue"
 * when only the queue left is known.
 */
export function conversionText(conversion: {
  kind?: string | undefined;
  fromQueue: QueueName;
  toQueue?: QueueName | null | undefined;
}): string {
  const from = queueLabels[conversion.fromQueue];
  const why = conversion.kind
    ? (conversionKindLabels[conversion.kind] ?? codeInWords(conversion.kind))
    : null;
  const moved = conversion.toQueue
    ? `Moved from ${from} to ${queueLabels[conversion.toQueue]}`
    : `${why ? 'left' : 'Left'} the ${from} queue`;
  return why ? `${why} · ${moved}` : moved;
}

/**
 * The people a filter by agent offers (`GET /api/agents`, by name), with `chosen` added as
 * "Agent 3" when the list does not have them (it could not be read; a link names someone else),
 * so that the select always shows what the filter is.
 */
export function agentChoices(
  agents: ReadonlyArray<{ id: string; displayName: string }>,
  chosen: string,
): Array<{ id: string; name: string }> {
  const choices = agents.map((agent) => ({ id: agent.id, name: agentLabel(agent.id, agent) }));
  if (chosen !== '' && !choices.some((choice) => choice.id === chosen)) {
    choices.push({ id: chosen, name: agentLabel(chosen) });
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name));
}
