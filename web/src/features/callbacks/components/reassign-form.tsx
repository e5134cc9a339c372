import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';

import { useTeamMembers } from '../api/get-team-members';
import { useReassignCallback } from '../api/reassign-callback';
import { agentName, assignableMembers, namesById, teamLabel } from '../labels';
import { failureMessage, type ActionFormProps } from './action-form-props';

/** The select's value for "Anyone on the team" (no agent). */
const teamValue = 'team';

type Errors = { agentId?: string; form?: string };

/** Gives the callback to another active agent, or to anyone on the team (supervisors, admins). */
export function ReassignForm({ callback, name, onDone, onClose }: ActionFormProps) {
  const id = useId();
  const [choice, setChoice] = useState(callback.agentId ?? teamValue);
  const [errors, setErrors] = useState<Errors>({});
  const selectRef = useRef<HTMLSelectElement>(null);
  const members = useTeamMembers();
  const reassign = useReassignCallback();
  const names = namesById(members.data?.agents);
  const options = assignableMembers(members.data?.agents);
  // Whoever has it now is offered even when no longer active, so the select shows the truth.
  const current = callback.agentId;
  const currentListed = current === null || options.some((member) => member.id === current);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reassign.isPending) return;
    const agentId = choice === teamValue ? null : choice;
    setErrors({});
    reassign.mutate(
      { callbackId: callback.id, agentId },
      {
        onSuccess: ({ callback: moved }) => {
          const to =
            moved.agentId === null ? 'anyone on the team' : agentName(moved.agentId, names);
          onDone(`Callback for ${name} given to ${to}`);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400 && error.field === 'agentId') {
            setErrors({ agentId: error.message });
            requestAnimationFrame(() => selectRef.current?.focus());
          } else {
            setErrors({
              form: failureMessage(error, 'The callback could not be reassigned. Try again.'),
            });
          }
        },
      },
    );
  }

  const errorId = errors.agentId ? `${id}-agent-error` : undefined;
  const label = (memberId: string, text: string) => (memberId === current ? `${text} (now)` : text);
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={`${id}-agent`}>Give the callback to</Label>
        <Select
          ref={selectRef}
          id={`${id}-agent`}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value);
            setErrors({});
          }}
          aria-invalid={errors.agentId ? true : undefined}
          aria-describedby={errorId}
        >
          <option value={teamValue}>{current === null ? `${teamLabel} (now)` : teamLabel}</option>
          {!currentListed && current !== null ? (
            <option value={current}>{label(current, agentName(current, names))}</option>
          ) : null}
          {options.map((member) => (
            <option key={member.id} value={member.id}>
              {label(member.id, member.displayName)}
            </option>
          ))}
        </Select>
        {errors.agentId ? (
          <p id={errorId} className="text-sm text-red-700">
            {errors.agentId}
          </p>
        ) : null}
        {members.isPending ? <Spinner label="Loading the team" /> : null}
        {members.isError ? (
          <div className="flex items-center gap-2">
            <Alert className="flex-1">The team could not be loaded: {members.error.message}</Alert>
            <Button variant="secondary" onClick={() => void members.refetch()}>
              Try again
            </Button>
          </div>
        ) : null}
      </div>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" disabled={reassign.isPending}>
          Reassign
        </Button>
      </div>
    </form>
  );
}
