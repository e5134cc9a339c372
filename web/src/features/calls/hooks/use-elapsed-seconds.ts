import { useEffect, useState } from 'react';

/** Whole seconds since `since` (a Date.now() value), ticking while set; 0 while it is null. */
export function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return undefined;
    // Twice a second, so the display never lags the real second by more than half of one.
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}
