import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api-error';
import { formatUkClock, formatUkDate } from '@/utils/uk-time';

import { useResetAgentPassword } from '../api/reset-agent-password';
import type { AgentAccount } from '../api/schemas';
import {
  inWords,
  maxPasswordLength,
  passwordRule,
  passwordTooShort,
  passwordTooShortMessage,
} from '../labels';
import { describedBy, FieldError } from './field-message';

/**
 * A new temporary password for the account, which signs the agent out everywhere; for an agent
 * who forgot theirs. Separate from the details: it is saved on its own.
 */
export function ResetPasswordForm({ account }: { account: AgentAccount }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const reset = useResetAgentPassword();

  function fail(message: string) {
    setError(message);
    requestAnimationFrame(() => input.current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reset.isPending) return;
    setFormError(null);
    setDone('');
    if (password === '') {
      fail('Give a new temporary password.');
      return;
    }
    if (passwordTooShort(password)) {
      fail(passwordTooShortMessage);
      return;
    }
    setError(undefined);
    reset.mutate(
      { id: account.id, password },
      {
        onSuccess: () => {
          setPassword('');
          setDone(`Password reset; ${account.displayName} is signed out.`);
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 400 && failure.field === 'password') {
            fail(inWords(failure.message));
          } else if (isApiError(failure) && failure.status === 404) {
            setFormError('This account no longer exists.');
          } else {
            setFormError(`The password was not changed: ${failure.message || 'try again.'}`);
          }
        },
      },
    );
  }

  const lastSet = account.passwordChangedAt ?? account.createdAt;
  const ids = {
    heading: `${id}-heading`,
    input: `${id}-password`,
    help: `${id}-help`,
    error: `${id}-error`,
  };

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      <div className="space-y-0.5">
        <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
          Reset password
        </h3>
        <p className="text-xs text-slate-600">
          Last set{' '}
          <time dateTime={lastSet}>
            {formatUkDate(lastSet)}, {formatUkClock(lastSet)}
          </time>
          . A new one signs {account.displayName} out everywhere.
        </p>
      </div>
      <div className="space-y-1">
        <Label htmlFor={ids.input}>New temporary password</Label>
        <Input
          ref={input}
          id={ids.input}
          type="password"
          value={password}
          autoComplete="new-password"
          maxLength={maxPasswordLength}
          onChange={(event) => {
            setPassword(event.target.value);
            setError(undefined);
            setFormError(null);
          }}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error, ids.error, ids.help)}
        />
        <FieldError id={ids.error} message={error} />
        <p id={ids.help} className="text-xs text-slate-600">
          {passwordRule}
        </p>
      </div>
      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit" variant="secondary">
        Reset password
      </Button>
      {/* Always in the dialog, so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {done}
      </p>
    </form>
  );
}
