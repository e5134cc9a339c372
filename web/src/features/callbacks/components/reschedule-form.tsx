import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CallbackPicker } from '@/features/queue/components/callback-picker';
import { useCallbackDays } from '@/features/queue/hooks/use-callback-days';
import { isApiError } from '@/lib/api-error';
import { formatUkDateTime } from '@/utils/uk-time';

import { useRescheduleCallback } from '../api/reschedule-callback';
import { rescheduledMessage } from '../labels';
import { failureMessage, type ActionFormProps } from './action-form-props';

type Errors = { scheduledFor?: string; form?: string };

/**
 * A new day and time for the callback, offered only inside the calling hours (the same picker as
 * the outcome form), cut against the server's clock.
 */
export function RescheduleForm({ callback, name, onDone, onClose }: ActionFormProps) {
  const id = useId();
  const [dayKey, setDayKey] = useState('');
  const [at, setAt] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const timeRef = useRef<HTMLSelectElement>(null);
  const reschedule = useRescheduleCallback();

  const { hours, days } = useCallbackDays();

  const day = days.find((candidate) => candidate.key === dayKey) ?? days[0];
  // A chosen time that is no longer offered counts as none: it is never sent.
  const slot = day?.slots.find((candidate) => candidate.at === at);

  function chooseDay(key: string) {
    const next = days.find((candidate) => candidate.key === key);
    const sameTime = next?.slots.find((candidate) => candidate.label === slot?.label);
    setDayKey(key);
    setAt(sameTime?.at ?? '');
    setErrors({});
  }

  function focusTime() {
    // After the render that shows the message, so aria-describedby already points at it.
    requestAnimationFrame(() => timeRef.current?.focus());
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reschedule.isPending || days.length === 0) return;
    if (!slot) {
      setErrors({ scheduledFor: 'Choose the date and time to call back.' });
      focusTime();
      return;
    }
    setErrors({});
    reschedule.mutate(
      { callbackId: callback.id, scheduledFor: slot.at },
      {
        onSuccess: ({ callback: moved }) => onDone(rescheduledMessage(name, moved.scheduledFor)),
        onError: (error) => {
          if (isApiError(error) && error.status === 400 && error.field === 'scheduledFor') {
            setErrors({ scheduledFor: error.message });
            focusTime();
          } else {
            setErrors({
              form: failureMessage(error, 'The callback could not be moved. Try again.'),
            });
          }
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3">
      <p className="text-sm text-slate-700">
        Booked for <span className="font-medium">{formatUkDateTime(callback.scheduledFor)}</span>
      </p>
      <CallbackPicker
        id={id}
        hours={hours}
        days={days}
        day={day}
        slot={slot}
        onDayChange={chooseDay}
        onSlotChange={(value) => {
          setAt(value);
          setErrors({});
        }}
        timeRef={timeRef}
        error={errors.scheduledFor}
      />
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" disabled={reschedule.isPending || days.length === 0}>
          Save new time
        </Button>
      </div>
    </form>
  );
}
