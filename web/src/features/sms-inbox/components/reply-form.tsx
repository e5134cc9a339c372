import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { callRefusal } from '@/features/calls/api/create-call-session';
import { RefusalMessage } from '@/features/calls/components/refusal-message';
import { textRefusedTitle } from '@/features/messaging/components/send-link-form';
import { maxTextLength } from '@/features/messaging/components/send-text-form';
import { isApiError } from '@/lib/api-error';
import type { CallRefusal } from '@/types/api';
import { cn } from '@/utils/cn';
import { newIdempotencyKey } from '@/utils/idempotency-key';

import { useSendReply } from '../api/send-reply';

type ReplyFormProps = {
  conversationId: string;
  /** No reply may be sent now (opted out, no customer …). */
  blocked: boolean;
  /** Why, when the page does not already say it. */
  blockedReason: string | null;
};

/** The reply box under the thread. Keyed by conversation, so nothing carries over to another. */
export function ReplyForm({ conversationId, blocked, blockedReason }: ReplyFormProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<CallRefusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const send = useSendReply();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // One key per message: sending the same words again (a double press, a retry after an error)
  // returns the text already queued instead of a second one. Changed words are a new message.
  const key = useRef<{ value: string; used: boolean } | null>(null);

  function failOnBody(message: string) {
    setBodyError(message);
    // After the render that shows the message, so aria-describedby already points at it.
    requestAnimationFrame(() => textareaRef.current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while sending: a disabled button would drop the keyboard focus.
    if (send.isPending || blocked) return;
    setRefusal(null);
    setFormError(null);
    setNotice(null);
    const text = body.trim();
    if (text === '') {
      failOnBody('Write the reply first.');
      return;
    }
    setBodyError(null);
    key.current ??= { value: newIdempotencyKey(), used: false };
    key.current.used = true;
    send.mutate(
      { conversationId, body: text, idempotencyKey: key.current.value },
      {
        onSuccess: () => {
          key.current = null;
          setBody('');
          setNotice('Reply sent');
        },
        onError: (error) => {
          const refused = callRefusal(error);
          if (refused) setRefusal(refused);
          else if (isApiError(error) && error.status === 400 && error.field === 'body') {
            failOnBody(error.message);
          } else setFormError(error.message || 'The reply could not be sent. Try again.');
        },
      },
    );
  }

  /** Enter adds a line; Ctrl+Enter sends, as it does for a text from the queue page. */
  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const left = maxTextLength - body.length;
  const errorId = `${id}-body-error`;
  const countId = `${id}-body-count`;
  const blockedId = `${id}-blocked`;
  const describedBy = [bodyError ? errorId : null, blockedReason ? blockedId : null, countId]
    .filter(Boolean)
    .join(' ');
  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="shrink-0 space-y-1 border-t border-slate-200 pt-2"
    >
      <Label htmlFor={`${id}-body`}>Reply</Label>
      {blocked && blockedReason ? (
        <p id={blockedId} className="text-sm font-medium text-amber-900">
          {blockedReason}
        </p>
      ) : null}
      <textarea
        ref={textareaRef}
        id={`${id}-body`}
        rows={2}
        maxLength={maxTextLength}
        value={body}
        disabled={blocked}
        onChange={(event) => {
          setBody(event.target.value);
          setBodyError(null);
          setNotice(null);
          if (key.current?.used) key.current = null;
        }}
        onKeyDown={handleKeyDown}
        aria-required="true"
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          'block w-full resize-none rounded-md border-0 px-3 py-1.5 text-sm text-slate-900',
          'shadow-sm ring-1 ring-slate-300 ring-inset',
          'disabled:bg-slate-100 disabled:text-slate-500',
          'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
        )}
      />
      {bodyError ? (
        <p id={errorId} className="text-sm text-red-700">
          {bodyError}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <p id={countId} className="text-xs text-slate-500 tabular-nums">
          {left} {left === 1 ? 'character' : 'characters'} left. Ctrl+Enter sends.
        </p>
        <Button type="submit" disabled={blocked} className="shrink-0">
          Send reply
        </Button>
      </div>
      {/* Always in the page so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      {refusal ? <RefusalMessage refusal={refusal} title={textRefusedTitle} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
    </form>
  );
}
