import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';

import { callRefusal } from '@/features/calls/api/create-call-session';
import { isApiError } from '@/lib/api-error';
import type { CallRefusal, SmsResponse, TextContent } from '@/types/api';
import { newIdempotencyKey } from '@/utils/idempotency-key';

import { useSmsTemplatePreview } from '../api/get-sms-template-preview';
import { templateGoneMessage } from '../components/template-preview';
import { useRefreshTemplates } from './use-refresh-templates';

/** The server's limit: six joined SMS parts of 153 characters. */
export const maxTextLength = 918;

/** Said when a template is chosen but its words for this customer are not on screen yet. */
export const templateNotShownMessage = 'Wait for the text to show, or write your own.';

/** What the form sends: the words or the template, with the key that makes a retry safe. */
export type ComposedText = TextContent & { idempotencyKey: string };

type TextComposerOptions<TRequest> = {
  /** The customer a template is filled in for; null when there is none (then no template). */
  userId: string | null;
  /** No text may be sent now: Send does nothing and no template can be chosen. */
  blocked?: boolean;
  /** Queues the text: useSendSms, useSendReply. */
  mutation: UseMutationResult<SmsResponse, Error, TRequest>;
  /** The request for the text, with what else the endpoint needs (the customer, the conversation). */
  toRequest: (text: ComposedText) => TRequest;
  /** The form's own words: "Write the text first.", "Text queued", "The text could not be sent. …". */
  messages: { empty: string; sent: string; failed: string };
  /** What to announce: `messages.sent` once the text is queued, null when a new send starts. */
  onNotice: (message: string | null) => void;
  /**
   * When else an earlier notice goes. 'edit': the notice is the form's own, so any change of the
   * words or the template, or a press of Send, clears it. 'send': other forms share it (a link sent
   * beside), so only a send of this one replaces it.
   */
  clearNotice: 'edit' | 'send';
};

/**
 * A text to the customer, the agent's own words or a template filled in for them: what is being
 * written, what went wrong, and Send. TextComposerFields shows it; the form around it adds what
 * the server refused (`refusal`, `formError`).
 */
export function useTextComposer<TRequest>({
  userId,
  blocked = false,
  mutation,
  toRequest,
  messages,
  onNotice,
  clearNotice,
}: TextComposerOptions<TRequest>) {
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<CallRefusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // A template is filled in for the customer: with nobody to text there is nothing to choose.
  const templatesOff = blocked || userId === null;
  const chosen = templatesOff ? null : templateId;
  const preview = useSmsTemplatePreview(chosen, userId);
  const refreshTemplates = useRefreshTemplates();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  // One key per message: sending the same words again (a double press, a retry after an error)
  // returns the text already queued instead of a second one. Changed words, or another template,
  // are a new message.
  const key = useRef<{ value: string; used: boolean } | null>(null);

  function failOnBody(message: string) {
    setBodyError(message);
    // After the render that shows the message, so aria-describedby already points at it.
    requestAnimationFrame(() => textareaRef.current?.focus());
  }

  function failOnTemplate(message: string) {
    setTemplateError(message);
    requestAnimationFrame(() => selectRef.current?.focus());
  }

  function changeBody(next: string) {
    setBody(next);
    setBodyError(null);
    if (clearNotice === 'edit') onNotice(null);
    if (key.current?.used) key.current = null;
  }

  function chooseTemplate(next: string | null) {
    setTemplateId(next);
    setTemplateError(null);
    setBodyError(null);
    setRefusal(null);
    setFormError(null);
    if (clearNotice === 'edit') onNotice(null);
    if (key.current?.used) key.current = null;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while sending: a disabled button would drop the keyboard focus.
    if (mutation.isPending || blocked) return;
    setRefusal(null);
    setFormError(null);
    if (clearNotice === 'edit') onNotice(null);
    let content: TextContent;
    if (chosen === null) {
      const text = body.trim();
      if (text === '') {
        failOnBody(messages.empty);
        return;
      }
      setBodyError(null);
      content = { body: text };
    } else {
      // Only what the agent has read goes out.
      if (!preview.isSuccess) {
        failOnTemplate(templateNotShownMessage);
        return;
      }
      setTemplateError(null);
      content = { templateId: chosen };
    }
    onNotice(null);
    key.current ??= { value: newIdempotencyKey(), used: false };
    key.current.used = true;
    mutation.mutate(toRequest({ ...content, idempotencyKey: key.current.value }), {
      onSuccess: () => {
        key.current = null;
        if (chosen === null) setBody('');
        // Back to the agent's own words, so a second press does not send the template again.
        else setTemplateId(null);
        onNotice(messages.sent);
      },
      onError: (error) => {
        const refused = callRefusal(error);
        if (refused) setRefusal(refused);
        else if (isApiError(error) && error.status === 400 && error.field === 'templateId') {
          // Retired since it was chosen: back to the agent's own words, and a fresh list.
          refreshTemplates();
          key.current = null;
          setTemplateId(null);
          failOnTemplate(templateGoneMessage);
        } else if (
          isApiError(error) &&
          error.status === 400 &&
          error.field === 'body' &&
          chosen === null
        ) {
          failOnBody(error.message);
        } else setFormError(error.message || messages.failed);
      },
    });
  }

  return {
    body,
    bodyError,
    /** The template chosen, or null for the agent's own words (always, while templates are off). */
    templateId: chosen,
    templateError,
    preview,
    refusal,
    formError,
    blocked,
    templatesOff,
    textareaRef,
    selectRef,
    changeBody,
    chooseTemplate,
    handleSubmit,
  };
}

export type TextComposer = ReturnType<typeof useTextComposer>;
