import { AgentStatusControl } from '@/features/agent-status/components/agent-status-control';
import { ShortcutsHelp } from '@/features/shortcuts/components/shortcuts-help';

import { DayCounters } from './day-counters';

/**
 * What the signed-in shell shows beside the product name: for agents and supervisors (who take
 * calls) their status and their day's figures; for everyone the keyboard shortcuts help.
 */
export function TopBarTools({ takesCalls }: { takesCalls: boolean }) {
  return (
    <div className="flex items-center gap-3">
      {takesCalls ? (
        <>
          <AgentStatusControl />
          <DayCounters />
        </>
      ) : null}
      <ShortcutsHelp />
    </div>
  );
}
