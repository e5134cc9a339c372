import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { callRefusal } from '@/features/calls/api/create-call-session';
import { RefusalMessage } from '@/features/calls/components/refusal-message';
import { isApiError } from '@/lib/api-error';
import {
  magicLinkTypeSchema,
  type CallRefusal,
  type MagicLinkType,
  type SendMagicLinkRequest,
} from '@/types/api';

import { useSendMagicLink } from '../api/send-magic-link';
import { magicLinkTypeLabels } from '../labels';

export const textRefusedTitle = 'This customer cannot be texted now.';

type SendLinkFormProps = {
  userId: string;
  /** The call made to the customer in this hold, if any: the link is tied to it. */
  callSessionId: string | null;
  /** What to announce: a message once the link is sent, null when a new send starts. */
  onNotice: (message: string | null) => void;
};

/** A link type and Send link: the customer gets the link by text. */
export function SendLinkForm({ userId, callSessionId, onNotice }: SendLinkFormProps) {
  const id = useId();
  // No type is preselected: a link sent by mistake still costs one of the customer's five a day.
  const [type, setType] = useState<MagicLinkType | ''>('');
  const [typeError, setTypeError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<CallRefusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const send = useSendMagicLink();
  const selectRef = useRef<HTMLSelectElement>(null);

  function failOnType(message: string) {
    setTypeError(message);
    // After the render that shows the message, so aria-describedby already points at it.
    requestAnimationFrame(() => selectRef.current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while sending: a disabled button would drop the keyboard focus.
    if (send.isPending) return;
    setRefusal(null);
    setFormError(null);
    if (type === '') {
      failOnType('Choose the link to send.');
      return;
    }
    setTypeError(null);
    onNotice(null);
    const body: SendMagicLinkRequest = { userId, type };
    if (callSessionId !== null) body.callSessionId = callSessionId;
    send.mutate(body, {
      onSuccess: () => {
        setType('');
        onNotice('Link sent');
      },
      onError: (error) => {
        // A link goes out as a text, so the contact rules refuse it as they refuse a text.
        const refused = callRefusal(error);
        if (refused) setRefusal(refused);
        else if (isApiError(error) && error.status === 400 && error.field === 'type') {
          failOnType(error.message);
        } else setFormError(error.message || 'The link could not be sent. Try again.');
      },
    });
  }

  const errorId = typeError ? `${id}-type-error` : undefined;
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-1">
      <Label htmlFor={`${id}-type`}>Link type</Label>
      <div className="flex gap-2">
        <Select
          ref={selectRef}
          id={`${id}-type`}
          value={type}
          onChange={(event) => {
            const chosen = magicLinkTypeSchema.safeParse(event.target.value);
            setType(chosen.success ? chosen.data : '');
            setTypeError(null);
          }}
          aria-required="true"
          aria-invalid={typeError ? true : undefined}
          aria-describedby={errorId}
          className="min-w-0 flex-1"
        >
          <option value="">Choose a link</option>
          {magicLinkTypeLabels.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
        <Button type="submit" className="shrink-0">
          Send link
        </Button>
      </div>
      {typeError ? (
        <p id={errorId} className="text-sm text-red-700">
          {typeError}
        </p>
      ) : null}
      {refusal ? <RefusalMessage refusal={refusal} title={textRefusedTitle} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
    </form>
  );
}
