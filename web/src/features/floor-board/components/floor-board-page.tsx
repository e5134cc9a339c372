import { useId, useMemo, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { LiveIndicator } from '@/features/calls/components/live-indicator';
import { useNow } from '@/hooks/use-now';
import { cn } from '@/utils/cn';
import { serverSkewMs } from '@/utils/server-clock';

import { useFloorBoard } from '../api/get-floor-board';
import type { FloorAgent, FloorAlert, FloorBoard } from '../api/schemas';
import { useLiveFloorBoard } from '../hooks/use-live-floor-board';
import { rowAlertWords } from '../labels';
import { defaultAgentSort, nextAgentSort, type AgentSort } from '../sort-agents';
import { AgentsTable } from './agents-table';
import { AlertsPanel } from './alerts-panel';
import { QueuesPanel } from './queues-panel';
import { TodayStrip } from './today-strip';
import './floor-board.css';

const paneClasses = 'rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200';
const scrollPane = cn(
  paneClasses,
  'min-h-0 overflow-y-auto focus-visible:outline-2 focus-visible:outline-indigo-600',
);

/** The agents whose status (or a break's reason) differs between two snapshots. */
function changedAgents(before: FloorBoard, after: FloorBoard): Set<string> {
  const was = new Map(before.agents.map((agent) => [agent.agentId, agent]));
  const changed = new Set<string>();
  for (const agent of after.agents) {
    const old = was.get(agent.agentId);
    if (old && (old.status !== agent.status || old.reason !== agent.reason)) {
      changed.add(agent.agentId);
    }
  }
  return changed;
}

type Seen = { board: FloorBoard | undefined; agentIds: ReadonlySet<string>; round: number };

/**
 * Which rows changed status with the latest snapshot, worked out once per snapshot (during
 * render, from the one seen before: no effect, so nothing flashes a frame late).
 */
function useChangedRows(board: FloorBoard | undefined): Omit<Seen, 'board'> {
  const [seen, setSeen] = useState<Seen>({ board, agentIds: new Set(), round: 0 });
  if (seen.board !== board) {
    const agentIds =
      seen.board !== undefined && board !== undefined
        ? changedAgents(seen.board, board)
        : new Set<string>();
    setSeen({ board, agentIds, round: seen.round + 1 });
  }
  return { agentIds: seen.agentIds, round: seen.round };
}

/** The per-agent alerts (ringing long, long break) by the agent they are about. */
function alertsByAgent(alerts: readonly FloorAlert[]): Map<string, FloorAlert[]> {
  const byAgent = new Map<string, FloorAlert[]>();
  for (const alert of alerts) {
    if (alert.subjectId === null || !(alert.code in rowAlertWords)) continue;
    byAgent.set(alert.subjectId, [...(byAgent.get(alert.subjectId) ?? []), alert]);
  }
  return byAgent;
}

/**
 * The live floor (supervisors, admins): the day's figures, everyone's status and call with the
 * time they have been in it, the queues' depth and what needs attention. Read again on every
 * live event; the times tick here, on the server's clock.
 */
/** What the team filter offers: everyone, each team on the board, and those in none. */
type TeamChoice = { label: string; team: string | null };

function teamChoices(agents: readonly FloorAgent[]): TeamChoice[] {
  const teams = [...new Set(agents.map((a) => a.team).filter((t) => t !== ''))].sort((a, b) =>
    a.localeCompare(b, 'en-GB'),
  );
  const choices: TeamChoice[] = [{ label: 'All teams', team: null }];
  for (const team of teams) choices.push({ label: team, team });
  if (agents.some((a) => a.team === '')) choices.push({ label: 'No team', team: '' });
  return choices;
}

export function FloorBoardPage() {
  const id = useId();
  // A team leader watches their own team; the choice is by name, so it survives every re-read.
  const [team, setTeam] = useState<string | null>(null);
  const board = useFloorBoard();
  useLiveFloorBoard();
  const [sort, setSort] = useState<AgentSort>(defaultAgentSort);
  const changed = useChangedRows(board.data);
  const rowAlerts = useMemo(() => alertsByAgent(board.data?.alerts ?? []), [board.data]);
  const serverOffsetMs = serverSkewMs(board.data?.at, board.dataUpdatedAt);
  // The queues' "next callable" only needs the minute.
  const serverNow = useNow(30_000) + serverOffsetMs;

  let content;
  if (board.data) {
    const { data } = board;
    const choices = teamChoices(data.agents);
    const shown = team === null ? data.agents : data.agents.filter((a) => a.team === team);
    const chosen = Math.max(
      0,
      choices.findIndex((c) => c.team === team),
    );
    content = (
      <>
        {board.isRefetchError ? (
          <div className="flex shrink-0 items-center gap-2">
            <Alert className="flex-1 py-1">
              The board could not be brought up to date: {board.error.message}
            </Alert>
            <Button variant="secondary" onClick={() => void board.refetch()}>
              Retry
            </Button>
          </div>
        ) : null}
        <TodayStrip today={data.today} />
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_15rem] gap-3">
          <section
            aria-labelledby={`${id}-agents`}
            className={cn(paneClasses, 'flex min-h-0 flex-col gap-2')}
          >
            <div className="flex shrink-0 items-center justify-between gap-2">
              <h2
                id={`${id}-agents`}
                className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
              >
                Agents
              </h2>
              {choices.length > 2 || team !== null ? (
                <div className="flex items-center gap-2">
                  <label htmlFor={`${id}-team`} className="text-xs font-medium text-slate-600">
                    Team
                  </label>
                  <Select
                    id={`${id}-team`}
                    className="w-40 py-1"
                    value={String(chosen)}
                    onChange={(event) => setTeam(choices[Number(event.target.value)]?.team ?? null)}
                  >
                    {choices.map((c, i) => (
                      <option key={c.label} value={String(i)}>
                        {c.label}
                      </option>
                    ))}
                  </Select>
                </div>
              ) : null}
            </div>
            {data.agents.length === 0 ? (
              <p className="text-sm text-slate-600">No agents yet</p>
            ) : shown.length === 0 ? (
              <p className="text-sm text-slate-600">No one in this team is on the board</p>
            ) : (
              // The sort buttons in its header take the focus, and the keyboard scrolls from them.
              <div className="relative min-h-0 flex-1 overflow-y-auto">
                <AgentsTable
                  agents={shown}
                  serverOffsetMs={serverOffsetMs}
                  sort={sort}
                  onSort={(key) => setSort((current) => nextAgentSort(current, key))}
                  rowAlerts={rowAlerts}
                  changed={changed}
                />
              </div>
            )}
          </section>
          <div className="flex min-h-0 flex-col gap-3">
            <QueuesPanel queues={data.queues} serverNow={serverNow} className={scrollPane} />
            <AlertsPanel alerts={data.alerts} className={cn(scrollPane, 'min-h-32 flex-1')} />
          </div>
        </div>
      </>
    );
  } else if (board.isError) {
    content = (
      <div className="space-y-2">
        <Alert>The floor could not be loaded: {board.error.message}</Alert>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => void board.refetch()}>
            Retry
          </Button>
          {board.isFetching ? <Spinner label="Loading the floor" /> : null}
        </div>
      </div>
    );
  } else {
    content = <Spinner label="Loading the floor" />;
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <div className="flex shrink-0 items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Floor</h1>
        <LiveIndicator />
      </div>
      {content}
    </div>
  );
}
