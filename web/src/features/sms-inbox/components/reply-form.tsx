import { useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { RefusalMessage } from '@/features/calls/components/refusal-message';
import { textRefusedTitle } from '@/features/messaging/components/send-link-form';
import { TextComposerFields } from '@/features/sms-templates/components/text-composer-fields';
import { useTextComposer } from '@/features/sms-templates/hooks/use-text-composer';

import { useSendReply } from '../api/send-reply';

type ReplyFormProps = {
  conversationId: string;
  /** The conversation's customer, whom a template is filled in for; null when it has none. */
  userId: string | null;
  /** No reply may be sent now (opted out, no customer …). */
  blocked: boolean;
  /** Why, when the page does not already say it. */
  blockedReason: string | null;
};

/**
 * The reply box under the thread: the agent's own words, or a template filled in for the
 * customer. Keyed by conversation, so nothing carries over to another.
 */
export function ReplyForm({ conversationId, userId, blocked, blockedReason }: ReplyFormProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const send = useSendReply();
  const composer = useTextComposer({
    userId,
    blocked,
    mutation: send,
    toRequest: (text) => ({ conversationId, ...text }),
    messages: {
      empty: 'Write the reply first.',
      sent: 'Reply sent',
      failed: 'The reply could not be sent. Try again.',
    },
    onNotice: setNotice,
    clearNotice: 'edit',
  });
  return (
    <form
      noValidate
      onSubmit={composer.handleSubmit}
      className="shrink-0 space-y-1 border-t border-slate-200 pt-2"
    >
      <TextComposerFields
        composer={composer}
        bodyLabel="Reply"
        submitLabel="Send reply"
        blockedReason={blockedReason}
      />
      {/* Always in the page so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      {composer.refusal ? (
        <RefusalMessage refusal={composer.refusal} title={textRefusedTitle} />
      ) : null}
      {composer.formError ? <Alert>{composer.formError}</Alert> : null}
    </form>
  );
}
