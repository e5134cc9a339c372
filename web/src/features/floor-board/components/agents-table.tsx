import { useNow } from '@/hooks/use-now';
import { cn } from '@/utils/cn';
import { formatElapsed } from '@/utils/duration';

import type { FloorAgent, FloorAlert } from '../api/schemas';
import { floorCallStateText, floorStatusDotClass, floorStatusText, rowAlertWords } from '../labels';
import { sortAgents, type AgentSort, type SortKey } from '../sort-agents';

/** How often the times in state and on a call move on. */
export const tickMs = 1_000;

type AgentsTableProps = {
  agents: readonly FloorAgent[];
  /** How far the server's clock is ahead of this PC's (ms): times are counted on the server's. */
  serverOffsetMs: number;
  sort: AgentSort;
  onSort: (key: SortKey) => void;
  /** The per-agent alerts (ringing long, long break), by agent id. */
  rowAlerts: ReadonlyMap<string, readonly FloorAlert[]>;
  /** Agents whose status changed since the snapshot before, and which snapshot that was. */
  changed: { agentIds: ReadonlySet<string>; round: number };
};

const cell = 'border-b border-slate-100 px-1.5 py-1.5 align-middle';
const numberCell = cn(cell, 'text-right tabular-nums');

/**
 * Everyone who takes calls (machine agents marked so in words): their status, for how long, their
 * call, and their day.
 */
export function AgentsTable({
  agents,
  serverOffsetMs,
  sort,
  onSort,
  rowAlerts,
  changed,
}: AgentsTableProps) {
  const serverNow = useNow(tickMs) + serverOffsetMs;
  const sorted = sortAgents(agents, sort);

  const heading = (label: string, className?: string) => (
    <th
      scope="col"
      className={cn('border-b border-slate-200 px-1.5 py-1.5 whitespace-nowrap', className)}
    >
      {label}
    </th>
  );
  const sortable = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? sort.direction : undefined}
        className="border-b border-slate-200 px-0.5 py-0.5"
      >
        <button
          type="button"
          onClick={() => onSort(key)}
          className="inline-flex w-full items-center gap-1 rounded px-1 py-1 text-left font-semibold hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {label}
          <span aria-hidden="true" className={cn('text-slate-400', active && 'text-slate-700')}>
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table className="w-full table-fixed border-separate border-spacing-0 text-left text-sm">
      <caption className="sr-only">Agents</caption>
      <colgroup>
        <col />
        <col className="w-38" />
        <col className="w-20" />
        <col className="w-40" />
        <col className="w-12" />
        <col className="w-17" />
        <col className="w-15" />
        <col className="w-12" />
        <col className="w-23" />
      </colgroup>
      <thead className="sticky top-0 z-10 bg-white text-xs text-slate-600">
        <tr>
          {sortable('name', 'Agent')}
          {sortable('status', 'Status')}
          {heading('In state', 'text-right')}
          {heading('Current call')}
          {heading('Calls', 'text-right')}
          {heading('Contacts', 'text-right')}
          {heading('Talk', 'text-right')}
          {heading('Links', 'text-right')}
          {heading('Conversions', 'text-right')}
        </tr>
      </thead>
      <tbody>
        {sorted.map((agent) => (
          <AgentRow
            key={agent.agentId}
            agent={agent}
            serverNow={serverNow}
            alerts={rowAlerts.get(agent.agentId) ?? []}
            changedClass={
              changed.agentIds.has(agent.agentId)
                ? changed.round % 2 === 0
                  ? 'floor-row-changed-a'
                  : 'floor-row-changed-b'
                : null
            }
          />
        ))}
      </tbody>
    </table>
  );
}

/** Whole seconds from `since` to `serverNow`; null when there is no start. */
function elapsedSeconds(since: string | null, serverNow: number): number | null {
  if (since === null) return null;
  return Math.max(0, Math.floor((serverNow - Date.parse(since)) / 1000));
}

/** The warning sign by a time that is too long, and what it means in words. */
function TooLong({ alert }: { alert: FloorAlert | undefined }) {
  if (!alert) return null;
  return (
    <>
      <span aria-hidden="true" className="mr-1 text-amber-700">
        ⚠
      </span>
      <span className="sr-only">{rowAlertWords[alert.code]}: </span>
    </>
  );
}

function AgentRow({
  agent,
  serverNow,
  alerts,
  changedClass,
}: {
  agent: FloorAgent;
  serverNow: number;
  alerts: readonly FloorAlert[];
  changedClass: string | null;
}) {
  const inState = elapsedSeconds(agent.statusSince, serverNow);
  const onCall = agent.call ? elapsedSeconds(agent.call.startedAt, serverNow) : null;
  const status = floorStatusText(agent);
  const longBreak = alerts.find((alert) => alert.code === 'break_long');
  const ringingLong = alerts.find((alert) => alert.code === 'call_ringing_long');
  const alerted = alerts.length > 0;
  return (
    <tr
      data-changed={changedClass ? 'true' : undefined}
      data-alert={alerted ? 'true' : undefined}
      className={cn(
        alerted && 'bg-amber-50',
        changedClass,
        agent.status === 'offline' && 'text-slate-500',
      )}
    >
      <th scope="row" className={cn(cell, 'truncate font-medium')} title={agent.name}>
        {agent.kind === 'machine' ? (
          // The mark stays in view when a long name is cut short.
          <span className="flex min-w-0 items-center gap-1">
            <span className="truncate">{agent.name}</span>{' '}
            <span className="shrink-0 rounded bg-violet-100 px-1 text-xs font-semibold text-violet-900">
              Machine
            </span>
          </span>
        ) : (
          agent.name
        )}
      </th>
      <td className={cell}>
        <span className="flex min-w-0 items-center gap-1.5" title={status}>
          <span
            aria-hidden="true"
            className={cn('size-2.5 shrink-0 rounded-full', floorStatusDotClass(agent.status))}
          />
          <span className="truncate">{status}</span>
        </span>
      </td>
      <td
        className={cn(numberCell, longBreak && 'font-semibold text-amber-800')}
        title={longBreak?.message}
      >
        <TooLong alert={longBreak} />
        {inState === null ? '—' : <span role="timer">{formatElapsed(inState)}</span>}
      </td>
      <td
        className={cn(cell, 'truncate', ringingLong && 'font-semibold text-amber-800')}
        title={
          ringingLong?.message ??
          (agent.call?.direction === 'inbound' ? 'A customer calling in' : undefined)
        }
      >
        {agent.call ? (
          <>
            <TooLong alert={ringingLong} />
            {floorCallStateText(agent.call)}
            {agent.call.direction === 'inbound' ? (
              <span className="sr-only">, a customer calling in,</span>
            ) : null}{' '}
            {onCall === null ? null : (
              <span role="timer" className="tabular-nums">
                {formatElapsed(onCall)}
              </span>
            )}
          </>
        ) : (
          '—'
        )}
      </td>
      <td className={numberCell}>{agent.today.calls}</td>
      <td className={numberCell}>{agent.today.contacts}</td>
      <td className={numberCell}>{formatElapsed(agent.today.talkSeconds)}</td>
      <td className={numberCell}>{agent.today.linksSent}</td>
      <td className={numberCell}>{agent.today.conversions}</td>
    </tr>
  );
}
