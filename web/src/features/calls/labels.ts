// The words the agent sees for the call states the API sends.
import type { CallStatus, IncomingCall } from '@/types/api';

const statusLabels: Record<CallStatus, string> = {
  created: 'Dialling',
  queued: 'Dialling',
  initiated: 'Dialling',
  ringing: 'Ringing',
  'in-progress': 'In progress',
  completed: 'Completed',
  busy: 'Busy',
  'no-answer': 'No answer',
  failed: 'Failed',
  canceled: 'Cancelled',
};

/** "Completed", "No answer", "Cancelled" … for a final status; the stage for the others. */
export function callStatusLabel(status: CallStatus): string {
  return statusLabels[status];
}

/** "Suppressed"-style words for a denial code the server sent without a message. */
export function codeInWords(code: string): string {
  const spaced = code.replaceAll('_', ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "Jane Smith"; the customer number when their name cannot be read just now. */
export function callerName(call: IncomingCall): string {
  const name = call.customerName?.trim() ?? '';
  return name === '' ? `Customer ${call.userId}` : name;
}
