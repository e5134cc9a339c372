// The words the admin and agents see for templates: kinds, versions, states, what changed.
import type { SmsTemplate, SmsTemplateKind } from '@/types/api';
import { formatUkDateTime } from '@/utils/uk-time';

/** In the order the kind select lists them. */
export const templateKindLabels: ReadonlyArray<readonly [SmsTemplateKind, string]> = [
  ['service', 'Service'],
  ['marketing', 'Marketing'],
];

export function templateKindLabel(kind: SmsTemplateKind): string {
  return kind === 'marketing' ? 'Marketing' : 'Service';
}

/** "v2". */
export function templateVersionLabel(template: Pick<SmsTemplate, 'version'>): string {
  return `v${template.version}`;
}

export function templateStatusLabel(template: Pick<SmsTemplate, 'active'>): string {
  return template.active ? 'In use' : 'Retired';
}

/** "Wed 4 Nov, 11:00"; the templates the dialler ships with were never changed by anyone. */
export function templateChangedLabel(template: Pick<SmsTemplate, 'changedBy' | 'changedAt'>) {
  return template.changedBy === null
    ? 'Shipped with the dialler'
    : formatUkDateTime(template.changedAt);
}

/** The placeholders the server fills in, with what each becomes. */
export const templatePlaceholders: ReadonlyArray<readonly [string, string]> = [
  ['{firstName}', "the customer's first name"],
  ['{agentName}', 'the name of the agent sending it'],
];

/** What an opt-out line looks like; marketing texts must have one (the word STOP). */
export const optOutExample = 'Reply STOP to opt out';

/** "name and text", "kind", "nothing" — what an edit changed, for the message after saving. */
export function templateChanges(
  before: Pick<SmsTemplate, 'name' | 'kind' | 'body'>,
  after: Pick<SmsTemplate, 'name' | 'kind' | 'body'>,
): string {
  const changed = [
    before.name !== after.name ? 'name' : null,
    before.kind !== after.kind ? 'kind' : null,
    before.body !== after.body ? 'text' : null,
  ].filter((part): part is string => part !== null);
  if (changed.length === 0) return 'nothing';
  if (changed.length === 1) return changed[0] ?? '';
  return `${changed.slice(0, -1).join(', ')} and ${changed[changed.length - 1]}`;
}

/**
 * The server names the field it refuses at the start of its message ("body uses {first}: …");
 * the form calls that field something else ("The text uses {first}: …").
 */
export function fieldMessage(message: string, field: string, label: string): string {
  return message.startsWith(`${field} `) ? `${label} ${message.slice(field.length + 1)}` : message;
}
