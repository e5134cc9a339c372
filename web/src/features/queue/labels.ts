// The words the agent sees for the codes the API sends.
import type { Lead, NoLead, OutcomeCode, QueueName } from '@/types/api';
import { formatUkTimeShort } from '@/utils/uk-time';

/** In the order the outcome form lists them (the server's order: best result first). */
export const outcomeLabels: ReadonlyArray<readonly [OutcomeCode, string]> = [
  ['completed_form', 'Completed the form'],
  ['going_to_complete', 'Going to complete'],
  ['might_complete', 'Might complete'],
  ['call_back', 'Call back'],
  ['no_answer', 'No answer'],
  ['voicemail_left', 'Voicemail left'],
  ['hung_up', 'Hung up'],
  ['bad_number', 'Bad number'],
  ['not_interested', 'Not interested'],
  ['no_claim', 'No claim'],
  ['do_not_contact', 'Do not contact'],
];

const outcomeLabelMap = new Map<string, string>(outcomeLabels);

export function outcomeLabel(code: OutcomeCode): string {
  return outcomeLabelMap.get(code) ?? code;
}

export const queueLabels: Record<QueueName, string> = {
  unsigned: 'Unsigned',
  outstanding: 'Outstanding',
  callbacks: 'Callbacks',
};

const phoneTypeLabels: Record<string, string> = {
  mobile: 'mobile',
  fixed_line: 'landline',
  fixed_line_or_mobile: 'landline or mobile',
  toll_free: 'freephone',
  premium_rate: 'premium rate',
  shared_cost: 'shared cost',
  voip: 'VoIP',
  personal_number: 'personal number',
  uan: 'business number',
  unknown: 'type unknown',
};

export function phoneTypeLabel(type: string): string {
  return phoneTypeLabels[type] ?? type.replaceAll('_', ' ');
}

/** "Jane Smith"; the customer number when the replica has no name. */
export function customerName(lead: Lead): string {
  const name = [lead.customer.firstName, lead.customer.lastName]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' ');
  return name === '' ? `Customer ${lead.userId}` : name;
}

/** What to tell the agent when `POST /api/queue/next` had nobody: a headline and the detail. */
export function noLeadMessage(
  answer: NoLead,
  now: Date = new Date(),
): { title: string; detail: string } {
  const next = answer.nextCallableAt ? formatUkTimeShort(answer.nextCallableAt, now) : null;
  switch (answer.reason) {
    case 'outside_calling_window':
      return next
        ? {
            title: `Nothing to call until ${next}`,
            detail: 'Calls can be made again when the calling window opens.',
          }
        : { title: 'Nothing to call now', detail: 'The calling window is closed.' };
    case 'queue_empty':
      return {
        title: 'The queue is empty',
        detail: next
          ? `The next customer can be called from ${next}.`
          : 'Nobody is waiting to be called.',
      };
    case 'candidates_refused':
      return {
        title: 'No customer can be called just now',
        detail:
          `${answer.refused} ${answer.refused === 1 ? 'customer was' : 'customers were'} checked and cannot be called yet. ` +
          'Press Next customer to look further down the queue.',
      };
    default:
      return {
        title: next ? `Nothing to call until ${next}` : 'Nothing to call now',
        detail: 'Press Next customer to try again.',
      };
  }
}
