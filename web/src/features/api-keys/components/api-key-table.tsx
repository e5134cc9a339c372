import { Button } from '@/components/ui/button';
import { cn } from '@/utils/cn';
import { formatUkDateTime } from '@/utils/uk-time';

import type { ApiKey } from '../api/schemas';
import { actionLabel, keyName, keyQueuesLabel } from '../labels';

type ApiKeyTableProps = {
  keys: readonly ApiKey[];
  /** The id of a key's Revoke button, so the panel can give it back the focus. */
  revokeButtonId: (keyId: string) => string;
  onRevoke: (key: ApiKey) => void;
};

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatUkDateTime(at)}</time>;
}

/**
 * A machine agent's keys in the server's order: the start of each (all that is kept of it to
 * show), what it allows, its queues, when it was made and last used, and whether it still works
 * (in words, not colour only). Only a working key can be revoked.
 */
export function ApiKeyTable({ keys, revokeButtonId, onRevoke }: ApiKeyTableProps) {
  const cell = 'px-2 py-1.5 align-top';
  const heading = cn(cell, 'font-medium');
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table aria-label="API keys" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={heading}>
              Key
            </th>
            <th scope="col" className={heading}>
              Allows
            </th>
            <th scope="col" className={heading}>
              Queues
            </th>
            <th scope="col" className={heading}>
              Created
            </th>
            <th scope="col" className={heading}>
              Last used
            </th>
            <th scope="col" className={heading}>
              Status
            </th>
            <th scope="col" className={cell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} className={cn(!key.active && 'text-slate-600')}>
              <th scope="row" className={cn(cell, 'font-mono font-medium whitespace-nowrap')}>
                {keyName(key.prefix)}
              </th>
              <td className={cell}>
                <ul>
                  {key.actions.map((action) => (
                    <li key={action}>{actionLabel(action)}</li>
                  ))}
                </ul>
              </td>
              <td className={cell}>{keyQueuesLabel(key.queues)}</td>
              <td className={cn(cell, 'whitespace-nowrap')}>
                <When at={key.createdAt} />
              </td>
              <td className={cn(cell, 'whitespace-nowrap')}>
                {key.lastUsedAt === null ? 'Never' : <When at={key.lastUsedAt} />}
              </td>
              <td className={cell}>
                {key.active ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-emerald-900">
                    Active
                  </span>
                ) : (
                  <span className="space-y-0.5">
                    <span className="block w-fit rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-700">
                      Revoked
                    </span>
                    {key.revokedAt === null ? null : (
                      <span className="block text-xs whitespace-nowrap">
                        <When at={key.revokedAt} />
                      </span>
                    )}
                  </span>
                )}
              </td>
              <td className={cell}>
                {key.active ? (
                  <Button
                    id={revokeButtonId(key.id)}
                    variant="secondary"
                    className="px-2 py-1"
                    aria-label={`Revoke key ${keyName(key.prefix)}`}
                    onClick={() => onRevoke(key)}
                  >
                    Revoke
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
