import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { ApiKeysPanel } from '@/features/api-keys/components/api-keys-panel';

import { useAgentAccounts } from '../api/get-agent-accounts';
import type { AgentAccount } from '../api/schemas';
import { roleLabel } from '../labels';
import { AccountDialog } from './account-dialog';
import { AddAgentForm } from './add-agent-form';
import { AgentTable } from './agent-table';
import { EditAgentDialog, savedMessage } from './edit-agent-dialog';

/**
 * Who may sign in (admins only): every account with its role, queues and team, the form that adds
 * one (a person or a machine agent), Edit, which opens a dialog for the details and a person's
 * password reset, and a machine agent's API keys, in a dialog of their own. What happened is
 * announced in one place; the server audits every change.
 */
export function AgentAccountsSection() {
  const id = useId();
  const accounts = useAgentAccounts();
  const [editingId, setEditingId] = useState<string | null>(null);
  // The account as it was when Edit was pressed, should the list lose it meanwhile.
  const [editingSnapshot, setEditingSnapshot] = useState<AgentAccount | null>(null);
  const [keysFor, setKeysFor] = useState<AgentAccount | null>(null);
  const [notice, setNotice] = useState('');
  const editButtonId = (accountId: string) => `${id}-edit-${accountId}`;
  const keysButtonId = (accountId: string) => `${id}-keys-${accountId}`;
  const editing =
    editingId === null
      ? null
      : (accounts.data?.agents.find((account) => account.id === editingId) ?? editingSnapshot);

  function closeDialog() {
    const accountId = editingId;
    setEditingId(null);
    setEditingSnapshot(null);
    if (accountId !== null) {
      requestAnimationFrame(() => document.getElementById(editButtonId(accountId))?.focus());
    }
  }

  // The key just made lives in the dialog alone: closing it drops the key for good.
  function closeKeys() {
    const accountId = keysFor?.id;
    setKeysFor(null);
    if (accountId !== undefined) {
      requestAnimationFrame(() => document.getElementById(keysButtonId(accountId))?.focus());
    }
  }

  let list;
  if (accounts.isPending) list = <Spinner label="Loading agent accounts" />;
  else if (accounts.isError) {
    const messageId = `${id}-error`;
    list = (
      <div className="space-y-1">
        <p id={messageId} className="text-sm text-red-700">
          The agent accounts could not be loaded: {accounts.error.message}
        </p>
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            aria-describedby={messageId}
            onClick={() => void accounts.refetch()}
          >
            Try again
          </Button>
          {accounts.isFetching ? <Spinner label="Loading" /> : null}
        </div>
      </div>
    );
  } else if (accounts.data.agents.length === 0) {
    list = <p className="text-sm text-slate-600">No agents yet.</p>;
  } else {
    list = (
      <AgentTable
        accounts={accounts.data.agents}
        editButtonId={editButtonId}
        onEdit={(account) => {
          setNotice('');
          setEditingId(account.id);
          setEditingSnapshot(account);
        }}
        keysButtonId={keysButtonId}
        onKeys={(account) => {
          setNotice('');
          setKeysFor(account);
        }}
      />
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="space-y-0.5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Agent accounts
        </h2>
        <p className="text-sm text-slate-600">
          Who may sign in, with which role and queues. Every change is audited; a new role or
          queues, a deactivation or a password reset signs the agent out everywhere.
        </p>
      </div>
      {/* Always in the page, so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-2">
          <h3 className="text-base font-semibold text-slate-900">Accounts</h3>
          {list}
        </div>
        <AddAgentForm
          onAdded={(account) =>
            setNotice(
              account.kind === 'machine'
                ? `Added ${account.displayName} (machine agent). It works once you create an ` +
                    'API key for it: API keys, in its row.'
                : `Added ${account.displayName} (${roleLabel(account.role).toLowerCase()}). ` +
                    'They can sign in now with the temporary password.',
            )
          }
        />
      </div>
      {editing ? (
        <EditAgentDialog
          account={editing}
          onClose={closeDialog}
          onSaved={(before, after) => {
            setNotice(savedMessage(before, after));
            closeDialog();
          }}
        />
      ) : null}
      {keysFor ? (
        <AccountDialog
          title={`API keys for ${keysFor.displayName}`}
          subtitle={keysFor.email}
          onClose={closeKeys}
        >
          <ApiKeysPanel agent={keysFor} />
          <div className="flex justify-end">
            <Button variant="secondary" onClick={closeKeys}>
              Close
            </Button>
          </div>
        </AccountDialog>
      ) : null}
    </section>
  );
}
