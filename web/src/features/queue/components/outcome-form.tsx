import {
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { ShortcutKey } from '@/features/shortcuts/components/shortcut-key';
import { useKeyboardShortcut } from '@/hooks/use-keyboard-shortcut';
import { isApiError, type ApiError } from '@/lib/api-error';
import type { Lead, OutcomeCode, OutcomeRequest } from '@/types/api';
import { cn } from '@/utils/cn';

import { useRecordOutcome } from '../api/record-outcome';
import { useCallbackDays } from '../hooks/use-callback-days';
import { outcomeLabel, outcomeLabels } from '../labels';
import { CallbackPicker, noCallingHoursMessage } from './callback-picker';

/** Keys 1–9 choose the outcome listed at that place; Enter (on an outcome) saves. */
export const outcomeKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const saveOutcomeKey = 'Enter';

/** The fields the server may name in a 400 for this form. */
type Field = 'outcome' | 'notes' | 'callbackAt';
type Errors = Partial<Record<Field | 'form', string>>;

function isField(name: string | undefined): name is Field {
  return name === 'outcome' || name === 'notes' || name === 'callbackAt';
}

type OutcomeFormProps = {
  lead: Lead;
  onSaved: () => void;
  /** The server says the agent no longer holds the customer (409). */
  onLost: (error: ApiError) => void;
  /** The outcome group, for the page to move focus here when a call ends. */
  groupRef?: Ref<HTMLFieldSetElement>;
  /** The call made to the customer in this hold, if any: the outcome is recorded against it. */
  callSessionId?: string | null;
  /** True while that call is still going: the outcome is saved once it has ended. */
  callActive?: boolean;
};

/** After the call: how it went, notes, and for a call back when. Saving releases the customer. */
export function OutcomeForm({
  lead,
  onSaved,
  onLost,
  groupRef,
  callSessionId = null,
  callActive = false,
}: OutcomeFormProps) {
  const id = useId();
  const [outcome, setOutcome] = useState<OutcomeCode | null>(null);
  const [notes, setNotes] = useState('');
  // The chosen day (its key; '' = the first offered) and time (the slot's instant; '' = none).
  const [callbackDayKey, setCallbackDayKey] = useState('');
  const [callbackAt, setCallbackAt] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  // Save was pressed with Call back while no time could be offered; the message follows the
  // hours (loading, failed, none) and goes once there is a time to choose.
  const [noTimeToOffer, setNoTimeToOffer] = useState(false);
  const save = useRecordOutcome();
  const firstRadioRef = useRef<HTMLInputElement>(null);
  const radioRefs = useRef<(HTMLInputElement | null)[]>([]);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const callbackRef = useRef<HTMLSelectElement>(null);

  const needsNotes = outcome === 'do_not_contact';
  const needsCallback = outcome === 'call_back';

  const { hours, days } = useCallbackDays(needsCallback);

  const callbackDay = days.find((day) => day.key === callbackDayKey) ?? days[0];
  // A chosen time that is no longer offered counts as none: it is never sent.
  const callbackSlot = callbackDay?.slots.find((slot) => slot.at === callbackAt);

  function chooseOutcome(code: OutcomeCode) {
    setOutcome(code);
    setNoTimeToOffer(false);
    clearError('outcome');
  }

  // The n-th outcome, and the focus on it, so that Enter then saves it.
  useKeyboardShortcut(
    outcomeKeys,
    (key) => {
      const index = Number(key) - 1;
      const entry = outcomeLabels[index];
      if (!entry) return;
      chooseOutcome(entry[0]);
      radioRefs.current[index]?.focus();
    },
    !save.isPending,
  );

  /** Enter on an outcome saves, in every browser (not all submit a form from a radio). */
  function handleOutcomeKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  /** Keeps the time of day when the agent moves to another day that offers it. */
  function chooseCallbackDay(key: string) {
    const day = days.find((candidate) => candidate.key === key);
    const sameTime = day?.slots.find((slot) => slot.label === callbackSlot?.label);
    setCallbackDayKey(key);
    setCallbackAt(sameTime?.at ?? '');
    clearError('callbackAt');
  }

  /** Why call_back cannot be saved while the picker has no time to offer. */
  function noCallbackTimeMessage(): string {
    if (hours.data) return `${noCallingHoursMessage} Choose another outcome.`;
    if (hours.isError) {
      return 'The calling hours could not be loaded. Try again, or choose another outcome.';
    }
    return 'The calling hours are still loading.';
  }

  function clearError(field: Field) {
    setErrors((current) => {
      if (!current[field] && !current.form) return current;
      const rest = { ...current };
      delete rest[field];
      delete rest.form;
      return rest;
    });
  }

  function focusField(field: Field) {
    // After the render that shows the message, so aria-describedby already points at it.
    requestAnimationFrame(() => {
      if (field === 'notes') notesRef.current?.focus();
      else if (field === 'callbackAt') callbackRef.current?.focus();
      else firstRadioRef.current?.focus();
    });
  }

  function fail(next: Errors, field: Field) {
    setErrors(next);
    focusField(field);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || callActive) return;
    if (outcome === null) {
      fail({ outcome: 'Choose how the call went.' }, 'outcome');
      return;
    }
    const body: OutcomeRequest = { outcome };
    if (callSessionId !== null) body.callSessionId = callSessionId;
    if (notes.trim() !== '') body.notes = notes.trim();
    if (needsNotes && body.notes === undefined) {
      fail({ notes: `Notes are required for ${outcomeLabel(outcome)}: say why.` }, 'notes');
      return;
    }
    if (needsCallback) {
      if (days.length === 0) {
        setErrors({});
        setNoTimeToOffer(true);
        return;
      }
      if (!callbackSlot) {
        fail({ callbackAt: 'Choose the date and time to call back.' }, 'callbackAt');
        return;
      }
      body.callbackAt = callbackSlot.at;
    }
    setErrors({});
    save.mutate(
      { userId: lead.userId, body },
      {
        onSuccess: () => onSaved(),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            onLost(error);
          } else if (isApiError(error) && error.status === 400 && isField(error.field)) {
            fail({ [error.field]: error.message }, error.field);
          } else {
            setErrors({ form: error.message || 'The outcome could not be saved. Try again.' });
          }
        },
      },
    );
  }

  /** Enter in the notes adds a line; Ctrl+Enter saves, as Enter does everywhere else in the form. */
  function handleNotesKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const formError =
    errors.form ??
    (noTimeToOffer && needsCallback && days.length === 0 ? noCallbackTimeMessage() : undefined);
  const errorId = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="grid grid-cols-[minmax(0,1fr)_16rem_13rem] gap-4"
    >
      <fieldset
        ref={groupRef}
        role="radiogroup"
        aria-labelledby={`${id}-outcome-legend`}
        aria-describedby={errorId('outcome')}
        aria-invalid={errors.outcome ? true : undefined}
        aria-required="true"
        onKeyDown={handleOutcomeKeyDown}
        className="min-w-0"
      >
        <legend id={`${id}-outcome-legend`} className="mb-1 text-sm font-medium text-slate-700">
          Outcome
        </legend>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-x-2 gap-y-0.5">
          {outcomeLabels.map(([code, label], index) => {
            const key = outcomeKeys[index];
            return (
              <label key={code} className="flex items-center gap-1.5 text-sm whitespace-nowrap">
                <input
                  ref={(element) => {
                    radioRefs.current[index] = element;
                    if (index === 0) firstRadioRef.current = element;
                  }}
                  type="radio"
                  name={`${id}-outcome`}
                  value={code}
                  checked={outcome === code}
                  aria-keyshortcuts={key}
                  onChange={() => chooseOutcome(code)}
                  className="size-4 accent-indigo-600"
                />
                {label}
                {key ? (
                  <ShortcutKey aria-hidden="true" className="text-slate-600">
                    {key}
                  </ShortcutKey>
                ) : null}
              </label>
            );
          })}
        </div>
        {errors.outcome ? (
          <p id={`${id}-outcome-error`} className="mt-1 text-sm text-red-700">
            {errors.outcome}
          </p>
        ) : null}
      </fieldset>

      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor={`${id}-notes`}>Notes</Label>
        <textarea
          ref={notesRef}
          id={`${id}-notes`}
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
            clearError('notes');
          }}
          onKeyDown={handleNotesKeyDown}
          aria-required={needsNotes || undefined}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errorId('notes') ?? `${id}-notes-hint`}
          className={cn(
            'block w-full flex-1 resize-none rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset',
            'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
          )}
        />
        {errors.notes ? (
          <p id={`${id}-notes-error`} className="text-sm text-red-700">
            {errors.notes}
          </p>
        ) : (
          <p id={`${id}-notes-hint`} className="text-xs text-slate-500">
            {needsNotes ? 'Required: say why. ' : ''}Ctrl+Enter saves.
          </p>
        )}
      </div>

      <div className="flex flex-col justify-end gap-2">
        {needsCallback ? (
          <CallbackPicker
            id={id}
            hours={hours}
            days={days}
            day={callbackDay}
            slot={callbackSlot}
            onDayChange={chooseCallbackDay}
            onSlotChange={(at) => {
              setCallbackAt(at);
              clearError('callbackAt');
            }}
            timeRef={callbackRef}
            error={errors.callbackAt}
          />
        ) : null}
        {formError ? <Alert>{formError}</Alert> : null}
        <Button
          type="submit"
          className="gap-1.5"
          disabled={save.isPending || callActive}
          aria-keyshortcuts={saveOutcomeKey}
          aria-describedby={callActive ? `${id}-save-hint` : undefined}
        >
          Save outcome
          <ShortcutKey aria-hidden="true">{saveOutcomeKey}</ShortcutKey>
        </Button>
        {callActive ? (
          <p id={`${id}-save-hint`} className="text-xs text-slate-500">
            Saves once the call has ended.
          </p>
        ) : null}
      </div>
    </form>
  );
}
