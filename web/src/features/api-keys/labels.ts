// The words the admin sees for API keys: what a key allows, which queues, and the server's
// messages with its field names turned into the form's.
import type { QueueName } from '@/types/api';

import type { MachineAction } from './api/schemas';

/** In the order the server lists them. */
export const actionChoices: ReadonlyArray<readonly [MachineAction, string]> = [
  ['next_lead', 'Take customers from the queue'],
  ['outcome', 'Save call outcomes'],
  ['link', 'Send magic links'],
  ['sms', 'Send texts'],
];

const actionWords = new Map<string, string>(actionChoices);

/** An action in words; one added on the server later shows its code. */
export function actionLabel(action: string): string {
  return actionWords.get(action) ?? action;
}

const queueWords: Record<QueueName, string> = {
  unsigned: 'Unsigned',
  outstanding: 'Outstanding',
  callbacks: 'Callbacks',
};

export function queueLabel(queue: QueueName): string {
  return queueWords[queue];
}

/** A key's queues in words: none listed is every queue the machine agent works. */
export function keyQueuesLabel(queues: readonly QueueName[]): string {
  return queues.length === 0 ? 'Every queue it works' : queues.map(queueLabel).join(', ');
}

/** "rmc_a1b2c3d4…": the start of a key, which is all that is kept of it in words. */
export function keyName(prefix: string): string {
  return `${prefix}…`;
}

const fieldWords: Record<string, string> = {
  actions: 'The actions',
  queues: 'The queues',
};

/**
 * A server message ("queues must be queues the machine agent may work") in the form's words
 * ("The queues must be queues the machine agent may work."): the server names its fields first.
 */
export function inWords(message: string): string {
  const named = message.replace(/^(actions|queues)\b/, (field) => fieldWords[field] ?? field);
  const sentence = named.charAt(0).toUpperCase() + named.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
