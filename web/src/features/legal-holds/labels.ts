// The words the admin sees for legal holds: when, and the server's refusals in the form's terms.
import { formatUkClock, formatUkDate } from '@/utils/uk-time';

export { isCustomerNumber } from '@/features/suppressions/labels';

/**
 * "Wed 4 Nov 2026, 11:00": with the year, unlike most lists, because a hold often outlives the
 * year it was placed in (a complaint, a court case).
 */
export function holdTime(at: string): string {
  return `${formatUkDate(at)}, ${formatUkClock(at)}`;
}

/**
 * The server names its fields at the start of its messages ("userId must be …", "no customer 9
 * is known …"); the form calls them what its labels say, and starts with a capital.
 */
export function inWords(message: string): string {
  const named = message
    .replace(/^userId /, 'The customer id ')
    .replace(/^reason /, 'The reason ');
  return named.charAt(0).toUpperCase() + named.slice(1);
}
