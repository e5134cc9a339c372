// The words the Audit log page uses for what the audit API sends.
import { codeInWords } from '@/features/calls/labels';

import type { AuditActor, AuditEntry } from './api/schemas';

const actorKindLabels: Record<string, string> = {
  system: 'The system',
  cli: 'Command line',
  anonymous: 'Not signed in',
};

/** Who did it: the agent's name, "The system", "Command line" or "Not signed in". */
export function actorLabel(actor: AuditActor, agentName: (agentId: string) => string): string {
  if (actor.kind === 'agent') return actor.agentId !== null ? agentName(actor.agentId) : 'An agent';
  return actorKindLabels[actor.kind] ?? codeInWords(actor.kind);
}

const subjectTypeLabels: Record<string, string> = {
  agent: 'Agent',
  call_session: 'Call',
  callback: 'Callback',
  customer: 'Customer',
  magic_link: 'Magic link',
  session: 'Sign-in',
  setting: 'Setting',
  sms: 'Text',
  sms_conversation: 'SMS conversation',
  sms_template: 'Text template',
  suppression: 'Suppression',
  user: 'Customer',
};

/**
 * What the entry was about when that is not just the customer: "Call 12", "Text template 3",
 * an agent by name. Null when the subject is the customer the entry links to anyway.
 */
export function subjectLabel(
  entry: Pick<AuditEntry, 'subjectType' | 'subjectId' | 'userId'>,
  agentName: (agentId: string) => string,
): string | null {
  const { subjectType, subjectId, userId } = entry;
  if ((subjectType === 'customer' || subjectType === 'user') && subjectId === userId) return null;
  if (subjectType === 'agent') return agentName(subjectId);
  const type = subjectTypeLabels[subjectType] ?? codeInWords(subjectType);
  return subjectId === '' ? type : `${type} ${subjectId}`;
}

/** A detail's value as text: strings as they are, anything else as the server wrote it. */
export function detailText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'none';
  return JSON.stringify(value);
}
