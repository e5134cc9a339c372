import { useEffect, useState } from 'react';

/**
 * Date.now(), read again every `intervalMs` while that is set (and at once when it becomes set,
 * so a value kept from long ago is never used); frozen while it is null.
 */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
