import { useEffect, useRef, useState } from 'react';

import { autoDialClock, type Clock } from '../clock';

/**
 * The whole seconds left until `endsAt` (milliseconds on `clock`), rounded up and re-read on each
 * second's boundary; null while `endsAt` is null (not counting). When it reaches 0, `onExpire` is
 * called, once per `endsAt`. Counting against a deadline rather than ticking down a number keeps
 * it right when the browser runs timers late (a background tab).
 */
export function useCountdown(
  endsAt: number | null,
  onExpire: () => void,
  clock: Clock = autoDialClock(),
): number | null {
  const [shown, setShown] = useState<{ endsAt: number; left: number } | null>(null);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  });

  useEffect(() => {
    if (endsAt === null) return undefined;
    let timer: unknown = null;
    const tick = () => {
      timer = null;
      const leftMs = endsAt - clock.now();
      if (leftMs <= 0) {
        setShown({ endsAt, left: 0 });
        onExpireRef.current();
        return;
      }
      setShown({ endsAt, left: Math.ceil(leftMs / 1000) });
      // To the next whole second left (or the end), not a fixed second from now.
      timer = clock.setTimeout(tick, leftMs % 1000 || 1000);
    };
    tick();
    return () => {
      if (timer !== null) clock.clearTimeout(timer);
    };
  }, [endsAt, clock]);

  if (endsAt === null) return null;
  // Before the first tick of a new deadline: what it will say.
  if (shown?.endsAt !== endsAt) return Math.max(0, Math.ceil((endsAt - clock.now()) / 1000));
  return shown.left;
}

/** Calls `onReached` once when `clock` reaches `at` (at once if it has); nothing while null. */
export function useDeadline(
  at: number | null,
  onReached: () => void,
  clock: Clock = autoDialClock(),
): void {
  const onReachedRef = useRef(onReached);
  useEffect(() => {
    onReachedRef.current = onReached;
  });
  useEffect(() => {
    if (at === null) return undefined;
    const handle = clock.setTimeout(() => onReachedRef.current(), Math.max(0, at - clock.now()));
    return () => clock.clearTimeout(handle);
  }, [at, clock]);
}
