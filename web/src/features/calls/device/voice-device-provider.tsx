import type { ReactNode } from 'react';

import { useVoiceDeviceOwner, VoiceDeviceContext } from '../hooks/use-voice-device';

/**
 * One voice device per signed-in tab, for every page: a customer's call put through to the agent
 * must find it wherever they are, and it goes with the session (sign-out, expiry).
 */
export function VoiceDeviceProvider({ children }: { children: ReactNode }) {
  const ensureDevice = useVoiceDeviceOwner();
  return <VoiceDeviceContext value={ensureDevice}>{children}</VoiceDeviceContext>;
}
