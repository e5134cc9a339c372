import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, FieldError } from '@/features/agent-accounts/components/field-message';
import { isApiError } from '@/lib/api-error';
import type { QueueName } from '@/types/api';

import { useCreateApiKey } from '../api/create-api-key';
import type { CreatedApiKey, MachineAction } from '../api/schemas';
import { actionChoices, inWords, queueLabel } from '../labels';
import type { MachineAgent } from './machine-agent';

const fields = ['actions', 'queues'] as const;
type Field = (typeof fields)[number];

function isField(name: string | undefined): name is Field {
  return (fields as readonly string[]).includes(name ?? '');
}

type CreateApiKeyFormProps = {
  agent: MachineAgent;
  onCreated: (created: CreatedApiKey) => void;
};

/**
 * A new key for the machine agent: what it may do (at least one thing) and, optionally, fewer
 * queues than the agent works. What the server refuses is shown at the field it names.
 */
export function CreateApiKeyForm({ agent, onCreated }: CreateApiKeyFormProps) {
  const id = useId();
  const [actions, setActions] = useState<MachineAction[]>([]);
  const [queues, setQueues] = useState<QueueName[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateApiKey();
  const refs = { actions: useRef<HTMLInputElement>(null), queues: useRef<HTMLInputElement>(null) };

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = fields.find((field) => found[field]);
    // After the render that shows the message, so aria-describedby already points at it.
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (create.isPending) return;
    setFormError(null);
    if (actions.length === 0) {
      fail({ actions: 'Tick at least one thing the key allows.' });
      return;
    }
    setErrors({});
    create.mutate(
      // In the server's order, whatever order they were ticked in.
      {
        agentId: agent.id,
        key: {
          actions: actionChoices.map(([action]) => action).filter((a) => actions.includes(a)),
          queues: agent.queues.filter((queue) => queues.includes(queue)),
        },
      },
      {
        onSuccess: (created) => {
          setActions([]);
          setQueues([]);
          onCreated(created);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400 && isField(error.field)) {
            fail({ [error.field]: inWords(error.message) });
          } else if (isApiError(error) && error.status === 409) {
            setFormError(
              `No key was made: keys work only for an active machine agent. Reactivate ` +
                `${agent.displayName} first.`,
            );
          } else if (isApiError(error) && error.status === 404) {
            setFormError('No key was made: this account no longer exists.');
          } else {
            setFormError(`No key was made: ${error.message || 'the server did not answer.'}`);
          }
        },
      },
    );
  }

  const ids = {
    heading: `${id}-heading`,
    actionsError: `${id}-actions-error`,
    queuesError: `${id}-queues-error`,
    queuesHelp: `${id}-queues-help`,
  };

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
        Create API key
      </h3>
      <fieldset
        className="space-y-1"
        aria-describedby={describedBy(errors.actions, ids.actionsError)}
      >
        <legend className="text-sm font-medium text-slate-700">Allows</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {actionChoices.map(([action, label], index) => (
            <label key={action} className="inline-flex items-center gap-1.5">
              <input
                ref={index === 0 ? refs.actions : undefined}
                type="checkbox"
                checked={actions.includes(action)}
                aria-invalid={errors.actions ? true : undefined}
                onChange={(event) => {
                  const ticked = event.target.checked;
                  setActions((current) =>
                    ticked ? [...current, action] : current.filter((a) => a !== action),
                  );
                  setErrors((current) => ({ ...current, actions: undefined }));
                  setFormError(null);
                }}
              />
              {label}
            </label>
          ))}
        </div>
        <FieldError id={ids.actionsError} message={errors.actions} />
      </fieldset>
      <fieldset
        className="space-y-1"
        aria-describedby={describedBy(errors.queues, ids.queuesError, ids.queuesHelp)}
      >
        <legend className="text-sm font-medium text-slate-700">Queues</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {agent.queues.map((queue, index) => (
            <label key={queue} className="inline-flex items-center gap-1.5">
              <input
                ref={index === 0 ? refs.queues : undefined}
                type="checkbox"
                checked={queues.includes(queue)}
                aria-invalid={errors.queues ? true : undefined}
                onChange={(event) => {
                  const ticked = event.target.checked;
                  setQueues((current) =>
                    ticked ? [...current, queue] : current.filter((q) => q !== queue),
                  );
                  setErrors((current) => ({ ...current, queues: undefined }));
                  setFormError(null);
                }}
              />
              {queueLabel(queue)}
            </label>
          ))}
        </div>
        <FieldError id={ids.queuesError} message={errors.queues} />
        <p id={ids.queuesHelp} className="text-xs text-slate-600">
          None ticked: every queue {agent.displayName} works, now and later.
        </p>
      </fieldset>
      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit">Create API key</Button>
    </form>
  );
}
