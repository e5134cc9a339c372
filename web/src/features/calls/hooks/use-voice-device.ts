import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

import { telephonyTokenQueryOptions } from '../api/get-telephony-token';
import type { VoiceDevice } from '../device/types';
import { useVoiceDeviceFactory } from '../device/voice-device-context';

/** Resolves with the agent's voice device, or rejects (no token, no voice service). */
export type EnsureVoiceDevice = () => Promise<VoiceDevice>;

export const VoiceDeviceContext = createContext<EnsureVoiceDevice | null>(null);

/**
 * Owns the agent's voice device (see VoiceDeviceProvider): made when it is first needed (a call,
 * or being reachable for calls to the agent) and kept until the owner goes, so that later calls
 * start at once and a call put through to the agent finds it on whichever page they are. While it
 * exists its token is renewed at 80% of its lifetime and handed over.
 */
export function useVoiceDeviceOwner(): EnsureVoiceDevice {
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

/** The signed-in agent's voice device, shared by the softphone and calls ringing for them. */
export function useVoiceDevice(): EnsureVoiceDevice {
  const ensureDevice = useContext(VoiceDeviceContext);
  if (!ensureDevice) throw new Error('useVoiceDevice must be used inside VoiceDeviceProvider');
  return ensureDevice;
}
