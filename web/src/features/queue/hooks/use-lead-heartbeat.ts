import { useEffect, useRef } from 'react';

import { isApiError, type ApiError } from '@/lib/api-error';

import { useHeartbeat } from '../api/heartbeat';

/** A quarter of the server's 120 s lease: three heartbeats can be lost before the hold is. */
export const heartbeatIntervalMs = 30_000;

/**
 * Keeps the hold on `userId` alive while it is set. `onLost` is called when the server says the
 * hold is gone (409); other failures are left for the next beat, which may well get through.
 */
export function useLeadHeartbeat(
  userId: string | null,
  onLost: (userId: string, error: ApiError) => void,
): void {
  const { mutate } = useHeartbeat();
  const onLostRef = useRef(onLost);
  useEffect(() => {
    onLostRef.current = onLost;
  });

  useEffect(() => {
    if (userId === null) return undefined;
    const timer = setInterval(() => {
      mutate(userId, {
        onError: (error) => {
          if (isApiError(error) && error.status === 409) onLostRef.current(userId, error);
        },
      });
    }, heartbeatIntervalMs);
    return () => clearInterval(timer);
  }, [userId, mutate]);
}
