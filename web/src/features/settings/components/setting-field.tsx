import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { cn } from '@/utils/cn';

import { settingInfo, shownValue, type SettingInfo } from '../labels';

/** The ids a setting's input is described by: its error (when it has one) and its help. */
export function describedBy(
  ids: { error: string; help: string; was: string },
  has: {
    error: boolean;
    was: boolean;
  },
): string {
  return [has.error ? ids.error : null, ids.help, has.was ? ids.was : null]
    .filter(Boolean)
    .join(' ');
}

/** "08:00-20:00 or closed; within 08:00-21:00. Customers are called on Mondays only …" */
export function helpText(info: Pick<SettingInfo, 'range' | 'effect'>): string {
  return info.range ? `${info.range}. ${info.effect}` : info.effect;
}

type SettingControlProps = {
  settingKey: string;
  id: string;
  value: string;
  /** The saved value, when the typed one differs from it. */
  saved: string | null;
  invalid: boolean;
  describedBy: string;
  readOnly: boolean;
  /** Shown as the field's accessible name when no visible label is tied to it. */
  ariaLabel?: string;
  className?: string;
  /** Registers the input, so that the form can focus the one the server refused. */
  inputRef: (element: HTMLElement | null) => void;
  onChange: (value: string) => void;
};

/** The input of one setting: a select for a choice, else a one-line text box. */
export function SettingControl({
  settingKey,
  id,
  value,
  saved,
  invalid,
  describedBy: description,
  readOnly,
  ariaLabel,
  className,
  inputRef,
  onChange,
}: SettingControlProps) {
  const { input } = settingInfo(settingKey);
  const common = {
    id,
    'aria-label': ariaLabel,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': description,
    className: cn(saved !== null && 'bg-amber-50', className),
  } as const;
  if (input.kind === 'choice') {
    const known = input.choices.some(([choice]) => choice === value);
    return (
      <Select
        ref={inputRef}
        {...common}
        value={value}
        disabled={readOnly}
        onChange={(event) => onChange(event.target.value)}
      >
        {known ? null : <option value={value}>{shownValue(value)}</option>}
        {input.choices.map(([choice, label]) => (
          <option key={choice} value={choice}>
            {label}
          </option>
        ))}
      </Select>
    );
  }
  return (
    <Input
      ref={inputRef}
      {...common}
      value={value}
      readOnly={readOnly}
      inputMode={input.kind === 'number' ? 'numeric' : undefined}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

type SettingFieldProps = {
  /** Unique on the page; the input's id starts with it. */
  idPrefix: string;
  settingKey: string;
  value: string;
  saved: string | null;
  error: string | undefined;
  readOnly: boolean;
  inputRef: (element: HTMLElement | null) => void;
  onChange: (value: string) => void;
};

/**
 * One setting: its name, its input with the current value, the values allowed and what a change
 * does (the input's description), the server's refusal under it, and the saved value while the
 * typed one differs.
 */
export function SettingField({
  idPrefix,
  settingKey,
  value,
  saved,
  error,
  readOnly,
  inputRef,
  onChange,
}: SettingFieldProps) {
  const info = settingInfo(settingKey);
  const id = `${idPrefix}-${settingKey}`;
  const ids = { error: `${id}-error`, help: `${id}-help`, was: `${id}-was` };
  // Hours fit a short box; lists and messages get the whole width (fixed, not by what is typed).
  const wide =
    info.input.kind === 'text' && !/^window\.(mon|tue|wed|thu|fri|sat|sun)$/.test(settingKey);
  return (
    <div className="grid gap-x-4 gap-y-1 py-2 sm:grid-cols-[14rem_minmax(0,1fr)]">
      <Label htmlFor={id} className="sm:pt-2">
        {info.label}
      </Label>
      <div className="min-w-0 space-y-1">
        <SettingControl
          settingKey={settingKey}
          id={id}
          value={value}
          saved={saved}
          invalid={error !== undefined}
          describedBy={describedBy(ids, { error: error !== undefined, was: saved !== null })}
          readOnly={readOnly}
          className={wide ? 'w-full' : 'max-w-xs'}
          inputRef={inputRef}
          onChange={onChange}
        />
        {error !== undefined ? (
          <p id={ids.error} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <p id={ids.help} className="text-xs text-slate-600">
          {helpText(info)}
        </p>
        {saved !== null ? (
          <p id={ids.was} className="text-xs font-medium text-amber-900">
            Not saved yet; saved value: {shownValue(saved)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
