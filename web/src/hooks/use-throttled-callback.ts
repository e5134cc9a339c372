import { useCallback, useEffect, useRef } from 'react';

/**
 * Returns a function that runs `fn` at once and then at most once every `gapMs`: any calls inside
 * a gap are folded into one run at its end, so a burst costs two runs, not one per call. Nothing
 * runs after unmount.
 */
export function useThrottledCallback(fn: () => void, gapMs: number): () => void {
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      pending.current = false;
    },
    [],
  );

  return useCallback(() => {
    if (timer.current !== null) {
      pending.current = true;
      return;
    }
    const runAndWait = () => {
      fnRef.current();
      timer.current = setTimeout(() => {
        timer.current = null;
        if (!pending.current) return;
        pending.current = false;
        runAndWait();
      }, gapMs);
    };
    runAndWait();
  }, [gapMs]);
}
