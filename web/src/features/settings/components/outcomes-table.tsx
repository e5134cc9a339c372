import { cn } from '@/utils/cn';

import { outcomeColumns, settingInfo, shownValue } from '../labels';
import type { OutcomeRow } from '../settings-groups';
import { describedBy, helpText, SettingControl } from './setting-field';

type OutcomesTableProps = {
  idPrefix: string;
  rows: readonly OutcomeRow[];
  valueOf: (key: string) => string;
  savedIfChanged: (key: string) => string | null;
  errors: Partial<Record<string, string>>;
  readOnly: boolean;
  inputRef: (key: string) => (element: HTMLElement | null) => void;
  onChange: (key: string, value: string) => void;
};

/**
 * One row per outcome, by its label, with its score change and its wait before the next call.
 * Each input is named "No answer: score change" and described by its column's range and effect.
 */
export function OutcomesTable({
  idPrefix,
  rows,
  valueOf,
  savedIfChanged,
  errors,
  readOnly,
  inputRef,
  onChange,
}: OutcomesTableProps) {
  const helpId = (field: string) => `${idPrefix}-column-${field}-help`;
  const cell = 'px-2 py-1.5 align-top';
  return (
    <div className="space-y-2">
      <ul className="space-y-0.5 text-xs text-slate-600">
        {outcomeColumns.map(([field, column]) => (
          <li key={field} id={helpId(field)}>
            <span className="font-medium text-slate-700">{column.heading}:</span> {helpText(column)}
          </li>
        ))}
      </ul>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Outcomes</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Outcome
            </th>
            {outcomeColumns.map(([field, column]) => (
              <th key={field} scope="col" className={cn(cell, 'font-medium')}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row" className={cn(cell, 'pt-3 font-medium text-slate-800')}>
                {row.label}
              </th>
              {outcomeColumns.map(([field]) => {
                const key = row.keys[field];
                if (key === undefined) {
                  return (
                    <td key={field} className={cn(cell, 'pt-3 text-slate-500')}>
                      Not a setting
                    </td>
                  );
                }
                const id = `${idPrefix}-${key}`;
                const ids = { error: `${id}-error`, help: helpId(field), was: `${id}-was` };
                const error = errors[key];
                const saved = savedIfChanged(key);
                return (
                  <td key={field} className={cell}>
                    <SettingControl
                      settingKey={key}
                      id={id}
                      value={valueOf(key)}
                      saved={saved}
                      invalid={error !== undefined}
                      describedBy={describedBy(ids, {
                        error: error !== undefined,
                        was: saved !== null,
                      })}
                      readOnly={readOnly}
                      ariaLabel={settingInfo(key).label}
                      className="max-w-40"
                      inputRef={inputRef(key)}
                      onChange={(value) => onChange(key, value)}
                    />
                    {error !== undefined ? (
                      <p id={ids.error} className="mt-1 text-sm text-red-700">
                        {error}
                      </p>
                    ) : null}
                    {saved !== null ? (
                      <p id={ids.was} className="mt-1 text-xs font-medium text-amber-900">
                        Not saved yet; saved value: {shownValue(saved)}
                      </p>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
