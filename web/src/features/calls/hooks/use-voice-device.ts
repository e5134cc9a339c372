import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { telephonyTokenQueryOptions } from '../api/get-telephony-token';
import type { VoiceDevice } from '../device/types';
import { useVoiceDeviceFactory } from '../device/voice-device-context';

/**
 * The agent's voice device, made on the first call and kept until the page goes (so later calls
 * start at once). While it exists its token is renewed at 80% of its lifetime and handed over.
 * Returns `ensureDevice`, which resolves with the device or rejects (no token, no voice service).
 */
export function useVoiceDevice(): () => Promise<VoiceDevice> {
  const createDevice = useVoiceDeviceFactory();
  const queryClient = useQueryClient();
  const deviceRef = useRef<VoiceDevice | null>(null);
  const [hasDevice, setHasDevice] = useState(false);
  // Observing the token is what keeps it renewed (the query's refetchInterval).
  const token = useQuery({ ...telephonyTokenQueryOptions(), enabled: hasDevice });
  const currentToken = token.data?.token;

  useEffect(() => {
    if (currentToken !== undefined) deviceRef.current?.updateToken(currentToken);
  }, [currentToken]);

  useEffect(
    () => () => {
      deviceRef.current?.destroy();
      deviceRef.current = null;
    },
    [],
  );

  return useCallback(async () => {
    if (deviceRef.current) return deviceRef.current;
    const { token: value, mode } = await queryClient.fetchQuery(telephonyTokenQueryOptions());
    deviceRef.current ??= createDevice(value, mode);
    setHasDevice(true);
    return deviceRef.current;
  }, [createDevice, queryClient]);
}
