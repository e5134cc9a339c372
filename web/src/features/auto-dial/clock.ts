// Where auto mode gets the time and its timers. Production uses the browser's (read when used, so
// Vitest's fake timers apply); a test may put a manual clock in with setAutoDialClock, as TanStack
// Query lets tests replace its timeout provider.

/** A timer set with Clock.setTimeout, to be cleared with Clock.clearTimeout. */
export type TimerHandle = unknown;

export type Clock = {
  /** Milliseconds since the epoch, as Date.now(). */
  now: () => number;
  setTimeout: (callback: () => void, delayMs: number) => TimerHandle;
  clearTimeout: (handle: TimerHandle) => void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let current: Clock = systemClock;

/** The clock auto mode uses from now on; null puts the browser's back. */
export function setAutoDialClock(clock: Clock | null): void {
  current = clock ?? systemClock;
}

export function autoDialClock(): Clock {
  return current;
}
