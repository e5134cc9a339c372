import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-error';
import { roleSchema, type QueueName, type Role } from '@/types/api';

import type { AgentAccount, AgentAccountChanges } from '../api/schemas';
import { useUpdateAgentAccount } from '../api/update-agent-account';
import {
  inWords,
  normalisedQueues,
  queuesLabel,
  roleChoices,
  roleHelp,
  roleLabel,
} from '../labels';
import { AccountDialog } from './account-dialog';
import { describedBy, FieldError } from './field-message';
import { QueueCheckboxes, queueNoteId } from './queue-checkboxes';
import { ResetPasswordForm } from './reset-password-form';

const fields = ['displayName', 'role', 'queues', 'team', 'active'] as const;
type Field = (typeof fields)[number];

function isField(name: string | undefined): name is Field {
  return (fields as readonly string[]).includes(name ?? '');
}

const sameQueues = (a: readonly QueueName[], b: readonly QueueName[]) =>
  normalisedQueues(a).join() === normalisedQueues(b).join();

const teamWords = (team: string) => (team === '' ? 'no team' : team);

/** What the admin changed, and nothing else: the PATCH body. */
function changesOf(
  account: AgentAccount,
  form: { name: string; role: Role; queues: QueueName[]; team: string; active: boolean },
): AgentAccountChanges {
  const changes: AgentAccountChanges = {};
  if (form.name.trim() !== account.displayName) changes.displayName = form.name.trim();
  if (form.role !== account.role) changes.role = form.role;
  if (!sameQueues(form.queues, account.queues)) changes.queues = form.queues;
  if (form.team.trim() !== account.team) changes.team = form.team.trim();
  if (form.active !== account.active) changes.active = form.active;
  return changes;
}

/** "Saved Kim Floor: role Agent → Supervisor. Kim Floor is signed out everywhere …" */
export function savedMessage(before: AgentAccount, after: AgentAccount): string {
  const parts: string[] = [];
  if (before.displayName !== after.displayName) {
    parts.push(`name ${before.displayName} → ${after.displayName}`);
  }
  if (before.role !== after.role) {
    parts.push(`role ${roleLabel(before.role)} → ${roleLabel(after.role)}`);
  }
  if (!sameQueues(before.queues, after.queues)) {
    parts.push(`queues ${queuesLabel(before.queues)} → ${queuesLabel(after.queues)}`);
  }
  if (before.team !== after.team) {
    parts.push(`team ${teamWords(before.team)} → ${teamWords(after.team)}`);
  }
  if (before.active !== after.active) parts.push(after.active ? 'reactivated' : 'deactivated');
  const saved = `Saved ${after.displayName}: ${parts.join('; ') || 'nothing changed'}.`;
  if (before.active && !after.active) {
    return `${saved} ${after.displayName} is signed out and can no longer sign in.`;
  }
  if (before.role !== after.role || !sameQueues(before.queues, after.queues)) {
    return (
      `${saved} ${after.displayName} is signed out everywhere; ` +
      'the new rights apply when they sign in again.'
    );
  }
  return saved;
}

type EditAgentDialogProps = {
  account: AgentAccount;
  onSaved: (before: AgentAccount, after: AgentAccount) => void;
  onClose: () => void;
};

/**
 * Edit in a dialog: the account's name, role, queues, team and whether it may sign in, saved
 * together (only what changed is sent); deactivating asks first. Beside them, a password reset.
 * What the server refuses, an admin locking themselves out included, is shown at its field.
 */
