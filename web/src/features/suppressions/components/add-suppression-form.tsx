import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-error';

import { useAddSuppression } from '../api/add-suppression';
import {
  suppressionChannelSchema,
  type Suppression,
  type SuppressionChannel,
  type SuppressionInput,
} from '../api/schemas';
import { channelChoices, isCustomerNumber } from '../labels';

type Who = 'customer' | 'phone';
type Field = 'who' | 'channel' | 'reason';

/** The server's field names, as this form's fields. */
function fieldOf(serverField: string | undefined): Field | null {
  if (serverField === 'userId' || serverField === 'phone') return 'who';
  if (serverField === 'channel' || serverField === 'reason') return serverField;
  return null;
}

const whoWords: Record<Who, { label: string; help: string }> = {
  customer: {
    label: 'Customer number',
    help: 'The customer’s number on the claims platform, e.g. 1940. Every number they have is covered.',
  },
  phone: {
    label: 'Phone number',
    help: 'As people write it, e.g. 07400 123456. Every customer with this number is covered.',
  },
};

/** The server names its fields at the start of its messages; the form has other names for them. */
function inWords(message: string): string {
  const named = message
    .replace(/^userId or phone is required/, 'Give a customer number or a phone number.')
    .replace(/^userId /, 'The customer number ')
    .replace(/^phone /, 'The phone number ')
    .replace(/^reason /, 'The reason ')
    .replace(/^channel /, 'The channel ');
  return named.charAt(0).toUpperCase() + named.slice(1);
}

type AddSuppressionFormProps = {
  onAdded: (entry: Suppression) => void;
};

/**
 * Adds a customer or a number to the do-not-contact list, for calls, texts or both, with the
 * reason (required). In force at once; what the server refuses is shown at the field it names.
 */
export function AddSuppressionForm({ onAdded }: AddSuppressionFormProps) {
  const id = useId();
  const [who, setWho] = useState<Who>('customer');
  const [customer, setCustomer] = useState('');
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<SuppressionChannel>('all');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddSuppression();
  const refs = {
    who: useRef<HTMLInputElement>(null),
    channel: useRef<HTMLSelectElement>(null),
    reason: useRef<HTMLTextAreaElement>(null),
  };

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = (['who', 'channel', 'reason'] as const).find((field) => found[field]);
    // After the render that shows the message, so aria-describedby already points at it.
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function clearError(field: Field) {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (add.isPending) return;
    setFormError(null);
    const target = (who === 'customer' ? customer : phone).trim();
    const missing: Partial<Record<Field, string>> = {};
    if (target === '') {
      missing.who = who === 'customer' ? 'Give the customer number.' : 'Give the phone number.';
    } else if (who === 'customer' && !isCustomerNumber(target)) {
      missing.who = 'A customer number is digits only, e.g. 1940.';
    }
    if (reason.trim() === '') missing.reason = 'Say why they must not be contacted.';
    if (missing.who || missing.reason) {
      fail(missing);
      return;
    }
    setErrors({});
    const input: SuppressionInput =
      who === 'customer'
        ? { userId: target, channel, reason: reason.trim() }
        : { phone: target, channel, reason: reason.trim() };
    add.mutate(input, {
      onSuccess: ({ suppression }) => {
        setCustomer('');
        setPhone('');
        setReason('');
        setChannel('all');
        onAdded(suppression);
      },
      onError: (error) => {
        const field = isApiError(error) ? fieldOf(error.field) : null;
        if (field && isApiError(error) && (error.status === 400 || error.status === 404)) {
          fail({ [field]: inWords(error.message) });
        } else {
          setFormError(
            `Nothing was added: ${error.message || 'the server did not answer. Try again.'}`,
          );
        }
      },
    });
  }

  const ids = {
    heading: `${id}-heading`,
    who: `${id}-who`,
    whoHelp: `${id}-who-help`,
    channel: `${id}-channel`,
    reason: `${id}-reason`,
    reasonHelp: `${id}-reason-help`,
  };
  const errorId = (field: Field) => `${id}-${field}-error`;
  const describedBy = (field: Field, ...rest: string[]) =>
    [errors[field] ? errorId(field) : null, ...rest].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={errorId(field)} className="text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
        Add to the list
      </h3>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">Who</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['customer', 'A customer'],
              ['phone', 'A phone number'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-by`}
                value={value}
                checked={who === value}
                onChange={() => {
                  setWho(value);
                  clearError('who');
                }}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="space-y-1">
        <Label htmlFor={ids.who}>{whoWords[who].label}</Label>
        <Input
          ref={refs.who}
          id={ids.who}
          value={who === 'customer' ? customer : phone}
          inputMode={who === 'customer' ? 'numeric' : 'tel'}
          autoComplete="off"
          maxLength={who === 'customer' ? 20 : 64}
          onChange={(event) => {
            if (who === 'customer') setCustomer(event.target.value);
            else setPhone(event.target.value);
            clearError('who');
          }}
          aria-required="true"
          aria-invalid={errors.who ? true : undefined}
          aria-describedby={describedBy('who', ids.whoHelp)}
        />
        {fieldError('who')}
        <p id={ids.whoHelp} className="text-xs text-slate-600">
          {whoWords[who].help}
        </p>
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.channel}>Channel</Label>
        <Select
          ref={refs.channel}
          id={ids.channel}
          value={channel}
          onChange={(event) => {
            const chosen = suppressionChannelSchema.safeParse(event.target.value);
            if (chosen.success) setChannel(chosen.data);
            clearError('channel');
          }}
          aria-invalid={errors.channel ? true : undefined}
          aria-describedby={describedBy('channel')}
        >
          {channelChoices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        {fieldError('channel')}
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.reason}>Reason</Label>
        <Textarea
          ref={refs.reason}
          id={ids.reason}
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            clearError('reason');
          }}
          aria-required="true"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('reason', ids.reasonHelp)}
        />
        {fieldError('reason')}
        <p id={ids.reasonHelp} className="text-xs text-slate-600">
          Why they must not be contacted, e.g. “Asked on the phone not to be called”. Kept with the
          entry and in the audit log.
        </p>
      </div>

      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit">Add to the list</Button>
    </form>
  );
}
