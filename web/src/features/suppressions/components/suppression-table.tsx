import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { MaskedPhone } from '@/components/ui/masked-phone';
import { customerPath } from '@/config/paths';
import { cn } from '@/utils/cn';
import { formatUkDateTime } from '@/utils/uk-time';

import type { Suppression } from '../api/schemas';
import { channelLabel, sourceLabel, spokenCovered } from '../labels';

/** Who added an entry, in words: the agent's name, or the dialler / the command line. */
function addedBy(entry: Suppression, agentName: (agentId: string) => string): string {
  const { kind, agentId } = entry.createdBy;
  if (kind === 'agent' && agentId !== null) return agentName(agentId);
  if (kind === 'cli') return 'The command line';
  return 'The dialler';
}

type SuppressionTableProps = {
  entries: readonly Suppression[];
  agentName: (agentId: string) => string;
  /** The id of an entry's Remove button, so the page can give it back the focus. */
  removeButtonId: (entryId: string) => string;
  onRemove: (entry: Suppression) => void;
};

/**
 * The do-not-contact entries, newest first: who or which number, what is barred, why, who added
 * it and when, and whether it is still in force (a removed one says when and why).
 */
export function SuppressionTable({
  entries,
  agentName,
  removeButtonId,
  onRemove,
}: SuppressionTableProps) {
  const cell = 'px-2 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table aria-label="Do-not-contact entries" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Covers
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Channel
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Reason
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Added
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Status
            </th>
            <th scope="col" className={cell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const removed = entry.removedAt !== null;
            return (
              <tr key={entry.id} className={cn(removed && 'text-slate-600')}>
                <th scope="row" className={cn(cell, 'font-normal')}>
                  {entry.userId !== null ? (
                    <Link
                      to={customerPath(entry.userId)}
                      className="block font-medium text-indigo-700 underline hover:text-indigo-900"
                    >
                      Customer {entry.userId}
                    </Link>
                  ) : null}
                  {entry.phone !== null ? <MaskedPhone masked={entry.phone} /> : null}
                </th>
                <td className={cn(cell, 'whitespace-nowrap')}>{channelLabel(entry.channel)}</td>
                <td className={cn(cell, 'max-w-64 break-words whitespace-pre-line')}>
                  {entry.reason}
                </td>
                <td className={cell}>
                  <time dateTime={entry.createdAt} className="block whitespace-nowrap">
                    {formatUkDateTime(entry.createdAt)}
                  </time>
                  <span className="block text-xs text-slate-600">
                    {addedBy(entry, agentName)} · {sourceLabel(entry.source)}
                  </span>
                </td>
                <td className={cell}>
                  {removed ? (
                    <>
                      <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-700">
                        Removed
                      </span>
                      <span className="mt-1 block text-xs whitespace-nowrap">
                        <time dateTime={entry.removedAt ?? undefined}>
                          {formatUkDateTime(entry.removedAt ?? entry.createdAt)}
                        </time>
                      </span>
                      {entry.removedReason ? (
                        <span className="block max-w-48 text-xs break-words whitespace-pre-line">
                          {entry.removedReason}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-900">
                      In force
                    </span>
                  )}
                </td>
                <td className={cell}>
                  {removed ? null : (
                    <Button
                      id={removeButtonId(entry.id)}
                      variant="secondary"
                      className="px-2 py-1"
                      aria-label={`Remove the entry for ${spokenCovered(entry)}`}
                      onClick={() => onRemove(entry)}
                    >
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
