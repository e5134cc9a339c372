import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type Ref } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';
import type { CallingHoursResponse } from '@/types/api';

import { callbackDaysAhead, type CallbackDay, type CallbackSlot } from '../callback-slots';

type CallbackPickerProps = {
  /** Prefix of the ids: the time select is `${id}-callback`, its error `${id}-callbackAt-error`. */
  id: string;
  hours: UseQueryResult<CallingHoursResponse>;
  /** The days that still have a time to offer (see callbackDays). */
  days: readonly CallbackDay[];
  day: CallbackDay | undefined;
  slot: CallbackSlot | undefined;
  onDayChange: (key: string) => void;
  onSlotChange: (at: string) => void;
  timeRef: Ref<HTMLSelectElement>;
  error: string | undefined;
};

export const noCallingHoursMessage = `No calling hours in the next ${callbackDaysAhead} days.`;

/**
 * When to call back: a day, then a quarter hour on it, both native selects so the keyboard and
 * screen readers work as everywhere else. Only times inside the calling hours are offered, so the
 * agent cannot book a callback the server would refuse.
 */
export function CallbackPicker({
  id,
  hours,
  days,
  day,
  slot,
  onDayChange,
  onSlotChange,
  timeRef,
  error,
}: CallbackPickerProps) {
  const daySelectRef = useRef<HTMLSelectElement>(null);
  // "Try again" goes away once the hours load, taking the focus with it: the day select gets it,
  // unless the agent has already moved on to something else.
  const [retried, setRetried] = useState(false);
  const ready = hours.data !== undefined && days.length > 0;

  useEffect(() => {
    if (!retried || hours.data === undefined) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (ready && focusLost) daySelectRef.current?.focus();
    setRetried(false);
  }, [retried, ready, hours.data]);

  if (hours.data === undefined) {
    if (!hours.isError) return <Spinner label="Loading calling hours" />;
    return (
      <div className="space-y-2">
        <Alert>
          The calling hours could not be loaded.
          {isApiError(hours.error) ? ` ${hours.error.message}` : ''}
        </Alert>
        <Button
          variant="secondary"
          className="w-full"
          onClick={() => {
            setRetried(true);
            void hours.refetch();
          }}
        >
          Try again
        </Button>
        {hours.isFetching ? <Spinner label="Loading calling hours" /> : null}
      </div>
    );
  }

  if (!ready) {
    return (
      <p role="status" className="text-sm text-slate-600">
        {noCallingHoursMessage}
      </p>
    );
  }

  const errorId = error ? `${id}-callbackAt-error` : undefined;
  const hintId = `${id}-callback-hint`;
  // Stacked: side by side, "Choose a time" would not fit the narrow column.
  return (
    <div className="space-y-1">
      <Label htmlFor={`${id}-callback-day`}>Callback day</Label>
      <Select
        ref={daySelectRef}
        id={`${id}-callback-day`}
        value={day?.key ?? ''}
        onChange={(event) => onDayChange(event.target.value)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId ?? hintId}
      >
        {days.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </Select>
      <Label htmlFor={`${id}-callback`} className="pt-1">
        Callback time
      </Label>
      <Select
        ref={timeRef}
        id={`${id}-callback`}
        value={slot?.at ?? ''}
        onChange={(event) => onSlotChange(event.target.value)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId ?? hintId}
      >
        <option value="">Choose a time</option>
        {day?.slots.map((option) => (
          <option key={option.at} value={option.at}>
            {option.label}
          </option>
        ))}
      </Select>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-slate-500">
          UK time, within calling hours.
        </p>
      )}
    </div>
  );
}
