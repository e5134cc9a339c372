import { useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';

import type { SettingsMap } from '../api/schemas';
import { useUpdateSettings } from '../api/update-settings';
import { describeChanges, settingMessage } from '../labels';
import type { SettingsGroup } from '../settings-groups';
import { OutcomesTable } from './outcomes-table';
import { SettingField } from './setting-field';

/** What the form last said, and whether it was good news. */
type Notice = { text: string; tone: 'done' | 'refused' | 'info' };
const quiet: Notice = { text: '', tone: 'info' };
const noticeTones: Record<Notice['tone'], string> = {
  done: 'text-emerald-800',
  refused: 'text-red-700',
  info: 'text-slate-700',
};

type SettingsFormProps = {
  group: SettingsGroup;
  /** Every setting as the server last answered. */
  values: SettingsMap;
  /** Admins change settings; supervisors only read them. */
  canEdit: boolean;
};

/**
 * One section's settings as a form of its own. Save sends only the keys whose typed value differs
 * from the saved one and says what changed; when the server refuses a value, that field is
 * marked with its message (and takes the focus), the typed values stay, and nothing was saved.
 */
export function SettingsForm({ group, values, canEdit }: SettingsFormProps) {
  const id = useId();
  const [edits, setEdits] = useState<Partial<Record<string, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(quiet);
  const update = useUpdateSettings();
  const inputs = useRef(new Map<string, HTMLElement>());

  const savedOf = (key: string) => values[key] ?? '';
  const valueOf = (key: string) => edits[key] ?? savedOf(key);
  const isChanged = (key: string) => edits[key] !== undefined && edits[key] !== savedOf(key);
  const savedIfChanged = (key: string) => (isChanged(key) ? savedOf(key) : null);
  const changed = group.keys.filter(isChanged);

  const inputRef = (key: string) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(key, element);
    else inputs.current.delete(key);
  };

  function handleChange(key: string, value: string) {
    setEdits((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setFormError(null);
    setNotice(quiet);
  }

  function handleError(error: Error) {
    const field = isApiError(error) ? error.field : undefined;
    if (isApiError(error) && error.status === 400 && field && group.keys.includes(field)) {
      setErrors({ [field]: settingMessage(error.message, field) });
      setNotice({
        text: 'Nothing was saved. Correct the marked setting and save again.',
        tone: 'refused',
      });
      // After the render that shows the message, so the field's description already holds it.
      requestAnimationFrame(() => inputs.current.get(field)?.focus());
      return;
    }
    setNotice(quiet);
    setFormError(
      `Nothing was saved: ${
        field ? settingMessage(error.message, field) : error.message || 'the server did not answer.'
      }`,
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (update.isPending || !canEdit) return;
    setFormError(null);
    setErrors({});
    if (changed.length === 0) {
      setNotice({ text: 'No changes: nothing to save.', tone: 'info' });
      return;
    }
    const sent: SettingsMap = {};
    for (const key of changed) sent[key] = edits[key] ?? '';
    const before = changed.map((key) => [key, savedOf(key)] as const);
    setNotice({ text: 'Saving…', tone: 'info' });
    update.mutate(sent, {
      onSuccess: ({ settings }) => {
        // What was sent is saved: those keys show the server's value again. A key typed into
        // again while saving keeps the newer words.
        setEdits((current) => {
          const next = { ...current };
          for (const [key, value] of Object.entries(sent)) {
            if (next[key] === value) delete next[key];
          }
          return next;
        });
        const after = before.map(
          ([key, from]) => [key, from, settings[key] ?? sent[key] ?? ''] as const,
        );
        setNotice({ text: `Saved. ${describeChanges(after)}.`, tone: 'done' });
      },
      onError: handleError,
    });
  }

  function discard() {
    setEdits({});
    setErrors({});
    setFormError(null);
    setNotice({ text: 'Changes discarded.', tone: 'info' });
    // The button goes with the changes: the keyboard goes back to the section's first setting.
    const first = group.keys[0];
    if (first) requestAnimationFrame(() => inputs.current.get(first)?.focus());
  }

  return (
    <form noValidate aria-label={group.title} onSubmit={handleSubmit} className="space-y-2">
      <p className="text-sm text-slate-600">{group.description}</p>
      {group.outcomeRows.length > 0 ? (
        <OutcomesTable
          idPrefix={id}
          rows={group.outcomeRows}
          valueOf={valueOf}
          savedIfChanged={savedIfChanged}
          errors={errors}
          readOnly={!canEdit}
          inputRef={inputRef}
          onChange={handleChange}
        />
      ) : null}
      {group.fields.length > 0 ? (
        <div className="divide-y divide-slate-100">
          {group.fields.map((key) => (
            <SettingField
              key={key}
              idPrefix={id}
              settingKey={key}
              value={valueOf(key)}
              saved={savedIfChanged(key)}
              error={errors[key]}
              readOnly={!canEdit}
              inputRef={inputRef(key)}
              onChange={(value) => handleChange(key, value)}
            />
          ))}
        </div>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <Button type="submit" aria-describedby={`${id}-pending`}>
            {group.saveLabel}
          </Button>
          {changed.length > 0 ? (
            <Button variant="secondary" onClick={discard}>
              Discard changes
            </Button>
          ) : null}
          <span id={`${id}-pending`} className="text-sm text-slate-600">
            {changed.length === 0
              ? 'No unsaved changes'
              : `${changed.length} unsaved ${changed.length === 1 ? 'change' : 'changes'}`}
          </span>
        </div>
      ) : null}
      {/* Always in the page, so that a screen reader is listening before the message arrives. */}
      <p
        role="status"
        aria-live="polite"
        className={cn('text-sm font-medium', noticeTones[notice.tone])}
      >
        {notice.text}
      </p>
    </form>
  );
}
