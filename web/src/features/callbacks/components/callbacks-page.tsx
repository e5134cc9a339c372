import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { useSession } from '@/features/auth/api/get-me';
import { cn } from '@/utils/cn';

import { useCallbacks } from '../api/get-callbacks';
import { useTeamMembers } from '../api/get-team-members';
import { callbackScopeSchema, type CallbackRow, type CallbackScope } from '../api/schemas';
import { useServerNow } from '../hooks/use-server-now';
import {
  agentName,
  callbackCustomerName,
  emptyLabels,
  namesById,
  scopeLabels,
  teamLabel,
} from '../labels';
import { ActionDialog } from './action-dialog';
import { CallbackTable, type CallbackAction, type Permissions } from './callback-table';
import { CancelForm } from './cancel-form';
import { ReassignForm } from './reassign-form';
import { RescheduleForm } from './reschedule-form';

const scopes = callbackScopeSchema.options;

/** The Agent filter's values besides an agent's id. */
const allAgents = 'all';
const teamAgent = 'team';

type OpenAction = { action: CallbackAction; callback: CallbackRow };

const dialogTitles: Record<CallbackAction, string> = {
  reschedule: 'Reschedule callback for',
  reassign: 'Reassign callback for',
  cancel: 'Cancel callback for',
};

function bySchedule(a: CallbackRow, b: CallbackRow): number {
  return Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor) || Number(a.id) - Number(b.id);
}

/**
 * The Callbacks page: my callbacks, the team's and the overdue ones, soonest first, with their
 * actions (reschedule, reassign, cancel). Which list is shown lives in the address
 * (`?show=team`), so a reload comes back to it. Kept current by the live socket (see
 * CallbackDueNotices, mounted on every signed-in page).
 */
