import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api-error';
import type { Session } from '@/types/api';

import { useLogin } from '../api/login';

/** What to tell the user about a failed sign-in. */
function loginErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Sign-in failed. Please try again.';
  if (error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? `Too many attempts, try again in ${error.retryAfterSeconds} s.`
      : 'Too many attempts, try again later.';
  }
  return error.message;
}

type LoginFormProps = {
  onSuccess: (session: Session) => void;
};

export function LoginForm({ onSuccess }: LoginFormProps) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const loginMutation = useLogin();
  const error = loginMutation.error;
  const invalidField = isApiError(error) ? error.field : undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password }, { onSuccess });
  }

  return (
    <form className="space-y-5" onSubmit={handleSubmit}>
      {error ? <Alert id={`${id}-error`}>{loginErrorMessage(error)}</Alert> : null}
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-email`}>Email</Label>
        <Input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={invalidField === 'email' || undefined}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-password`}>Password</Label>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={invalidField === 'password' || undefined}
        />
      </div>
      <Button type="submit" className="w-full" disabled={loginMutation.isPending}>
        Sign in
      </Button>
    </form>
  );
}
