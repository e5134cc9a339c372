// The words the admin sees for agent accounts: roles, queues, the password rule, and the
// server's messages with its field names turned into the form's.
import type { QueueName, Role } from '@/types/api';

import type { AgentKind } from './api/schemas';

export const roleChoices: ReadonlyArray<readonly [Role, string]> = [
  ['agent', 'Agent'],
  ['supervisor', 'Supervisor'],
  ['admin', 'Admin'],
];

const roleWords = new Map<string, string>(roleChoices);

export function roleLabel(role: string): string {
  return roleWords.get(role) ?? role;
}

/** Who the account is for, in the order the add form offers them. */
export const kindChoices: ReadonlyArray<readonly [AgentKind, string]> = [
  ['human', 'Person'],
  ['machine', 'Machine agent (API key)'],
];

/** Under the choice when it is a machine agent: what that means for the rest of the form. */
export const machineHelp =
  'An external AI agent that works the queues through the API under the same rules and audit ' +
  'as a person. It is always an agent, never signs in with a password, and works only with an ' +
  'API key you create for it.';

/** What each role may do, for the help under the Role select. */
export const roleHelp =
  'Agents work the queues; supervisors also see the floor, recordings, analytics and the audit ' +
  'log; admins manage settings and accounts.';

/** In the order the server lists them. */
export const queueChoices: ReadonlyArray<readonly [QueueName, string]> = [
  ['unsigned', 'Unsigned'],
  ['outstanding', 'Outstanding'],
  ['callbacks', 'Callbacks'],
];

const queueWords = new Map<string, string>(queueChoices);

/** The queues an account may work, in words: "Every queue" when it is all of them. */
export function queuesLabel(queues: readonly string[]): string {
  if (queues.length === 0 || queueChoices.every(([queue]) => queues.includes(queue))) {
    return 'Every queue';
  }
  return queueChoices
    .filter(([queue]) => queues.includes(queue))
    .map(([, label]) => label)
    .concat(queues.filter((queue) => !queueWords.has(queue)))
    .join(', ');
}

/** The queues as the server keeps them: none ticked is every queue, in the server's order. */
export function normalisedQueues(queues: readonly QueueName[]): QueueName[] {
  const chosen = queueChoices.map(([queue]) => queue).filter((queue) => queues.includes(queue));
  return chosen.length === 0 ? queueChoices.map(([queue]) => queue) : chosen;
}

/**
 * The server's rule for new passwords (src/dialler/domain/credentials.cpp CheckNewPassword, the
 * same as `dialler agents passwd`): 12 to 1024 characters, nothing else asked of them.
 */
export const minPasswordLength = 12;
export const maxPasswordLength = 1024;
export const passwordRule =
  `At least ${minPasswordLength} characters. ` + 'Give it to them in person; they sign in with it.';

/** What the server says, in the form's words (see inWords). */
export const passwordTooShortMessage =
  `The password must be at least ${minPasswordLength} characters.`;

/**
 * Counted in characters (code points), not UTF-16 units. The server counts bytes, never fewer, so
 * a password long enough here is long enough there.
 */
export function passwordTooShort(password: string): boolean {
  return [...password].length < minPasswordLength;
}

const fieldWords: Record<string, string> = {
  email: 'The email',
  displayName: 'The name',
  role: 'The role',
  queues: 'The queues',
  team: 'The team',
  password: 'The password',
  kind: 'The kind of account',
};

/**
 * A server message ("displayName is required") in the form's words ("The name is required."):
 * the server names its fields at the start of its messages.
 */
export function inWords(message: string): string {
  const named = message.replace(/^(email|displayName|role|queues|team|password|kind)\b/, (field) =>
    fieldWords[field] ?? field,
  );
  const sentence = named.charAt(0).toUpperCase() + named.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
