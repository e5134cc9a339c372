import { MaskedPhone } from '@/components/ui/masked-phone';
import { Spinner } from '@/components/ui/spinner';
import { formatSentAt } from '@/features/messaging/labels';
import { ListError } from '@/features/messaging/components/list-error';
import type { SmsConversation, SmsConversationStatus } from '@/types/api';
import { cn } from '@/utils/cn';

import { useConversations } from '../api/get-conversations';
import { assigneeLabel, conversationName, unreadLabel } from '../labels';

type ConversationRowProps = {
  conversation: SmsConversation;
  selected: boolean;
  onOpen: (id: string) => void;
};

function ConversationRow({ conversation, selected, onOpen }: ConversationRowProps) {
  const unread = conversation.unreadCount > 0;
  return (
    <li>
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(conversation.id)}
        className={cn(
          'block w-full space-y-0.5 rounded-md px-2 py-1.5 text-left ring-1 ring-inset',
          'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600',
          selected
            ? 'bg-indigo-50 ring-indigo-300'
            : 'bg-white ring-slate-200 hover:bg-slate-50',
        )}
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className={cn('truncate text-sm', unread ? 'font-bold' : 'font-medium')}>
            {conversationName(conversation)}
          </span>
          {conversation.lastMessageAt ? (
            <time
              dateTime={conversation.lastMessageAt}
              className="shrink-0 text-xs text-slate-600 tabular-nums"
            >
              {formatSentAt(conversation.lastMessageAt)}
            </time>
          ) : null}
        </span>
        <span className="block truncate text-sm text-slate-600">
          {conversation.lastMessage ?? ''}
        </span>
        <span className="flex items-center justify-between gap-2 text-xs">
          <span className="min-w-0 truncate text-slate-600">
            <MaskedPhone masked={conversation.phone} />
            {' · '}
            {assigneeLabel(conversation)}
          </span>
          <span className="flex shrink-0 gap-1">
            {conversation.needsAttention ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">
                Needs attention
              </span>
            ) : null}
            {unread ? (
              <span className="rounded-full bg-indigo-600 px-2 py-0.5 font-semibold text-white">
                {unreadLabel(conversation.unreadCount)}
              </span>
            ) : null}
          </span>
        </span>
      </button>
    </li>
  );
}

type ConversationListProps = {
  status: SmsConversationStatus;
  selectedId: string | null;
  onOpen: (id: string) => void;
};

/** The conversations in the server's order (unread first, then newest), each one a button. */
export function ConversationList({ status, selectedId, onOpen }: ConversationListProps) {
  const conversations = useConversations(status);
  if (conversations.isPending) return <Spinner label="Loading conversations" />;
  if (conversations.isError) {
    return (
      <ListError
        message={`The conversations could not be loaded: ${conversations.error.message}`}
        retrying={conversations.isFetching}
        onRetry={() => void conversations.refetch()}
      />
    );
  }
  const items = conversations.data.conversations;
  if (items.length === 0) {
    return <p className="text-sm text-slate-500">No conversations</p>;
  }
  return (
    // Scrolls by itself, so it takes the focus: the keyboard can scroll it too. Positioned, so
    // the screen-reader-only text inside stays inside it rather than stretching the page.
    <ul
      aria-label="Conversations"
      tabIndex={0}
      className={cn(
        'relative min-h-0 flex-1 space-y-1 overflow-y-auto rounded-md p-0.5',
        'focus-visible:outline-2 focus-visible:outline-indigo-600',
      )}
    >
      {items.map((conversation) => (
        <ConversationRow
          key={conversation.id}
          conversation={conversation}
          selected={conversation.id === selectedId}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}
