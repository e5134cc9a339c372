import { useId, type Ref } from 'react';

import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';

import { useSmsTemplates } from '../api/get-sms-templates';

type TemplateSelectProps = {
  id: string;
  /** The template chosen, or null for the sender's own words. */
  value: string | null;
  onChange: (templateId: string | null) => void;
  disabled?: boolean;
  /** Ids of what describes the select (an error under it). */
  describedBy?: string | undefined;
  invalid?: boolean;
  ref?: Ref<HTMLSelectElement>;
};

/**
 * "Template": Write my own (the default) or one of the templates in use, by name. While the
 * templates load, or when they cannot be read, the sender can still write their own.
 */
export function TemplateSelect({
  id,
  value,
  onChange,
  disabled = false,
  describedBy,
  invalid = false,
  ref,
}: TemplateSelectProps) {
  const errorId = useId();
  const templates = useSmsTemplates('inUse');
  const listed = templates.data?.templates ?? [];
  // Chosen, then retired by an admin and gone from the list: still shown, so the select keeps
  // saying what is chosen (its preview then says it is no longer in use).
  const gone = value !== null && templates.isSuccess && !listed.some((t) => t.id === value);
  const described = [describedBy, templates.isError ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <Label htmlFor={id} className="shrink-0">
          Template
        </Label>
        <Select
          ref={ref}
          id={id}
          value={value ?? ''}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={described === '' ? undefined : described}
          className="min-w-0 flex-1 py-1"
        >
          <option value="">Write my own</option>
          {listed.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
          {gone ? <option value={value}>Template no longer in use</option> : null}
          {templates.isPending ? (
            <option value="loading" disabled>
              Loading templates…
            </option>
          ) : null}
        </Select>
      </div>
      {templates.isError ? (
        <div className="flex items-center gap-2">
          <p id={errorId} className="text-sm text-red-700">
            The templates could not be loaded.
          </p>
          <Button
            variant="secondary"
            className="px-2 py-1"
            aria-describedby={errorId}
            onClick={() => void templates.refetch()}
          >
            Try again
          </Button>
        </div>
      ) : null}
    </div>
  );
}
