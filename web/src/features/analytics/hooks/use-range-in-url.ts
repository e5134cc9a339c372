import { useState } from 'react';
import { useSearchParams } from 'react-router';

import { utcToUkWallTime } from '@/utils/uk-time';

import type { AnalyticsRange } from '../api/schemas';

const dayMs = 24 * 3_600_000;

/** The UK calendar day `days` after (or before) `day` ("2026-11-02"). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The last 7 UK days, ending with the one `now` falls on. */
export function lastSevenUkDays(now: Date): AnalyticsRange {
  const today = utcToUkWallTime(now).slice(0, 10);
  return { from: addDays(today, -6), to: today };
}

/**
 * The range of days in the address (`/analytics?from=2026-11-02&to=2026-11-08`), so that a
 * reload or a shared link shows the same figures and Back goes to the range shown before. Without
 * them, the last 7 UK days (ending today). `applied` is what is shown; `draft` what the form
 * holds, which follows the address (Back, a link) but otherwise keeps what is being typed.
 */
export function useRangeInUrl() {
  const [params, setParams] = useSearchParams();
  const [defaults] = useState(() => lastSevenUkDays(new Date()));
  const applied: AnalyticsRange = {
    from: (params.get('from') ?? defaults.from).trim(),
    to: (params.get('to') ?? defaults.to).trim(),
  };
  const appliedKey = `${applied.from}/${applied.to}`;
  const [draft, setDraft] = useState(applied);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setDraft(applied);
  }

  function setField(field: keyof AnalyticsRange, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  /**
   * Puts `range` in the address (a new history entry when it changes what is shown). False when
   * the page already shows that range, so that the caller may read it afresh.
   */
  function apply(range: AnalyticsRange): boolean {
    const next = { from: range.from.trim(), to: range.to.trim() };
    const changed = next.from !== applied.from || next.to !== applied.to;
    const inAddress = params.get('from') === next.from && params.get('to') === next.to;
    if (!inAddress) setParams(new URLSearchParams(next), { replace: !changed });
    return changed;
  }

  return { applied, draft, setField, apply };
}
