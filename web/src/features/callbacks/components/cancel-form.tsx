import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';

import { useCancelCallback } from '../api/cancel-callback';
import { failureMessage, type ActionFormProps } from './action-form-props';

/** The longest reason taken; the server keeps it with the callback and in the audit log. */
export const maxReasonLength = 500;

type Errors = { reason?: string; form?: string };

/** Cancels the callback; the reason is required and kept with it. */
export function CancelForm({ callback, name, onDone, onClose }: ActionFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const cancel = useCancelCallback();

  function failReason(message: string) {
    setErrors({ reason: message });
    requestAnimationFrame(() => reasonRef.current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const trimmed = reason.trim();
    if (trimmed === '') {
      failReason('Give a reason for cancelling.');
      return;
    }
    setErrors({});
    cancel.mutate(
      { callbackId: callback.id, reason: trimmed },
      {
        onSuccess: () => onDone(`Callback for ${name} cancelled`),
        onError: (error) => {
          if (isApiError(error) && error.status === 400 && error.field === 'reason') {
            failReason(error.message);
          } else {
            setErrors({
              form: failureMessage(error, 'The callback could not be cancelled. Try again.'),
            });
          }
        },
      },
    );
  }

  const errorId = errors.reason ? `${id}-reason-error` : undefined;
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={`${id}-reason`}>Reason for cancelling</Label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          rows={3}
          maxLength={maxReasonLength}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setErrors({});
          }}
          onKeyDown={(event) => {
            // Enter adds a line; Ctrl+Enter cancels the callback, as in the outcome form's notes.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          aria-required="true"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errorId ?? `${id}-reason-hint`}
          className={cn(
            'block w-full resize-none rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset',
            'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
          )}
        />
        {errors.reason ? (
          <p id={errorId} className="text-sm text-red-700">
            {errors.reason}
          </p>
        ) : (
          <p id={`${id}-reason-hint`} className="text-xs text-slate-500">
            Required. Kept with the callback. Ctrl+Enter cancels it.
          </p>
        )}
      </div>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" disabled={cancel.isPending}>
          Cancel callback
        </Button>
      </div>
    </form>
  );
}
