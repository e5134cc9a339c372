// The words auto mode uses.
import type { StopReason } from './auto-mode';

/** "2 h", "1 h 30 min", "45 min": how long the agent has worked, from the reminder's minutes. */
export function workedFor(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function breakReminderText(minutes: number): string {
  return `You have been working for ${workedFor(minutes)} — time for a break`;
}

/** Why auto mode stopped by itself; `calls` is how many it placed. */
export function stoppedText(reason: StopReason, calls: number): string {
  switch (reason) {
    case 'max-calls':
      return `Auto mode stopped after ${calls} ${calls === 1 ? 'call' : 'calls'}`;
    case 'no-customer':
      return 'Auto mode stopped: there is nobody to call now.';
    case 'load-failed':
      return 'Auto mode stopped: the next customer could not be loaded.';
  }
}
