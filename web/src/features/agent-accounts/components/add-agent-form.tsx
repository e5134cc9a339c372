import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-error';
import { roleSchema, type QueueName, type Role } from '@/types/api';

import { useAddAgentAccount } from '../api/add-agent-account';
import type { AgentAccount, AgentKind } from '../api/schemas';
import {
  inWords,
  kindChoices,
  machineHelp,
  maxPasswordLength,
  passwordRule,
  passwordTooShort,
  passwordTooShortMessage,
  roleChoices,
  roleHelp,
} from '../labels';
import { describedBy, FieldError } from './field-message';
import { QueueCheckboxes } from './queue-checkboxes';

const fields = ['kind', 'email', 'displayName', 'role', 'queues', 'team', 'password'] as const;
type Field = (typeof fields)[number];

function isField(name: string | undefined): name is Field {
  return (fields as readonly string[]).includes(name ?? '');
}

type AddAgentFormProps = {
  onAdded: (account: AgentAccount) => void;
};

/**
 * Adds an account: a person or a machine agent, who they are, what they may do, and (for a person)
 * a temporary password to hand them. A machine agent is always an agent and has no password: it
 * works with API keys made for it afterwards. What the server refuses is shown at the field it
 * names, and what was typed stays.
 */
export function AddAgentForm({ onAdded }: AddAgentFormProps) {
  const id = useId();
  const [kind, setKind] = useState<AgentKind>('human');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [queues, setQueues] = useState<QueueName[]>([]);
  const [team, setTeam] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddAgentAccount();
  const refs = {
    kind: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    queues: useRef<HTMLInputElement>(null),
    team: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = fields.find((field) => found[field]);
    // After the render that shows the message, so aria-describedby already points at it.
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function clearError(field: Field) {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  }

  const machine = kind === 'machine';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (add.isPending) return;
    setFormError(null);
    const missing: Partial<Record<Field, string>> = {};
    if (email.trim() === '') {
      missing.email = machine
        ? 'Give an email address: it names the account.'
        : 'Give their email address: they sign in with it.';
    }
    if (name.trim() === '') missing.displayName = 'Give their name.';
    if (!machine) {
      if (password === '') missing.password = 'Give a temporary password.';
      else if (passwordTooShort(password)) missing.password = passwordTooShortMessage;
    }
    if (Object.values(missing).some(Boolean)) {
      fail(missing);
      return;
    }
    setErrors({});
    const who = { email: email.trim(), displayName: name.trim(), queues, team: team.trim() };
    add.mutate(
      machine ? { ...who, role: 'agent', kind: 'machine' } : { ...who, role, password },
      {
        onSuccess: ({ agent }) => {
          setKind('human');
          setEmail('');
          setName('');
          setRole('agent');
          setQueues([]);
          setTeam('');
          setPassword('');
          onAdded(agent);
        },
        onError: (error) => {
          if (
            isApiError(error) &&
            (error.status === 400 || error.status === 409) &&
            isField(error.field)
          ) {
            // A machine agent's form has no role or password to show a refusal at.
            const hidden = machine && (error.field === 'role' || error.field === 'password');
            fail({ [hidden ? 'kind' : error.field]: inWords(error.message) });
          } else {
            setFormError(`Nobody was added: ${error.message || 'the server did not answer.'}`);
          }
        },
      },
    );
  }

  const ids = {
    heading: `${id}-heading`,
    kindHelp: `${id}-kind-help`,
    emailHelp: `${id}-email-help`,
    roleHelp: `${id}-role-help`,
    teamHelp: `${id}-team-help`,
    passwordHelp: `${id}-password-help`,
  };
  const inputId = (field: Field) => `${id}-${field}`;
  const errorId = (field: Field) => `${id}-${field}-error`;
  const invalid = (field: Field) => (errors[field] ? true : undefined);

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
        Add agent
      </h3>

      <fieldset
        className="space-y-1"
        aria-describedby={describedBy(errors.kind, errorId('kind'), machine ? ids.kindHelp : null)}
      >
        <legend className="text-sm font-medium text-slate-700">Account for</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {kindChoices.map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input
                ref={kind === value ? refs.kind : undefined}
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                aria-invalid={invalid('kind')}
                onChange={() => {
                  setKind(value);
                  setErrors({});
                  setFormError(null);
                }}
              />
              {label}
            </label>
          ))}
        </div>
        <FieldError id={errorId('kind')} message={errors.kind} />
        {machine ? (
          <p id={ids.kindHelp} className="text-xs text-slate-600">
            {machineHelp}
          </p>
        ) : null}
      </fieldset>

      <div className="space-y-1">
        <Label htmlFor={inputId('email')}>Email</Label>
        <Input
          ref={refs.email}
          id={inputId('email')}
          type="email"
          value={email}
          autoComplete="off"
          maxLength={254}
          onChange={(event) => {
            setEmail(event.target.value);
            clearError('email');
          }}
          aria-required="true"
          aria-invalid={invalid('email')}
          aria-describedby={describedBy(
            errors.email,
            errorId('email'),
            machine ? ids.emailHelp : null,
          )}
        />
        <FieldError id={errorId('email')} message={errors.email} />
        {machine ? (
          <p id={ids.emailHelp} className="text-xs text-slate-600">
            Names the account, e.g. claims-bot@example.com; nobody signs in with it.
          </p>
        ) : null}
      </div>

      <div className="space-y-1">
        <Label htmlFor={inputId('displayName')}>Name</Label>
        <Input
          ref={refs.displayName}
          id={inputId('displayName')}
          value={name}
          autoComplete="off"
          maxLength={100}
          onChange={(event) => {
            setName(event.target.value);
            clearError('displayName');
          }}
          aria-required="true"
          aria-invalid={invalid('displayName')}
          aria-describedby={describedBy(errors.displayName, errorId('displayName'))}
        />
        <FieldError id={errorId('displayName')} message={errors.displayName} />
      </div>

      {machine ? (
        <div className="space-y-0.5">
          <p className="text-sm font-medium text-slate-700">Role</p>
          <p className="text-sm text-slate-900">Agent: a machine agent works the queues only.</p>
        </div>
      ) : (
        <div className="space-y-1">
          <Label htmlFor={inputId('role')}>Role</Label>
          <Select
            ref={refs.role}
            id={inputId('role')}
            value={role}
            onChange={(event) => {
              const chosen = roleSchema.safeParse(event.target.value);
              if (chosen.success) setRole(chosen.data);
              clearError('role');
            }}
            aria-invalid={invalid('role')}
            aria-describedby={describedBy(errors.role, errorId('role'), ids.roleHelp)}
          >
            {roleChoices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <FieldError id={errorId('role')} message={errors.role} />
          <p id={ids.roleHelp} className="text-xs text-slate-600">
            {roleHelp}
          </p>
        </div>
      )}

      <QueueCheckboxes
        ref={refs.queues}
        idPrefix={id}
        value={queues}
        onChange={(chosen) => {
          setQueues(chosen);
          clearError('queues');
        }}
        error={errors.queues}
      />

      <div className="space-y-1">
        <Label htmlFor={inputId('team')}>Team</Label>
        <Input
          ref={refs.team}
          id={inputId('team')}
          value={team}
          autoComplete="off"
          maxLength={60}
          onChange={(event) => {
            setTeam(event.target.value);
            clearError('team');
          }}
          aria-invalid={invalid('team')}
          aria-describedby={describedBy(errors.team, errorId('team'), ids.teamHelp)}
        />
        <FieldError id={errorId('team')} message={errors.team} />
        <p id={ids.teamHelp} className="text-xs text-slate-600">
          Optional, e.g. North; at most 60 characters.
        </p>
      </div>

      {machine ? null : (
        <div className="space-y-1">
          <Label htmlFor={inputId('password')}>Temporary password</Label>
          <Input
            ref={refs.password}
            id={inputId('password')}
            type="password"
            value={password}
            autoComplete="new-password"
            maxLength={maxPasswordLength}
            onChange={(event) => {
              setPassword(event.target.value);
              clearError('password');
            }}
            aria-required="true"
            aria-invalid={invalid('password')}
            aria-describedby={describedBy(errors.password, errorId('password'), ids.passwordHelp)}
          />
          <FieldError id={errorId('password')} message={errors.password} />
          <p id={ids.passwordHelp} className="text-xs text-slate-600">
            {passwordRule}
          </p>
        </div>
      )}

      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit">Add agent</Button>
    </form>
  );
}