export function CallbacksPage() {
  const id = useId();
  const { agent } = useSession();
  const [params, setParams] = useSearchParams();
  const shown = callbackScopeSchema.safeParse(params.get('show'));
  const scope: CallbackScope = shown.success ? shown.data : 'mine';
  const [customerFilter, setCustomerFilter] = useState('');
  const [agentFilter, setAgentFilter] = useState(allAgents);
  const [open, setOpen] = useState<OpenAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<CallbackScope, HTMLButtonElement>());

  const list = useCallbacks(scope);
  const members = useTeamMembers();
  const now = useServerNow(list.data ? { now: list.data.now, at: list.dataUpdatedAt } : null);
  const names = useMemo(() => {
    const known = namesById(members.data?.agents);
    if (!known.has(agent.id)) known.set(agent.id, agent.displayName);
    return known;
  }, [members.data, agent.id, agent.displayName]);

  const permissions: Permissions = {
    canChange: (callback) => agent.role !== 'agent' || callback.agentId === agent.id,
    canReassign: agent.role === 'supervisor' || agent.role === 'admin',
  };
  const filtersByAgent = scope !== 'mine';

  const rows = useMemo(() => {
    const words = customerFilter.trim().toLowerCase();
    return (list.data?.callbacks ?? [])
      .filter((callback) => {
        if (words === '') return true;
        return (
          callbackCustomerName(callback).toLowerCase().includes(words) ||
          callback.userId.toLowerCase().includes(words)
        );
      })
      .filter((callback) => {
        if (!filtersByAgent || agentFilter === allAgents) return true;
        if (agentFilter === teamAgent) return callback.agentId === null;
        return callback.agentId === agentFilter;
      })
      .sort(bySchedule);
  }, [list.data, customerFilter, agentFilter, filtersByAgent]);

  // Everyone a callback may be with: the team's active people and whoever the list names.
  const agentOptions = useMemo(() => {
    const ids = new Set(
      (members.data?.agents ?? [])
        .filter((member) => member.active && member.role !== 'admin')
        .map((member) => member.id),
    );
    for (const callback of list.data?.callbacks ?? []) {
      if (callback.agentId !== null) ids.add(callback.agentId);
    }
    if (agentFilter !== allAgents && agentFilter !== teamAgent) ids.add(agentFilter);
    return [...ids]
      .map((agentId) => ({ id: agentId, name: agentName(agentId, names) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [members.data, list.data, names, agentFilter]);

  function showScope(next: CallbackScope, focus = false) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'mine') updated.delete('show');
        else updated.set('show', next);
        return updated;
      },
      { replace: true },
    );
    if (focus) tabRefs.current.get(next)?.focus();
  }

  function handleTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = scopes.indexOf(scope);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % scopes.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + scopes.length) % scopes.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = scopes.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = scopes[next];
    if (target) showScope(target, true);
  }

  function openAction(action: CallbackAction, callback: CallbackRow) {
    returnFocusRef.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
    setOpen({ action, callback });
  }

  function closeAction() {
    setOpen(null);
    // Back where the user was; when that button went with its row, to the list.
    requestAnimationFrame(() => {
      const back = returnFocusRef.current;
      if (back?.isConnected) back.focus();
      else listRef.current?.focus();
    });
  }

  function finishAction(message: string) {
    setNotice(message);
    closeAction();
  }

  let content;
  if (list.isPending) {
    content = <Spinner label="Loading callbacks" className="p-2" />;
  } else if (list.isError) {
    content = (
      <div className="space-y-2 p-1">
        <Alert>The callbacks could not be loaded: {list.error.message}</Alert>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
          {list.isFetching ? <Spinner label="Loading callbacks" /> : null}
        </div>
      </div>
    );
  } else if (list.data.callbacks.length === 0) {
    content = <p className="p-2 text-sm text-slate-500">{emptyLabels[scope]}</p>;
  } else if (rows.length === 0) {
    content = <p className="p-2 text-sm text-slate-500">No callbacks match the filters</p>;
  } else {
    content = (
      <CallbackTable
        callbacks={rows}
        now={now}
        names={names}
        permissions={permissions}
        onAction={openAction}
        label={`${scopeLabels[scope]} callbacks`}
      />
    );
  }

  const openName = open ? callbackCustomerName(open.callback) : '';
  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <div className="flex shrink-0 flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Callbacks</h1>
        <div
          role="tablist"
          aria-label="Which callbacks"
          className="inline-flex rounded-md bg-slate-100 p-0.5"
        >
          {scopes.map((option) => {
            const selected = option === scope;
            return (
              <button
                key={option}
                ref={(element) => {
                  if (element) tabRefs.current.set(option, element);
                  else tabRefs.current.delete(option);
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${option}`}
                aria-selected={selected}
                aria-controls={`${id}-panel`}
                tabIndex={selected ? 0 : -1}
                onClick={() => showScope(option)}
                onKeyDown={handleTabKeyDown}
                className={cn(
                  'rounded px-4 py-1.5 text-sm font-medium',
                  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600',
                  selected
                    ? 'bg-white text-indigo-700 shadow-sm'
                    : 'text-slate-600 hover:text-slate-900',
                )}
              >
                {scopeLabels[option]}
              </button>
            );
          })}
        </div>
      </div>

      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${scope}`}
        className="flex min-h-0 flex-1 flex-col gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex shrink-0 flex-wrap items-end gap-3">
          <div className="w-72 space-y-1">
            <Label htmlFor={`${id}-customer`}>Filter by customer</Label>
            <Input
              id={`${id}-customer`}
              type="search"
              value={customerFilter}
              onChange={(event) => setCustomerFilter(event.target.value)}
              placeholder="Name or customer number"
              autoComplete="off"
              className="py-1.5"
            />
          </div>
          {filtersByAgent ? (
            <div className="w-60 space-y-1">
              <Label htmlFor={`${id}-agent`}>Agent</Label>
              <Select
                id={`${id}-agent`}
                value={agentFilter}
                onChange={(event) => setAgentFilter(event.target.value)}
                className="py-1.5"
              >
                <option value={allAgents}>All</option>
                <option value={teamAgent}>{teamLabel}</option>
                {agentOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {list.isSuccess && list.isFetching ? <Spinner label="Updating" className="pb-2" /> : null}
        </div>
        {/* Always in the page so that a screen reader is listening before the message arrives. */}
        <p
          role="status"
          aria-live="polite"
          className="shrink-0 text-sm font-medium text-emerald-800"
        >
          {notice}
        </p>
        {/* Scrolls by itself, so it takes the focus: the keyboard can scroll it too. */}
        <div
          ref={listRef}
          role="region"
          aria-label={`${scopeLabels[scope]} callbacks`}
          tabIndex={0}
          className="relative min-h-0 flex-1 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {content}
        </div>
      </div>

      {open ? (
        <ActionDialog title={`${dialogTitles[open.action]} ${openName}`} onClose={closeAction}>
          {open.action === 'reschedule' ? (
            <RescheduleForm
              callback={open.callback}
              name={openName}
              onDone={finishAction}
              onClose={closeAction}
            />
          ) : open.action === 'reassign' ? (
            <ReassignForm
              callback={open.callback}
              name={openName}
              onDone={finishAction}
              onClose={closeAction}
            />
          ) : (
            <CancelForm
              callback={open.callback}
              name={openName}
              onDone={finishAction}
              onClose={closeAction}
            />
          )}
        </ActionDialog>
      ) : null}
    </div>
  );
}
