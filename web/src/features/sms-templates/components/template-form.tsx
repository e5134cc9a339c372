import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';
import { smsTemplateKindSchema, type SmsTemplate, type SmsTemplateKind } from '@/types/api';

import { useCreateSmsTemplate } from '../api/create-sms-template';
import { useUpdateSmsTemplate } from '../api/update-sms-template';
import { maxTextLength } from '../hooks/use-text-composer';
import {
  fieldMessage,
  optOutExample,
  templateChanges,
  templateKindLabels,
  templatePlaceholders,
  templateVersionLabel,
} from '../labels';

/** The server's limit on a template's name. */
export const maxNameLength = 80;

export const conflictMessage =
  'Someone else changed this template while you were editing it. Reload it to see their ' +
  'version (your changes here will be replaced), then make yours again.';

type Field = 'name' | 'kind' | 'body';

/** How the form calls each field when it repeats the server's message about it. */
const fieldWords: Record<Field, string> = { name: 'The name', kind: 'The kind', body: 'The text' };

const isField = (field: string | undefined): field is Field =>
  field === 'name' || field === 'kind' || field === 'body';

type TemplateFormProps = {
  /** The template being edited, as it was when Edit was pressed; null for a new one. */
  template: SmsTemplate | null;
  /** Takes the focus when shown (after Edit or Reload), so the keyboard is where the work is. */
  focusOnOpen: boolean;
  /** Saved: what to announce. */
  onSaved: (message: string, saved: SmsTemplate) => void;
  /** Editing given up: back to a new template. */
  onCancel: () => void;
  /** Someone else changed the template: fill the form with the version there is now. */
  onReload: () => void;
  reloading: boolean;
};

/**
 * A template's name, kind and words, with the placeholders and (for marketing) the opt-out rule
 * beside them. The server checks the words; what it refuses is shown at the field it names.
 * Editing sends the version the admin started from, so a change made meanwhile is never lost.
 */
export function TemplateForm({
  template,
  focusOnOpen,
  onSaved,
  onCancel,
  onReload,
  reloading,
}: TemplateFormProps) {
  const id = useId();
  const [name, setName] = useState(template?.name ?? '');
  const [kind, setKind] = useState<SmsTemplateKind>(template?.kind ?? 'service');
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateSmsTemplate();
  const update = useUpdateSmsTemplate();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    kind: useRef<HTMLSelectElement>(null),
    body: useRef<HTMLTextAreaElement>(null),
  };
  const nameRef = refs.name;

  useEffect(() => {
    if (focusOnOpen) nameRef.current?.focus();
  }, [focusOnOpen, nameRef]);

  function fail(found: Partial<Record<Field, string>>) {
    setErrors(found);
    const first = (['name', 'kind', 'body'] as const).find((field) => found[field]);
    // After the render that shows the message, so aria-describedby already points at it.
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function clearError(field: Field) {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  }

  function handleError(error: Error) {
    if (isApiError(error) && error.status === 409 && error.field === 'version') {
      setConflict(true);
    } else if (isApiError(error) && (error.status === 400 || error.status === 409)) {
      if (isField(error.field)) {
        fail({ [error.field]: fieldMessage(error.message, error.field, fieldWords[error.field]) });
      } else setFormError(error.message);
    } else setFormError(error.message || 'The template could not be saved. Try again.');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (create.isPending || update.isPending) return;
    setFormError(null);
    setConflict(false);
    const input = { name: name.trim(), kind, body: body.trim() };
    const missing: Partial<Record<Field, string>> = {};
    if (input.name === '') missing.name = 'Name the template.';
    if (input.body === '') missing.body = 'Write the text.';
    if (missing.name || missing.body) {
      fail(missing);
      return;
    }
    setErrors({});
    if (template === null) {
      create.mutate(input, {
        onSuccess: ({ template: saved }) =>
          onSaved(
            `Added "${saved.name}" (${templateVersionLabel(saved)}). Agents can choose it now.`,
            saved,
          ),
        onError: handleError,
      });
      return;
    }
    const changes = templateChanges(template, input);
    if (changes === 'nothing') {
      setFormError('Nothing has changed, so there is nothing to save.');
      return;
    }
    update.mutate(
      { id: template.id, version: template.version, ...input },
      {
        onSuccess: ({ template: saved }) =>
          onSaved(
            `Saved "${saved.name}" as ${templateVersionLabel(saved)}: ${changes} changed.`,
            saved,
          ),
        onError: handleError,
      },
    );
  }

  const ids = {
    name: `${id}-name`,
    kind: `${id}-kind`,
    body: `${id}-body`,
    heading: `${id}-heading`,
    hint: `${id}-hint`,
    count: `${id}-count`,
    about: `${id}-about`,
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
  const left = maxTextLength - body.length;
  const title = template ? `Edit ${template.name}` : 'New template';

  return (
    <form
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
    >
      <div className="space-y-0.5">
        <h3 id={ids.heading} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        {template ? (
          <p id={ids.about} className="text-xs text-slate-600">
            Now {templateVersionLabel(template)}
            {template.active ? '' : ', retired'}. Saving makes{' '}
            {templateVersionLabel({ version: template.version + 1 })}: agents send the new words
            from then on; texts already sent keep theirs.
          </p>
        ) : null}
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.name}>Name</Label>
        <Input
          ref={refs.name}
          id={ids.name}
          value={name}
          maxLength={maxNameLength}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            clearError('name');
          }}
          aria-required="true"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('name')}
        />
        {fieldError('name')}
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.kind}>Kind</Label>
        <Select
          ref={refs.kind}
          id={ids.kind}
          value={kind}
          onChange={(event) => {
            const chosen = smsTemplateKindSchema.safeParse(event.target.value);
            if (chosen.success) setKind(chosen.data);
            clearError('kind');
          }}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={describedBy('kind')}
        >
          {templateKindLabels.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
        {fieldError('kind')}
      </div>

      <div className="space-y-1">
        <Label htmlFor={ids.body}>Text</Label>
        <Textarea
          ref={refs.body}
          id={ids.body}
          rows={5}
          maxLength={maxTextLength}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            clearError('body');
          }}
          aria-required="true"
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy('body', ids.hint, ids.count)}
        />
        {fieldError('body')}
        <div id={ids.hint} className="space-y-0.5 text-xs text-slate-600">
          <p>
            Placeholders:{' '}
            {templatePlaceholders.map(([placeholder, meaning], index) => (
              <span key={placeholder}>
                {index > 0 ? '; ' : ''}
                <code className="font-mono text-slate-800">{placeholder}</code> {meaning}
              </span>
            ))}
            .
          </p>
          {kind === 'marketing' ? (
            <p className="font-medium text-amber-900">
              Marketing texts must say how to opt out, with a line such as “{optOutExample}”.
            </p>
          ) : null}
        </div>
        <p id={ids.count} className="text-xs text-slate-500 tabular-nums">
          {left} {left === 1 ? 'character' : 'characters'} left.
        </p>
      </div>

      {conflict ? (
        <Alert className="space-y-2">
          <p>{conflictMessage}</p>
          <div className="flex items-center gap-2">
            <Button variant="secondary" onClick={onReload}>
              Reload template
            </Button>
            {reloading ? <Spinner label="Reloading" /> : null}
          </div>
        </Alert>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}

      <div className="flex gap-2">
        <Button type="submit">Save template</Button>
        {template ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
