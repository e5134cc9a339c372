import { useEffect, useRef, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MaskedPhone } from '@/components/ui/masked-phone';
import { Spinner } from '@/components/ui/spinner';
import { useSession } from '@/features/auth/api/get-me';
import { ListError } from '@/features/messaging/components/list-error';
import { formatSentAt, smsStatusLabel } from '@/features/messaging/labels';
import type {
  SmsConsent,
  SmsConversationDetail,
  SmsStatus,
  SmsThreadMessage,
  SmsThreadResponse,
} from '@/types/api';
import { cn } from '@/utils/cn';

import { useAssignConversation } from '../api/assign-conversation';
import { useCloseConversation } from '../api/close-conversation';
import { useConversationThread } from '../api/get-conversation-thread';
import { useMarkConversationRead } from '../api/mark-conversation-read';
import { useReopenConversation } from '../api/reopen-conversation';
import { assigneeLabel, consentLabels, conversationName, senderLabel } from '../labels';
import { ReplyForm } from './reply-form';

export const optedOutMessage = 'This customer has opted out of texts';

const statusTones: Partial<Record<SmsStatus, string>> = {
  delivered: 'font-medium text-emerald-800',
  undelivered: 'font-medium text-red-700',
  failed: 'font-medium text-red-700',
  unknown: 'font-medium text-amber-800',
};

const consentTones: Record<SmsConsent, string> = {
  opt_out: 'bg-red-100 text-red-900',
  opt_in: 'bg-emerald-100 text-emerald-900',
  mentions_stop: 'bg-amber-100 text-amber-900',
};

function MessageItem({ message, myAgentId }: { message: SmsThreadMessage; myAgentId: string }) {
  const inbound = message.direction === 'inbound';
  return (
    <li className={cn('flex max-w-[80%] flex-col', inbound ? 'self-start' : 'items-end self-end')}>
      <p
        className={cn(
          'rounded-lg px-3 py-1.5 text-sm break-words whitespace-pre-line',
          inbound ? 'bg-slate-100 text-slate-900' : 'bg-indigo-600 text-white',
        )}
      >
        <span className="sr-only">{senderLabel(message, myAgentId)}: </span>
        <span>{message.body}</span>
      </p>
      <p className="mt-0.5 flex flex-wrap items-center gap-x-1 text-xs text-slate-500">
        {inbound ? null : <span aria-hidden="true">{senderLabel(message, myAgentId)} ·</span>}
        <time dateTime={message.at}>{formatSentAt(message.at)}</time>
        {!inbound && message.status ? (
          <>
            <span aria-hidden="true">·</span>
            <span className={statusTones[message.status] ?? 'text-slate-600'}>
              {smsStatusLabel({ status: message.status, errorCode: null })}
            </span>
          </>
        ) : null}
        {message.consent ? (
          <span
            className={cn(
              'rounded-full px-2 py-0.5 font-semibold',
              consentTones[message.consent],
            )}
          >
            {consentLabels[message.consent]}
          </span>
        ) : null}
      </p>
    </li>
  );
}

const sameWords = (a: string, b: string) =>
  a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase();

/**
 * Whether a reply may be sent now, and if not why, in words the opted-out banner does not
 * already say (null when it says it all).
 */
function replyBlock(conversation: SmsConversationDetail): {
  blocked: boolean;
  reason: string | null;
} {
  const reason = conversation.replyBlockedReason;
  if (conversation.optedOut) {
    return { blocked: true, reason: reason && !sameWords(reason, optedOutMessage) ? reason : null };
  }
  if (!conversation.canReply) {
    return { blocked: true, reason: reason ?? 'A reply cannot be sent in this conversation.' };
  }
  return { blocked: false, reason: null };
}

type ConversationActionsProps = { conversation: SmsConversationDetail };

