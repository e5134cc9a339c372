import type { Ref } from 'react';

import type { QueueName } from '@/types/api';

import { queueChoices } from '../labels';
import { describedBy, FieldError } from './field-message';

type QueueCheckboxesProps = {
  /** For the ids of the help and the error. */
  idPrefix: string;
  value: readonly QueueName[];
  onChange: (queues: QueueName[]) => void;
  error: string | undefined;
  /** More to say under the boxes (that a change signs the agent out). */
  note?: string;
  /** The first box (where the focus goes when the server refuses the queues). */
  ref?: Ref<HTMLInputElement>;
};

/** The id of the note under the boxes, for other fields that the same note is about. */
export function queueNoteId(idPrefix: string): string {
  return `${idPrefix}-queues-note`;
}

/**
 * The queues an agent may work, as checkboxes in one group; none ticked is every queue, and the
 * group says so.
 */
export function QueueCheckboxes({
  idPrefix,
  value,
  onChange,
  error,
  note,
  ref,
}: QueueCheckboxesProps) {
  const helpId = `${idPrefix}-queues-help`;
  const errorId = `${idPrefix}-queues-error`;
  const noteId = queueNoteId(idPrefix);
  return (
    <fieldset
      className="space-y-1"
      aria-describedby={describedBy(error, errorId, helpId, note ? noteId : null)}
    >
      <legend className="text-sm font-medium text-slate-700">Queues</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {queueChoices.map(([queue, label], index) => (
          <label key={queue} className="inline-flex items-center gap-1.5">
            <input
              ref={index === 0 ? ref : undefined}
              type="checkbox"
              checked={value.includes(queue)}
              aria-invalid={error ? true : undefined}
              onChange={(event) =>
                onChange(
                  queueChoices
                    .map(([choice]) => choice)
                    .filter((choice) =>
                      choice === queue ? event.target.checked : value.includes(choice),
                    ),
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
      <p id={helpId} className="text-xs text-slate-600">
        None ticked: every queue.
      </p>
      {note ? (
        <p id={noteId} className="text-xs text-amber-800">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}
