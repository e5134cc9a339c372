import type { CallbackRow } from '../api/schemas';

/** What every action's form gets: the callback, the customer's name, and how to finish. */
export type ActionFormProps = {
  callback: CallbackRow;
  /** The customer's name as the page shows it. */
  name: string;
  /** The change was saved: what to tell the user. */
  onDone: (message: string) => void;
  onClose: () => void;
};

/** The server's words for a failure, or ours when it gave none. */
export function failureMessage(error: Error, fallback: string): string {
  return error.message || fallback;
}
