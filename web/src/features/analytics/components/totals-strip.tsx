import { useId } from 'react';

import { analyticsCallsCsvHref } from '../api/get-analytics';
import type { AnalyticsRange, AnalyticsTotals } from '../api/schemas';
import { definitions, formatCount, formatShare, formatTime } from '../labels';
import { WhatIsThis } from './what-is-this';

/**
 * The whole range's figures, one under each label, and the link that downloads every call of the
 * range as CSV (the rows the figures are counted from).
 */
export function TotalsStrip({
  totals,
  range,
}: {
  totals: AnalyticsTotals;
  range: AnalyticsRange;
}) {
  const id = useId();
  const figures: Array<[string, string]> = [
    ['Calls', formatCount(totals.calls)],
    ['Contacts', formatCount(totals.contacts)],
    ['Contact rate', formatShare(totals.contactRate)],
    ['Talk time', formatTime(totals.talkSeconds)],
    ['Conversions', formatCount(totals.conversions)],
  ];
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex shrink-0 items-start gap-4 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200"
    >
      <h2
        id={`${id}-heading`}
        className="pt-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Totals
      </h2>
      <dl className="flex flex-1 flex-wrap gap-x-6 gap-y-1">
        {figures.map(([label, value]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex max-w-md flex-col items-start gap-1 pt-1">
        {/* A plain link with the session cookie: the server streams the file. */}
        <a
          href={analyticsCallsCsvHref(range)}
          download
          className="rounded text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Download every call (CSV)
        </a>
        <WhatIsThis about="Totals" items={definitions.totals} />
      </div>
    </section>
  );
}
