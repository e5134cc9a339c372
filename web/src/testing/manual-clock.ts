// A clock the test moves by hand (userver's MockNow, the C++ side's ManualClock): timers set on
// it run only when advance() passes their time, in time order, each seeing its own "now".
import type { Clock } from '@/features/auto-dial/clock';

type Timer = { id: number; at: number; callback: () => void };

export type ManualClock = Clock & {
  /** Moves time on by `ms`, running every timer that falls due on the way. */
  advance: (ms: number) => void;
  /** Timers still waiting. */
  readonly pending: number;
};

export function createManualClock(start = Date.parse('2026-11-24T10:00:00Z')): ManualClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const timer = { id: nextId++, at: now + Math.max(0, delayMs), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers
          .filter((timer) => timer.at <= end)
          .sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = Math.max(now, due.at);
        due.callback();
      }
      now = end;
    },
    get pending() {
      return timers.length;
    },
  };
}
