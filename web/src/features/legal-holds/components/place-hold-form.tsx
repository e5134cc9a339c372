import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api-error';

import { usePlaceLegalHold } from '../api/place-legal-hold';
import type { LegalHold } from '../api/schemas';
import { inWords, isCustomerNumber } from '../labels';

type Field = 'userId' | 'reason';

/** The statuses whose refusal belongs at a field: bad input, no such customer, already held. */
const fieldStatuses = new Set([400, 404, 409]);

function fieldOf(serverField: string | undefined): Field | null {
  return serverField === 'userId' || serverField === 'reason' ? serverField : null;
}

type PlaceHoldFormProps = {
  onPlaced: (hold: LegalHold) => void;
};

/**
 * Places a legal hold on a customer, with the reason (required). The server's refusals (no such
 * customer, already held, a reason too long) are shown at the field they name.
 */
export function PlaceHoldForm({ onPlaced }: PlaceHoldFormProps) {
  const id = useId();
  const [customer, setCustomer] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const place = usePlaceLegalHold();
  const refs = {
    userId: useRef<HTMLInputElement>(null),
    reason: useRef<HTMLTextAreaElement>(null),
  };

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = (['userId', 'reason'] as const).find((field) => found[field]);
    // After the render that shows the message, so aria-describedby already points at it.
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function clearError(field: Field) {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (place.isPending) return;
    setFormError(null);
    const userId = customer.trim();
    const missing: Partial<Record<Field, string>> = {};
    if (userId === '') missing.userId = 'Give the customer id.';
    else if (!isCustomerNumber(userId)) missing.userId = 'A customer id is digits only, e.g. 1940.';
    if (reason.trim() === '') missing.reason = 'Say why this customer’s records must be kept.';
    if (missing.userId || missing.reason) {
      fail(missing);
      return;
    }
    setErrors({});
    place.mutate(
      { userId, reason: reason.trim() },
      {
        onSuccess: ({ hold }) => {
          setCustomer('');
          setReason('');
          onPlaced(hold);
        },
        onError: (error) => {
          const field = isApiError(error) ? fieldOf(error.field) : null;
          if (field && isApiError(error) && fieldStatuses.has(error.status)) {
            fail({ [field]: inWords(error.message) });
          } else {
            setFormError(
              `No hold was placed: ${error.message || 'the server did not answer. Try again.'}`,
            );
          }
        },
      },
    );
  }

  const ids = {
    heading: `${id}-heading`,
    userId: `${id}-user`,
    userIdHelp: `${id}-user-help`,
    reason: `${id}-reason`,
    reasonHelp: `${id}-reason-help`,
  };
  const errorId = (field: Field) => `${id}-${field}-error`;
  const describedBy = (field: Field, help: string) =>
    [errors[field] ? errorId(field) : null, help].filter(Boolean).join(' ');
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={errorId(field)} className="text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
        Place a legal hold
      </h3>

      <div className="space-y-1">
        <Label htmlFor={ids.userId}>Customer id</Label>
        <Input
          ref={refs.userId}
          id={ids.userId}
          value={customer}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          onChange={(event) => {
            setCustomer(event.target.value);
            clearError('userId');
          }}
          aria-required="true"
          aria-invalid={errors.userId ? true : undefined}
          aria-describedby={describedBy('userId', ids.userIdHelp)}
        />
        {fieldError('userId')}
        <p id={ids.userIdHelp} className="text-xs text-slate-600">
          The customer’s id on the claims platform, e.g. 1940.
        </p>
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.reason}>Reason</Label>
        <Textarea
          ref={refs.reason}
          id={ids.reason}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            clearError('reason');
          }}
          aria-required="true"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('reason', ids.reasonHelp)}
        />
        {fieldError('reason')}
        <p id={ids.reasonHelp} className="text-xs text-slate-600">
          Why the records must be kept, e.g. “Complaint to the ombudsman”. Kept with the hold and in
          the audit log.
        </p>
      </div>

      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit">Place legal hold</Button>
    </form>
  );
}
