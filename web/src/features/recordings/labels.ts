// The words the Recordings page uses for what the recordings API sends.
import { codeInWords } from '@/features/calls/labels';
import { outcomeLabels } from '@/features/queue/labels';
import type { CallDirection } from '@/types/api';
import { formatUkDateTime } from '@/utils/uk-time';

import type { RecordedCall } from './api/schemas';

/** "Jane Smith"; "Customer 96" when the replica has no name. */
export function recordedCustomerName(call: Pick<RecordedCall, 'customerName' | 'userId'>): string {
  const name = call.customerName?.trim();
  return name ? name : `Customer ${call.userId}`;
}

const directionLabels: Record<CallDirection, string> = {
  outbound: 'Call to the customer',
  inbound: 'Call from the customer',
};

export function directionLabel(direction: CallDirection): string {
  return directionLabels[direction];
}

const outcomeWords = new Map<string, string>(outcomeLabels);

/** "Going to complete"; a code this page does not know in words; "No outcome" for none. */
export function recordedOutcomeLabel(outcome: string | null): string {
  if (outcome === null) return 'No outcome';
  return outcomeWords.get(outcome) ?? codeInWords(outcome);
}

/** The player's name: "Recording of the call with Jane Smith on Wed 4 Nov, 11:00". */
export function recordingLabel(call: RecordedCall): string {
  return `Recording of the call with ${recordedCustomerName(call)} on ${formatUkDateTime(call.at)}`;
}
