import { useEffect, useId, useRef, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

import type { AnalyticsRange } from '../api/schemas';

export type RangeField = keyof AnalyticsRange;
export type RangeErrors = Partial<Record<RangeField, string>>;

type RangeFormProps = {
  draft: AnalyticsRange;
  errors: RangeErrors;
  /**
   * The field to move the focus to, when its message has just been shown: a new object each
   * time, so that the same field refused twice gets the focus twice. Null for none.
   */
  focus: { field: RangeField } | null;
  onChange: (field: RangeField, value: string) => void;
  onSubmit: () => void;
};

const labels: Record<RangeField, string> = { from: 'From', to: 'To' };

/** The UK days shown: From and To (both included), and Apply. */
export function RangeForm({ draft, errors, focus, onChange, onSubmit }: RangeFormProps) {
  const id = useId();
  const inputs = useRef(new Map<RangeField, HTMLInputElement>());

  useEffect(() => {
    if (focus) inputs.current.get(focus.field)?.focus();
  }, [focus]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      aria-label="Date range"
      noValidate
      onSubmit={submit}
      className="flex flex-wrap items-start gap-x-3 gap-y-1"
    >
      {(['from', 'to'] as const).map((field) => (
        <div key={field} className="w-40 space-y-1">
          <Label htmlFor={`${id}-${field}`}>{labels[field]}</Label>
          <Input
            id={`${id}-${field}`}
            ref={(element) => {
              if (element) inputs.current.set(field, element);
              else inputs.current.delete(field);
            }}
            type="date"
            value={draft[field]}
            onChange={(event) => onChange(field, event.target.value)}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
            className="py-1.5"
          />
          {errors[field] ? (
            <p id={`${id}-${field}-error`} className="text-sm text-red-700">
              {errors[field]}
            </p>
          ) : null}
        </div>
      ))}
      {/* Level with the fields, below their labels, whatever messages they show under them. */}
      <Button type="submit" className="mt-6 py-1.5">
        Apply
      </Button>
    </form>
  );
}
