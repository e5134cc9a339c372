import { Button } from '@/components/ui/button';
import { cn } from '@/utils/cn';

import type { AgentAccount } from '../api/schemas';
import { queuesLabel, roleLabel } from '../labels';

type AgentTableProps = {
  accounts: readonly AgentAccount[];
  /** The id of an account's Edit button, so the page can give it back the focus. */
  editButtonId: (accountId: string) => string;
  onEdit: (account: AgentAccount) => void;
  /** The id of a machine agent's API keys button, for the same reason. */
  keysButtonId: (accountId: string) => string;
  onKeys: (account: AgentAccount) => void;
};

/**
 * Every account, deactivated ones too, in the server's order (by id): who (machine agents marked
 * in words), their sign-in email, role, the queues they may work, team, and whether they may sign
 * in (in words, not colour only). A machine agent's row also opens its API keys.
 */
export function AgentTable({
  accounts,
  editButtonId,
  onEdit,
  keysButtonId,
  onKeys,
}: AgentTableProps) {
  const cell = 'px-2 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table aria-label="Agent accounts" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Name
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Email
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Role
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Queues
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Team
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
          {accounts.map((account) => (
            <tr key={account.id} className={cn(!account.active && 'text-slate-600')}>
              <th scope="row" className={cn(cell, 'font-medium text-slate-900')}>
                {account.displayName}
                {account.kind === 'machine' ? (
                  <>
                    {' '}
                    <span className="ml-1 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-violet-900">
                      Machine
                    </span>
                  </>
                ) : null}
              </th>
              <td className={cn(cell, 'break-all')}>{account.email}</td>
              <td className={cell}>{roleLabel(account.role)}</td>
              <td className={cell}>{queuesLabel(account.queues)}</td>
              <td className={cell}>
                {account.team === '' ? (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">No team</span>
                  </>
                ) : (
                  account.team
                )}
              </td>
              <td className={cell}>
                {account.active ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-emerald-900">
                    Active
                  </span>
                ) : (
                  <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-700">
                    Deactivated
                  </span>
                )}
              </td>
              <td className={cell}>
                <div className="flex flex-wrap gap-1.5">
                  <Button
                    id={editButtonId(account.id)}
                    variant="secondary"
                    className="px-2 py-1"
                    aria-label={`Edit ${account.displayName}`}
                    onClick={() => onEdit(account)}
                  >
                    Edit
                  </Button>
                  {account.kind === 'machine' ? (
                    <Button
                      id={keysButtonId(account.id)}
                      variant="secondary"
                      className="px-2 py-1 whitespace-nowrap"
                      aria-label={`API keys for ${account.displayName}`}
                      onClick={() => onKeys(account)}
                    >
                      API keys
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
