import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

import { customerPath } from '@/config/paths';
import { cn } from '@/utils/cn';
import { formatUkDateTime } from '@/utils/uk-time';

import type { AuditEntry } from '../api/schemas';
import { actorLabel, detailText, subjectLabel } from '../labels';

const headings = ['When', 'Who', 'Action', 'About', 'Details'];

type AuditTableProps = {
  entries: readonly AuditEntry[];
  agentName: (agentId: string) => string;
  /** A row to move the focus to (the first of a page just loaded), by entry id; null for none. */
  focusEntryId: string | null;
};

/** The entries found, newest first. */
export function AuditTable({ entries, agentName, focusEntryId }: AuditTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (focusEntryId === null) return;
    const rows = Array.from(bodyRef.current?.rows ?? []);
    rows.find((row) => row.dataset.entryId === focusEntryId)?.focus();
  }, [focusEntryId]);

  return (
    <table className="w-full border-separate border-spacing-0 text-left text-sm">
      <caption className="sr-only">Audit log entries, newest first</caption>
      <thead className="sticky top-0 z-10 bg-white text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <tr>
          {headings.map((heading) => (
            <th key={heading} scope="col" className="border-b border-slate-200 px-2 py-1.5">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} agentName={agentName} />
        ))}
      </tbody>
    </table>
  );
}

function AuditRow({
  entry,
  agentName,
}: {
  entry: AuditEntry;
  agentName: (agentId: string) => string;
}) {
  const cell = 'border-b border-slate-100 px-2 py-1.5 align-top';
  const subject = subjectLabel(entry, agentName);
  const details = Object.entries(entry.details);
  return (
    // Focusable by script only: Load more moves the focus to the first row it added.
    <tr
      data-entry-id={entry.id}
      tabIndex={-1}
      className="focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
    >
      <td className={cn(cell, 'whitespace-nowrap tabular-nums')}>
        <time dateTime={entry.at}>{formatUkDateTime(entry.at)}</time>
      </td>
      <td className={cn(cell, 'whitespace-nowrap')}>{actorLabel(entry.actor, agentName)}</td>
      <td className={cn(cell, 'whitespace-nowrap')}>
        <code className="font-mono text-xs text-slate-800">{entry.action}</code>
      </td>
      <td className={cn(cell, 'max-w-72 wrap-anywhere')}>
        {subject !== null ? <span className="block">{subject}</span> : null}
        {entry.userId !== null ? (
          <Link
            to={customerPath(entry.userId)}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {`Customer ${entry.userId}`}
          </Link>
        ) : null}
      </td>
      <td className={cn(cell, 'max-w-96')}>
        {details.length > 0 ? (
          <dl className="text-xs">
            {details.map(([key, value]) => (
              <div key={key} className="wrap-anywhere">
                {/* The space inside the term: a definition list holds nothing but its terms
                    and their values. */}
                <dt className="inline font-medium text-slate-600">{`${key}: `}</dt>
                <dd className="inline font-mono">{detailText(value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <>
            <span aria-hidden="true" className="text-slate-400">
              —
            </span>
            <span className="sr-only">None</span>
          </>
        )}
      </td>
    </tr>
  );
}
