import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useCustomerSmsMessages } from '../api/get-sms-messages';

/** The SMS inbox with one conversation open (the inbox reads `?conversation=`). */
export function conversationPath(conversationId: string): string {
  const query = new URLSearchParams({ conversation: conversationId });
  return `${paths.sms}?${query.toString()}`;
}

/**
 * The texts the customer sent us: how many are unread, and a link to their conversation in the
 * SMS inbox. Nothing when there is none this user may see. Read with the texts list, so it is
 * kept current with it.
 */
export function CustomerReplies({ userId }: { userId: string }) {
  const texts = useCustomerSmsMessages(userId);
  const conversation = texts.data?.conversation;
  if (!conversation) return null;
  const unread = conversation.unreadCount;
  return (
    <p className="text-sm text-slate-700">
      Replies from the customer
      {unread > 0 && (
        <>
          : <span className="font-medium text-indigo-800">{unread} unread</span>
        </>
      )}
      {conversation.status === 'closed' && <span className="text-slate-500"> (closed)</span>}
      {' · '}
      <Link
        to={conversationPath(conversation.id)}
        aria-label={unread > 0 ? `Open conversation, ${unread} unread` : undefined}
        className="font-medium text-indigo-700 underline"
      >
        Open conversation
      </Link>
    </p>
  );
}
