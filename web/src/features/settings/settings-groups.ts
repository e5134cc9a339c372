// The settings the server sends, put into the screen's sections by key prefix: nothing here
// lists every key, so a key added to the server later shows up (under "Other" when no section
// claims its prefix).
import type { SettingsMap } from './api/schemas';
import {
  compareKeys,
  compareOutcomeCodes,
  groupOfKey,
  lenderName,
  outcomeColumns,
  outcomeKeyParts,
  outcomeName,
  settingsGroups,
  type SettingsGroupInfo,
} from './labels';

/** One outcome's row in the Outcomes section: its keys by column field. */
export type OutcomeRow = { code: string; label: string; keys: Partial<Record<string, string>> };

export type SettingsGroup = SettingsGroupInfo & {
  /** Every key of the section, in screen order (what Save may send). */
  keys: string[];
  /** Outcomes only: one row per outcome; keys of no row stay in `fields`. */
  outcomeRows: OutcomeRow[];
  /** The keys shown as fields of their own (all of them, except the outcome rows'). */
  fields: string[];
};

const outcomeFields = new Set(outcomeColumns.map(([field]) => field));

function compareLenderKeys(a: string, b: string): number {
  const name = (key: string) => lenderName(key.slice('lender.'.length));
  return name(a).localeCompare(name(b)) || a.localeCompare(b);
}

function outcomeRows(keys: readonly string[]): { rows: OutcomeRow[]; rest: string[] } {
  const rows = new Map<string, OutcomeRow>();
  const rest: string[] = [];
  for (const key of keys) {
    const parts = outcomeKeyParts(key);
    if (!parts || !outcomeFields.has(parts.field)) {
      rest.push(key);
      continue;
    }
    const row = rows.get(parts.code) ?? {
      code: parts.code,
      label: outcomeName(parts.code),
      keys: {},
    };
    row.keys[parts.field] = key;
    rows.set(parts.code, row);
  }
  const sorted = [...rows.values()].sort((a, b) => compareOutcomeCodes(a.code, b.code));
  return { rows: sorted, rest: rest.sort(compareKeys) };
}

/** The sections that have at least one key, in screen order, each with its keys in order. */
export function groupSettings(settings: SettingsMap): SettingsGroup[] {
  const byGroup = new Map<string, string[]>();
  for (const key of Object.keys(settings)) {
    const group = groupOfKey(key);
    byGroup.set(group, [...(byGroup.get(group) ?? []), key]);
  }
  return settingsGroups.flatMap((info) => {
    const keys = byGroup.get(info.id) ?? [];
    if (keys.length === 0) return [];
    if (info.id === 'outcome') {
      const { rows, rest } = outcomeRows(keys);
      const inRows = rows.flatMap((row) =>
        outcomeColumns.flatMap(([field]) => row.keys[field] ?? []),
      );
      return [{ ...info, keys: [...inRows, ...rest], outcomeRows: rows, fields: rest }];
    }
    const sorted = [...keys].sort(info.id === 'lender' ? compareLenderKeys : compareKeys);
    return [{ ...info, keys: sorted, outcomeRows: [], fields: sorted }];
  });
}