/** Assign to me, Unassign, Close / Reopen, and what went wrong with the last of them. */
function ConversationActions({ conversation }: ConversationActionsProps) {
  const { agent } = useSession();
  const assign = useAssignConversation();
  const close = useCloseConversation();
  const reopen = useReopenConversation();
  const [error, setError] = useState<string | null>(null);
  // The button pressed goes away (Assign to me becomes Unassign): its pair takes the focus.
  const [focusNext, setFocusNext] = useState<'assign' | 'unassign' | null>(null);
  const assignRef = useRef<HTMLButtonElement>(null);
  const unassignRef = useRef<HTMLButtonElement>(null);
  const busy = assign.isPending || close.isPending || reopen.isPending;

  const mine = conversation.assignedAgentId === agent.id;
  const canAssignToMe = !mine;
  const canUnassign =
    conversation.assignedAgentId !== null && (mine || agent.role === 'supervisor');

  useEffect(() => {
    if (focusNext === null) return;
    // Waits for the button to be there: the change may show a render later than the answer.
    const target = (focusNext === 'assign' ? assignRef : unassignRef).current;
    if (!target) return;
    target.focus();
    setFocusNext(null);
  }, [focusNext, canAssignToMe, canUnassign]);

  const onError = (what: string) => (failure: Error) =>
    setError(failure.message || `The conversation could not be ${what}. Try again.`);

  function handleAssign(agentId: string | null) {
    if (busy) return;
    setError(null);
    assign.mutate(
      { conversationId: conversation.id, agentId },
      {
        onSuccess: () => setFocusNext(agentId === null ? 'assign' : 'unassign'),
        onError: onError(agentId === null ? 'unassigned' : 'assigned'),
      },
    );
  }

  function handleCloseOrReopen() {
    if (busy) return;
    setError(null);
    if (conversation.status === 'open') {
      close.mutate(conversation.id, { onError: onError('closed') });
    } else {
      reopen.mutate(conversation.id, { onError: onError('reopened') });
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {canAssignToMe ? (
          <Button ref={assignRef} variant="secondary" onClick={() => handleAssign(agent.id)}>
            Assign to me
          </Button>
        ) : null}
        {canUnassign ? (
          <Button ref={unassignRef} variant="secondary" onClick={() => handleAssign(null)}>
            Unassign
          </Button>
        ) : null}
        {/* One button whose words change, so it keeps the focus when pressed. */}
        <Button variant="secondary" onClick={handleCloseOrReopen}>
          {conversation.status === 'open' ? 'Close conversation' : 'Reopen conversation'}
        </Button>
        {busy ? <Spinner label="Saving" /> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

/**
 * Marks the conversation read when it is shown with unread texts: once when it is opened, and
 * again only when another text has come in while it is on screen. Texts are counted rather than
 * timed: several can arrive within the same second.
 */
function useMarkReadOnView(thread: SmsThreadResponse | undefined) {
  const { mutate } = useMarkConversationRead();
  const marked = useRef<string | null>(null);
  const id = thread?.conversation.id;
  const unread = thread?.conversation.unreadCount ?? 0;
  const received = thread?.messages.filter((m) => m.direction === 'inbound').length ?? 0;
  useEffect(() => {
    if (id === undefined || unread === 0) return;
    const mark = `${id}:${received}`;
    if (marked.current === mark) return;
    marked.current = mark;
    mutate(id);
  }, [id, unread, received, mutate]);
}

type ConversationThreadProps = { conversationId: string };

/** One conversation: who, its messages oldest first, what may be done, and the reply box. */
export function ConversationThread({ conversationId }: ConversationThreadProps) {
  const { agent } = useSession();
  const thread = useConversationThread(conversationId);
  const listRef = useRef<HTMLOListElement>(null);
  const messages = thread.data?.messages;
  useMarkReadOnView(thread.data);

  // The newest message is at the bottom: keep it in view as messages arrive.
  const newestId = messages?.[messages.length - 1]?.id;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [newestId]);

  if (thread.isPending) return <Spinner label="Loading the conversation" />;
  if (thread.isError) {
    return (
      <ListError
        message={`The conversation could not be loaded: ${thread.error.message}`}
        retrying={thread.isFetching}
        onRetry={() => void thread.refetch()}
      />
    );
  }
  const { conversation: current, messages: items } = thread.data;
  const block = replyBlock(current);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="shrink-0 space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h2 className="text-lg font-semibold">{conversationName(current)}</h2>
          <p className="text-sm text-slate-600">
            <MaskedPhone masked={current.phone} />
            {' · '}
            {assigneeLabel(current)}
            {current.status === 'closed' ? (
              <>
                {' · '}
                <span className="font-medium text-slate-700">Closed</span>
              </>
            ) : null}
          </p>
        </div>
        <ConversationActions conversation={current} />
        {current.optedOut ? (
          <div
            role="status"
            className={cn(
              'rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-900',
              'ring-1 ring-red-200 ring-inset',
            )}
          >
            {optedOutMessage}
          </div>
        ) : null}
        {current.needsAttention && !current.optedOut ? (
          <p
            className={cn(
              'rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900',
              'ring-1 ring-amber-200 ring-inset',
            )}
          >
            Needs attention: a message mentions stop. Check whether the customer wants no more
            texts.
          </p>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="min-h-0 flex-1 text-sm text-slate-500">No messages yet</p>
      ) : (
        // Scrolls by itself, so it takes the focus: the keyboard can scroll it too. Positioned, so
        // the screen-reader-only text inside stays inside it rather than stretching the page.
        <ol
          ref={listRef}
          aria-label="Messages"
          tabIndex={0}
          className={cn(
            'relative flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto rounded-md p-1',
            'focus-visible:outline-2 focus-visible:outline-indigo-600',
          )}
        >
          {items.map((message) => (
            <MessageItem key={message.id} message={message} myAgentId={agent.id} />
          ))}
        </ol>
      )}
      <ReplyForm
        key={current.id}
        conversationId={current.id}
        userId={current.userId}
        blocked={block.blocked}
        blockedReason={block.reason}
      />
    </div>
  );
}
