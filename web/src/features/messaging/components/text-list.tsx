import { Spinner } from '@/components/ui/spinner';
import type { SmsStatus } from '@/types/api';
import { cn } from '@/utils/cn';

import { useCustomerSmsMessages } from '../api/get-sms-messages';
import { formatSentAt, smsStatusLabel } from '../labels';
import { ListError } from './list-error';

const statusTones: Partial<Record<SmsStatus, string>> = {
  delivered: 'font-medium text-emerald-800',
  undelivered: 'font-medium text-red-700',
  failed: 'font-medium text-red-700',
  unknown: 'font-medium text-amber-800',
};

/** The texts sent to the customer (links included), newest first, with how far each got. */
export function TextList({ userId }: { userId: string }) {
  const texts = useCustomerSmsMessages(userId);
  if (texts.isPending) return <Spinner label="Loading texts" />;
  if (texts.isError) {
    return (
      <ListError
        message={`The texts could not be loaded: ${texts.error.message}`}
        retrying={texts.isFetching}
        onRetry={() => void texts.refetch()}
      />
    );
  }
  const messages = texts.data.messages;
  if (messages.length === 0) return <p className="text-sm text-slate-500">No texts yet</p>;
  return (
    // Scrolls by itself, so it takes the focus: the keyboard can scroll it too.
    <ul
      aria-label="Texts"
      tabIndex={0}
      className={cn(
        'max-h-44 space-y-1 overflow-y-auto rounded-md',
        'focus-visible:outline-2 focus-visible:outline-indigo-600',
      )}
    >
      {messages.map((sms) => (
        <li key={sms.id} className="rounded-md bg-slate-50 px-2 py-1">
          <p className="text-sm break-words whitespace-pre-line">{sms.body}</p>
          <p className="text-xs">
            <span className="text-slate-500">{formatSentAt(sms.createdAt)}</span>
            {' · '}
            <span className={statusTones[sms.status] ?? 'text-slate-600'}>
              {smsStatusLabel(sms)}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
