import { useId, type ReactNode } from 'react';

import { cn } from '@/utils/cn';

import { analyticsCsvHref } from '../api/get-analytics';
import type { AnalyticsRange, AnalyticsTable } from '../api/schemas';
import { tableTitles } from '../labels';

type AnalyticsSectionProps = {
  table: AnalyticsTable;
  range: AnalyticsRange;
  /** The chart or charts. */
  charts: ReactNode;
  /** The same numbers as a table. */
  children: ReactNode;
  /** The table goes below the charts, the whole width (many columns), rather than beside them. */
  wide?: boolean;
  /**
   * Said instead of the charts and the table when there is nothing to show in them (the CSV
   * still holds the rows, zeros and all).
   */
  empty?: string;
};

/**
 * One table of the report under its name, with its charts and a link that downloads the same
 * rows as CSV from the server.
 */
export function AnalyticsSection({
  table,
  range,
  charts,
  children,
  wide = false,
  empty,
}: AnalyticsSectionProps) {
  const id = useId();
  const title = tableTitles[table];
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex items-center justify-between gap-3">
        <h2
          id={`${id}-heading`}
          className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
        >
          {title}
        </h2>
        {/* Named with the table (the page has one per table); the name starts with the words
            seen, so that speech input finds it by them. */}
        <a
          href={analyticsCsvHref(table, range)}
          download
          aria-label={`Download CSV: ${title}`}
          className="rounded text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Download CSV
        </a>
      </div>
      {empty ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <div
          className={cn(
            'grid gap-4',
            wide ? 'grid-cols-1' : 'grid-cols-[minmax(0,3fr)_minmax(0,2fr)] items-start',
          )}
        >
          <div className="flex min-w-0 flex-col gap-3">{charts}</div>
          {/* Scrolls by itself when long (24 hours, a quarter's days), so it takes the focus: the
              keyboard can scroll it too. */}
          <div
            tabIndex={0}
            role="group"
            aria-label={`${title}, the numbers`}
            className={cn(
              'relative min-w-0 overflow-auto rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600',
              !wide && 'max-h-96',
            )}
          >
            {children}
          </div>
        </div>
      )}
    </section>
  );
}
