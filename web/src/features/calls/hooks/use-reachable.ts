import { useEffect, useState } from 'react';

import { voiceErrorMessage } from './use-call';
import { useVoiceDevice } from './use-voice-device';

/**
 * While `available`, makes sure the agent's voice device exists and is registered, so that a
 * customer's call put through to them can ring in this tab. Returns why it cannot, in words, or
 * null. Tried again each time the agent becomes available.
 */
export function useReachable(available: boolean): string | null {
  const ensureDevice = useVoiceDevice();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!available) return undefined;
    let current = true;
    ensureDevice()
      .then((device) => device.register())
      .then(
        () => {
          if (current) setProblem(null);
        },
        (failure: unknown) => {
          if (current) setProblem(voiceErrorMessage(failure));
        },
      );
    return () => {
      current = false;
    };
  }, [available, ensureDevice]);

  return available ? problem : null;
}
