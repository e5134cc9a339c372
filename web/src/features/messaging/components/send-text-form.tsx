import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { callRefusal } from '@/features/calls/api/create-call-session';
import { RefusalMessage } from '@/features/calls/components/refusal-message';
import { isApiError } from '@/lib/api-error';
import type { CallRefusal } from '@/types/api';
import { cn } from '@/utils/cn';
import { newIdempotencyKey } from '@/utils/idempotency-key';

import { useSendSms } from '../api/send-sms';
import { textRefusedTitle } from './send-link-form';

/** The server's limit: six joined SMS parts of 153 characters. */
export const maxTextLength = 918;

type SendTextFormProps = {
  userId: string;
  /** What to announce: a message once the text is queued, null when a new send starts. */
  onNotice: (message: string | null) => void;
};

/** A free text to the customer. */
export function SendTextForm({ userId, onNotice }: SendTextFormProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<CallRefusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const send = useSendSms();
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
    if (send.isPending) return;
    setRefusal(null);
    setFormError(null);
    const text = body.trim();
    if (text === '') {
      failOnBody('Write the text first.');
      return;
    }
    setBodyError(null);
    onNotice(null);
    key.current ??= { value: newIdempotencyKey(), used: false };
    key.current.used = true;
    send.mutate(
      { userId, body: text, idempotencyKey: key.current.value },
      {
        onSuccess: () => {
          key.current = null;
          setBody('');
          onNotice('Text queued');
        },
        onError: (error) => {
          const refused = callRefusal(error);
          if (refused) setRefusal(refused);
          else if (isApiError(error) && error.status === 400 && error.field === 'body') {
            failOnBody(error.message);
          } else setFormError(error.message || 'The text could not be sent. Try again.');
        },
      },
    );
  }

  /** Enter adds a line; Ctrl+Enter sends, as it saves the notes of the outcome. */
  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const left = maxTextLength - body.length;
  const errorId = `${id}-body-error`;
  const countId = `${id}-body-count`;
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-1">
      <Label htmlFor={`${id}-body`}>Text message</Label>
      <textarea
        ref={textareaRef}
        id={`${id}-body`}
        rows={2}
        maxLength={maxTextLength}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setBodyError(null);
          if (key.current?.used) key.current = null;
        }}
        onKeyDown={handleKeyDown}
        aria-required="true"
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? `${errorId} ${countId}` : countId}
        className={cn(
          'block w-full resize-none rounded-md border-0 px-3 py-1.5 text-sm text-slate-900',
          'shadow-sm ring-1 ring-slate-300 ring-inset',
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
        <Button type="submit" className="shrink-0">
          Send text
        </Button>
      </div>
      {refusal ? <RefusalMessage refusal={refusal} title={textRefusedTitle} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
    </form>
  );
}