export function EditAgentDialog({ account, onSaved, onClose }: EditAgentDialogProps) {
  const id = useId();
  const [name, setName] = useState(account.displayName);
  const [role, setRole] = useState<Role>(account.role);
  const [queues, setQueues] = useState<QueueName[]>(normalisedQueues(account.queues));
  const [team, setTeam] = useState(account.team);
  const [active, setActive] = useState(account.active);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const update = useUpdateAgentAccount();
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    queues: useRef<HTMLInputElement>(null),
    team: useRef<HTMLInputElement>(null),
    active: useRef<HTMLInputElement>(null),
  };
  const goBack = useRef<HTMLButtonElement>(null);

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = fields.find((field) => found[field]);
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  /** Any edit clears its field's message, and a pending "Deactivate?" (the question changed). */
  function edited(field: Field) {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
    setNote('');
    setConfirming(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setFormError(null);
    setNote('');
    if (name.trim() === '') {
      fail({ displayName: 'Give their name.' });
      return;
    }
    const changes = changesOf(account, { name, role, queues, team, active });
    if (Object.keys(changes).length === 0) {
      setNote('Nothing has changed, so nothing was saved.');
      return;
    }
    // Deactivating is destructive (signed out at once, and no more sign-in): ask first.
    if (changes.active === false && !confirming) {
      setConfirming(true);
      requestAnimationFrame(() => goBack.current?.focus());
      return;
    }
    setConfirming(false);
    setErrors({});
    update.mutate(
      { id: account.id, changes },
      {
        onSuccess: ({ agent }) => onSaved(account, agent),
        onError: (error) => {
          if (
            isApiError(error) &&
            (error.status === 400 || error.status === 409) &&
            isField(error.field)
          ) {
            fail({ [error.field]: inWords(error.message) });
          } else if (isApiError(error) && error.status === 404) {
            setFormError('This account no longer exists: nothing was saved.');
          } else {
            setFormError(`Nothing was saved: ${error.message || 'the server did not answer.'}`);
          }
        },
      },
    );
  }

  const machine = account.kind === 'machine';
  const ids = {
    heading: `${id}-heading`,
    roleHelp: `${id}-role-help`,
    activeNote: `${id}-active-note`,
    question: `${id}-question`,
  };
  const inputId = (field: Field) => `${id}-${field}`;
  const errorId = (field: Field) => `${id}-${field}-error`;
  const invalid = (field: Field) => (errors[field] ? true : undefined);
  // A machine agent has no session to end: its keys are checked against the account each time.
  const signOutNote = machine
    ? `New queues apply to ${account.displayName}'s next request.`
    : `A new role or queues signs ${account.displayName} out everywhere; ` +
      'the new rights apply when they sign in again.';

  return (
    <AccountDialog title={`Edit ${account.displayName}`} subtitle={account.email} onClose={onClose}>
      <div className="grid items-start gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <form
          noValidate
          aria-labelledby={ids.heading}
          onSubmit={handleSubmit}
          className="space-y-3"
        >
          <h3 id={ids.heading} className="sr-only">
            Account details
          </h3>
          <div className="grid gap-3 sm:grid-cols-2">
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
                  edited('displayName');
                }}
                aria-required="true"
                aria-invalid={invalid('displayName')}
                aria-describedby={describedBy(errors.displayName, errorId('displayName'))}
              />
              <FieldError id={errorId('displayName')} message={errors.displayName} />
            </div>
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
                  edited('team');
                }}
                aria-invalid={invalid('team')}
                aria-describedby={describedBy(errors.team, errorId('team'))}
              />
              <FieldError id={errorId('team')} message={errors.team} />
            </div>
          </div>

          {machine ? (
            <div className="space-y-0.5">
              <p className="text-sm font-medium text-slate-700">Role</p>
              <p className="text-sm text-slate-900">
                Agent: a machine agent works the queues only, with its API keys.
              </p>
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
                  edited('role');
                }}
                aria-invalid={invalid('role')}
                aria-describedby={describedBy(
                  errors.role,
                  errorId('role'),
                  ids.roleHelp,
                  // Said once, under the queues: a new role signs the agent out too.
                  queueNoteId(id),
                )}
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
              edited('queues');
            }}
            error={errors.queues}
            note={signOutNote}
          />

          <div className="space-y-1">
            <label className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-700">
              <input
                ref={refs.active}
                type="checkbox"
                checked={active}
                onChange={(event) => {
                  setActive(event.target.checked);
                  edited('active');
                }}
                aria-invalid={invalid('active')}
                aria-describedby={describedBy(errors.active, errorId('active'), ids.activeNote)}
              />
              Active
            </label>
            <FieldError id={errorId('active')} message={errors.active} />
            <p id={ids.activeNote} className="text-xs text-amber-800">
              {machine
                ? 'Only active machine agents can work. Deactivating refuses every API key of ' +
                  `${account.displayName} at once.`
                : `Only active accounts can sign in. Deactivating signs ${account.displayName} ` +
                  'out at once.'}
            </p>
          </div>

          {formError ? <Alert>{formError}</Alert> : null}
          <p role="status" className="text-sm text-slate-700">
            {note}
          </p>
          {confirming ? (
            <div
              role="group"
              aria-labelledby={ids.question}
              className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200 ring-inset"
            >
              <p id={ids.question} className="text-sm font-medium text-red-900">
                Deactivate {account.displayName}? They are signed out at once.
              </p>
              <div className="flex flex-wrap justify-end gap-2">
                <Button
                  ref={goBack}
                  variant="secondary"
                  onClick={() => {
                    setConfirming(false);
                    requestAnimationFrame(() => refs.active.current?.focus());
                  }}
                >
                  Go back
                </Button>
                <Button type="submit">Deactivate {account.displayName}</Button>
              </div>
            </div>
          ) : (
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Save changes</Button>
            </div>
          )}
        </form>
        {/* A machine agent has no password: its API keys are its only way in. */}
        {machine ? null : <ResetPasswordForm account={account} />}
      </div>
    </AccountDialog>
  );
}
