import { useState } from 'react';
import { useSearchParams } from 'react-router';

export type FilterValues<K extends string> = Record<K, string>;

function valuesFrom<K extends string>(params: URLSearchParams, keys: readonly K[]) {
  const entries = keys.map((key) => [key, (params.get(key) ?? '').trim()]);
  return Object.fromEntries(entries) as FilterValues<K>;
}

/**
 * A search form's filters kept in the address (`?agent=3&from=2026-11-04`), so that a reload or a
 * shared link shows the same results, and Back and Forward go through the searches made. `applied`
 * is what the address says ('' for a filter not set); `draft` is what the form shows, which
 * follows the address (Back, Forward, a link) but otherwise keeps what is being typed.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const applied = valuesFrom(params, keys);
  const appliedKey = JSON.stringify(keys.map((key) => applied[key]));
  const [draft, setDraft] = useState(applied);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setDraft(applied);
  }

  function setField(key: K, value: string) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  /**
   * Puts `values` in the address as a new history entry (the filters not set are left out).
   * False when the address already says exactly that: nothing changes, and the caller may want
   * the same search read afresh.
   */
  function apply(values: FilterValues<K>): boolean {
    const next = new URLSearchParams();
    for (const key of keys) {
      const value = values[key].trim();
      if (value !== '') next.set(key, value);
    }
    if (keys.every((key) => values[key].trim() === applied[key])) return false;
    setParams(next);
    return true;
  }

  return { applied, draft, setField, apply };
}
