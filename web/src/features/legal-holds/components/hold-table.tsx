import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { customerPath } from '@/config/paths';
import { cn } from '@/utils/cn';

import type { LegalHold } from '../api/schemas';
import { holdTime } from '../labels';

type HoldTableProps = {
  holds: readonly LegalHold[];
  agentName: (agentId: string) => string;
  /** The id of a hold's Release button, so the section can give it back the focus. */
  releaseButtonId: (holdId: string) => string;
  onRelease: (hold: LegalHold) => void;
};

/**
 * The legal holds, newest first: the customer, why, who placed it and when, and whether it is
 * still in force (a released one says who released it, when and why).
 */
export function HoldTable({ holds, agentName, releaseButtonId, onRelease }: HoldTableProps) {
  const cell = 'px-2 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table aria-label="Legal holds" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Customer
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Reason
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Placed
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
          {holds.map((hold) => (
            <tr key={hold.id} className={cn(!hold.active && 'text-slate-600')}>
              <th scope="row" className={cn(cell, 'font-normal whitespace-nowrap')}>
                <Link
                  to={customerPath(hold.userId)}
                  className="font-medium text-indigo-700 underline hover:text-indigo-900"
                >
                  Customer {hold.userId}
                </Link>
              </th>
              <td className={cn(cell, 'max-w-64 break-words whitespace-pre-line')}>
                {hold.reason}
              </td>
              <td className={cell}>
                <time dateTime={hold.placedAt} className="block whitespace-nowrap">
                  {holdTime(hold.placedAt)}
                </time>
                <span className="block text-xs text-slate-600">
                  by {agentName(hold.placedBy)}
                </span>
              </td>
              <td className={cell}>
                {hold.active ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-900">
                    On hold
                  </span>
                ) : (
                  <>
                    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-700">
                      Released
                    </span>
                    {hold.releasedAt !== null ? (
                      <time
                        dateTime={hold.releasedAt}
                        className="mt-1 block text-xs whitespace-nowrap"
                      >
                        {holdTime(hold.releasedAt)}
                      </time>
                    ) : null}
                    {hold.releasedBy !== null ? (
                      <span className="block text-xs">by {agentName(hold.releasedBy)}</span>
                    ) : null}
                    {hold.releaseReason ? (
                      <span className="block max-w-48 text-xs break-words whitespace-pre-line">
                        {hold.releaseReason}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className={cell}>
                {hold.active ? (
                  <Button
                    id={releaseButtonId(hold.id)}
                    variant="secondary"
                    className="px-2 py-1"
                    aria-label={`Release the legal hold on Customer ${hold.userId}`}
                    onClick={() => onRelease(hold)}
                  >
                    Release
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
