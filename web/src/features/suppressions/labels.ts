// The words the admin sees for the do-not-contact list: channels, where an entry came from, who
// and what it covers.
import type { Suppression, SuppressionChannel } from './api/schemas';

/** In the order the channel select lists them: the widest first. */
export const channelChoices: ReadonlyArray<readonly [SuppressionChannel, string]> = [
  ['all', 'Calls and texts'],
  ['call', 'Calls only'],
  ['sms', 'Texts only'],
];

const channelWords = new Map<string, string>(channelChoices);

export function channelLabel(channel: string): string {
  return channelWords.get(channel) ?? channel;
}

const sourceWords: Record<string, string> = {
  agent: 'Added by an agent',
  outcome: 'Do not contact outcome',
  sms_stop: 'Customer texted STOP',
  admin: 'Added by a supervisor or admin',
  import: 'Imported',
};

/** How the entry came about ("Customer texted STOP"); the code in words for a new one. */
export function sourceLabel(source: string): string {
  const spaced = source.replaceAll('_', ' ').trim();
  return sourceWords[source] ?? spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * What a screen reader calls an entry ("Customer 1940", "number ending 942"): masked numbers are
 * read out by their last digits, not dot by dot.
 */
export function spokenCovered(entry: Pick<Suppression, 'userId' | 'phone'>): string {
  const ending = entry.phone ? /(\d+)\s*$/.exec(entry.phone)?.[1] : undefined;
  const number = entry.phone ? (ending ? `number ending ${ending}` : 'a hidden number') : null;
  const parts = [entry.userId !== null ? `Customer ${entry.userId}` : null, number].filter(
    (part): part is string => part !== null,
  );
  return parts.length === 0 ? 'Nobody' : parts.join(' and ');
}

/** Digits only: a customer number as the replica numbers customers. */
export function isCustomerNumber(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value);
}
